"""The build's stages, one by one, in one process: where a build's CPU seconds go (issue 30).

usage: python bench/bench_stages.py [--blogs 100] [--entries 40] [--profile FILE]

Generates bench_build.py's synthetic blogs in a temporary folder and runs, in this process and
in the build's order, each stage of `corpus build` over all of them, timing each by this
process's CPU seconds (which others' load on a shared machine moves least):

- imports: the package's build modules, spaCy and the word lists, once per build process;
- set-up: the entity recogniser and the GeoNames places, with the files a build keeps for them
  in its cache made (as a first build's first worker does), then in a new process with those
  files read (as every later worker does);
- read and parse, times and rows (the blogs and entries rows), entities, figures, Arrow (the
  rows as the schema's Arrow tables); apart from them, what spaCy's tokenizer and PhraseMatcher
  alone take of the entity stage: the least any recogniser built on them pays;
- checks: every check of the corpus as one part, ours and Great Expectations' (its import and
  set-up counted apart), without Data Docs; Parquet: the tables written.

The floor, spaCy's blank English tokenizer over the same non-blank lines (as in bench_build.py),
is timed in the same run; each stage is printed in ms per entry and as a multiple of the floor.
`--profile FILE` also writes a cProfile of the per-entry stages (parse to Arrow) to FILE.
"""

from __future__ import annotations

import argparse
import cProfile
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_build import floor_seconds, generate  # noqa: E402


