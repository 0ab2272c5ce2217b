"""liveblog-corpus: news live blogs as validated research tables.

>>> import corpus
>>> entries = corpus.load("entries")   # a pandas DataFrame
"""
from __future__ import annotations

import os
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

try:
    __version__ = version("liveblog-corpus")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"

DEFAULT_PROCESSED = Path("data/processed")
DATA_ENV = "CORPUS_DATA"  # a folder of built tables to read instead of data/processed


def data_dir() -> Path:
    """The folder `load` reads by default: $CORPUS_DATA, else data/processed."""
    return Path(os.environ.get(DATA_ENV) or DEFAULT_PROCESSED)


def load(table: str, version: str | None = None, path: str | Path | None = None,
         check: bool = True):
    """One table as a pandas DataFrame.

    From `path` (a data folder, a release folder or a release zip); else from the
    published release `version` (downloaded once, its sha256 checked); else
    from `data_dir()` ($CORPUS_DATA or data/processed). The table's files are
    checked against the folder's or release's SHA256SUMS (check=False skips that).
    """
    import pyarrow as pa

    from corpus.release import ReleaseFiles, fetch
    from corpus.schema import ALL_TABLES

    if table not in ALL_TABLES:
        raise ValueError(f"unknown table {table!r}; tables: {', '.join(ALL_TABLES)}")
    source = Path(path) if path is not None else fetch(version) if version is not None else data_dir()
    data = ReleaseFiles(source).table(table, check=check)
    frame = data.to_pandas()
    for field in data.schema:  # nullable integers stay integers (pandas would make them floats)
        if pa.types.is_integer(field.type) and field.nullable:
            frame[field.name] = frame[field.name].astype("Int64")
    return frame


__all__ = ["__version__", "data_dir", "load"]
