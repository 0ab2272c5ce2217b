"""The build cache: one raw file's tables, kept under a key of everything they depend on.

Entries hold data, never code: Arrow IPC streams and Parquet bytes under a JSON header, the
whole sealed by an HMAC under the user's own key (seal.py) and checked before anything is
decoded; a corrupt, foreign or forged entry is rebuilt.
The key is a hash of the raw file's sha256 and path, its registry entry, and the code
fingerprint (fingerprint.py): the bytes of every module and reference-data file of this package
plus the versions of the libraries the readers and extractors use. Change any of them and the
file is processed again; otherwise its tables are read back, and a build gives the same bytes.
A built part (its Parquet files, validation outcome and Data Docs) is kept the same way, under
the keys of the blogs it holds. The cache's indexes of folders (raw_index.py, out_index.py) are
sealed JSON files, written here.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from corpus.build.fingerprint import code_fingerprint
from corpus.build.seal import seal, unseal
from corpus.errors import InputError, naming
from corpus.schema import TABLES

log = logging.getLogger(__name__)


@dataclass
class BlogTables:
    """Everything one raw file contributes: one Arrow table per dataset table."""

    tables: dict[str, pa.Table]
    n_bytes: int

    def to_entry(self) -> tuple[dict[str, bytes], dict]:
        """Its tables as Arrow IPC streams, and its size."""
        sections = {}
        for name, table in self.tables.items():
            sink = pa.BufferOutputStream()
            with pa.ipc.new_stream(sink, table.schema) as writer:
                writer.write_table(table)
            sections[name] = sink.getvalue().to_pybytes()
        return sections, {"n_bytes": self.n_bytes}

    @classmethod
    def from_entry(cls, sections: dict[str, bytes], meta: dict) -> BlogTables:
        if set(sections) != set(TABLES) or not isinstance(meta.get("n_bytes"), int):
            raise ValueError("not a blog's tables")
        tables = {
            name: pa.ipc.open_stream(pa.BufferReader(data)).read_all()
            for name, data in sections.items()
        }
        for name, table in tables.items():
            if not table.schema.equals(TABLES[name].arrow_schema(), check_metadata=False):
                raise ValueError(f"{name}: schema differs from schema.py")
        return cls(tables, meta["n_bytes"])


def key(raw_sha256: str, rel_path: str, registry_entry) -> str:
    described = {
        "sha256": raw_sha256,
        "path": rel_path,
        "code": code_fingerprint(),
        "registry": asdict(registry_entry) if registry_entry is not None else None,
    }
    if os.environ.get("CORPUS_NER_MODEL"):  # entities then come from a spaCy pipeline too
        described["ner_model"] = os.environ["CORPUS_NER_MODEL"]
    return hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()


def part_key(blog_keys: list[str], part_name: str, dataset_version: str) -> str:
    """The key of a built part: its blogs' keys (which hold the code fingerprint), name and dataset
    version."""
    described = {"blogs": blog_keys, "part": part_name, "version": dataset_version}
    return hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()


SECTIONS = {"BlogTables": "blogs", "BuiltPart": "parts"}  # a folder per kind of value


def location(cache_dir: Path, cache_key: str, kind: type) -> str:
    """Where a value of that kind is kept (a string: thousands are asked for at a time, pathlib is
    slow)."""
    return f"{cache_dir}/{SECTIONS[kind.__name__]}/{cache_key[:2]}/{cache_key}.entry"


def has(cache_dir: Path, cache_key: str, kind: type) -> bool:
    return os.path.isfile(location(cache_dir, cache_key, kind))


def path_of(cache_dir: Path, cache_key: str, kind: type) -> Path:
    return Path(location(cache_dir, cache_key, kind))


def warn(path, problem: str) -> None:
    """One line on stderr: a cache entry is not used (and its value is computed again)."""
    log.warning("cache entry %s: %s; rebuilt", path, problem)


def load(cache_dir: Path, cache_key: str, kind: Any = BlogTables):
    """The cached value of that kind, or None when absent; a corrupt, foreign or mismatched entry
    is reported and then None too (its value is simply computed again). Entries hold data only
    (Arrow IPC, Parquet bytes, JSON), checked by their seal before anything is decoded."""
    path = location(cache_dir, cache_key, kind)
    try:
        with open(path, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        return None
    except OSError as exc:
        warn(path, f"unreadable ({exc.strerror or exc})")
        return None
    try:
        header, sections = unpack(data)
        if header.get("kind") != kind.__name__ or header.get("key") != cache_key:
            raise ValueError("holds another entry (foreign or misplaced)")
        return kind.from_entry(sections, header.get("meta") or {})
    except (ValueError, KeyError, TypeError, pa.ArrowException) as exc:
        warn(path, str(exc) or type(exc).__name__)
        return None


def store(cache_dir: Path, cache_key: str, value) -> None:
    """Write atomically, so that parallel builds and interrupted ones never leave half a file."""
    sections, meta = value.to_entry()
    header = {
        "kind": type(value).__name__,
        "key": cache_key,
        "meta": meta,
        "sections": [[name, len(data)] for name, data in sections.items()],
    }
    write_atomically(
        path_of(cache_dir, cache_key, type(value)),
        pack(json.dumps(header, sort_keys=True).encode(), sections.values()),
    )


def pack(header: bytes, sections) -> bytes:
    return seal(header + b"\n" + b"".join(sections))


def unpack(data: bytes) -> tuple[dict, dict[str, bytes]]:
    """An entry's header and its named byte sections."""
    header_bytes, _, payload = unseal(data).partition(b"\n")
    header = json.loads(header_bytes)
    sections, at = {}, 0
    for name, size in header["sections"]:
        sections[name] = payload[at : at + size]
        at += size
    if at != len(payload):
        raise ValueError("sections do not fill the entry")
    return header, sections


def read_json(path: Path):
    """The JSON value a sealed file holds, or None when absent; a corrupt file is reported."""
    try:
        return json.loads(unseal(Path(path).read_bytes()))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        warn(path, str(exc))
        return None


def write_json(path: Path, value) -> None:
    write_atomically(path, seal(json.dumps(value, sort_keys=True).encode()))


# ------------------------------------------------------------ indexes of folders
# raw_index.py and out_index.py: a file whose stat is as the index recorded is taken as unchanged.


def stat_of(path: Path | str) -> tuple[int, int, int, int]:
    st = os.stat(path)
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


def folder_index_path(cache_dir: Path, section: str, folder: Path, suffix: str) -> Path:
    """Where the cache keeps its index of one folder (raw input or build output), by the folder's
    path."""
    name = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]
    return cache_dir / section / f"{name}{suffix}"


def write_folder_index(path: Path, folder: Path, value) -> None:
    """A folder's index, and beside it (once) which folder it describes: a prune (prune.py) drops
    the index, and the entries only it names, once the folder is gone."""
    write_json(path, value)
    noted = path.with_suffix(".folder")
    if not noted.exists():
        write_json(noted, {"folder": str(folder.resolve())})


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def write_atomically(path: Path, data: bytes) -> None:
    """Write a file whole or not at all; an error (a full disk) names the file."""
    with naming(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        try:
            try:
                write_all(fd, data)
            finally:
                os.close(fd)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


class CacheEntryLost(InputError):
    """A blog's cached tables are gone or unreadable although the raw index vouched for them."""

    def __reduce__(self):
        return (CacheEntryLost, (self.path, self.message, self.line))
