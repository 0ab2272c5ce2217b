"""Validation: Great Expectations suites generated from schema.py, plus cross-table rules.

Great Expectations is used only in this module. Per-column rules (nulls,
patterns, value sets, ranges, single-column keys, row counts, column order) run
as one GX suite per table; rules across tables or beyond GX's pandas engine
(Arrow types, compound keys, foreign keys, counts and dates across tables, text
spans) run here in pandas. Both land in one report, saved as a deterministic JSON summary and as
GX Data Docs HTML.
"""
from __future__ import annotations

import html
import json
import re
import sys
import tempfile
import threading
import warnings
from dataclasses import asdict, dataclass
from functools import lru_cache
from datetime import datetime, time, timezone
from pathlib import Path

import pandas as pd
import pyarrow as pa

from corpus.schema import TABLES, Table
from corpus.timeline import within_window

MAX_EXAMPLES = 5
SUMMARY_NAME = "validation.json"
DOCS_DIR_NAME = "validation"
MAX_DAYS_FROM_BLOG_DATE = 2


@dataclass(frozen=True)
class Check:
    """The outcome of one rule on one table (and column, where it has one)."""

    table: str
    column: str | None
    check: str
    success: bool
    unexpected_count: int = 0
    examples: tuple[str, ...] = ()

    def describe(self) -> str:
        where = f"{self.table}.{self.column}" if self.column else self.table
        shown = "; ".join(self.examples)
        return f"{where}: {self.check} failed for {self.unexpected_count} row(s)" + (f", e.g. {shown}" if shown else "")


@dataclass(frozen=True)
class Report:
    checks: tuple[Check, ...]
    rows: dict[str, int]

    @property
    def success(self) -> bool:
        return all(c.success for c in self.checks)

    @property
    def failures(self) -> list[Check]:
        return [c for c in self.checks if not c.success]

    def summary_json(self, dataset_version: str) -> str:
        """A deterministic summary: no run times, checks in a fixed order."""
        body = {
            "dataset_version": dataset_version,
            "success": self.success,
            "rows": dict(sorted(self.rows.items())),
            "n_checks": len(self.checks),
            "n_failed": len(self.failures),
            "checks": [asdict(c) for c in sorted(self.checks, key=lambda c: (c.table, c.column or "", c.check))],
        }
        return json.dumps(body, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


class ValidationFailed(Exception):
    def __init__(self, report: Report):
        super().__init__(f"{len(report.failures)} validation check(s) failed")
        self.report = report


# ---------------------------------------------------------------- GX suites


def expectations_for(table: Table) -> list:
    """The GX expectations of one table, derived from its declaration."""
    import great_expectations.expectations as gxe

    exps = [gxe.ExpectTableColumnsToMatchOrderedList(column_list=table.column_names),
            gxe.ExpectTableRowCountToBeBetween(min_value=table.min_rows)]
    # A foreign key's pattern follows from the key it must match (checked in foreign_key_checks).
    references = {fk.column for fk in table.foreign_keys}
    for c in table.columns:
        if not c.nullable:
            exps.append(gxe.ExpectColumnValuesToNotBeNull(column=c.name))
        if c.pattern and c.name not in references:
            exps.append(gxe.ExpectColumnValuesToMatchRegex(column=c.name, regex=c.pattern))
        if c.values:
            exps.append(gxe.ExpectColumnValuesToBeInSet(column=c.name, value_set=list(c.values)))
        if c.minimum is not None or c.maximum is not None:
            exps.append(gxe.ExpectColumnValuesToBeBetween(column=c.name, min_value=c.minimum, max_value=c.maximum))
    if len(table.primary_key) == 1:
        exps.append(gxe.ExpectColumnValuesToBeUnique(column=table.primary_key[0]))
    return exps


def import_great_expectations():
    """The great_expectations module. GX imports jsonschema (through altair), which imports
    rfc3987-syntax when it is installed (Jupyter installs it, for the "iri" format) and that builds
    a grammar on import: a third of importing GX, on the path of every incremental build. GX checks
    no IRIs, so it is kept out, unless jsonschema was imported before."""
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # None: jsonschema's guarded import fails
    import great_expectations

    return great_expectations


def gx_context():
    gx = import_great_expectations()
    from great_expectations.data_context.types.base import ProgressBarsConfig
    from great_expectations.execution_engine import pandas_execution_engine

    # GX fingerprints every batch by hashing the whole frame, for one line of the Data Docs; that took
    # a fifth of a part's check. The sha256 of each part file (SHA256SUMS) fingerprints the data already.
    pandas_execution_engine.HASH_THRESHOLD = 0

    ctx = gx.get_context(mode="ephemeral")
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False)
    for site in list(ctx.get_config().data_docs_sites or {}):
        ctx.delete_data_docs_site(site)
    return ctx


