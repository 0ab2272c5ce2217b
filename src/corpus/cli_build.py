"""The commands that build, validate and release (`corpus build | validate | release`), and every
command that needs the `[build]` extra (spaCy, lxml, Great Expectations, httpx ...), by name:
cli.py imports this module only when one of them runs."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from tqdm import tqdm

from corpus.build import BuildOptions
from corpus.build.run import build
from corpus.cli_collect import cmd_add, cmd_fetch, cmd_hydrate
from corpus.dataset.store import read_tables
from corpus.errors import InputError
from corpus.extract import model
from corpus.release.publish import make_release
from corpus.schema import ALL_TABLES, TABLES
from corpus.validate import validate
from corpus.validate.corpus_checks import with_corpus_checks
from corpus.version import __version__

PROGRESS_MIN_FILES = 20  # show a progress bar from this many raw files on


def progress_bar(items):
    items = list(items)
    if len(items) < PROGRESS_MIN_FILES:
        return items
    return tqdm(items, desc="building", unit="blog", file=sys.stderr, disable=None)


def cmd_build(args: argparse.Namespace) -> int:
    options = BuildOptions(
        raw_dir=Path(args.raw),
        out_dir=Path(args.out),
        keep_going=args.keep_going,
        jobs=args.jobs,
        engine=args.engine,
        scheduler=args.scheduler,
        cache_dir=None if args.no_cache else Path(args.cache),
        part_rows=args.part_rows,
        citation=Path(args.citation),
    )
    for option, problem in options.problems():
        raise InputError(option, problem)
    if args.ner_model:  # read by the extractors, in this process and in every worker
        os.environ[model.ENV] = args.ner_model
        model.pipeline(args.ner_model)  # a missing pipeline stops the build here, in one line
    result = build(options, progress=progress_bar, checker=args.checker)
    for err in result.skipped:
        print(f"skipped {err}" + (f" [{err.stage}]" if err.stage else ""), file=sys.stderr)
    print(
        f"built {result.n_blogs} blogs, {result.n_entries} entries in {result.seconds:.2f} s -> "
        f"{args.out}"
        + (
            f" ({len(result.skipped)} raw files skipped, listed in {args.out}/quarantine.json)"
            if result.skipped
            else ""
        )
    )
    return 1 if result.skipped else 0


def cmd_validate(args: argparse.Namespace) -> int:
    folder = Path(args.processed)
    if not folder.is_dir():
        raise InputError(str(folder), "no such folder")
    try:
        tables = read_tables(folder, ALL_TABLES)
    except Exception as exc:  # an unreadable Parquet file is invalid data, reported as such
        print(
            f"invalid: {folder}: cannot read a table ({type(exc).__name__}: {exc})", file=sys.stderr
        )
        return 1
    report = with_corpus_checks(validate({n: t for n, t in tables.items() if n in TABLES}), tables)
    for check in report.failures:
        print(f"invalid: {check.describe()}", file=sys.stderr)
    verdict = "valid" if report.success else f"INVALID ({len(report.failures)} failed)"
    print(
        f"{verdict}: {len(report.checks)} checks on "
        + ", ".join(f"{n} ({r} rows)" for n, r in report.rows.items())
    )
    return 0 if report.success else 1


def cmd_release(args: argparse.Namespace) -> int:
    previous = Path(args.previous) if args.previous else None
    if previous is not None and not previous.exists():
        raise InputError(str(previous), "no such release folder or zip (--previous)")
    folder, archive = make_release(
        Path(args.processed),
        Path(args.out),
        __version__,
        Path(args.raw),
        Path(args.project),
        previous=previous,
        jobs=os.cpu_count() or 1,
        text_free=args.text_free,
    )
    print(f"released {folder} and {archive}")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "build": cmd_build,
    "add": cmd_add,
    "fetch": cmd_fetch,
    "validate": cmd_validate,
    "release": cmd_release,
    "hydrate": cmd_hydrate,
}
