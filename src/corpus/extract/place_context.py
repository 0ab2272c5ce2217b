"""What an entry's context says of a place: countries, nations and US states by name, the
countries an entry names, the state or country written after a place ("Naples, Florida"), the
populated place a name resolves to among them, and the place names that are everyday words or
people's names (places only where the text says so).
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from corpus.extract.lexicons import given_names
from corpus.extract.place_index import Place
from corpus.extract.reference import (
    geonames,
    geonames_cities,
    populated_places,
    subdivision_codes,
)
from corpus.extract.wordlists import words

GIVEN_NAME_CITY_LIMIT = 1_000_000  # a smaller city named like a person ("Jackson") needs context


@lru_cache(maxsize=1)
def context_places() -> frozenset[str]:
    """City and region names that are everyday words or people's names ("Reading", "Jackson",
    "Bristol"): places only where the text around them says so (see entities)."""
    given = given_names()
    named = {
        c["name"]
        for c in geonames_cities().values()
        if c["name"] in given and c["population"] < GIVEN_NAME_CITY_LIMIT
    }
    continents = {c["name"] for c in geonames().get_continents().values()}
    always = set(country_codes()) | set(us_state_codes()) | continents
    return frozenset((named | words("ambiguous_places")) - always)


@lru_cache(maxsize=1)
def us_state_codes() -> dict[str, str]:
    """Two-letter code of each US state by name ("Florida": "FL"), GeoNames' admin1 code."""
    return {s["name"]: s["code"] for s in geonames().get_us_states().values()}


def context_countries(names) -> frozenset[str]:
    """Country codes of the countries, nations and regions among the names."""
    codes, regions = country_codes(), subdivision_codes()
    return frozenset(codes.get(n) or regions[n] for n in names if n in codes or n in regions)


@lru_cache(maxsize=1)
def nations() -> frozenset[str]:
    """Names of countries and of the nations inside one ('England'): a national team's names."""
    return frozenset(country_codes()) | frozenset(
        s.name for s in pycountry.subdivisions if s.type in ("Country", "Nation")
    )


@lru_cache(maxsize=1)
def country_codes() -> dict[str, str]:
    """ISO 3166 alpha-2 code of each country by its GeoNames name and pycountry's names."""
    codes = {c["name"]: c["iso"] for c in geonames().get_countries().values()}
    for c in pycountry.countries:
        for name in (c.name, getattr(c, "common_name", None)):
            if name:
                codes.setdefault(name, c.alpha_2)
    return codes


QUALIFIER = re.compile(r", ([A-Z][a-z]+(?: [A-Z][a-z]+)?)\b")


@lru_cache(maxsize=1)
def qualifier_names() -> frozenset[str]:
    """Names of states, countries and regions that qualify a place ("Naples, Florida")."""
    return frozenset(us_state_codes()) | frozenset(country_codes()) | frozenset(subdivision_codes())


def qualifier(text: str, end: int) -> str | None:
    """The state or country written after a place's name ending at `end` ("Naples, Florida")."""
    m = QUALIFIER.match(text, end)
    if m is None:
        return None
    name, known = m.group(1), qualifier_names()
    return name if name in known else name.split()[0] if name.split()[0] in known else None


def resolve_place(name: str, countries: frozenset[str], within: str | None = None) -> Place | None:
    """The GeoNames place a name refers to. Written "Naples, Florida": the one in that state or
    country (`within`), or none. Else the one in a country the entry names, when exactly one is;
    else the most populous when it has ten times the people of the next and the entry names no
    other country than its own; else none."""
    places = populated_places().get(name, ())
    if within is not None:
        state = us_state_codes().get(within)
        code = "US" if state else country_codes().get(within) or subdivision_codes().get(within)
        if code is None:
            return None
        places = tuple(p for p in places if p.country == code and (not state or p.admin1 == state))
        return (
            places[0]
            if len(places) == 1
            or len(places) > 1
            and places[0].population >= 10 * places[1].population
            else None
        )
    in_context = [p for p in places if p.country in countries]
    if len(in_context) == 1:
        return in_context[0]
    if len(places) == 1 or places and places[0].population >= 10 * places[1].population:
        return places[0] if not countries or places[0].country in countries else None
    return None
