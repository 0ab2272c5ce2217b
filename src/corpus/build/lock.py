"""The lock of an output folder: one build at a time, held by the build's own process alone.

The lock is a `flock` on `.builds/lock`, which records its holder ("<pid> <host>"). Worker
processes are forked while it is held, and a forked child shares the parent's lock (close-on-exec
does not apply to a fork), so every child closes its copy as it starts (os.register_at_fork): when
the build's process dies, even by `kill -9`, the lock is free. A build that finds the lock held
says who holds it and waits; a holder recorded on this host that no longer runs (the lock then
kept by a process that should not have it) is taken over: the lock file is replaced by a new one.
The file is opened without following a symlink.
"""

from __future__ import annotations

import fcntl
import logging
import os
import socket
import time
from pathlib import Path

from corpus.errors import InputError

log = logging.getLogger(__name__)
POLL_SECONDS = 0.2
HELD_FDS: set[int] = set()  # lock files this process holds, closed in every forked child


def close_in_child() -> None:
    for fd in list(HELD_FDS):
        try:
            os.close(fd)
        except OSError:
            pass
    HELD_FDS.clear()


os.register_at_fork(after_in_child=close_in_child)


def open_lock_file(path: Path) -> int:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    except OSError:
        if os.path.islink(path):
            raise InputError(
                str(path),
                "is a symbolic link: the build makes its lock file "
                "itself and follows no link to one; remove it",
            ) from None
        raise


def holder_of(fd: int) -> tuple[int, str] | None:
    """The pid and host the lock file records, or None when it records none."""
    try:
        pid, host = os.pread(fd, 300, 0).decode("utf-8", "replace").split()[:2]
        return int(pid), host
    except (OSError, ValueError):
        return None


def is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def holder_state(holder: tuple[int, str] | None) -> tuple[str, bool]:
    """A description of the holder, and whether it is known to be gone."""
    if holder is None:
        return "holder unknown", False
    pid, host = holder
    if host != socket.gethostname():
        return f"pid {pid} on host {host}", False
    running = is_running(pid)
    return f"pid {pid}, {'running' if running else 'no longer running'}", not running


def same_file(fd: int, path: Path) -> bool:
    try:
        st, now = os.fstat(fd), os.lstat(path)
    except OSError:
        return False
    return (st.st_dev, st.st_ino) == (now.st_dev, now.st_ino)


def replace_lock_file(path: Path) -> None:
    """A new, unlocked lock file in place of one whose holder is gone."""
    tmp = path.with_name(f".lock-{os.getpid()}")
    fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o644)
    os.close(fd)
    os.replace(tmp, path)


class BuildLock:
    """The lock on an output folder (`what`, named in messages), as a context."""

    def __init__(self, path: Path, what: Path) -> None:
        self.path, self.what, self.fd = path, what, -1

    def __enter__(self) -> BuildLock:
        said, suspect = None, None
        while True:
            fd = open_lock_file(self.path)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = holder_of(fd)
                description, gone = holder_state(holder)
                os.close(fd)
                # gone twice in a row: a new holder writes its pid just after taking the lock
                suspect, gone = (holder if gone else None), gone and holder == suspect
                if gone:
                    log.warning(
                        "the build holding the lock of %s (%s) ended without releasing "
                        "it: taking it over",
                        self.what,
                        description,
                    )
                    replace_lock_file(self.path)
                    continue
                if description != said:
                    log.warning(
                        "waiting for another build of %s to finish (%s)", self.what, description
                    )
                    said = description
                time.sleep(POLL_SECONDS)
                continue
            if not same_file(fd, self.path):  # replaced while this process waited for it
                os.close(fd)
                continue
            HELD_FDS.add(fd)
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()} {socket.gethostname()}\n".encode(), 0)
            self.fd = fd
            return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Release the lock (once)."""
        if self.fd >= 0:
            HELD_FDS.discard(self.fd)
            os.ftruncate(self.fd, 0)  # no holder recorded: a waiting build never takes it over
            os.close(self.fd)  # closing releases the flock
            self.fd = -1
