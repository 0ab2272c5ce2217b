"""What compiling the extractors with mypyc would buy: the stage table, pure and compiled.

usage: python bench/bench_compiled.py [--blogs 100] [--entries 40] [--check]

Copies `src/corpus` to a temporary folder, compiles the extractors there as `make compiled` does
(`corpus.compile_extractors`: mypyc, shipped with mypy, the development extra's type checker; it
needs a C compiler), and runs bench_stages.py on the same synthetic blogs with a pure copy and with
the compiled copy first on the path, in the same run; prints the
per-entry stages of both and their ratio. `--check` also builds the seed and 30 synthetic blogs
with both and says whether every Parquet file is byte-identical.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_build import generate  # noqa: E402

from corpus.compile_extractors import build  # noqa: E402
from corpus.extract.compiled import DIGESTS, SUFFIXES  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ROW = re.compile(r"^\| (?!stage)(?P<name>[^|]+?) \| (?P<cpu>[\d.]+) \| (?P<ms>[\d.]+) \|", re.M)


def copy_package(into: Path, compiled: bool) -> Path:
    """src/corpus copied into `into`/src, pure, or with the extractors compiled beside their
    sources (as `make compiled` compiles them in the clone); the copy's src folder."""
    ignore = shutil.ignore_patterns("__pycache__", *(f"*{s}" for s in SUFFIXES), DIGESTS)
    shutil.copytree(ROOT / "src" / "corpus", into / "src" / "corpus", ignore=ignore)
    shutil.copy2(ROOT / "pyproject.toml", into / "pyproject.toml")
    try:
        if compiled:
            build(into / "src")
    except RuntimeError as e:
        sys.exit(f"compiling failed: {e}")
    return into / "src"


def environment(path: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(path)}


def stage_table(path: Path, blogs: int, entries: int) -> dict[str, float]:
    """bench_stages.py's ms per entry of each per-entry stage, with the package copy in path."""
    command = [
        sys.executable,
        str(ROOT / "bench" / "bench_stages.py"),
        "--blogs",
        str(blogs),
        "--entries",
        str(entries),
    ]
    done = subprocess.run(command, env=environment(path), capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"bench_stages failed:\n{done.stderr[-3000:]}")
    return {m["name"].strip("* "): float(m["ms"]) for m in ROW.finditer(done.stdout)}


def built_hashes(path: Path, raw: Path, out: Path) -> dict[str, str]:
    """sha256 of every Parquet file a fresh build of raw writes."""
    options = ["--raw", str(raw), "--out", str(out), "--no-cache", "--keep-going", "--jobs", "1"]
    command = [sys.executable, "-m", "corpus", "build", *options]
    done = subprocess.run(command, env=environment(path), capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"build failed:\n{done.stderr[-3000:]}")
    live = out / ".builds" / "live"
    return {
        str(p.relative_to(live)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(live.rglob("*.parquet"))
        if p.is_file()
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--blogs", type=int, default=100)
    p.add_argument("--entries", type=int, default=40, help="entries per blog")
    p.add_argument("--check", action="store_true", help="compare the tables of both builds")
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="corpus-compiled-") as tmp:
        pure_src = copy_package(Path(tmp, "pure"), compiled=False)
        copy = copy_package(Path(tmp, "compiled"), compiled=True)
        pure = stage_table(pure_src, args.blogs, args.entries)
        compiled = stage_table(copy, args.blogs, args.entries)
        print(f"{args.blogs} synthetic blogs of {args.entries} entries; CPU ms per entry")
        print("| stage | pure Python | compiled (mypyc) | compiled / pure |\n|---|---:|---:|---:|")
        for name, ms in pure.items():
            if name in compiled:
                print(f"| {name} | {ms:.3f} | {compiled[name]:.3f} | {compiled[name] / ms:.2f} |")
        if args.check:
            raw = Path(tmp, "raw")
            raw.mkdir()
            for seed in (ROOT / "data" / "raw").glob("000_*.txt"):
                shutil.copy2(seed, raw)
            generate(raw, 30, 30)
            same = built_hashes(pure_src, raw, Path(tmp, "a")) == built_hashes(
                copy, raw, Path(tmp, "b")
            )
            print(f"tables byte-identical: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
