"""Ctrl-C and SIGTERM stop a build at once: one line, exit 130 or 143, no worker left behind,
the previous tables as they were."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.conftest import write_small_raw

SRC = Path(__file__).resolve().parents[1] / "src"


def children(pid: int) -> set[int]:
    try:
        return {int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}
    except OSError:
        return set()


def alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status  # a zombie has ended; only its parent's wait is missing


@pytest.fixture(scope="module")
def many_raw(tmp_path_factory, seed_text):
    """A plain raw folder of many blogs: minutes of work for two workers."""
    raw = write_small_raw(tmp_path_factory.mktemp("many") / "raw", registry=False)
    for day in range(5, 25):
        (raw / f"day-{day}.txt").write_text(seed_text.replace("January 4", f"January {day}"))
    return raw


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
@pytest.mark.parametrize("sent, status, name", [(signal.SIGINT, 130, "Ctrl-C"),
                                                (signal.SIGTERM, 143, "SIGTERM")])
def test_a_signal_stops_the_build_and_its_workers(many_raw, tmp_path, sent, status, name):
    out = tmp_path / "out"
    run = subprocess.Popen([sys.executable, "-m", "corpus", "build", "--raw", str(many_raw),
                            "--out", str(out), "--no-cache", "--jobs", "2"],
                           env={**os.environ, "PYTHONPATH": str(SRC)},
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while len(children(run.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    workers = children(run.pid)
    assert len(workers) >= 2 and run.poll() is None
    time.sleep(2)  # the workers are reading and extracting
    sent_at = time.monotonic()
    run.send_signal(sent)
    _, err = run.communicate(timeout=30)
    took = time.monotonic() - sent_at
    assert run.returncode == status
    assert took < 5  # two seconds asked; a shared test machine gets some slack
    lines = [line for line in err.splitlines() if "great_expectations" not in line]
    said = f"stopped by {name}: nothing was written; the previous tables are as they were"
    assert lines == [said]
    time.sleep(0.5)
    assert not [pid for pid in workers if alive(pid)]
    assert not out.exists()
