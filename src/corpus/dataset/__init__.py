"""The read side, what a researcher installs alone: `load` a table from a data folder, a release
folder or zip, or a published version (store.py: the Parquet layout; releases.py: files, checksums,
`verify`, `fetch`; metadata.py: datapackage and citation). May import: schema, errors, version."""

from __future__ import annotations

import csv
import io
import os
import warnings
from pathlib import Path

import pandas as pd
import pyarrow as pa

from corpus.dataset.releases import RELEASE_URL_ENV, ReleaseFiles, fetch
from corpus.errors import InputError
from corpus.schema import ALL_TABLES

DEFAULT_PROCESSED = Path("data/processed")
DATA_ENV = "CORPUS_DATA"
TEXT_FREE_MARK = "sources.csv"  # a release's sources; text_in_release says which carry text
_WARNED: set[str] = set()  # a folder of built tables to read instead of data/processed


def data_dir() -> Path:
    """The folder `load` reads by default: $CORPUS_DATA, else data/processed."""
    return Path(os.environ.get(DATA_ENV) or DEFAULT_PROCESSED)


def not_found(given: bool) -> str:
    """Why `load` found nothing, and the three ways to point it at the tables."""
    looked = (
        "no such folder or zip (path=)"
        if given
        else (
            f"no data folder here (${DATA_ENV} set)"
            if os.environ.get(DATA_ENV)
            else f"no data folder here ({DEFAULT_PROCESSED} of the current folder, {Path.cwd()}; "
            f"${DATA_ENV} is not set)"
        )
    )
    return (
        f"{looked}: pass path= (a data folder, release folder or zip), set {DATA_ENV} to a "
        f"data folder, or load a published release with version= (and {RELEASE_URL_ENV})"
    )


def load(
    table: str, version: str | None = None, path: str | Path | None = None, check: bool = True
) -> pd.DataFrame:
    """One table as a pandas DataFrame.

    From `path` (a data folder, a release folder or a release zip); else from the
    published release `version` (downloaded once, its sha256 checked); else
    from `data_dir()` ($CORPUS_DATA or data/processed). The table's files are
    checked against the folder's or release's SHA256SUMS (check=False skips that).
    """
    if table not in ALL_TABLES:
        raise ValueError(f"unknown table {table!r}; tables: {', '.join(ALL_TABLES)}")
    source = (
        Path(path) if path is not None else fetch(version) if version is not None else data_dir()
    )
    if not source.exists():
        raise InputError(str(source.absolute()), not_found(path is not None))
    files = ReleaseFiles(source)
    data = files.table(table, check=check)
    if table == "entries":
        warn_if_text_free(files, source)
    frame = data.to_pandas(use_threads=False)  # no Arrow thread pool: none left at exit
    for field in data.schema:  # nullable integers stay integers (pandas would make them floats)
        if pa.types.is_integer(field.type) and field.nullable:
            frame[field.name] = frame[field.name].astype("Int64")
    return frame


def warn_if_text_free(files: ReleaseFiles, source: Path) -> None:
    """Once per release: a text-free release's headline and body are empty until hydrated."""
    if str(source) in _WARNED or TEXT_FREE_MARK not in files.names():
        return
    rows = csv.DictReader(io.StringIO(files.read(TEXT_FREE_MARK).decode("utf-8")))
    free = sum(1 for row in rows if row.get("text_in_release") == "no")
    if free:
        _WARNED.add(str(source))
        warnings.warn(
            f"{source}: {free} blogs are text-free (their headline and body are "
            "null until restored with `corpus hydrate`)",
            stacklevel=3,
        )


__all__ = ["DATA_ENV", "data_dir", "load"]
