"""Entities: reference data, patterns on unseen sentences (incl. the sample pages), offsets, linking."""
import csv
import re
from collections import Counter
from importlib.resources import files

import pyarrow.parquet as pq
import pytest

from conftest import PROCESSED_DIR
from corpus.extract.entities import Recogniser, recogniser, whole_words
from corpus.extract.reference import ENTITY_TYPES, geonames_cities, gazetteer, read_gazetteer

GAZETTEER_TEXT = files("corpus.extract").joinpath("data/gazetteer.csv").read_text(encoding="utf-8")


def found(text):
    return [(m.text, m.type) for m in recogniser().entry_mentions({"body": text})["body"]]


def test_gazetteer_format():
    rows = list(csv.DictReader(GAZETTEER_TEXT.splitlines()))
    assert list(rows[0]) == ["canonical_name", "type", "aliases", "wikidata_id", "geonames_id"]
    for row in rows:
        assert row["type"] in ENTITY_TYPES
        assert row["wikidata_id"] == "" or re.fullmatch(r"Q[1-9]\d*", row["wikidata_id"]), row
        assert row["geonames_id"] == "" or row["geonames_id"].isdigit()
    names = Counter((name, ref.type) for ref, aliases in gazetteer() for name in set(aliases))
    assert [key for key, n in names.items() if n > 1] == []  # no alias names two entities of one type


def test_gazetteer_geonames_ids_name_the_same_city():
    cities = geonames_cities()
    for ref, names in gazetteer():
        if ref.geonames_id in cities:
            assert cities[ref.geonames_id]["name"] in names, ref


@pytest.mark.parametrize("text, expected", [
    ("Defence Minister Oleksii Reznikov told reporters the counteroffensive had begun.",
     [("Oleksii Reznikov", "PERSON")]),
    ("The plan is ready, said Andriy Yermak, head of the presidential office.", [("Andriy Yermak", "PERSON")]),
    # from the sample pages in tests/fixtures (Guardian, Guardian app, Express)
    ("Ukraine can move forward, the commander of Ukrainian ground forces, Col Gen Oleksandr Syrskyi, said on Monday.",
     [("Ukraine", "PLACE"), ("Oleksandr Syrskyi", "PERSON")]),
    ("The UK’s prime minister, Rishi Sunak, has said the UK will be ready to help train Ukrainian pilots.",
     [("UK", "PLACE"), ("Rishi Sunak", "PERSON"), ("UK", "PLACE")]),
    ("Ukraine is transforming into a vassal state of China, Emmanuel Macron has said.",
     [("Ukraine", "PLACE"), ("China", "PLACE"), ("Emmanuel Macron", "PERSON")]),
    ("The Russian defence ministry said that commander Vyacheslav Makarov and deputy commander Yevgeny Brovko "
     "were killed.", [("Vyacheslav Makarov", "PERSON"), ("Yevgeny Brovko", "PERSON")]),
    ("Taiwan’s Central News Agency said 10 people are awaiting rescue.",
     [("Taiwan’s Central News Agency", "ORG")]),
    ("President Cyril Ramaphosa said on Monday the country did not favour Russia.",
     [("Cyril Ramaphosa", "PERSON"), ("Russia", "PLACE")]),
    ("Michael Cole told GB News that she was welcomed.", [("Michael Cole", "PERSON")]),
    # the seed's shapes
    ("Mikhail Razvozhayev, the Moscow-backed governor of Sevastopol, described the attack.",
     [("Mikhail Razvozhayev", "PERSON"), ("Moscow", "PLACE"), ("Sevastopol", "PLACE")]),
    ("the need for the US Congress to pass a package", [("US Congress", "ORG")]),
    ("Russia's Defence Ministry said its forces had foiled an attack.", [("Russia's Defence Ministry", "ORG")]),
    ("Investigators of the Ministry of Internal Affairs found more.", [("Ministry of Internal Affairs", "ORG")]),
])
def test_patterns_find_names_the_gazetteer_lacks(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "Russian and Ukrainian forces clashed as Ukrainians sheltered.",
    "Most people in Reading said it was Nice.",
    "The Secretary-General welcomes the exchange.",
    "Asked what portion was damaged, he declined.",
])
def test_no_entities(text):
    assert found(text) == []


def test_surname_resolves_to_the_full_name_in_the_same_entry():
    mentions = recogniser().entry_mentions({"headline": "Talks resume", "body":
                                            "NATO spokesperson Dylan White said so. White added more."})
    people = [(m.text, m.canonical_name, m.method) for m in mentions["body"] if m.type == "PERSON"]
    assert people == [("Dylan White", "Dylan White", "title-pattern"), ("White", "Dylan White", "surname")]


