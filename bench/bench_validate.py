"""Validation time at scale: the committed tables replicated to about N entries.

usage: python bench/bench_validate.py [--entries 100000]

Copies data/processed's blogs, entries, entities and figures as many times as
needed (each copy with its own ids, so keys stay unique and foreign keys
resolve) and times `validate()` on them, as `corpus validate` runs it (no Data
Docs rendering). The import of Great Expectations, a fixed cost of each process,
is timed apart.
"""

from __future__ import annotations

import argparse
import math
import time
import warnings
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from corpus import validate as v
from corpus.dataset.store import read_tables
from corpus.schema import TABLES

REPO = Path(__file__).resolve().parents[1]
ID_COLUMNS = {
    t.name: [*t.primary_key, *(fk.column for fk in t.foreign_keys)] for t in TABLES.values()
}


def replicate(tables: dict[str, pa.Table], copies: int) -> dict[str, pa.Table]:
    """Each table repeated, the k-th copy's id columns suffixed with '-c<k>'."""
    out = {}
    for name, table in tables.items():
        parts = []
        for k in range(copies):
            part = table
            for column in ID_COLUMNS[name]:
                i = part.schema.get_field_index(column)
                suffixed = pc.binary_join_element_wise(part[column], pa.scalar(f"-c{k}"), "")
                part = part.set_column(i, part.schema.field(i), suffixed)
            parts.append(part)
        out[name] = pa.concat_tables(parts)
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--entries", type=int, default=100_000)
    args = p.parse_args()
    warnings.filterwarnings("ignore")
    started = time.perf_counter()
    v.import_great_expectations()  # loaded once per process, timed apart from the data

    import_seconds = time.perf_counter() - started
    base = read_tables(REPO / "data" / "processed", TABLES)
    tables = replicate(base, math.ceil(args.entries / base["entries"].num_rows))
    rows = ", ".join(f"{name} {t.num_rows:,}" for name, t in tables.items())
    started = time.perf_counter()
    report = v.validate(tables)
    seconds = time.perf_counter() - started
    print(
        f"validated {rows} rows: {len(report.checks)} checks, success={report.success} "
        f"in {seconds:.1f} s "
        f"(plus {import_seconds:.1f} s to import Great Expectations, once per process)"
    )


if __name__ == "__main__":
    main()
