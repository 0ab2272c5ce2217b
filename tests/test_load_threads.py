"""`corpus.load` starts no native thread: none can be left running at interpreter exit, where a
running Arrow pool thread aborts the process ("terminate called without an active exception",
exit 134)."""
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from corpus.dataset.store import live_folder
from corpus.schema import ALL_TABLES

SRC = Path(__file__).resolve().parents[1] / "src"
SCRIPT = """
import json, os, sys
import corpus

def threads():
    return sorted(os.listdir("/proc/self/task"))

before = threads()
rows = {}
for source in sys.argv[1:]:
    for table in TABLES:
        rows[f"{source}:{table}"] = len(corpus.load(table, path=source))
print(json.dumps({"before": before, "after": threads(), "rows": rows}))
""".replace("TABLES", repr(list(ALL_TABLES)))


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
def test_load_starts_no_thread(small_built, tmp_path):
    folder = live_folder(small_built)
    archive = tmp_path / "release.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, f"rel/{path.relative_to(folder).as_posix()}")
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(folder), str(archive)],
                          env={**os.environ, "PYTHONPATH": str(SRC)}, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert seen["after"] == seen["before"]
    assert seen["rows"][f"{archive}:entries"] == seen["rows"][f"{folder}:entries"] > 0
