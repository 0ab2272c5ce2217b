"""Parsing speed of the web pages: ../shared/samples and the invented pages of tests/fixtures/pages.

usage: python bench/bench_parse.py [--repeat 5] [--against REV] [--dump FILE]

Times `corpus.parse.parse` on each page (the best of --repeat runs, as the build calls it: the
decoded text and its detected format) and prints seconds per page and in all. With --against REV,
also the reader of that git revision (its src/ exported with `git archive` into a temporary
folder), run in alternating child processes so that both meet the same load on a shared machine:
it prints each page's time as a ratio to REV's and checks that both read every page alike (the
whole parsed blog: entries, header, line roles and notes). --dump writes that reading as JSON.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FOLDERS = (REPO.parent / "shared" / "samples", REPO / "tests" / "fixtures" / "pages")


def pages() -> list[Path]:
    """The web pages to read (samples first; a folder absent is skipped)."""
    return [
        p
        for folder in FOLDERS
        if folder.is_dir()
        for p in sorted(folder.iterdir())
        if p.suffix in (".html", ".json")
    ]


def plain(value):
    """A parsed blog as JSON-ready values (dataclasses, tuples, dates)."""
    if dataclasses.is_dataclass(value):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def run_pages(repeat: int) -> dict:
    """Each page's best time and its reading (or the one-line error it raised)."""
    from corpus import parse
    from corpus.collect import raw_text
    from corpus.errors import InputError

    times, readings = {}, {}
    for path in pages():
        content = raw_text.decode(path.name, path.read_bytes())
        fmt = raw_text.detect_format(path.name, content)
        best = float("inf")
        for _ in range(repeat):
            started = time.perf_counter()
            try:
                reading = plain(parse.parse(path.name, fmt, content))
            except InputError as err:
                reading = {"error": str(err)}
            best = min(best, time.perf_counter() - started)
        times[path.name], readings[path.name] = best, reading
    return {"times": times, "readings": readings}


def child(src: Path | None, repeat: int) -> dict:
    """run_pages in a new process importing the package from src (None: the installed one)."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    code = f"import json, sys; sys.path.insert(0, {str(REPO / 'bench')!r}); import bench_parse; "
    code += f"print(json.dumps(bench_parse.run_pages({repeat})))"
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def export(rev: str, folder: Path) -> Path:
    """src/ of a git revision, written into folder."""
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", "--format=tar", rev, "src"],
        capture_output=True,
        check=True,
    ).stdout
    tar_path = folder / "src.tar"
    tar_path.write_bytes(archive)
    with tarfile.open(tar_path) as tar:
        tar.extractall(folder, filter="data")
    return folder / "src"


def compare(rev: str, repeat: int, rounds: int) -> int:
    with tempfile.TemporaryDirectory(prefix="bench-parse-") as tmp:
        old_src = export(rev, Path(tmp))
        old_runs, new_runs = [], []
        for _ in range(rounds):  # alternating, so that both meet the same load
            old_runs.append(child(old_src, repeat))
            new_runs.append(child(None, repeat))
    names = list(new_runs[0]["times"])
    best = {
        side: {n: min(r["times"][n] for r in runs) for n in names}
        for side, runs in (("old", old_runs), ("new", new_runs))
    }
    print(f"{'page':<58} {rev[:10]:>10} {'now':>8} {'now/old':>8}")
    for n in names:
        old, new = best["old"][n], best["new"][n]
        print(f"{n[:58]:<58} {old:10.4f} {new:8.4f} {new / old:8.2f}")
    for label, folder in (("samples", FOLDERS[0]), ("invented pages", FOLDERS[1]), ("all", None)):
        chosen = [n for n in names if folder is None or (folder / n).is_file()]
        old, new = (sum(best[side][n] for n in chosen) for side in ("old", "new"))
        if chosen:
            print(f"{f'{label} ({len(chosen)})':<58} {old:10.4f} {new:8.4f} {new / old:8.2f}")
    differ = [n for n in names if old_runs[0]["readings"][n] != new_runs[0]["readings"][n]]
    print(f"readings: {len(names) - len(differ)} of {len(names)} pages read alike")
    for n in differ:
        print(f"  differs: {n}")
    return 1 if differ else 0


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--repeat", type=int, default=5, help="runs per page, the best kept")
    ap.add_argument("--against", metavar="REV", help="compare with the reader of a git revision")
    ap.add_argument("--rounds", type=int, default=3, help="alternating child runs per side")
    ap.add_argument("--dump", type=Path, help="write every page's reading as JSON")
    args = ap.parse_args()
    if args.against:
        sys.exit(compare(args.against, args.repeat, args.rounds))
    result = run_pages(args.repeat)
    for name, took in result["times"].items():
        print(f"{name[:58]:<58} {took:8.4f} s")
    label = f"all {len(result['times'])} pages"
    print(f"{label:<58} {sum(result['times'].values()):8.4f} s")
    if args.dump:
        args.dump.write_text(json.dumps(result["readings"], indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
