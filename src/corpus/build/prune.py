"""Pruning the build cache (`corpus prune-cache`): removing what no build will read again.

A build finds a raw file's tables under a key of the file, its registry entry and the code
(cache.py). The cache's index of each raw folder (raw_index.py) names the key its last build
used for each file, and the index of each output folder (out_index.py) the key of each part it
holds; beside each index lies the folder it describes (`<index>.folder`). An entry that no index
names (the tables of a file since edited or removed, or of an earlier version of the code) is
read again only if a build goes back to exactly that file and code; so are the set-up files
(name tokens, GeoNames places) of other versions. `prune` removes those, and the indexes of
folders that no longer exist, and leaves alone what it does not know.

Builds hold the cache's lock shared (`using`) and pruning holds it alone, so a prune never
removes an entry a running build wrote and has not yet indexed.
"""

from __future__ import annotations

import fcntl
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from corpus.build import cache, setup_files
from corpus.build.out_index import OUT_INDEX, PlacedPart
from corpus.build.raw_index import RAW_INDEX, IndexEntry
from corpus.errors import InputError

log = logging.getLogger(__name__)
LOCK_NAME = "lock"
# Each index's section in the cache, and what it holds.
INDEXES: dict[str, type[IndexEntry] | type[PlacedPart]] = {
    RAW_INDEX: IndexEntry,
    OUT_INDEX: PlacedPart,
}
ENTRY_SECTIONS = tuple(cache.SECTIONS.values())  # blogs, parts


def open_lock(cache_dir: Path) -> int:
    """The cache's lock file, opened (made when missing; never through a symlink)."""
    return os.open(cache_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)


@contextmanager
def using(cache_dir: Path) -> Iterator[None]:
    """Hold the cache's lock shared while a build uses it; wait while a prune holds it. A file
    system without locks (some network ones) is used unlocked, with a warning."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    fd = open_lock(cache_dir)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            log.warning("the cache %s is being pruned; waiting", cache_dir)
            fcntl.flock(fd, fcntl.LOCK_SH)
        except OSError as exc:  # ENOLCK, EOPNOTSUPP
            log.warning(
                "the cache %s cannot be locked (%s): do not prune it meanwhile",
                cache_dir,
                exc.strerror or exc,
            )
        yield
    finally:
        os.close(fd)  # (a worker's copy of it ends with the worker)


@dataclass
class Pruned:
    """What a prune removed (or, in a dry run, would remove) and kept: files and bytes."""

    removed: list[Path] = field(default_factory=list)
    removed_bytes: int = 0
    kept: int = 0
    kept_bytes: int = 0

    def summary(self, dry_run: bool) -> str:
        verb = "would remove" if dry_run else "removed"
        return (
            f"{verb} {len(self.removed):,} files ({self.removed_bytes / 1e6:,.1f} MB); "
            f"kept {self.kept:,} ({self.kept_bytes / 1e6:,.1f} MB)"
        )


def prune(cache_dir: Path, dry_run: bool = False) -> Pruned:
    """Remove the entries, set-up files and indexes no build will read again (see the module's
    docstring); with dry_run, only say which. A build using the cache stops it (InputError)."""
    if not cache_dir.is_dir():
        raise InputError(str(cache_dir), "no such cache folder")
    fd = open_lock(cache_dir)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise InputError(
                str(cache_dir), "a build is using this cache; prune it when none runs"
            ) from None
        return prune_locked(cache_dir, dry_run)
    finally:
        os.close(fd)


def prune_locked(cache_dir: Path, dry_run: bool) -> Pruned:
    gone, keys = [], set()
    for section in INDEXES:
        for index in sorted((cache_dir / section).glob("*.json")):
            if folder_gone(index):
                gone += [index, index.with_suffix(".folder")]
            else:
                keys |= keys_named(index, section)
    current = {path.name for path in setup_files.current(cache_dir)}
    pruned = Pruned()
    for path in candidates(cache_dir):
        unused = (
            path in gone
            or path.name.startswith(".tmp-")  # a write cut short (no build runs now)
            or (path.suffix == ".entry" and path.stem not in keys)
            or (path.parent == cache_dir and path.name not in current)
        )
        size = path.stat().st_size
        if unused:
            pruned.removed.append(path)
            pruned.removed_bytes += size
        else:
            pruned.kept += 1
            pruned.kept_bytes += size
    if not dry_run:
        for path in pruned.removed:
            path.unlink(missing_ok=True)
        for section in ENTRY_SECTIONS:  # the emptied two-character folders
            for folder in (cache_dir / section).glob("??"):
                if folder.is_dir() and not any(folder.iterdir()):
                    folder.rmdir()
    return pruned


def candidates(cache_dir: Path) -> Iterator[Path]:
    """The files prune knows: entries, indexes and their notes, set-up files, cut-short writes;
    never the lock or anything else."""
    for section in ENTRY_SECTIONS:
        yield from known_files(cache_dir / section, "??/*", (".entry",))
    for section in INDEXES:
        yield from known_files(cache_dir / section, "*", (".json", ".folder"))
    for path in known_files(cache_dir, "*", (".arrow",)):
        if path.name.startswith((*setup_files.PREFIXES, ".tmp-")):
            yield path


def known_files(folder: Path, pattern: str, suffixes: tuple[str, ...]) -> Iterator[Path]:
    """The files matching pattern below folder with one of these suffixes, or cut-short writes."""
    for path in sorted(folder.glob(pattern)):
        if path.is_file() and (path.suffix in suffixes or path.name.startswith(".tmp-")):
            yield path


def folder_gone(index: Path) -> bool:
    """Whether the folder an index describes no longer exists (False when it does not say)."""
    noted = cache.read_json(index.with_suffix(".folder"))
    if not isinstance(noted, dict) or not isinstance(noted.get("folder"), str):
        return False
    return not os.path.isdir(noted["folder"])


def keys_named(index: Path, section: str) -> set[str]:
    """The cache keys an index names: each raw file's tables, or each part of an output folder.
    An unreadable index stops the prune: a build finds entries by their keys even without it."""
    entry_type = INDEXES[section]
    value = cache.read_json(index)
    if not isinstance(value, dict):
        raise InputError(
            str(index), "unreadable index: nothing pruned (a build of its folder writes it again)"
        )
    keys = set()
    for item in value.values():
        try:
            keys.add(entry_type.from_json(item).cache_key)
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
    return keys
