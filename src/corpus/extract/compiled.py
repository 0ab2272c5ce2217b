"""Compiled extractors, optional: which modules `make compiled` compiles, and the guard that
keeps a stale compiled module from running (`corpus.compile_extractors` compiles them).

Python loads a compiled module before its source, so compiled modules older than an edited
source would run code that is no longer there: `use_sources_if_stale`, called when the package
is imported, then loads every module from its source instead, with a warning.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import sys
import warnings
from importlib import resources
from pathlib import Path

DIGESTS = "compiled-sources.sha256"  # "<sha256>  <module file>" lines, as sha256sum writes
NOT_COMPILED = ("__init__.py", "compiled.py")
SUFFIXES = tuple(importlib.machinery.EXTENSION_SUFFIXES)


def sources(folder: Path) -> list[Path]:
    """The package's modules that are compiled."""
    return sorted(p for p in folder.glob("*.py") if p.name not in NOT_COMPILED)


def digests(folder: Path) -> str:
    """The DIGESTS file's text for the sources in folder as they are now."""
    return "".join(
        f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}\n" for p in sources(folder)
    )


def compiled_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.endswith(SUFFIXES))


def is_stale(folder: Path) -> bool:
    """Whether folder holds compiled modules not built from the sources beside them."""
    if not compiled_files(folder):
        return False
    recorded = folder / DIGESTS
    return not recorded.is_file() or recorded.read_text(encoding="utf-8") != digests(folder)


class SourcesOnly(importlib.abc.MetaPathFinder):
    """Finds the package's modules from their sources alone (never a compiled file)."""

    def __init__(self, package: str, folder: Path) -> None:
        self.prefix = package + "."
        loaders = [(importlib.machinery.SourceFileLoader, importlib.machinery.SOURCE_SUFFIXES)]
        self.finder = importlib.machinery.FileFinder(str(folder), *loaders)

    def find_spec(self, fullname, path=None, target=None):
        if not fullname.startswith(self.prefix) or "." in fullname[len(self.prefix) :]:
            return None
        return self.finder.find_spec(fullname, target)


def use_sources_if_stale(package: str) -> None:
    """Load the package's modules from their sources when its compiled ones are stale."""
    folder = resources.files(package)
    if not isinstance(folder, Path) or not is_stale(folder):
        return
    warnings.warn(
        f"{folder}: the compiled extractors were built from other sources than those beside them;"
        " using the sources (`make compiled` compiles them again, `make pure` removes them)",
        stacklevel=2,
    )
    sys.meta_path.insert(0, SourcesOnly(package, folder))