DOCS_SITE = "liveblog-corpus"


def docs_site_config(folder: Path) -> dict:
    return {"class_name": "SiteBuilder", "show_how_to_buttons": False,
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(folder.resolve())},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"}}


def plain(value):
    """numpy and pandas scalars as plain Python values, for readable messages."""
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    return value.item() if hasattr(value, "item") else value


def gx_check(table: Table, result) -> Check:
    config = result.expectation_config
    column = config.kwargs.get("column")
    res = result.result or {}
    examples: list[str] = []
    key = table.primary_key[0]
    for item in (res.get("partial_unexpected_index_list") or [])[:MAX_EXAMPLES]:
        value = plain(item.get(column)) if column else None
        examples.append(f"{key}={plain(item.get(key))} value={value!r}")
    if not examples and res.get("partial_unexpected_list"):
        examples = [repr(plain(v)) for v in res["partial_unexpected_list"][:MAX_EXAMPLES]]
    if not result.success and not examples:
        message = (result.exception_info or {}).get("exception_message")
        observed = res.get("observed_value")
        examples = [str(message) if message else f"observed {observed!r}"]
    name = config.type
    count = res.get("unexpected_count") or (0 if result.success else 1)
    return Check(table.name, column, name, bool(result.success), int(count), tuple(examples))


class GxSuites:
    """One GX context: a suite and a validation definition per table, run on one part of the corpus at a
    time, quickly, and again in detail (naming offending ids) when it fails; with_docs, each part's
    Data Docs site.

    The definitions are run directly, not through checkpoints: a checkpoint adds nothing here (no
    actions) but a check, on every run, that it matches its stored copy, which serialises every
    expectation of the suite (about a tenth of a part's GX run)."""

    def __init__(self, with_docs: bool = False) -> None:
        gx = import_great_expectations()
        self.ctx = gx_context()
        self.with_docs = with_docs
        # Data Docs need observed values (BASIC); pass/fail alone is quicker.
        self.quick_format = {"result_format": "BASIC" if with_docs else "BOOLEAN_ONLY"}
        source = self.ctx.data_sources.add_pandas("corpus")
        self.definitions, self.detailed_formats = {}, {}
        for name, table in TABLES.items():
            batch = source.add_dataframe_asset(name).add_batch_definition_whole_dataframe("all")
            suite = self.ctx.suites.add(gx.ExpectationSuite(name=name, expectations=expectations_for(table)))
            self.definitions[name] = self.ctx.validation_definitions.add(
                gx.ValidationDefinition(name=name, data=batch, suite=suite))
            self.detailed_formats[name] = {"result_format": "SUMMARY",
                                           "unexpected_index_column_names": list(table.primary_key)}

    def run(self, frames: dict[str, pd.DataFrame], run_name: str, run_date: datetime) -> tuple[list[Check], list]:
        """Every table's suite, quickly; a failing table again in detail, so that the report names ids.
        Also, when kept for the Data Docs, the keys of GX's own results in the context's store."""
        from great_expectations.core.run_identifier import RunIdentifier

        run_id = RunIdentifier(run_name=run_name, run_time=run_date)
        checks: list[Check] = []
        results: list = []
        for name, frame in frames.items():
            result = self.run_one(name, frame, self.quick_format, run_id)
            found = self.checks_of(name, result)
            if not all(c.success for c in found):
                result = self.run_one(name, frame, self.detailed_formats[name], run_id)
                found = self.checks_of(name, result)
            checks += found
            results.append(self.result_key(name, result, run_id))
        if not self.with_docs:
            self.forget(results)
            results = []
        return checks, results

    def run_one(self, name: str, frame: pd.DataFrame, result_format: dict, run_id):
        """One table's validation result; GX also keeps it in the context's validation results store."""
        return self.definitions[name].run(batch_parameters={"dataframe": frame}, result_format=result_format,
                                          run_id=run_id)

    @staticmethod
    def result_key(name: str, result, run_id):
        """The key of a table's result in the validation results store (as ValidationDefinition.run
        stores it)."""
        from great_expectations.data_context.types.resource_identifiers import (
            ExpectationSuiteIdentifier, ValidationResultIdentifier)

        return ValidationResultIdentifier(expectation_suite_identifier=ExpectationSuiteIdentifier(name=name),
                                          run_id=run_id, batch_identifier=result.batch_id)

    @staticmethod
    def checks_of(name: str, result) -> list[Check]:
        return [gx_check(TABLES[name], r) for r in result.results]

    def forget(self, results: list) -> None:
        """Remove results from the context's store, where the next part's Data Docs would show them."""
        for key in results:
            self.ctx.validation_results_store.remove_key(key)

    def render_docs(self, results: list) -> dict[str, str]:
        """One part's Data Docs site (relative path -> HTML or CSS), from its runs' GX results (their
        keys in the context's store, which holds no others)."""
        with tempfile.TemporaryDirectory(prefix="corpus-docs-") as tmp:
            site = Path(tmp)
            self.ctx.add_data_docs_site(DOCS_SITE, docs_site_config(site))
            try:
                self.ctx.build_data_docs()
            finally:
                self.ctx.delete_data_docs_site(DOCS_SITE)
            pages = {p.relative_to(site).as_posix(): normalise_page(p.read_text(encoding="utf-8"))
                     for p in sorted(site.rglob("*")) if p.is_file() and not is_unused_static(p, site)}
        self.forget(results)
        return pages


