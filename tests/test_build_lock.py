"""`kill -9` of a build leaves no worker and no held lock: workers end with their parent, a forked
child never holds the lock, a waiting build names the holder, and a dead holder's lock is taken
over."""
import fcntl
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from tests.conftest import write_small_raw
from tests.test_signals import alive, children

from corpus.build.lock import BuildLock

SRC = Path(__file__).resolve().parents[1] / "src"
ENV = {**os.environ, "PYTHONPATH": str(SRC)}
pytestmark = pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")


def wait_until(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def lock_is_free(path: Path) -> bool:
    with open(path, "a") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        fcntl.flock(f, fcntl.LOCK_UN)
        return True


def reaped_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.fixture(scope="module")
def many_raw(tmp_path_factory, seed_text):
    raw = write_small_raw(tmp_path_factory.mktemp("lock-many") / "raw", registry=False)
    for day in range(5, 25):
        (raw / f"day-{day}.txt").write_text(seed_text.replace("January 4", f"January {day}"))
    return raw


def test_kill_9_of_a_build_ends_its_workers_and_frees_the_lock(many_raw, tmp_path):
    out = tmp_path / "out"
    command = [sys.executable, "-m", "corpus", "build", "--raw", str(many_raw), "--out", str(out),
               "--no-cache", "--jobs", "2"]
    run = subprocess.Popen(command, env=ENV, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)  # pipes: a surviving worker holds them
    assert wait_until(lambda: len(children(run.pid)) >= 2, 120)
    workers = children(run.pid)
    time.sleep(1)  # the workers are reading and extracting
    run.kill()
    run.wait()
    try:
        assert wait_until(lambda: not any(alive(w) for w in workers), 10), "workers outlived it"
        assert wait_until(lambda: lock_is_free(out / ".builds" / "lock"), 5)
    finally:
        for worker in workers:
            if alive(worker):
                os.kill(worker, signal.SIGKILL)


def test_a_forked_child_does_not_hold_the_lock(tmp_path):
    """The build's process holds the lock alone: a child forked while it is held (a worker)
    keeps no share of it once the build's process is gone."""
    lock = tmp_path / "lock"
    script = (
        "import os, sys, time\n"
        "from pathlib import Path\n"
        "from corpus.build.lock import BuildLock\n"
        f"BuildLock(Path({str(lock)!r}), Path('out')).__enter__()\n"
        "child = os.fork()\n"
        "if child == 0:\n"
        "    time.sleep(60)\n"
        "    os._exit(0)\n"
        "print(child, flush=True)\n"
        "time.sleep(60)\n")
    holder = subprocess.Popen([sys.executable, "-c", script], env=ENV, stdout=subprocess.PIPE,
                              text=True)
    child = int(holder.stdout.readline())
    try:
        assert not lock_is_free(lock)
        holder.kill()
        holder.wait()
        assert alive(child)
        assert wait_until(lambda: lock_is_free(lock), 5), "the forked child holds the lock"
    finally:
        os.kill(child, signal.SIGKILL)


def test_a_waiting_build_names_the_holder_and_goes_on_when_it_ends(tmp_path, caplog):
    lock = tmp_path / "lock"
    script = (
        "import time\n"
        "from pathlib import Path\n"
        "from corpus.build.lock import BuildLock\n"
        f"BuildLock(Path({str(lock)!r}), Path('out')).__enter__()\n"
        "print('held', flush=True)\n"
        "time.sleep(60)\n")
    holder = subprocess.Popen([sys.executable, "-c", script], env=ENV, stdout=subprocess.PIPE,
                              text=True)
    assert holder.stdout.readline().strip() == "held"
    acquired = threading.Event()

    def wait_for_it():
        with BuildLock(lock, tmp_path / "out"):
            acquired.set()

    caplog.set_level(logging.WARNING, logger="corpus")
    waiter = threading.Thread(target=wait_for_it)
    waiter.start()
    try:
        said = f"waiting for another build of {tmp_path / 'out'} to finish " \
               f"(pid {holder.pid}, running)"
        assert wait_until(lambda: said in caplog.text, 10), caplog.text
        assert not acquired.is_set()
    finally:
        holder.kill()
        holder.wait()
    waiter.join(10)
    assert acquired.is_set()


def test_a_lock_whose_recorded_holder_is_dead_is_taken_over(tmp_path, caplog):
    """A lock kept by a process that should not have it (the recorded holder is gone, e.g. a
    worker of an older version outliving its build) is taken over."""
    lock = tmp_path / "lock"
    gone = reaped_pid()
    lock.write_text(f"{gone} {socket.gethostname()}\n")
    script = (
        "import fcntl, time\n"
        f"f = open({str(lock)!r}, 'a')\n"
        "fcntl.flock(f, fcntl.LOCK_EX)\n"
        "print('held', flush=True)\n"
        "time.sleep(60)\n")
    orphan = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert orphan.stdout.readline().strip() == "held"
    acquired = threading.Event()

    def take_it():
        with BuildLock(lock, tmp_path / "out"):
            acquired.set()

    caplog.set_level(logging.WARNING, logger="corpus")
    taker = threading.Thread(target=take_it, daemon=True)
    taker.start()
    try:
        taker.join(10)
        assert acquired.is_set(), caplog.text
        assert f"(pid {gone}, no longer running)" in caplog.text and "taking it over" in caplog.text
    finally:
        orphan.kill()
        orphan.wait()
