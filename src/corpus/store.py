"""Deterministic, atomic Parquet writing and reading."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from corpus.schema import Table

WRITE_OPTIONS = dict(
    compression="zstd",
    compression_level=9,
    row_group_size=1_000_000,
    use_dictionary=True,
    write_statistics=True,
    store_schema=True,
    data_page_version="2.0",
    version="2.6",
)


def to_arrow(table: Table, rows: list[dict], metadata: dict[str, str]) -> pa.Table:
    """Rows as an Arrow table in the declared schema, sorted by primary key."""
    ordered = sorted(rows, key=lambda r: tuple(r[k] for k in table.primary_key))
    columns = {c.name: [r[c.name] for r in ordered] for c in table.columns}
    return pa.table(columns, schema=table.arrow_schema(metadata))


def write_tables(tables: dict[str, pa.Table], out_dir: Path) -> None:
    """Write every table, or none: all go to a staging folder, then each is renamed into place."""
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out_dir))
    try:
        for name, data in tables.items():
            pq.write_table(data, staging / f"{name}.parquet", **WRITE_OPTIONS)
        for name in tables:
            os.replace(staging / f"{name}.parquet", out_dir / f"{name}.parquet")
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def read_table(path: Path) -> pa.Table:
    return pq.read_table(path)
