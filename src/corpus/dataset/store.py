"""Deterministic Parquet writing and reading, and where tables lie in a data folder."""

from __future__ import annotations

import hashlib
import os
from operator import itemgetter
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from corpus.errors import naming
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
    ordered = sorted(rows, key=itemgetter(*table.primary_key))
    columns = {c.name: [r[c.name] for r in ordered] for c in table.columns}
    return pa.table(columns, schema=table.arrow_schema(metadata))


def concat_sorted(table: Table, parts: list[pa.Table], metadata: dict[str, str]) -> pa.Table:
    """Per-blog tables as one, sorted by primary key (code-point order, as Python sorts strings)."""
    schema = table.arrow_schema(metadata)
    combined = (
        pa.concat_tables([p.replace_schema_metadata(schema.metadata) for p in parts])
        if parts
        else schema.empty_table()
    )
    return combined.sort_by([(k, "ascending") for k in table.primary_key]).combine_chunks()


def write_parquet(data: pa.Table, path: Path) -> None:
    with naming(path):
        pq.write_table(data, path, **WRITE_OPTIONS)


def parquet_bytes(data: pa.Table) -> bytes:
    """The bytes write_parquet would write."""
    sink = pa.BufferOutputStream()
    pq.write_table(data, sink, **WRITE_OPTIONS)
    return sink.getvalue().to_pybytes()


def table_dir_name(table_name: str) -> str:
    """A table's place in a data folder: a folder of part files named like one Parquet file, which
    pyarrow, pandas and Spark read as one table (DuckDB and polars: `<name>.parquet/*.parquet`)."""
    return f"{table_name}.parquet"


def part_file(table_name: str, part_name: str) -> str:
    """The path of one part of a table, relative to the data folder."""
    return f"{table_dir_name(table_name)}/{part_name}.parquet"


def table_files(path: Path) -> list[Path]:
    """The Parquet files of a table: the file itself, or a table folder's part files in name order
    (which is primary-key order)."""
    return sorted(path.glob("*.parquet")) if path.is_dir() else [path]


def count_rows(path: Path) -> int:
    """A table's rows, from the Parquet footers of its file or part files."""
    return sum(pq.read_metadata(f).num_rows for f in table_files(path))


def merge_parts(source: Path, target: Path) -> None:
    """A table's part files as one Parquet file (a row group per part), streaming: memory follows
    the part."""
    files = table_files(source)
    options = {k: v for k, v in WRITE_OPTIONS.items() if k != "row_group_size"}
    with pq.ParquetWriter(target, pq.read_schema(files[0]), **options) as writer:
        for path in files:
            data = pq.read_table(path)
            if data.num_rows:
                writer.write_table(data, row_group_size=WRITE_OPTIONS["row_group_size"])


CHECKSUMS_NAME = "SHA256SUMS"
BUILDS_DIR = ".builds"  # in a data folder: each build's files, `current` (a symlink) the live one
CURRENT_NAME = "current"


def live_folder(folder: Path) -> Path:
    """The folder holding a data folder's current build, resolved once, so that a reader sees one
    build's files even while another is committed (a folder without builds: itself)."""
    current = folder / BUILDS_DIR / CURRENT_NAME
    return Path(os.path.realpath(current)) if current.is_symlink() and current.is_dir() else folder


def checksum_lines(digests: dict[str, str]) -> str:
    """`sha256sum`-format lines for paths and their sha256, sorted by path."""
    return "".join(f"{digest}  {name}\n" for name, digest in sorted(digests.items()))


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_table(path: Path) -> pa.Table:
    """A table from its Parquet file or its folder of part files."""
    files = table_files(path)
    if not files:
        raise FileNotFoundError(f"{path}: no Parquet files")
    return pa.concat_tables([pq.read_table(f) for f in files])


def read_tables(folder: Path, names) -> dict[str, pa.Table]:
    """The named tables present in folder (a missing table is simply absent)."""
    folder = live_folder(folder)
    return {
        n: read_table(folder / table_dir_name(n))
        for n in names
        if (folder / table_dir_name(n)).exists()
    }
