"""The read side, what a researcher installs alone: `load` a table from a data folder, a release
folder or zip, or a published version (store.py: the Parquet layout; releases.py: files, checksums,
`verify`, `fetch`; metadata.py: datapackage and citation). May import: schema, errors, version."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pyarrow as pa

from corpus.dataset.releases import ReleaseFiles, fetch
from corpus.schema import ALL_TABLES

DEFAULT_PROCESSED = Path("data/processed")
DATA_ENV = "CORPUS_DATA"  # a folder of built tables to read instead of data/processed


def data_dir() -> Path:
    """The folder `load` reads by default: $CORPUS_DATA, else data/processed."""
    return Path(os.environ.get(DATA_ENV) or DEFAULT_PROCESSED)


def load(table: str, version: str | None = None, path: str | Path | None = None,
         check: bool = True) -> pd.DataFrame:
    """One table as a pandas DataFrame.

    From `path` (a data folder, a release folder or a release zip); else from the
    published release `version` (downloaded once, its sha256 checked); else
    from `data_dir()` ($CORPUS_DATA or data/processed). The table's files are
    checked against the folder's or release's SHA256SUMS (check=False skips that).
    """
    if table not in ALL_TABLES:
        raise ValueError(f"unknown table {table!r}; tables: {', '.join(ALL_TABLES)}")
    source = Path(path) if path is not None else fetch(version) if version is not None else data_dir()
    data = ReleaseFiles(source).table(table, check=check)
    frame = data.to_pandas(use_threads=False)  # no Arrow thread pool: none left at exit
    for field in data.schema:  # nullable integers stay integers (pandas would make them floats)
        if pa.types.is_integer(field.type) and field.nullable:
            frame[field.name] = frame[field.name].astype("Int64")
    return frame


__all__ = ["DATA_ENV", "data_dir", "load"]