def test_variant_spellings_link_to_one_entity():
    for variants in (["Kiev", "Kyiv"], ["Zelensky", "Zelenskyy"], ["DPRK", "North Korea"],
                     ["UAE", "United Arab Emirates"], ["Kharkov", "Kharkiv"]):
        refs = {(m.canonical_name, m.wikidata_id) for v in variants
                for m in recogniser().entry_mentions({"body": f"Officials in {v} met."})["body"]}
        assert len(refs) == 1, variants


def test_places_carry_geonames_ids_and_coordinates():
    [kyiv] = recogniser().entry_mentions({"body": "Strikes on Kiev continued."})["body"]
    assert (kyiv.canonical_name, kyiv.wikidata_id, kyiv.geonames_id) == ("Kyiv", "Q1899", 703448)
    assert round(kyiv.latitude, 2) == 50.45 and round(kyiv.longitude, 2) == 30.52


def test_a_line_added_to_the_gazetteer_is_used():
    rows = read_gazetteer(GAZETTEER_TEXT + "Oleksandr Syrskyi,PERSON,Syrskyi,,\n")
    mentions = Recogniser(rows).entry_mentions({"body": "Syrskyi visited the front."})["body"]
    assert [(m.text, m.canonical_name, m.method) for m in mentions] == [("Syrskyi", "Oleksandr Syrskyi", "gazetteer")]


def test_every_committed_offset_is_exact():
    entries = {e["entry_id"]: e for e in pq.read_table(PROCESSED_DIR / "entries.parquet").to_pylist()}
    mentions = pq.read_table(PROCESSED_DIR / "entities.parquet").to_pylist()
    assert len(mentions) > 100
    for m in mentions:
        assert entries[m["entry_id"]][m["field"]][m["start"]:m["end"]] == m["text"]


def test_windowed_matcher_finds_exactly_the_whole_document_matches():
    from corpus import load
    r = recogniser()
    entries = load("entries", path=PROCESSED_DIR)
    texts = [t for t in [*entries["body"], *entries["headline"].dropna()]]
    texts += ["Ukraine's Defence Minister Oleksii Reznikov, the head of the delegation, said nothing.",
              "said Andriy Yermak", "Ministry of Internal Affairs of Ukraine",
              # triggers at both ends, several roles in one word, long appositions, "has said"
              "Ministry", "said", "Kremlin spokesman Dmitry Peskov has said Founder Member Council",
              "Serhiy Popko Petrenko, the head of the city military administration, and governor Oleh Synehubov",
              "Black Sea Fleet Command of Russia's Southern Military District, said General Valery Gerasimov"]
    total = 0
    for text in texts:
        doc = r.nlp.make_doc(text)
        windowed = sorted(r.pattern_matches(doc, r.tokens(doc)))
        assert windowed == sorted(r.patterns(doc)), text[:80]
        total += len(windowed)
    assert total == 127  # pattern matches in the committed entries and the sentences above


def test_a_pattern_found_name_in_another_spelling_links_to_the_known_person():
    rows = read_gazetteer(GAZETTEER_TEXT + "Volodymyr Zelenskyy,PERSON,Zelenskiy|Zelensky,Q3874799,\n")
    r = Recogniser(rows)
    found = r.entry_mentions({"body": "President Volodymyr Zelenskiy said. President Oleksandr Zelenskiy spoke."})
    assert [(m.text, m.canonical_name, m.wikidata_id) for m in found["body"]] == [
        ("Volodymyr Zelenskiy", "Volodymyr Zelenskyy", "Q3874799"),
        ("Oleksandr Zelenskiy", "Oleksandr Zelenskiy", None)]  # another first name: another person


def test_whole_words_finds_what_one_alternation_of_the_words_finds():
    words = sorted(["Kirby", "Kirbyson", "Al-Assad", "Assad", "Jean-Jean", "Jean"], reverse=True)
    text = "Kirby met Kirbyson, Al-Assad and Assad; xKirby Kirby_ Jean-Jean-Jean and Jean."
    assert whole_words(words, text) == [(0, "Kirby"), (10, "Kirbyson"), (20, "Al-Assad"), (33, "Assad"),
                                        (54, "Jean-Jean"), (64, "Jean"), (73, "Jean")]
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")
    for t in (text, "", "Assad-Kirby", "Jean-Jean Jean-Jean-Jean-Jean", "Kirby’s Kirby1 _Kirby ÉKirby Kirbyé"):
        assert whole_words(words, t) == [(m.start(), m.group(0)) for m in pattern.finditer(t)]


def test_whole_words_bounds_words_as_the_regex_engine_does_on_random_text():
    import random
    rng = random.Random(7)
    words = sorted(["ab", "b", "a-", "-a", "’b", "é1"], reverse=True)  # some start or end with a non-word character
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")
    for _ in range(2000):
        t = "".join(rng.choice("ab-’é1_ .") for _ in range(rng.randint(0, 12)))
        assert whole_words(words, t) == [(m.start(), m.group(0)) for m in pattern.finditer(t)], t
