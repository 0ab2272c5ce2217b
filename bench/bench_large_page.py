"""One very large page: a synthetic live blog of about 50 MB (76,000 updates) in the seed's text format.

usage: python bench/bench_large_page.py [--mb 50] [--build]

Writes the page (deterministically, from the seed's own sentences, several updates per printed
minute over one day) into a temporary folder and times its stages in this process: parse, time
resolution and rows (tables.blog_rows), entity and figure extraction. With --build, also the
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


def large_page(target_bytes: int, seed: int = 20) -> tuple[str, int]:
    """A text live blog of about target_bytes: updates newest first, one printed minute per
    ~53 updates (76,000 in a day), each two or three sentences."""
    rng, pool = random.Random(seed), sentence_pool()
    lines = ["Live blog: A synthetic day of updates", "", "Generated for a benchmark.", "", DAY_LINE, ""]
    size, n = sum(len(x) + 1 for x in lines), 0
    while size < target_bytes:
        minutes = 23 * 60 + 59 - (n * 1440) // 76_000 % 1440
        body = f"Update {n + 1}: " + " ".join(rng.sample(pool, rng.randint(2, 3)))
        entry = [f"{minutes // 60:02d}{minutes % 60:02d} GMT {body}", ""]
        lines += entry
        size += sum(len(x.encode()) + 1 for x in entry)
        n += 1
    return "\n".join(lines), n


def timed(label: str, fn):
    started = time.perf_counter()
    value = fn()
    print(f"{label:<28} {time.perf_counter() - started:8.2f} s", flush=True)
    return value


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=50)
    ap.add_argument("--build", action="store_true", help="also time the whole build in a child process")
    args = ap.parse_args()
    from corpus import parse, raw
    from corpus.extract import entity_rows, figure_rows
    from corpus.tables import blog_rows

    text, n = timed("generate", lambda: large_page(int(args.mb * 1_000_000)))
    print(f"page: {len(text.encode()) / 1e6:.1f} MB, {n:,} updates")
    with tempfile.TemporaryDirectory(prefix="bench-large-") as tmp:
        folder = Path(tmp) / "raw"
        folder.mkdir()
        (folder / "large.txt").write_text(text, encoding="utf-8")
        doc = raw.read_document(folder, "large.txt")
        blog = timed("parse", lambda: parse.parse(doc.path, doc.format, doc.text))
        _, entries = timed("resolve times, rows", lambda: blog_rows(doc, blog))
        timed("entities", lambda: entity_rows(entries))
        timed("figures", lambda: figure_rows(entries))
        if args.build:
            command = [sys.executable, "-m", "corpus", "build", "--raw", str(folder), "--out", f"{tmp}/out",
                       "--jobs", "1", "--no-cache"]
            run = timed("corpus build (child)", lambda: subprocess.run(command, capture_output=True, text=True))
            print((run.stdout or run.stderr).strip())


if __name__ == "__main__":
    main()
