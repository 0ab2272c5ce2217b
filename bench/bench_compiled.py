"""What compiling the extractors with mypyc would buy: the stage table, pure and compiled.

usage: python bench/bench_compiled.py [--blogs 100] [--entries 40] [--check]

Copies `src/corpus` to a temporary folder, compiles every module of `corpus.extract` but its
package file there with mypyc (shipped with mypy, the development extra's type checker; it needs
a C compiler), and runs bench_stages.py on the same synthetic blogs with the installed package
(pure Python) and with the compiled copy first on the path, in the same run; prints the
per-entry stages of both and their ratio. `--check` also builds the seed and 30 synthetic blogs
with both and says whether every Parquet file is byte-identical.

A measurement for issue 30, not a way to install: the package itself is pure Python.
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

ROOT = Path(__file__).resolve().parent.parent
ROW = re.compile(r"^\| (?!stage)(?P<name>[^|]+?) \| (?P<cpu>[\d.]+) \| (?P<ms>[\d.]+) \|", re.M)


def compile_copy(into: Path) -> None:
    """src/corpus copied into `into` with corpus.extract's modules compiled beside their sources."""
    shutil.copytree(
        ROOT / "src" / "corpus",
        into / "corpus",
        ignore=shutil.ignore_patterns("__pycache__", "*.so"),
    )
    modules = sorted(
        str(p.relative_to(into))
        for p in (into / "corpus" / "extract").glob("*.py")
        if p.name != "__init__.py"
    )
    command = [sys.executable, "-m", "mypyc", "--config-file", str(ROOT / "pyproject.toml")]
    done = subprocess.run(command + modules, cwd=into, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"mypyc failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
    for built in (into / "build").glob("lib.*/**/*.so"):  # (when build_ext did not copy them)
        target = into / built.relative_to(next((into / "build").glob("lib.*")))
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(built, target)
    compiled = list((into / "corpus" / "extract").glob("*.so"))
    if len(compiled) != len(modules):
        sys.exit(f"compiled {len(compiled)} of {len(modules)} modules")


def environment(path: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    if path is not None:
        env["PYTHONPATH"] = str(path)
    return env


def stage_table(path: Path | None, blogs: int, entries: int) -> dict[str, float]:
    """bench_stages.py's ms per entry of each per-entry stage, pure (path None) or compiled."""
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


def built_hashes(path: Path | None, raw: Path, out: Path) -> dict[str, str]:
    """sha256 of every Parquet file a fresh build of raw writes."""
    command = [
        sys.executable,
        "-m",
        "corpus",
        "build",
        "--raw",
        str(raw),
        "--out",
        str(out),
        "--no-cache",
        "--keep-going",
        "--jobs",
        "1",
    ]
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
        copy = Path(tmp, "src")
        compile_copy(copy)
        pure = stage_table(None, args.blogs, args.entries)
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
            same = built_hashes(None, raw, Path(tmp, "a")) == built_hashes(
                copy, raw, Path(tmp, "b")
            )
            print(f"tables byte-identical: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