# ---------------------------------------------------------- cross-table rules


def failed(table: str, column: str | None, check: str, offenders: pd.DataFrame, show: list[str]) -> Check:
    examples = tuple(", ".join(f"{c}={plain(row[c])!r}" for c in show) for _, row in offenders.head(MAX_EXAMPLES).iterrows())
    return Check(table, column, check, offenders.empty, len(offenders), examples)


def schema_checks(tables: dict[str, pa.Table]) -> list[Check]:
    """Each table's Arrow columns, types and nullability are the declared ones."""
    checks = []
    for name, data in tables.items():
        declared = TABLES[name].arrow_schema()
        problems = []
        for f in declared:
            got = data.schema.field(f.name) if f.name in data.schema.names else None
            if got is None:
                problems.append(f"{f.name} missing")
            elif got.type != f.type or got.nullable != f.nullable:
                problems.append(f"{f.name} is {got.type}{'' if got.nullable else ' not null'}, declared {f.type}"
                                f"{'' if f.nullable else ' not null'}")
        problems += [f"{n} undeclared" for n in data.schema.names if n not in declared.names]
        checks.append(Check(name, None, "arrow_schema_matches_declaration", not problems, len(problems),
                            tuple(problems[:MAX_EXAMPLES])))
    return checks


def finite_checks(tables: dict[str, pa.Table]) -> list[Check]:
    """Every floating-point value is finite (no infinity, no NaN; null is null)."""
    import pyarrow.compute as pc

    checks = []
    for name, data in tables.items():
        key = TABLES[name].primary_key[0]
        for f in data.schema:
            if pa.types.is_floating(f.type):
                column = data.column(f.name)
                bad = pc.and_(pc.is_valid(column), pc.invert(pc.is_finite(column)))
                rows = data.filter(pc.fill_null(bad, False))
                keys = rows.column(key).to_pylist()[:MAX_EXAMPLES]
                shown = tuple(f"{k}: {v}" for k, v in zip(keys, rows.column(f.name).to_pylist()))
                checks.append(Check(name, f.name, "values_are_finite", rows.num_rows == 0,
                                    rows.num_rows, shown))
    return checks


def unique_together_checks(frames: dict[str, pd.DataFrame]) -> list[Check]:
    checks = []
    for name, frame in frames.items():
        table = TABLES[name]
        for cols in table.unique_together:
            if not set(cols) <= set(frame.columns):
                continue
            dup = frame[frame.duplicated(list(cols), keep=False)]
            checks.append(failed(name, ",".join(cols), "compound_columns_unique", dup,
                                 [table.primary_key[0], *cols]))
    return checks


