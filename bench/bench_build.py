"""Build throughput on a synthetic corpus in the seed's TRT text format.

usage: python bench/bench_build.py [--blogs 1000] [--entries 30] [--jobs 1] [--engine local|dask]
                                  [--rebuilds 1]

Generates the corpus (deterministically, from the seed's own sentences) in a
temporary folder and reports:
- the whole `corpus build` (parse, timeline, entities, figures, validation,
  write) in a child process: entries/s, MB/s of raw text, peak resident memory
  of the largest process;
- the floor (issue 30): spaCy's blank English tokenizer over the same non-blank lines, in this
  process, in the same run (reading the files included; importing spaCy and making the blank
  pipeline not), and the build's ratio to it: the only figure that holds on a shared machine;
- incremental builds (the rest from the build cache): after adding one blog, with nothing
  changed, and after editing one blog; each after the previous build's writes reached the disk
  (os.sync), so that a rebuild is not timed while the kernel flushes gigabytes the full build wrote;
  with the CPU seconds of each (all its processes), which a busy machine's load does not swell,
  and the machine's load; `--rebuilds N` repeats the three N times (a new blog, another edited);
- `corpus.load("entries")` in a new process.
The issue's scales: `--blogs 2000 --entries 40 --jobs 2` (80,000 entries) and
`--blogs 25000 --entries 40 --jobs 2` (1,000,000 entries).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "data" / "raw" / "000_6d6ba2881843c3f6.txt"
BOILERPLATE = ["Loading...", "Read More\n\nA related story teaser: Somebody\n\nMore updates 👇"]


SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@lru_cache(maxsize=1)
def seed_entries() -> list:
    from corpus.parse.text import parse

    return parse(SEED.name, SEED.read_text(encoding="utf-8")).entries


def sentence_pool() -> list[str]:
    text = " ".join(e.body.replace("\n\n", " ") for e in seed_entries())
    return [s for s in SENTENCE_END.split(text) if len(s) > 20]


def entry_shapes() -> list[tuple[int, ...]]:
    """The seed's entries as sentences per paragraph: synthetic entries take these shapes, so
    that they are about as long as the seed's (940 characters against its 793) and as dense in
    names and numbers."""
    return [
        tuple(len(SENTENCE_END.split(p)) for p in e.body.split("\n\n") if p.strip())
        for e in seed_entries()
    ]


def synthetic_blog(
    rng: random.Random, day: date, n_entries: int, pool: list[str], shapes: list[tuple[int, ...]]
) -> str:
    lines = [
        f"Live blog:\u00a0{rng.choice(pool)[:80]}",
        "",
        rng.choice(pool),
        "",
        "Some war / Photo: AP",
        "AP",
        "",
        day.strftime("%A, %B %-d, %Y"),
        "",
    ]
    minute = 23 * 60 + 59
    for _ in range(n_entries):
        minute = max(0, minute - rng.randint(1, 1380 // n_entries))
        label = f"{minute // 60:02d}{minute % 60:02d} GMT"
        headline = rng.choice(pool).rstrip(".")
        lines += [f"{label} — {headline}", ""]
        for n_sentences in rng.choice(shapes):
            lines += [" ".join(rng.sample(pool, n_sentences)), ""]
        if rng.random() < 0.2:
            lines += [rng.choice(BOILERPLATE), ""]
    lines += [
        f"For our live updates from {(day - timedelta(days=1)):%A, %B %-d}, click here.",
        "",
        "Route 6",
    ]
    return "\n".join(lines)


def generate(folder: Path, n_blogs: int, n_entries: int) -> int:
    rng = random.Random(20240104)
    pool, shapes = sentence_pool(), entry_shapes()
    total = 0
    for i in range(n_blogs):
        text = synthetic_blog(rng, date(2022, 2, 24) + timedelta(days=i), n_entries, pool, shapes)
        (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def children_cpu() -> float:
    """CPU seconds of the finished child processes (and theirs), user and system."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_build(raw: Path, out: Path, jobs: int, cache: Path, engine: str) -> tuple[float, float]:
    """Seconds and peak RSS (MiB, the largest process of the child's tree) of one `corpus build`,
    started once earlier writes are on disk."""
    os.sync()
    started = time.perf_counter()
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "corpus",
            "build",
            "--raw",
            str(raw),
            "--out",
            str(out),
            "--jobs",
            str(jobs),
            "--cache",
            str(cache),
            "--engine",
            engine,
        ],
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    if run.returncode:
        sys.exit(run.stderr)
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def floor_seconds(raw: Path) -> tuple[float, float, int]:
    """Wall and CPU seconds for spaCy's blank English tokenizer over every non-blank line of every
    raw file (files read included; importing spaCy and making the blank pipeline not), in this
    process: what every spaCy-based recogniser pays at least; and the number of tokens."""
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    started, cpu_started = time.perf_counter(), time.process_time()
    n_tokens = 0
    for path in sorted(raw.iterdir()):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for doc in tokenizer.pipe(lines):
            n_tokens += len(doc)
    return time.perf_counter() - started, time.process_time() - cpu_started, n_tokens


