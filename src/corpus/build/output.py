"""The output folder of a build: a build's tables appear all at once, or not at all.

Every build's files lie in a folder of their own, `.builds/<id>` (id: a hash of its SHA256SUMS, so
the same input gives the same folder), and the output folder's names are fixed symlinks through
`.builds/current`: `entries.parquet -> .builds/current/entries.parquet`. Committing a build is one
rename of the `current` symlink, so readers (and the DuckDB and polars glob paths
`<table>.parquet/*.parquet`) see the previous build or this one, never a mix; an interrupted build
leaves the previous one as it was, and the next build removes its leftovers. Parts unchanged since
the last build are hard-linked from it (a Data Docs site joins as one symlink to the settled
build's, until the new build settles there), not written again: the cache keeps an index of each
part's files as they were left (out_index.py: size, times and inode), and a part whose files
were touched is rewritten.
A lock on `.builds/lock` (lock.py) makes a second build of the same output folder wait for the
first. Once committed, a build settles at the stable folder `.builds/live` (`settle`): the paths
a repository commits stay the same from build to build. The folder's machinery follows no
symlink it did not make, and removes nothing outside the output folder: a symlink is removed,
never what it leads to.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import tempfile
from pathlib import Path

from corpus.build.file_trees import is_real_folder, link_tree, mirror, remove
from corpus.build.lock import BuildLock
from corpus.build.out_index import read_placed, write_placed
from corpus.dataset.store import BUILDS_DIR, CHECKSUMS_NAME, CURRENT_NAME
from corpus.errors import InputError

log = logging.getLogger(__name__)
LOCK_NAME = "lock"
LIVE_NAME = "live"  # the stable name the committed build settles at (paths git can follow)
# What `current` may point to: a build's folder, or the settled one.
BUILD_NAME = re.compile(rf"build-[0-9a-f]{{16}}|{LIVE_NAME}")


def step(number: int, what: str) -> None:
    """A step of the commit; tests replace this to interrupt a commit at each step in turn."""


def refuse_foreign_links(builds: Path) -> None:
    """The output folder's machinery follows no link it did not make: `.builds` must be a real
    folder, and `.builds/current` a symlink to a build's real folder beside it. Anything else
    was put there by someone else; following it could delete another folder's files."""
    if os.path.lexists(builds) and not is_real_folder(builds):
        kind = "a symbolic link" if os.path.islink(builds) else "not a folder"
        raise InputError(
            str(builds),
            f"is {kind}: the build keeps its builds in a real folder "
            "there and follows no link; remove it",
        )
    current = builds / CURRENT_NAME
    if not os.path.islink(current):
        return  # none, or a copy (a real folder inside): replaced at the commit
    target = os.readlink(current)
    if not BUILD_NAME.fullmatch(target) or (
        os.path.lexists(builds / target) and not is_real_folder(builds / target)
    ):
        raise InputError(
            str(current),
            "does not lead to a build folder beside it (a link the "
            "build did not make): remove it and build again",
        )


def link_to_settled(root: str, staging: Path) -> None:
    """A kept folder (a part's Data Docs site) of the settled build joins a new build as one
    relative symlink to it, not as a copy of its folders: the build's folder is removed once it
    settled, and removing a folder costs a disk discard on some file systems (3 to 4 ms each,
    against 0.2 to make one: a second for 13 parts' sites). Settling leaves the folder as it lies,
    where the symlink led (`mirror` does not follow it)."""
    (staging / root).parent.mkdir(parents=True, exist_ok=True)
    os.symlink("../" * (root.count("/") + 1) + f"{LIVE_NAME}/{root}", staging / root)


def repair(source: Path, target: Path, n: int, kept: tuple[str, ...] = ()) -> int:
    """Make target hold exactly source's files (the same build's), moving each one across, and the
    files below the kept roots (paths relative to target) as they are; returns the step count."""
    wanted, below = set(), tuple(f"{root}/" for root in kept)
    for folder, _, files in os.walk(source):
        rel = os.path.relpath(folder, source)
        (target / rel).mkdir(parents=True, exist_ok=True)
        for name in files:
            wanted.add(os.path.normpath(f"{rel}/{name}"))
            n += 1
            step(n, f"repair {rel}/{name}")
            os.replace(f"{folder}/{name}", target / rel / name)
    for folder, _, files in os.walk(target):
        rel = os.path.relpath(folder, target)
        for name in files:
            path = os.path.normpath(f"{rel}/{name}")
            if path not in wanted and path not in kept and not path.startswith(below):
                os.unlink(f"{folder}/{name}")
    return n


