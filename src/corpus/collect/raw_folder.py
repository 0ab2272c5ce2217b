"""The raw folder's files on disk: listing them (registry, READMEs and hidden files left out),
saying what an entry that is not a regular file is, and reading one without blocking on it."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from corpus.collect.raw_registry import REGISTRY_NAME
from corpus.errors import InputError

IGNORED_NAMES = {REGISTRY_NAME, "README.md", ".gitkeep"}


def list_raw_files(raw_dir: Path, special: list[tuple[str, str]] | None = None) -> list[str]:
    """Every raw file below the folder (relative, sorted), registry and READMEs excluded; entries
    that are not regular files (FIFOs, sockets, devices, dangling symlinks) go into `special`
    with the reason, unopened."""
    files = sorted(files_below(str(raw_dir), "", special))
    if special is not None:
        special.sort()
    return files


def files_below(
    folder: str, prefix: str, special: list[tuple[str, str]] | None = None
) -> Iterator[str]:
    """Relative paths of the files below folder (os.scandir: no stat per regular file, unlike
    pathlib)."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir():
                yield from files_below(entry.path, f"{prefix}{entry.name}/", special)
            elif entry.name in IGNORED_NAMES or entry.name.startswith("."):
                continue
            elif entry.is_file():
                yield prefix + entry.name
            elif special is not None:
                special.append((prefix + entry.name, not_regular(entry.path)))


def not_regular(path: str) -> str:
    """What a directory entry that is not a regular file is, found without opening it."""
    link = "a symlink to " if os.path.islink(path) else ""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return "a symlink leading nowhere" if link else "gone or unreadable"
    kind = (
        "a named pipe (FIFO)"
        if stat.S_ISFIFO(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "a character device"
        if stat.S_ISCHR(mode)
        else "a block device"
        if stat.S_ISBLK(mode)
        else "not a regular file"
    )
    return f"{link}{kind}, not a raw file (not opened)"


def read_regular(path: Path | str) -> bytes:
    """A regular file's bytes; a FIFO, socket or device is refused without blocking on it."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InputError(str(path), f"{not_regular(str(path))}")
        with os.fdopen(fd, "rb", closefd=False) as f:
            return f.read()
    finally:
        os.close(fd)
