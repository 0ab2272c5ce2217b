"""The output folder of a build: parts unchanged since the last build stay in place, the rest arrive together.

A build writes new parts and the corpus-wide files (validation summary, data package, checksums)
into a staging folder inside the output folder. Only when every part has passed does `commit` move
them in and remove the files of parts that are gone; a failed build leaves the folder as it was.
The cache keeps an index of each part's files and folders as they were left (size, times and
inode, as for raw files), so a part whose files are untouched is neither copied nor rewritten,
and a part whose files were touched is written again.
"""
from __future__ import annotations

import os
import pickle
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus.cache import folder_index_path, read_pickle, stat_of, write_atomically


@dataclass(frozen=True)
class PlacedPart:
    """A part lying in the output folder: what the build keeps of it, and the stat of each of its
    files and folders (paths relative to the output folder)."""

    record: Any
    roots: tuple[str, ...]  # its part files and folders, one per table or site
    stats: dict[str, tuple[int, int, int, int]]

    def is_intact(self, out_dir: Path) -> bool:
        try:
            return all(stat_of(f"{out_dir}/{path}") == stat for path, stat in self.stats.items())
        except OSError:
            return False


def index_path(cache_dir: Path, out_dir: Path) -> Path:
    return folder_index_path(cache_dir, "out-index", out_dir, ".pickle")


def read_placed(cache_dir: Path, out_dir: Path) -> dict[str, PlacedPart]:
    """The parts the index records in out_dir whose files and folders are all as they were left."""
    index = read_pickle(index_path(cache_dir, out_dir))
    if not isinstance(index, dict):
        return {}
    return {name: part for name, part in index.items() if isinstance(part, PlacedPart) and part.is_intact(out_dir)}


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


def remove(path: str) -> None:
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path)
    else:
        os.unlink(path)


class OutputFolder:
    """A build's output folder, as a context: `staging` to write into, `placed` (the parts lying
    there intact), and `commit` once everything passed. Leaving without a commit removes the staging
    folder (and an output folder made for the build)."""

    def __init__(self, out_dir: Path, cache_dir: Path, part_folders: tuple[str, ...]) -> None:
        self.out_dir, self.cache_dir, self.part_folders = out_dir, cache_dir, part_folders

    def __enter__(self) -> OutputFolder:
        self.made = not self.out_dir.exists()
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=self.out_dir))
        self.placed = read_placed(self.cache_dir, self.out_dir)
        self.committed = False
        return self

    def __exit__(self, *exc) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
        if self.made and not self.committed:
            shutil.rmtree(self.out_dir, ignore_errors=True)

    def commit(self, parts: dict[str, tuple[Any, tuple[str, ...]]], kept: set[str]) -> None:
        """Make the output folder hold exactly these parts (name -> record and roots): the kept ones
        as they lie, the others from the staging folder. Whatever else lies in a part folder goes,
        and the staging folder's other files replace their namesakes. Then index what lies there."""
        out, staging = self.out_dir, self.staging
        keep = {root for name in kept for root in self.placed[name].roots}
        for folder in self.part_folders:
            target = out / folder
            if target.exists() and not target.is_dir():
                target.unlink()
            target.mkdir(exist_ok=True)
            for entry in os.scandir(target):
                rel = f"{folder}/{entry.name}"
                staged = staging / rel
                if rel not in keep and not (entry.is_file(follow_symlinks=False) and staged.is_file()):
                    remove(entry.path)  # a staged file replaces its namesake in one step, below
            if (staging / folder).is_dir():
                for entry in os.scandir(staging / folder):
                    os.replace(entry.path, target / entry.name)
                os.rmdir(staging / folder)
        for item in sorted(staging.iterdir()):
            target = out / item.name
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)
            os.replace(item, target)
        self.committed = True
        index = {name: self.placed[name] if name in kept else PlacedPart(record, roots, tree_stats(out, roots))
                 for name, (record, roots) in parts.items()}
        write_atomically(index_path(self.cache_dir, out), pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
