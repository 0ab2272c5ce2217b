"""Validation time on a synthetic corpus of about 100,000 entries.

usage: python bench/bench_validate.py [--blogs 3334] [--entries 30]

Builds the synthetic corpus of bench_build.py, then times `validate()` on the
built tables alone (no Data Docs rendering), as `corpus validate` runs it.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_build import generate  # noqa: E402

from corpus.build import build  # noqa: E402
from corpus.schema import TABLES  # noqa: E402
from corpus.store import read_tables  # noqa: E402
from corpus.validate import validate  # noqa: E402


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--blogs", type=int, default=3334)
    p.add_argument("--entries", type=int, default=30)
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="corpus-bench-") as tmp:
        raw, out = Path(tmp, "raw"), Path(tmp, "out")
        raw.mkdir()
        generate(raw, args.blogs, args.entries)
        build(raw, out)
        tables = read_tables(out, TABLES)
        started = time.perf_counter()
        report = validate(tables)
        seconds = time.perf_counter() - started
    rows = ", ".join(f"{name} {n:,}" for name, n in report.rows.items())
    print(f"validated {rows} rows: {len(report.checks)} checks, success={report.success} in {seconds:.2f} s")


if __name__ == "__main__":
    main()
