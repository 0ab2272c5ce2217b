"""liveblog-corpus: news live blogs as validated research tables.

>>> import corpus
>>> entries = corpus.load("entries")   # a pandas DataFrame
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

try:
    __version__ = version("liveblog-corpus")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"

DEFAULT_PROCESSED = Path("data/processed")


def load(table: str, path: str | Path | None = None):
    """One table as a pandas DataFrame, from `path` (default: data/processed)."""
    from corpus.schema import TABLES
    from corpus.store import read_table

    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; tables: {', '.join(TABLES)}")
    folder = Path(path) if path is not None else DEFAULT_PROCESSED
    return read_table(folder / f"{table}.parquet").to_pandas()


__all__ = ["__version__", "load"]