def foreign_key_checks(frames: dict[str, pd.DataFrame]) -> list[Check]:
    """Every non-null foreign key value exists in the parent table's key column.

    Checked here rather than in GX: a GX value set would copy every parent id into each
    expectation's configuration (and its Data Docs page), which costs minutes at 100k entries.
    """
    checks = []
    for name, frame in frames.items():
        table = TABLES[name]
        for fk in table.foreign_keys:
            parent = frames.get(fk.table)
            if fk.column not in frame.columns or parent is None or fk.references not in parent.columns:
                continue  # reported as a missing table or column
            values = frame[fk.column]
            orphans = frame[values.notna() & ~values.isin(parent[fk.references].dropna())]
            checks.append(failed(name, fk.column, f"foreign_key_exists ({fk.table}.{fk.references})", orphans,
                                 [table.primary_key[0], fk.column]))
    return checks


def blog_entry_checks(frames: dict[str, pd.DataFrame]) -> list[Check]:
    """n_entries equals the entry count; entries lie within two days of the days their page dates
    its updates to (start_date to blog_date; see timeline.within_window)."""
    blogs, entries = frames.get("blogs"), frames.get("entries")
    if blogs is None or entries is None:
        return []  # reported as a missing table
    needed = {"blog_id", "n_entries", "blog_date"} <= set(blogs.columns) and \
        {"blog_id", "published_at", "entry_id"} <= set(entries.columns)
    if not needed:
        return []  # the schema checks report the missing columns
    counts = entries.groupby("blog_id").size().rename("counted")
    joined = blogs.join(counts, on="blog_id")
    joined["counted"] = joined["counted"].fillna(0).astype(int)
    wrong_count = joined[joined["n_entries"] != joined["counted"]]
    first = "start_date" if "start_date" in blogs.columns else "blog_date"
    dated = entries.merge(blogs[list(dict.fromkeys(["blog_id", "blog_date", first]))], on="blog_id",
                          how="inner")
    noon = {c: pd.to_datetime(dated[c].astype(str)).dt.tz_localize("UTC") + pd.Timedelta(hours=12)
            for c in {first, "blog_date"}}
    far = dated[dated["published_at"].notna() & ~within_window(
        dated["published_at"], noon[first], noon["blog_date"])]
    return [
        failed("blogs", "n_entries", "n_entries_equals_entry_count", wrong_count, ["blog_id", "n_entries", "counted"]),
        failed("entries", "published_at", f"within_{MAX_DAYS_FROM_BLOG_DATE}_days_of_blog_date", far,
               ["entry_id", "published_at", "blog_date"]),
    ]


def span_checks(frames: dict[str, pd.DataFrame]) -> list[Check]:
    """Every span table's offsets lie inside its entry field and slice to its text."""
    entries = frames.get("entries")
    if entries is None or "entry_id" not in entries.columns:
        return []  # reported as a missing table or column
    fields = [f for f in ("headline", "body") if f in entries.columns]
    texts = {f: dict(zip(entries["entry_id"], entries[f])) for f in fields}
    checks = []
    for name, frame in frames.items():
        if not {"entry_id", "field", "start", "end", "text"} <= set(frame.columns):
            continue
        pk = TABLES[name].primary_key[0]
        sources = [texts.get(f, {}).get(e) for e, f in zip(frame["entry_id"], frame["field"])]
        good = [isinstance(src, str) and 0 <= a < b <= len(src) and src[a:b] == t
                for src, a, b, t in zip(sources, frame["start"], frame["end"], frame["text"])]
        bad = frame[~pd.Series(good, index=frame.index, dtype=bool)]
        checks.append(failed(name, "text", "span_slices_to_text", bad, [pk, "field", "start", "end"]))
    return checks


def range_checks(frames: dict[str, pd.DataFrame]) -> list[Check]:
    """value <= value_max wherever both are set."""
    checks = []
    for name, frame in frames.items():
        if {"value", "value_max"} <= set(frame.columns):
            bad = frame[frame["value_max"].notna() & (frame["value"] > frame["value_max"])]
            checks.append(failed(name, "value_max", "value_at_most_value_max", bad,
                                 [TABLES[name].primary_key[0], "value", "value_max"]))
    return checks


# ------------------------------------------------------------------ entry points


