"""Stopping on Ctrl-C and SIGTERM: queued work cancelled, worker processes ended, one line, exit
130 or 143 (128 + the signal's number), as shells expect. Worker processes end with the process
that started them, even when it is killed (`kill -9`)."""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

PR_SET_PDEATHSIG = 1  # linux/prctl.h: the signal a process gets when its parent dies
PARENT_POLL_SECONDS = 1.0


class Terminated(BaseException):
    """SIGTERM arrived (raised like KeyboardInterrupt, so that the same clean-up runs)."""


@contextmanager
def on_signals():
    """SIGTERM raises Terminated in the main thread while the block runs."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(signum, frame):
        raise Terminated()

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def ignore_interrupts(parent: int | None = None) -> None:
    """A worker process's initializer: Ctrl-C reaches the whole process group, but only the main
    process acts on it (it ends the workers). With `parent` (its pid), the worker also ends when
    that process dies."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if parent is not None:
        end_with_parent(parent)


def end_with_parent(parent: int) -> None:
    """Be killed when the parent process dies: by the kernel on Linux (PR_SET_PDEATHSIG), else
    by a thread watching for the parent's end. A parent already gone ends this process now."""
    watched = False
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            watched = libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
        except (OSError, AttributeError):
            watched = False
    if os.getppid() != parent:  # died before the kernel was asked to watch it
        os._exit(1)
    if not watched:
        threading.Thread(
            target=watch_parent, args=(parent,), name="watch-parent", daemon=True
        ).start()


def watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


def worker_pool(jobs: int) -> ProcessPoolExecutor:
    """A pool of `jobs` worker processes that ignore Ctrl-C and end with this process."""
    return ProcessPoolExecutor(
        max_workers=jobs, initializer=ignore_interrupts, initargs=(os.getpid(),)
    )


def end_workers(pool) -> None:
    """Kill a process pool's workers at once (their work is abandoned), then shut it down."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            process.kill()
        except (OSError, AttributeError):
            pass
    pool.shutdown(wait=True, cancel_futures=True)
