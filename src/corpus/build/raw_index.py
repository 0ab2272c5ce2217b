"""The cache's index of a raw folder: each raw file's stat, and what the build keeps of it.

Hashing every raw file takes longer than a whole incremental build of a large corpus, so a
file whose size, modification and change times and inode are as they were when it was last
hashed is taken to have the same sha256 (as git and make do). The index also keeps what the
build needs of each file's cached tables, so that unchanged files are not opened at all.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus.build.cache import folder_index_path, read_json, stat_of, write_folder_index
from corpus.build.seal import unseal
from corpus.collect import raw_folder
from corpus.errors import InputError

RAW_INDEX = "raw-index"  # the cache's folder of raw folders' indexes


@dataclass(frozen=True)
class IndexEntry:
    stat: tuple[int, int, int, int]
    summary: dict  # the build's summary of the file: sha256, cache key, blog id, row counts, bytes

    @classmethod
    def from_json(cls, stored: Any) -> IndexEntry:
        """An entry as the index stores it (`[stat, summary]`); ValueError or TypeError when the
        value is not one."""
        stat, summary = stored
        return cls(tuple(stat), summary)

    @property
    def cache_key(self) -> str:
        """The key of the file's tables in the cache (KeyError or TypeError in a bad summary)."""
        return self.summary["cache_key"]


def index_path(cache_dir: Path, raw_dir: Path) -> Path:
    return folder_index_path(cache_dir, RAW_INDEX, raw_dir, ".json")


def read_index(cache_dir: Path, raw_dir: Path) -> dict[str, IndexEntry]:
    """The raw folder's index (relative path -> entry); empty when absent or unreadable."""
    stored = read_json(index_path(cache_dir, raw_dir))
    try:
        return {path: IndexEntry.from_json(entry) for path, entry in stored.items()}
    except (AttributeError, ValueError, TypeError):
        return {}


def changed_raw_files(cache_dir: Path, raw_dir: Path) -> int | None:
    """How many raw files below raw_dir are new or changed since the cache's index saw them (by
    their stat; None without a readable index): a quick look, before the build imports its
    readers, at whether it will extract a single file. plan.py decides what changed."""
    try:
        stored = json.loads(unseal(index_path(cache_dir, raw_dir).read_bytes()))
        index = {path: IndexEntry.from_json(entry).stat for path, entry in stored.items()}
        files = raw_folder.list_raw_files(raw_dir)
    except (OSError, ValueError, TypeError, AttributeError, IndexError, InputError):
        return None
    changed = 0
    for path in files:
        try:
            changed += index.get(path) != stat_of(f"{raw_dir}/{path}")
        except OSError:
            changed += 1
    return changed


def write_index(cache_dir: Path, raw_dir: Path, index: dict[str, IndexEntry]) -> None:
    write_folder_index(
        index_path(cache_dir, raw_dir),
        raw_dir,
        {path: [list(e.stat), e.summary] for path, e in sorted(index.items())},
    )