def to_frames(tables: dict[str, pa.Table]) -> dict[str, pd.DataFrame]:
    """pandas frames with numpy object strings (GX is far slower on Arrow-backed strings) and 64-bit
    integers (GX compares other integers with a range row by row, in Python)."""
    frames = {}
    for name, data in tables.items():
        frame = data.to_pandas()
        for col in frame.columns:
            if isinstance(frame[col].dtype, pd.StringDtype):
                frame[col] = frame[col].astype(object)
            elif pd.api.types.is_integer_dtype(frame[col].dtype) and frame[col].dtype != "int64":
                frame[col] = frame[col].astype("int64")
        frames[name] = frame
    return frames


def run_date_of(tables: dict[str, pa.Table]) -> datetime:
    """A deterministic 'run time' for GX: the latest blog date in the data."""
    blogs = tables.get("blogs")
    dates = [d for d in blogs.column("blog_date").to_pylist() if d is not None] \
        if blogs is not None and "blog_date" in blogs.column_names else []
    return datetime.combine(max(dates), time(), tzinfo=timezone.utc) if dates \
        else datetime(1970, 1, 1, tzinfo=timezone.utc)


def merge(checks: list[Check]) -> list[Check]:
    """One check per (table, column, rule) over all parts: failed counts summed, first examples kept."""
    merged: dict[tuple, Check] = {}
    for c in checks:
        key = (c.table, c.column, c.check)
        seen = merged.get(key)
        merged[key] = c if seen is None else Check(
            c.table, c.column, c.check, seen.success and c.success, seen.unexpected_count + c.unexpected_count,
            (seen.examples + c.examples)[:MAX_EXAMPLES])
    return list(merged.values())


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
        return {"checks": [asdict(c) for c in self.checks], "rows": self.rows,
                "key_ranges": self.key_ranges, "docs": self.docs}

    @classmethod
    def from_json(cls, value: dict) -> PartOutcome:
        checks = [Check(**{**c, "examples": tuple(c["examples"])}) for c in value["checks"]]
        ranges = {name: (tuple(first), tuple(last))
                  for name, (first, last) in value["key_ranges"].items()}
        return cls(checks, dict(value["rows"]), ranges, dict(value["docs"]))


class PartChecker:
    """Checks parts of a corpus; one GX context serves every part this process checks."""

    def __init__(self, with_docs: bool = False) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self.suites = GxSuites(with_docs)

    def check(self, tables: dict[str, pa.Table], run_name: str = "liveblog-corpus") -> PartOutcome:
        """Every check of one part; GX records the run under run_name, at the part's latest blog date."""
        declared = schema_checks(tables)
        rows = {name: data.num_rows for name, data in tables.items()}
        try:
            frames = to_frames(tables)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                checks, gx_results = self.suites.run(frames, run_name, run_date_of(tables))
                docs = self.suites.render_docs(gx_results) if self.suites.with_docs else {}
            checks += declared + unique_together_checks(frames) + foreign_key_checks(frames)
            checks += blog_entry_checks(frames) + span_checks(frames) + range_checks(frames)
            checks += finite_checks(tables)
            return PartOutcome(checks, rows, key_ranges(tables), docs)
        except Exception:  # a column of another type can break a check: the schema check says why
            if all(c.success for c in declared):
                raise
            return PartOutcome(declared, rows, {}, {})


def key_ranges(tables: dict[str, pa.Table]) -> dict[str, tuple[tuple, tuple]]:
    """Each non-empty table's first and last primary key."""
    ranges = {}
    for name, data in tables.items():
        key_columns = TABLES[name].primary_key
        if data.num_rows and set(key_columns) <= set(data.column_names):
            ranges[name] = tuple(tuple(data.column(k)[i].as_py() for k in key_columns) for i in (0, data.num_rows - 1))
    return ranges


def part_run_name(part_name: str) -> str:
    """The GX run name of a part (stable when other parts change)."""
    return f"liveblog-corpus-{part_name}"


@lru_cache(maxsize=1)
def build_checker() -> PartChecker:
    """This process's checker for builds (with Data Docs): Great Expectations set up once."""
    return PartChecker(with_docs=True)


PREPARING: list[threading.Thread] = []  # the background preparation of this process, once started


