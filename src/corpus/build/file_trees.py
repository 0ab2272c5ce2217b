"""Files and folders as the output folder's machinery handles them, never following a symlink it
did not make: removed (a symlink, never what it leads to), hard-linked, mirrored."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path


def remove(path: str | Path) -> None:
    """Remove a file, a symlink (never what it leads to) or a real folder and what it holds."""
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path)
    else:
        os.unlink(path)


def is_real_folder(path: Path) -> bool:
    """A folder, not a symlink to one."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except FileNotFoundError:
        return False


def link_tree(source: Path, target: Path) -> None:
    """A file or folder's files hard-linked at target (copied where links are not possible)."""

    def link(src, dst):
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        shutil.copytree(source, target, copy_function=link)
    else:
        link(source, target)


def mirror(source: Path, target: Path) -> None:
    """Make target (a folder, or nothing yet) hold exactly source's folders and files, each file
    a hard link to source's (a copy where links are not possible): a file already linked to the
    same one stays, so that mirroring a build into the previous one writes only what changed."""
    for folder, _, files in os.walk(source):
        rel = os.path.relpath(folder, source)
        there = os.path.normpath(f"{target}/{rel}")
        if not is_real_folder(Path(there)):
            if os.path.lexists(there):
                remove(there)
            os.mkdir(there)
        for name in files:
            src, dst = f"{folder}/{name}", f"{there}/{name}"
            try:
                same = os.path.samefile(src, dst) and not os.path.islink(dst)
            except OSError:
                same = False
            if not same:
                if os.path.isdir(dst) and not os.path.islink(dst):
                    remove(dst)
                link_tree(Path(src), Path(f"{there}/.link-{name}"))
                os.replace(f"{there}/.link-{name}", dst)
    for folder, dirs, files in os.walk(target):
        rel = os.path.relpath(folder, target)
        for name in [*dirs, *files]:
            if not os.path.lexists(os.path.normpath(f"{source}/{rel}/{name}")):
                remove(f"{folder}/{name}")
        dirs[:] = [d for d in dirs if os.path.lexists(f"{folder}/{d}")]
