"""Stopping on Ctrl-C and SIGTERM: queued work cancelled, worker processes ended, one line, exit
130 or 143 (128 + the signal's number), as shells expect."""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager


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


def ignore_interrupts() -> None:
    """A worker process's initializer: Ctrl-C reaches the whole process group, but only the main
    process acts on it (it ends the workers)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def end_workers(pool) -> None:
    """Kill a process pool's workers at once (their work is abandoned), then shut it down."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            process.kill()
        except (OSError, AttributeError):
            pass
    pool.shutdown(wait=True, cancel_futures=True)