REBUILD_PATHS = ("one blog added", "nothing changed", "one blog edited")


def rebuild_round(
    raw: Path, out: Path, cache: Path, args, round_: int
) -> dict[str, tuple[float, float, float]]:
    """One blog added (a new one each round), nothing changed, one blog edited (another each
    round): each rebuild's wall seconds, CPU seconds and the machine's load when it ended."""
    found = {}
    extra = synthetic_blog(
        random.Random(1 + round_),
        date(2030, 1, 1) + timedelta(days=round_),
        args.entries,
        sentence_pool(),
        entry_shapes(),
    )
    (raw / f"zz-added-{round_:03d}.txt").write_text(extra, encoding="utf-8")
    edited = raw / f"{(args.blogs // 2 + round_) % args.blogs:06d}.txt"
    for path in REBUILD_PATHS:
        if path == "one blog edited":
            text = edited.read_text(encoding="utf-8")
            edited.write_text(text.replace(" GMT — ", " GMT — Update: ", 1), encoding="utf-8")
        before = children_cpu()
        seconds, _ = run_build(raw, out, args.jobs, cache, args.engine)
        found[path] = (seconds, children_cpu() - before, os.getloadavg()[0])
    return found


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--blogs", type=int, default=1000)
    p.add_argument("--entries", type=int, default=30, help="entries per blog")
    p.add_argument("--jobs", type=int, default=1, help="worker processes for the build (default 1)")
    p.add_argument("--engine", choices=("local", "dask"), default="local")
    p.add_argument(
        "--rebuilds",
        type=int,
        default=1,
        help="rounds of the three rebuilds from the cache (default 1)",
    )
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="corpus-bench-") as tmp:
        raw, out, cache = Path(tmp, "raw"), Path(tmp, "out"), Path(tmp, "cache")
        raw.mkdir()
        n_bytes = generate(raw, args.blogs, args.entries)
        floor, floor_cpu, n_tokens = floor_seconds(raw)
        build_cpu = children_cpu()
        seconds, peak_mib = run_build(raw, out, args.jobs, cache, args.engine)
        build_cpu = children_cpu() - build_cpu
        # the machine's load drifts: the floor before and after, the lower of each
        floor_after, floor_cpu_after, _ = floor_seconds(raw)
        floor, floor_cpu = min(floor, floor_after), min(floor_cpu, floor_cpu_after)
        rebuilds: dict[str, list[tuple[float, float, float]]] = {p: [] for p in REBUILD_PATHS}
        for round_ in range(args.rebuilds):
            for path, seconds_and_cpu in rebuild_round(raw, out, cache, args, round_).items():
                rebuilds[path].append(seconds_and_cpu)
        started = time.perf_counter()
        load = f"import corpus; corpus.load('entries', path={str(out)!r})"
        subprocess.run([sys.executable, "-c", load], check=True)
        load_seconds = time.perf_counter() - started
    n_entries = args.blogs * args.entries
    print(f"blogs: {args.blogs}  entries: {n_entries}  raw: {n_bytes / 1e6:.1f} MB")
    print(
        f"full build (--jobs {args.jobs}, --engine {args.engine}): {seconds:.2f} s  "
        f"{n_entries / seconds:,.0f} entries/s  {n_bytes / 1e6 / seconds:.2f} MB/s  "
        f"peak RSS {peak_mib:.0f} MiB (largest process)"
    )
    print(
        f"floor (spaCy's blank English tokenizer over the non-blank lines, one process, "
        f"{n_tokens:,} tokens): {floor:.2f} s; build/floor = {seconds / floor:.2f}"
    )
    # On a shared machine the wall-clock ratio swings with the others' load; CPU seconds do not.
    print(
        f"CPU seconds: build {build_cpu:.1f} (all its processes), floor {floor_cpu:.2f}; "
        f"build CPU / floor CPU = {build_cpu / floor_cpu:.2f}, "
        f"/ {args.jobs} workers = {build_cpu / floor_cpu / args.jobs:.2f}"
    )
    # Wall seconds, CPU seconds of all its processes (what a busy machine's share divides) and
    # the machine's load (one-minute average, when it ended) of each rebuild from the cache.
    for path, runs in rebuilds.items():
        print(
            f"{path}, rebuilt from the cache: "
            + "; ".join(
                f"{wall:.2f} s ({cpu:.2f} CPU-s, load {avg:.1f})" for wall, cpu, avg in runs
            )
            + (
                f"; median {statistics.median(w for w, _, _ in runs):.2f} s"
                if len(runs) > 1
                else ""
            )
        )
    print(f"corpus.load('entries') in a new process: {load_seconds:.2f} s")


if __name__ == "__main__":
    main()
