"""Regression on the development set (real sample pages, read from ../shared; skipped without it).

These pages are the ones the extraction rules were measured on while being written: the scores
guard against regressions, they do not measure generalisation (see the blind set in the README).
"""
import re
import subprocess
import sys

import pytest

THRESHOLDS = {"entities P": 0.93, "entities R": 0.90, "figures P": 0.97, "figures R": 0.97}


@pytest.mark.slow
def test_dev_set_scores_do_not_regress(shared_gold, shared_samples):
    out = subprocess.run([sys.executable, str(shared_gold / "extract_score.py"), sys.executable,
                          "--gold", str(shared_gold / "dev"), "--pages", str(shared_samples)],
                         capture_output=True, text=True, timeout=1200).stdout
    line = next(x for x in out.splitlines() if x.startswith("project ALL"))
    scores = {f"{what} {m}": float(v) for what, rest in re.findall(r"(entities|figures) (P=.*?);", line)
              for m, v in re.findall(r"([PR])=([\d.]+)", rest)}
    for key, least in THRESHOLDS.items():
        assert scores[key] >= least, (key, line)
    for what, least in (("category", 0.97), ("claimant", 0.75)):
        ok, n = map(int, re.search(rf"{what} (\d+)/(\d+)", line).groups())
        assert ok >= least * n, (what, line)