def prepare_in_background() -> None:
    """Start importing Great Expectations and setting up build_checker() (seconds) in a thread, for a
    process that will need them after waiting on others."""
    if not PREPARING:
        # Not a daemon: the interpreter waits for it before exiting. A daemon thread still
        # importing GX's compiled libraries when the build ends early (bad input) is stopped by
        # the runtime inside C++ code, which aborts the process ("FATAL: exception not
        # rethrown", exit 134).
        thread = threading.Thread(target=build_checker, name="prepare-validation", daemon=False)
        PREPARING.append(thread)
        PREPARING[0].start()


def prepared_checker() -> PartChecker:
    """build_checker(), once the background preparation (started now if it was not) has finished."""
    prepare_in_background()
    PREPARING[0].join()
    return build_checker()


class PartValidation:
    """Validates a corpus one part at a time (each part holds whole blogs, parts in primary-key order),
    so that memory follows the part, not the corpus. Parts are checked here (`add`) or elsewhere by a
    PartChecker (`add_outcome`, in part order); `report()` merges the parts' checks."""

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
        """Each part's keys come after the previous part's: with unique keys within parts, unique overall."""
        checks = []
        for name, (first, last) in ranges.items():
            before = self.last_keys.get(name)
            if before is not None:
                ok = before < first
                checks.append(Check(name, ",".join(TABLES[name].primary_key), "primary_key_increases_across_parts",
                                    ok, 0 if ok else 1, () if ok else (f"{before!r} then {first!r}",)))
            self.last_keys[name] = last
        return checks

    def report(self, expected: tuple[str, ...] = tuple(TABLES)) -> Report:
        missing = [Check(name, None, "table_exists", False, 1, ("file missing",))
                   for name in expected if name not in self.rows]
        return Report(tuple(merge(self.checks) + missing), dict(self.rows))


def validate(tables: dict[str, pa.Table]) -> Report:
    """Validate every table (one part)."""
    validation = PartValidation()
    validation.add(tables)
    return validation.report()


# GX stamps a cache-busting time on its logo URL, the wall-clock batch load time
# and random UUIDs on collapsible sections; all are replaced so that the same
# data gives the same HTML.
LOGO_STAMP = re.compile(r"\?d=\d{8}T\d{6}\.\d+Z")
LOAD_TIME = re.compile(r"(ge_load_time</span>.{0,400}?>)\d{8}T\d{6}\.\d+Z(<)", re.DOTALL)
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
UNUSED_STATIC = ("fonts", "images")  # 4 MB of GX branding; pages read fine without them


def normalise_page(text: str) -> str:
    text = LOAD_TIME.sub(r"\1not recorded\2", LOGO_STAMP.sub("", text))
    seen: dict[str, str] = {}
    return UUID.sub(lambda m: seen.setdefault(m.group(0), f"{len(seen):08x}-0000-4000-8000-000000000000"), text)


def is_unused_static(path: Path, site: Path) -> bool:
    parts = path.relative_to(site).parts
    return len(parts) > 2 and parts[0] == "static" and parts[1] in UNUSED_STATIC


def docs_index(parts: list[tuple[str, PartOutcome]], dataset_version: str) -> str:
    """The Data Docs front page: one row per part, linking to the part's Great Expectations site."""
    tables = list(TABLES)
    head = "".join(f"<th>{name} rows</th>" for name in tables)
    rows = []
    for name, outcome in parts:
        failed_checks = sum(not c.success for c in outcome.checks)
        counts = "".join(f"<td>{outcome.rows.get(t, 0):,}</td>" for t in tables)
        verdict = "passed" if not failed_checks else f"{failed_checks} failed"
        rows.append(f'<tr><td><a href="{html.escape(name)}/index.html">{html.escape(name)}</a></td>{counts}'
                    f"<td>{len(outcome.checks)}</td><td>{verdict}</td></tr>")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>liveblog-corpus {html.escape(dataset_version)}: validation</title>"
            "<style>body{font-family:sans-serif;margin:2em}td,th{padding:.2em .8em;text-align:right}"
            "td:first-child,th:first-child{text-align:left}</style></head><body>\n"
            f"<h1>liveblog-corpus {html.escape(dataset_version)}: validation</h1>\n"
            "<p>The corpus is built and checked in parts of whole blogs. Each part links to its Great "
            "Expectations Data Docs; <code>validation.json</code> holds every check, merged over the parts.</p>\n"
            f"<table><tr><th>part</th>{head}<th>checks</th><th>result</th></tr>\n"
            + "\n".join(rows) + "\n</table></body></html>\n")
