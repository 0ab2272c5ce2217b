"""Validation of the corpus part by part: a checker set up once (in the background while
files are processed), each part's outcome, and their sum as one report."""

from __future__ import annotations

import gc
import html
import logging
import threading
import time
import warnings
from dataclasses import asdict, dataclass
from functools import lru_cache

import pandas as pd
import pyarrow as pa

from corpus.schema import TABLES
from corpus.validate.checks import (
    blog_entry_checks,
    finite_checks,
    foreign_key_checks,
    null_when_checks,
    range_checks,
    run_date_of,
    schema_checks,
    span_checks,
    to_frames,
    unique_together_checks,
)
from corpus.validate.gx import GxSuites
from corpus.validate.report import Check, Report, merge

log = logging.getLogger(__name__)
PREPARING: list[threading.Thread] = []  # the background preparation of this process, once started


@dataclass
class PartOutcome:
    """What checking one part gives: its checks, row counts, first and last primary key per table,
    and its Data Docs pages (picklable, so that parts can be checked in other processes)."""

    checks: list[Check]
    rows: dict[str, int]
    key_ranges: dict[str, tuple[tuple, tuple]]
    docs: dict[str, str]

    def as_json(self) -> dict:
        """As JSON values (for the build cache, which keeps data, not code)."""
        return {
            "checks": [asdict(c) for c in self.checks],
            "rows": self.rows,
            "key_ranges": self.key_ranges,
            "docs": self.docs,
        }

    @classmethod
    def from_json(cls, value: dict) -> PartOutcome:
        checks = [Check(**{**c, "examples": tuple(c["examples"])}) for c in value["checks"]]
        ranges = {
            name: (tuple(first), tuple(last)) for name, (first, last) in value["key_ranges"].items()
        }
        return cls(checks, dict(value["rows"]), ranges, dict(value["docs"]))


class PartChecker:
    """Checks parts of a corpus; one GX context serves every part this process checks."""

    def __init__(self, with_docs: bool = False) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self.suites = GxSuites(with_docs)

    def check(self, tables: dict[str, pa.Table], run_name: str = "liveblog-corpus") -> PartOutcome:
        """Every check of one part; GX records the run under run_name, at the part's latest blog
        date."""
        try:
            frames = to_frames(tables)
        except Exception:
            if declaration_holds(tables):
                raise
            return combined(tables, None, None)
        return combined(tables, self.gx_half(tables, run_name, frames), other_half(tables, frames))

    def gx_half(
        self, tables: dict[str, pa.Table], run_name: str, frames: Frames | None = None
    ) -> GxHalf:
        """The GX checks of one part and its Data Docs pages (the half of `check` that needs GX):
        None when a check cannot run on a table that fails its declaration."""
        try:
            frames = to_frames(tables) if frames is None else frames
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                checks, gx_results = self.suites.run(frames, run_name, run_date_of(tables))
                docs = self.suites.render_docs(gx_results) if self.suites.with_docs else {}
            return checks, docs
        except Exception:  # a column of another type can break a check: the schema check says why
            if declaration_holds(tables):
                raise
            return None


GxHalf = tuple[list[Check], dict[str, str]] | None
Frames = dict[str, pd.DataFrame]


def declaration_holds(tables: dict[str, pa.Table]) -> bool:
    return all(c.success for c in schema_checks(tables))


def other_half(tables: dict[str, pa.Table], frames: Frames | None = None) -> list[Check] | None:
    """The checks of one part that need no GX (the other half of `PartChecker.check`, which may
    run in another process): None when one cannot run on a table that fails its declaration."""
    try:
        frames = to_frames(tables) if frames is None else frames
        checks = schema_checks(tables) + unique_together_checks(frames)
        checks += foreign_key_checks(frames) + blog_entry_checks(frames) + span_checks(frames)
        checks += range_checks(frames) + finite_checks(tables) + null_when_checks(frames)
        return checks
    except Exception:
        if declaration_holds(tables):
            raise
        return None


def combined(tables: dict[str, pa.Table], gx: GxHalf, other: list[Check] | None) -> PartOutcome:
    """One part's outcome from its two halves; when either could not run, its declaration checks
    alone (they say why)."""
    rows = {name: data.num_rows for name, data in tables.items()}
    if gx is None or other is None:
        return PartOutcome(schema_checks(tables), rows, {}, {})
    checks, docs = gx
    return PartOutcome(checks + other, rows, key_ranges(tables), docs)


def key_ranges(tables: dict[str, pa.Table]) -> dict[str, tuple[tuple, tuple]]:
    """Each non-empty table's first and last primary key."""
    ranges = {}
    for name, data in tables.items():
        key_columns = TABLES[name].primary_key
        if data.num_rows and set(key_columns) <= set(data.column_names):
            first, last = (
                tuple(data.column(k)[i].as_py() for k in key_columns)
                for i in (0, data.num_rows - 1)
            )
            ranges[name] = (first, last)
    return ranges


def part_run_name(part_name: str) -> str:
    """The GX run name of a part (stable when other parts change)."""
    return f"liveblog-corpus-{part_name}"


