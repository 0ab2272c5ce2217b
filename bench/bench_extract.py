"""Extraction throughput, and quantulum3 measured on the same entries.

usage: python bench/bench_extract.py [--blogs 200] [--entries 30] [--no-quantulum]

1. Throughput (entries/s) of each extractor on the synthetic corpus of
   bench_build.py (headline and body of every entry), by the clock and per CPU-second of this
   process (the one to compare on a shared machine: waiting for a core does not count).
2. quantulum3 on the same synthetic entries, and its precision/recall on the
   seed's reference annotation (tests/fixtures/gold) with the same scorer that
   scores our figures table, every quantity it finds taken as a figure.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from datetime import date, timedelta
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).parent))
from bench_build import entry_shapes, sentence_pool, synthetic_blog  # noqa: E402

from corpus import parse  # noqa: E402
from corpus.extract import figures  # noqa: E402
from corpus.extract.entities import recogniser  # noqa: E402
from corpus.extract.reference import populated_places  # noqa: E402
from corpus.schema import FIELDS  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "fixtures" / "gold"
EXTRACTORS = {
    "figures": figures.extract,
    "entities": lambda text: recogniser().entry_mentions({"body": text}),
}


def synthetic_texts(n_blogs: int, n_entries: int) -> list[str]:
    rng, pool, shapes, texts = random.Random(7), sentence_pool(), entry_shapes(), []
    for i in range(n_blogs):
        text = synthetic_blog(rng, date(2022, 2, 24) + timedelta(days=i), n_entries, pool, shapes)
        for entry in parse.parse(f"{i}.txt", "trt-text", text).entries:
            texts.append((entry.headline or "", entry.body))
    return texts


def throughput(fn, texts) -> tuple[float, float]:
    """Entries per second by the clock, and per CPU-second of this process."""
    started, cpu = time.perf_counter(), time.process_time()
    for headline, body in texts:
        fn(headline)
        fn(body)
    return (len(texts) / (time.perf_counter() - started), len(texts) / (time.process_time() - cpu))


def quantulum_figures(text: str):
    from quantulum3 import parser

    return parser.parse(text)


def quantulum_scores() -> dict:
    """Score quantulum3's quantities as a figures table against the gold annotation."""
    processed = REPO / "data" / "processed"
    entries = pq.read_table(processed / "entries.parquet").to_pylist()  # a folder of parts
    rows = []
    for e in entries:
        for field in FIELDS:
            for q in quantulum_figures(e[field] or ""):
                rows.append(
                    {
                        "entry_id": e["entry_id"],
                        "text": q.surface,
                        "value": float(q.value),
                        "is_approximate": False,
                    }
                )
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("blogs", "entries"):
            shutil.copytree(processed / f"{name}.parquet", Path(tmp, f"{name}.parquet"))
        pq.write_table(pa.Table.from_pylist(rows), Path(tmp, "figures.parquet"))
        out = subprocess.run(
            [
                sys.executable,
                str(GOLD / "score.py"),
                tmp,
                str(GOLD / "seed_trtworld_2024-01-04.json"),
                "--json",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    return json.loads(out)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--blogs", type=int, default=200)
    p.add_argument("--entries", type=int, default=30)
    p.add_argument("--no-quantulum", action="store_true", help="only our extractors' throughput")
    args = p.parse_args()
    warnings.filterwarnings("ignore")
    texts = synthetic_texts(args.blogs, args.entries)
    recogniser()  # built once per process (~2 s), not counted as throughput
    populated_places()  # GeoNames' small places, loaded on first use (~3 s), not counted either
    print(f"synthetic entries: {len(texts)}")
    for name, fn in EXTRACTORS.items():
        clock, cpu = throughput(fn, texts)
        print(f"{name}: {clock:,.0f} entries/s ({cpu:,.0f} per CPU-second)")
    if args.no_quantulum:
        return
    subset = texts[:2000]
    clock, cpu = throughput(quantulum_figures, subset)
    print(
        f"quantulum3 (first {len(subset)} entries): {clock:,.0f} entries/s "
        f"({cpu:,.0f} per CPU-second)"
    )
    scores = quantulum_scores()
    print(
        f"quantulum3 on the seed gold: figures_precision {scores['figures_precision']}, "
        f"figures_recall {scores['figures_recall']}"
    )


if __name__ == "__main__":
    main()
