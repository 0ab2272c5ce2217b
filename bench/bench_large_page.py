"""One very large page: a synthetic live blog of about 50 MB (76,000 updates), seed text format.

usage: python bench/bench_large_page.py [--mb 50] [--updates 76000] [--sample 5000] [--build]

Writes the page (deterministically, from the seed's own sentences, several updates per printed
minute over one day) into a temporary folder and times its stages in this process: parse, time
resolution and rows (tables.blog_rows), entity and figure extraction (on a sample of the entries,
extrapolated to the page). With --build, also the
whole `corpus build --jobs 1 --no-cache` of the folder in a child process (adds validation and
writing). Issue #20: such a page took more than 20 minutes (time resolution was quadratic).
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import sentence_pool  # noqa: E402

DAY_LINE = "Thursday, January 4, 2024"


def large_page(target_bytes: int, updates: int, seed: int = 20) -> tuple[str, int]:
    """A text live blog of about target_bytes in that many updates, newest first over one day
    (several per printed minute), each of sentences drawn from the seed's."""
    rng, pool = random.Random(seed), sentence_pool()
    lines = [
        "Live blog: A synthetic day of updates",
        "",
        "Generated for a benchmark.",
        "",
        DAY_LINE,
        "",
    ]
    per_update = target_bytes // updates
    for n in range(updates):
        minutes = 23 * 60 + 59 - (n * 1440) // updates
        body = f"Update {n + 1}:"
        while len(body) < per_update - 12:
            body += " " + rng.choice(pool)
        lines += [f"{minutes // 60:02d}{minutes % 60:02d} GMT {body}", ""]
    return "\n".join(lines), updates


def timed(label: str, fn):
    started = time.perf_counter()
    value = fn()
    print(f"{label:<28} {time.perf_counter() - started:8.2f} s", flush=True)
    return value


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--mb", type=float, default=50)
    ap.add_argument("--updates", type=int, default=76_000)
    ap.add_argument(
        "--sample", type=int, default=5000, help="entries extraction is timed on (default 5000)"
    )
    ap.add_argument(
        "--build", action="store_true", help="also time the whole build in a child process"
    )
    args = ap.parse_args()
    from corpus import parse
    from corpus.collect import raw
    from corpus.extract import entity_rows, figure_rows
    from corpus.tables import blog_rows

    text, n = timed("generate", lambda: large_page(int(args.mb * 1_000_000), args.updates))
    print(f"page: {len(text.encode()) / 1e6:.1f} MB, {n:,} updates")
    with tempfile.TemporaryDirectory(prefix="bench-large-") as tmp:
        folder = Path(tmp) / "raw"
        folder.mkdir()
        (folder / "large.txt").write_text(text, encoding="utf-8")
        doc = raw.read_document(folder, "large.txt")
        blog = timed("parse", lambda: parse.parse(doc.path, doc.format, doc.text))
        _, entries = timed("resolve times, rows", lambda: blog_rows(doc, blog))
        sample = entries[
            : args.sample
        ]  # extraction is linear: timed on a sample, rate extrapolated
        chars = sum(len(e["body"]) + len(e["headline"] or "") for e in entries)
        share = sum(len(e["body"]) + len(e["headline"] or "") for e in sample) / chars
        for label, extract in (("entities", entity_rows), ("figures", figure_rows)):
            started = time.perf_counter()
            extract(sample)
            took = time.perf_counter() - started
            print(
                f"{label + f' ({len(sample):,} entries)':<28} {took:8.2f} s; "
                f"whole page ~{took / share:.0f} s"
            )
        if args.build:
            command = [
                sys.executable,
                "-m",
                "corpus",
                "build",
                "--raw",
                str(folder),
                "--out",
                f"{tmp}/out",
                "--jobs",
                "1",
                "--no-cache",
            ]
            run = timed(
                "corpus build (child)",
                lambda: subprocess.run(command, capture_output=True, text=True),
            )
            print((run.stdout or run.stderr).strip())


if __name__ == "__main__":
    main()
