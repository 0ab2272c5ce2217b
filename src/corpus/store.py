"""Deterministic, atomic Parquet writing and reading."""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from corpus.schema import Table

PART_ROWS = 250_000  # rows of all tables validated and written at a time: bounds a build's memory
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


def to_arrow(table: Table, rows: list[dict], metadata: dict[str, str] | None = None) -> pa.Table:
    """Rows as an Arrow table in the declared schema, sorted by primary key."""
    ordered = sorted(rows, key=lambda r: tuple(r[k] for k in table.primary_key))
    columns = {c.name: [r[c.name] for r in ordered] for c in table.columns}
    return pa.table(columns, schema=table.arrow_schema(metadata))


def concat_sorted(table: Table, parts: list[pa.Table], metadata: dict[str, str]) -> pa.Table:
    """Per-blog tables as one, sorted by primary key (code-point order, as Python sorts strings)."""
    schema = table.arrow_schema(metadata)
    combined = pa.concat_tables([p.replace_schema_metadata(schema.metadata) for p in parts]) if parts \
        else schema.empty_table()
    return combined.sort_by([(k, "ascending") for k in table.primary_key]).combine_chunks()


def write_parquet(data: pa.Table, path: Path) -> None:
    pq.write_table(data, path, **WRITE_OPTIONS)


class TableWriters:
    """One Parquet writer per table, appended part by part (rows in primary-key order across parts);
    a single part gives the same bytes as write_parquet."""

    def __init__(self, folder: Path, tables: dict[str, Table], metadata: dict[str, str]) -> None:
        options = {k: v for k, v in WRITE_OPTIONS.items() if k != "row_group_size"}
        self.schemas = {name: t.arrow_schema(metadata) for name, t in tables.items()}
        self.writers = {name: pq.ParquetWriter(folder / f"{name}.parquet", schema, **options)
                        for name, schema in self.schemas.items()}

    def write(self, tables: dict[str, pa.Table]) -> None:
        for name, data in tables.items():
            if data.num_rows:
                self.writers[name].write_table(data, row_group_size=WRITE_OPTIONS["row_group_size"])

    def __enter__(self) -> "TableWriters":
        return self

    def __exit__(self, *exc) -> None:
        for writer in self.writers.values():
            writer.close()


@contextmanager
def staged(out_dir: Path) -> Iterator[Path]:
    """A staging folder beside out_dir; its contents replace out_dir's only if the block succeeds."""
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out_dir))
    try:
        yield staging
        for item in sorted(staging.iterdir()):
            target = out_dir / item.name
            if target.is_dir():
                shutil.rmtree(target)
            os.replace(item, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


CHECKSUMS_NAME = "SHA256SUMS"


def checksums(folder: Path, names) -> str:
    """`sha256sum`-format lines for the named files of folder, sorted by name."""
    lines = [f"{hashlib.sha256((folder / n).read_bytes()).hexdigest()}  {n}" for n in sorted(names)]
    return "\n".join(lines) + "\n"


def read_table(path: Path) -> pa.Table:
    return pq.read_table(path)


def read_tables(folder: Path, names) -> dict[str, pa.Table]:
    """The named tables present in folder (a missing file is simply absent)."""
    return {n: read_table(folder / f"{n}.parquet") for n in names if (folder / f"{n}.parquet").exists()}