class OutputFolder:
    """A build's output folder, as a context: `staging` to write into, `placed` (the parts lying
    there intact), and `commit` once everything passed. Entering takes the folder's lock (waiting
    for another build) and removes what interrupted builds left; leaving without a commit removes
    the staging folder (and an output folder made for the build that never held one)."""

    def __init__(self, out_dir: Path, cache_dir: Path, part_folders: tuple[str, ...]) -> None:
        self.out_dir, self.cache_dir, self.part_folders = out_dir, cache_dir, part_folders
        self.builds = out_dir / BUILDS_DIR

    def __enter__(self) -> OutputFolder:
        self.made = not self.out_dir.exists()
        refuse_foreign_links(self.builds)
        self.builds.mkdir(parents=True, exist_ok=True)
        self.lock = BuildLock(self.builds / LOCK_NAME, self.out_dir).__enter__()
        try:
            refuse_foreign_links(self.builds)  # again: another build may have run meanwhile
            self.clean()
            self.staging = Path(tempfile.mkdtemp(prefix=".new-", dir=self.builds))
            self.placed = (
                read_placed(self.cache_dir, self.out_dir) if self.current().is_dir() else {}
            )
        except BaseException:
            self.lock.close()
            raise
        self.committed = False
        self.new_build: str | None = None
        return self

    def __exit__(self, *exc) -> None:
        try:
            shutil.rmtree(self.staging, ignore_errors=True)
            if not self.committed and self.new_build is not None:
                shutil.rmtree(self.builds / self.new_build, ignore_errors=True)
            if self.made and not self.committed and not self.current().exists():
                shutil.rmtree(self.out_dir, ignore_errors=True)
        finally:
            self.lock.close()

    def current(self) -> Path:
        return self.builds / CURRENT_NAME

    def live_build(self) -> str | None:
        """The id (`build-<hash of SHA256SUMS>`) of the current build, whether it lies in its own
        folder or settled at `live`; None when there is none."""
        if not self.current().is_symlink():
            return None
        folder = os.readlink(self.current())
        if folder != LIVE_NAME:
            return folder
        try:
            sums = (self.builds / LIVE_NAME / CHECKSUMS_NAME).read_bytes()
        except OSError:
            return None
        return f"build-{hashlib.sha256(sums).hexdigest()[:16]}"

    def settle(self, n: int) -> int:
        """Move the committed build to the stable folder `.builds/live`, so that the files a
        repository commits keep their paths from build to build (a changed table shows as changed
        files, not as one folder removed and another added). The previous build lying there (no
        reader's since the commit) is made to hold the build's files as hard links, which changes
        only what changed, and `current` is switched in one rename: readers see one complete build
        at every step. A settle interrupted halfway leaves `live` to the next build's clean-up.
        Returns the step count."""
        folder = os.readlink(self.current())
        if folder == LIVE_NAME:
            return n
        n += 1
        step(n, "settle: link the build at its stable name")
        mirror(self.builds / folder, self.builds / LIVE_NAME)
        n += 1
        step(n, "settle: switch current")
        tmp = self.builds / f".current-{os.getpid()}"
        os.symlink(LIVE_NAME, tmp)
        os.replace(tmp, self.current())
        n += 1
        step(n, "settle: remove the unsettled folder")
        remove(self.builds / folder)
        return n

    def clean(self) -> None:
        """Remove what interrupted builds left: every folder in .builds but the current build's,
        and staging folders of the layout before .builds."""
        live = os.readlink(self.current()) if self.current().is_symlink() else None
        for entry in os.scandir(self.builds):
            if entry.name not in (LOCK_NAME, CURRENT_NAME, live) and not entry.name.startswith(
                ".lock-"
            ):  # a lock file being replaced
                remove(entry.path)
        for entry in os.scandir(self.out_dir):
            if entry.name.startswith(".staging-"):
                remove(entry.path)

    def commit(self, parts: dict[str, tuple[dict, tuple[str, ...]]], kept: set[str]) -> None:
        """Make the output folder hold exactly these parts (name -> record and roots): the kept ones
        linked from the current build, the others from the staging folder, with the staging
        folder's other files; then switch `current` to it in one rename, and index what lies
        there."""
        out, staging, n = self.out_dir, self.staging, 0
        digest = hashlib.sha256((staging / CHECKSUMS_NAME).read_bytes()).hexdigest()[:16]
        build = folder = f"build-{digest}"
        kept_roots = tuple(root for name in sorted(kept) for root in self.placed[name].roots)
        if build != self.live_build():  # the kept parts join the new build; else they lie there
            settled = (
                os.readlink(self.current()) == LIVE_NAME if self.current().is_symlink() else False
            )
            for root in kept_roots:
                n += 1
                step(n, f"link {root}")
                if settled and is_real_folder(self.builds / LIVE_NAME / root):
                    link_to_settled(root, staging)
                else:
                    link_tree(self.current() / root, staging / root)
        for name in self.part_folders:
            (staging / name).mkdir(exist_ok=True)
        if build != self.live_build():
            n += 1
            step(n, "place the build")
            os.replace(staging, self.builds / build)
            self.new_build = build
        else:  # the same tables: files found touched are put right, one rename each
            folder = os.readlink(self.current())
            n = repair(staging, self.builds / folder, n, kept_roots)
        names = sorted(os.listdir(self.builds / folder))
        for name in names:  # fixed symlinks through `current` (a folder of an older layout moves)
            target = f"{BUILDS_DIR}/{CURRENT_NAME}/{name}"
            if not (out / name).is_symlink() or os.readlink(out / name) != target:
                n += 1
                step(n, f"link {name}")
                if (out / name).exists() and not (out / name).is_symlink():
                    os.replace(out / name, self.builds / f".old-{name}")
                tmp = self.builds / f".link-{name}"
                os.symlink(target, tmp)
                os.replace(tmp, out / name)
        n += 1
        step(n, "switch current")  # the commit point
        tmp = self.builds / f".current-{os.getpid()}"
        os.symlink(folder, tmp)
        if is_real_folder(self.current()):  # a copied output folder: its copy of a build
            os.replace(self.current(), self.builds / ".old-current")
        os.replace(tmp, self.current())
        self.committed = True
        n += 1
        step(n, "remove the previous build")
        for entry in os.scandir(out):
            if (
                entry.is_symlink()
                and entry.name not in names
                and os.readlink(entry.path).startswith(f"{BUILDS_DIR}/")
            ):
                os.unlink(entry.path)
        n = self.settle(n)  # the previous build, at `live`, becomes this one
        self.clean()
        write_placed(self.cache_dir, out, parts)