class Stages:
    """CPU seconds of named stages, in the order they first ran (a stage may run many times)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def time(self, name: str) -> Iterator[None]:
        started = time.process_time()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.process_time() - started


def run(raw: Path, cache: Path, stages: Stages, profile: cProfile.Profile | None) -> int:
    """Every stage over the raw folder; the number of entries."""
    with stages.time("imports"):
        import pyarrow as pa
        import pyarrow.parquet as pq

        from corpus import extract, parse
        from corpus.build import places
        from corpus.collect import raw as raw_files
        from corpus.dataset import store
        from corpus.schema import TABLES
        from corpus.tables import blog_rows

        extract.rows  # noqa: B018 - spaCy, the word lists and the extractors
    with stages.time("set-up: first build (cache's index files made)"):
        places.use_index(cache)
        extract.entities.recogniser()
        extract.reference.populated_places()
    stages.seconds["set-up: a later worker (index files read)"] = later_set_up(cache)
    rows: dict[str, list] = {name: [] for name in TABLES}
    tables: dict[str, list] = {name: [] for name in TABLES}
    if profile is not None:
        profile.enable()
    for path in sorted(raw.iterdir()):
        with stages.time("read and parse"):
            data = path.read_bytes()
            doc = raw_files.read_document(raw, path.name, None, data)
            parsed = parse.parse(doc.path, doc.format, doc.text)
        with stages.time("times and rows"):
            blog, entries = blog_rows(doc, parsed)
        with stages.time("entities"):
            entities = extract.entity_rows(entries)
        if profile is None:  # (not a stage of the build: kept out of its profile)
            with stages.time(SPACY_SHARE):
                spacy_share(extract.entities.recogniser(), entries)
        with stages.time("figures"):
            figures = extract.figure_rows(entries)
        found = {"blogs": [blog], "entries": entries, "entities": entities, "figures": figures}
        with stages.time("Arrow tables"):
            for name, table in TABLES.items():
                tables[name].append(store.to_arrow(table, found.get(name, [])))
        rows["entries"] += entries
    if profile is not None:
        profile.disable()
    part = {name: pa.concat_tables(parts) for name, parts in tables.items()}
    with stages.time("checks: Great Expectations import and set-up"):
        from corpus.validate.parts import PartChecker

        checker = PartChecker(with_docs=False)
    with stages.time("checks: every check of the part"):
        outcome = checker.check(part)
    failed = [c.name for c in outcome.checks if not c.success]
    if failed:
        sys.exit(f"checks failed: {failed}")
    with stages.time("Parquet"), tempfile.TemporaryDirectory() as out:
        for name, table in part.items():
            pq.write_table(table, Path(out, f"{name}.parquet"))
    return len(rows["entries"])


def spacy_share(recogniser, entries: list[dict]) -> None:
    """What spaCy alone does of the entity stage (its tokenizer, then the PhraseMatcher of the
    listed names over each field): the least any recogniser built on them pays, for comparing
    with the stage. (The Matcher is left out: over whole fields it takes about 1.4 times the floor,
    in the windows the recogniser gives it about 0.4.)"""
    from corpus.schema import FIELDS

    make_doc, names = recogniser.nlp.make_doc, recogniser.names
    for entry in entries:
        for field in FIELDS:
            if entry[field]:
                names(make_doc(entry[field]))


def later_set_up(cache: Path) -> float:
    """CPU seconds of the recogniser's set-up in a new process once the cache holds its files, as
    every worker of a later build (and each one of the first build but the first) pays it."""
    code = (
        "import sys, time; from pathlib import Path; from corpus import extract; "
        "from corpus.build import places; extract.rows; t = time.process_time(); "
        "places.use_index(Path(sys.argv[1])); extract.entities.recogniser(); "
        "extract.reference.populated_places(); print(time.process_time() - t)"
    )
    run = subprocess.run([sys.executable, "-c", code, str(cache)], capture_output=True, text=True)
    if run.returncode:
        sys.exit(run.stderr)
    return float(run.stdout.split()[-1])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--blogs", type=int, default=100)
    p.add_argument("--entries", type=int, default=40, help="entries per blog")
    p.add_argument("--profile", type=Path, help="write a cProfile of parse to Arrow here")
    args = p.parse_args()
    stages = Stages()
    profile = cProfile.Profile() if args.profile else None
    with tempfile.TemporaryDirectory(prefix="corpus-stages-") as tmp:
        raw, cache = Path(tmp, "raw"), Path(tmp, "cache")
        raw.mkdir()
        cache.mkdir()
        generate(raw, args.blogs, args.entries)
        n_entries = run(raw, cache, stages, profile)
        _, floor, _ = floor_seconds(raw)
    if profile is not None:
        profile.dump_stats(args.profile)
    per_entry = [s for s in stages.seconds if s not in PER_BUILD and s != SPACY_SHARE]
    total = sum(stages.seconds[s] for s in per_entry)
    print(
        f"{args.blogs} synthetic blogs, {n_entries} entries; floor (spaCy's blank tokenizer "
        f"over the non-blank lines): {floor:.2f} CPU-s, {floor / n_entries * 1e3:.3f} ms/entry"
    )
    print("| stage | CPU-s | ms/entry | x floor |\n|---|---:|---:|---:|")
    for name, seconds in stages.seconds.items():
        if name in PER_BUILD:
            print(f"| {name} (once per process) | {seconds:.2f} | | |")
        elif name == SPACY_SHARE:
            print(
                f"| ({name}: not a stage, not in the total) | {seconds:.2f} | "
                f"{seconds / n_entries * 1e3:.3f} | {seconds / floor:.2f} |"
            )
        else:
            print(
                f"| {name} | {seconds:.2f} | {seconds / n_entries * 1e3:.3f} | "
                f"{seconds / floor:.2f} |"
            )
    print(
        f"| **per-entry stages** | {total:.2f} | {total / n_entries * 1e3:.3f} | "
        f"{total / floor:.2f} |"
    )


SPACY_SHARE = "of which spaCy's tokenizer and PhraseMatcher alone"
PER_BUILD = frozenset(
    (
        "imports",
        "set-up: first build (cache's index files made)",
        "set-up: a later worker (index files read)",
        "checks: Great Expectations import and set-up",
    )
)

if __name__ == "__main__":
    main()
