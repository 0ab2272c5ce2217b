"""The cache's index of an output folder: the parts lying there (what the build keeps of each),
and the stat of each of their files and folders as the build left them (size, times and inode).
Parts found intact are kept by the next build, hard-linked rather than written again; a part whose
files were touched is rewritten.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus.build.cache import folder_index_path, read_json, stat_of, write_folder_index

OUT_INDEX = "out-index"  # the cache's folder of output folders' indexes


@dataclass(frozen=True)
class PlacedPart:
    """A part lying in the output folder: what the build keeps of it (JSON values), and the stat
    of each of its files and folders (paths relative to the output folder)."""

    record: dict
    roots: tuple[str, ...]  # its part files and folders, one per table or site
    stats: dict[str, tuple[int, int, int, int]]

    def is_intact(self, out_dir: Path) -> bool:
        try:
            return all(stat_of(f"{out_dir}/{path}") == stat for path, stat in self.stats.items())
        except OSError:
            return False

    @classmethod
    def from_json(cls, stored: Any) -> PlacedPart:
        """A part as the index stores it; KeyError, TypeError or AttributeError when the value is
        not one."""
        return cls(
            stored["record"],
            tuple(stored["roots"]),
            {path: tuple(stat) for path, stat in stored["stats"].items()},
        )

    @property
    def cache_key(self) -> str:
        """The key of the built part in the cache (KeyError or TypeError in a bad record)."""
        return self.record["key"]


def index_path(cache_dir: Path, out_dir: Path) -> Path:
    return folder_index_path(cache_dir, OUT_INDEX, out_dir, ".json")


def read_placed(cache_dir: Path, out_dir: Path) -> dict[str, PlacedPart]:
    """The parts the index records in out_dir whose files and folders are all as they were left."""
    index = read_json(index_path(cache_dir, out_dir))
    placed = {}
    for name, part in index.items() if isinstance(index, dict) else []:
        try:
            found = PlacedPart.from_json(part)
        except (KeyError, TypeError, AttributeError):
            continue
        if found.is_intact(out_dir):
            placed[name] = found
    return placed


def tree_stats(out_dir: Path, roots: tuple[str, ...]) -> dict[str, tuple[int, int, int, int]]:
    """The stat of every root and, for a folder, of everything in it (a folder's own stat changes
    when an entry is added to or removed from it)."""
    stats = {}
    for root in roots:
        stats[root] = stat_of(f"{out_dir}/{root}")
        for folder, dirs, files in os.walk(f"{out_dir}/{root}"):
            rel = os.path.relpath(folder, out_dir)
            for name in [*dirs, *files]:
                stats[f"{rel}/{name}"] = stat_of(f"{folder}/{name}")
    return stats


def write_placed(
    cache_dir: Path, out_dir: Path, parts: dict[str, tuple[dict, tuple[str, ...]]]
) -> None:
    """Index the parts lying in out_dir (name -> record and roots) as they are now."""
    index = {
        name: {"record": record, "roots": list(roots), "stats": tree_stats(out_dir, roots)}
        for name, (record, roots) in parts.items()
    }
    write_folder_index(index_path(cache_dir, out_dir), out_dir, index)