@lru_cache(maxsize=1)
def build_checker() -> PartChecker:
    """This process's checker for builds (with Data Docs): Great Expectations set up once."""
    return PartChecker(with_docs=True)


def prepare_in_background() -> None:
    """Start importing Great Expectations and setting up build_checker() (seconds) in a thread, for
    a process that will need them after waiting on others."""
    if not PREPARING:
        # Not a daemon: the interpreter waits for it before exiting. A daemon thread still
        # importing GX's compiled libraries when the build ends early (bad input) is stopped by
        # the runtime inside C++ code, which aborts the process ("FATAL: exception not
        # rethrown", exit 134).
        thread = threading.Thread(target=build_checker, name="prepare-validation", daemon=False)
        PREPARING.append(thread)
        PREPARING[0].start()


def prepare() -> None:
    """Set up build_checker() in this process (a worker that will check parts), returning
    nothing to send back. The garbage collector is off meanwhile (its passes over GX's growing
    heap cost a tenth of the set-up), and what was made is then frozen out of later passes."""
    started = time.perf_counter()
    enabled = gc.isenabled()
    gc.disable()
    try:
        build_checker()
    finally:
        if enabled:
            gc.enable()
        gc.freeze()
    log.info("validation set up in %.2f s", time.perf_counter() - started)


def prepared_checker() -> PartChecker:
    """build_checker(), once the background preparation (started now if it was not) has finished."""
    prepare_in_background()
    PREPARING[0].join()
    return build_checker()


class PartValidation:
    """Validates a corpus one part at a time (each part holds whole blogs, parts in primary-key
    order), so that memory follows the part, not the corpus. Parts are checked here (`add`) or
    elsewhere by a PartChecker (`add_outcome`, in part order); `report()` merges the parts'
    checks."""

    def __init__(self) -> None:
        self.checker: PartChecker | None = None
        self.checks: list[Check] = []
        self.rows: dict[str, int] = {}
        self.last_keys: dict[str, tuple] = {}

    def add(self, tables: dict[str, pa.Table], run_name: str = "liveblog-corpus") -> None:
        if self.checker is None:
            self.checker = PartChecker()
        self.add_outcome(self.checker.check(tables, run_name))

    def add_outcome(self, outcome: PartOutcome) -> None:
        self.checks += outcome.checks + self.order_checks(outcome.key_ranges)
        for name, n in outcome.rows.items():
            self.rows[name] = self.rows.get(name, 0) + n

    def order_checks(self, ranges: dict[str, tuple[tuple, tuple]]) -> list[Check]:
        """Each part's keys come after the previous part's: with unique keys within parts, unique
        overall."""
        checks = []
        for name, (first, last) in ranges.items():
            before = self.last_keys.get(name)
            if before is not None:
                ok = before < first
                checks.append(
                    Check(
                        name,
                        ",".join(TABLES[name].primary_key),
                        "primary_key_increases_across_parts",
                        ok,
                        0 if ok else 1,
                        () if ok else (f"{before!r} then {first!r}",),
                    )
                )
            self.last_keys[name] = last
        return checks

    def report(self, expected: tuple[str, ...] = tuple(TABLES)) -> Report:
        missing = [
            Check(name, None, "table_exists", False, 1, ("file missing",))
            for name in expected
            if name not in self.rows
        ]
        return Report(tuple(merge(self.checks) + missing), dict(self.rows))


def validate(tables: dict[str, pa.Table]) -> Report:
    """Validate every table (one part)."""
    validation = PartValidation()
    validation.add(tables)
    return validation.report()


def docs_index(parts: list[tuple[str, PartOutcome]], dataset_version: str) -> str:
    """The Data Docs front page: one row per part, linking to the part's Great Expectations site."""
    tables = list(TABLES)
    head = "".join(f"<th>{name} rows</th>" for name in tables)
    rows = []
    for name, outcome in parts:
        failed_checks = sum(not c.success for c in outcome.checks)
        counts = "".join(f"<td>{outcome.rows.get(t, 0):,}</td>" for t in tables)
        verdict = "passed" if not failed_checks else f"{failed_checks} failed"
        rows.append(
            f'<tr><td><a href="{html.escape(name)}/index.html">{html.escape(name)}</a></td>{counts}'
            f"<td>{len(outcome.checks)}</td><td>{verdict}</td></tr>"
        )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>liveblog-corpus {html.escape(dataset_version)}: validation</title>"
        "<style>body{font-family:sans-serif;margin:2em}td,th{padding:.2em .8em;text-align:right}"
        "td:first-child,th:first-child{text-align:left}</style></head><body>\n"
        f"<h1>liveblog-corpus {html.escape(dataset_version)}: validation</h1>\n"
        "<p>The corpus is built and checked in parts of whole blogs. Each part links to its Great "
        "Expectations Data Docs; <code>validation.json</code> holds every check, merged over the "
        "parts.</p>\n"
        f"<table><tr><th>part</th>{head}<th>checks</th><th>result</th></tr>\n"
        + "\n".join(rows)
        + "\n</table></body></html>\n"
    )
