"""Validation: Great Expectations suites generated from schema.py, plus cross-table rules.

Great Expectations is used only in this module. Per-column rules (nulls,
patterns, value sets, ranges, single-column keys, row counts, column order) run
as one GX suite per table; rules across tables or beyond GX's pandas engine
(Arrow types, compound keys, foreign keys, counts and dates across tables, text
spans) run here in pandas. Both land in one report, saved as a deterministic JSON summary and as
GX Data Docs HTML.
"""
from __future__ import annotations

import json
import re
import shutil
import warnings
from dataclasses import asdict, dataclass
from datetime import datetime, time, timezone
from pathlib import Path

import pandas as pd
import pyarrow as pa

from corpus.schema import TABLES, Table

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


def gx_context(docs_dir: Path | None):
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    ctx = gx.get_context(mode="ephemeral")
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False)
    for site in list(ctx.get_config().data_docs_sites or {}):
        ctx.delete_data_docs_site(site)
    if docs_dir is not None:
        ctx.add_data_docs_site("liveblog-corpus", {
            "class_name": "SiteBuilder",
            "show_how_to_buttons": False,
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir.resolve())},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        })
    return ctx


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


def run_suites(frames: dict[str, pd.DataFrame], docs_dir: Path | None, run_date: datetime,
               detail: str = "SUMMARY") -> list[Check]:
    """Each table's suite as a GX checkpoint; `detail` is GX's result format (SUMMARY names offending ids)."""
    import great_expectations as gx
    from great_expectations.core.run_identifier import RunIdentifier

    ctx = gx_context(docs_dir)
    source = ctx.data_sources.add_pandas("corpus")
    checks: list[Check] = []
    for name, frame in frames.items():
        table = TABLES[name]
        batch = source.add_dataframe_asset(name).add_batch_definition_whole_dataframe("all")
        suite = ctx.suites.add(gx.ExpectationSuite(name=name, expectations=expectations_for(table)))
        definition = ctx.validation_definitions.add(gx.ValidationDefinition(name=name, data=batch, suite=suite))
        actions = [gx.checkpoint.UpdateDataDocsAction(name="docs")] if docs_dir is not None else []
        checkpoint = ctx.checkpoints.add(gx.Checkpoint(
            name=name, validation_definitions=[definition], actions=actions,
            result_format={"result_format": detail, "unexpected_index_column_names": list(table.primary_key)}
            if detail == "SUMMARY" else {"result_format": detail}))
        outcome = checkpoint.run(batch_parameters={"dataframe": frame},
                                 run_id=RunIdentifier(run_name="liveblog-corpus", run_time=run_date))
        for run_result in outcome.run_results.values():
            checks.extend(gx_check(table, r) for r in run_result.results)
    return checks


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
    """n_entries equals the entry count; entries lie within two days of their blog's date."""
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
    dated = entries.merge(blogs[["blog_id", "blog_date"]], on="blog_id", how="inner")
    midday = pd.to_datetime(dated["blog_date"].astype(str)).dt.tz_localize("UTC") + pd.Timedelta(hours=12)
    distance = (dated["published_at"] - midday).abs()
    far = dated[distance.isna() | (distance > pd.Timedelta(days=MAX_DAYS_FROM_BLOG_DATE, hours=12))]
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
    """pandas frames with numpy object strings (GX is far slower on Arrow-backed strings)."""
    frames = {}
    for name, data in tables.items():
        frame = data.to_pandas()
        for col in frame.columns:
            if isinstance(frame[col].dtype, pd.StringDtype):
                frame[col] = frame[col].astype(object)
        frames[name] = frame
    return frames


def run_date_of(frames: dict[str, pd.DataFrame]) -> datetime:
    """A deterministic 'run time' for GX: the latest blog date in the data."""
    blogs = frames.get("blogs")
    if blogs is None or "blog_date" not in blogs or blogs["blog_date"].dropna().empty:
        return datetime(1970, 1, 1, tzinfo=timezone.utc)
    return datetime.combine(max(blogs["blog_date"].dropna()), time(), tzinfo=timezone.utc)


def gx_checks(frames: dict[str, pd.DataFrame], docs_dir: Path | None, run_date: datetime) -> list[Check]:
    """GX results: a quick pass first (pass/fail only, or the observed values Data Docs need), then
    the tables that fail run again in detail, so that the report names offending ids."""
    checks = run_suites(frames, docs_dir, run_date, detail="BASIC" if docs_dir is not None else "BOOLEAN_ONLY")
    failing = sorted({c.table for c in checks if not c.success})
    if not failing:
        return checks
    detail = run_suites({name: frames[name] for name in failing}, None, run_date)
    return [c for c in checks if c.table not in failing] + detail


def validate(tables: dict[str, pa.Table], docs_dir: Path | None = None) -> Report:
    """Validate every table; with docs_dir, also render GX Data Docs there."""
    missing = [name for name in TABLES if name not in tables]
    frames = to_frames(tables)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        checks = gx_checks(frames, docs_dir, run_date_of(frames))
    checks += schema_checks(tables) + unique_together_checks(frames) + foreign_key_checks(frames)
    checks += blog_entry_checks(frames)
    checks += span_checks(frames) + range_checks(frames)
    checks += [Check(name, None, "table_exists", False, 1, ("file missing",)) for name in missing]
    if docs_dir is not None:
        normalise_docs(docs_dir)
    return Report(tuple(checks), {name: t.num_rows for name, t in tables.items()})


# GX stamps a cache-busting time on its logo URL, the wall-clock batch load time
# and random UUIDs on collapsible sections; all are replaced so that the same
# data gives the same HTML.
LOGO_STAMP = re.compile(r"\?d=\d{8}T\d{6}\.\d+Z")
LOAD_TIME = re.compile(r"(ge_load_time</span>.{0,400}?>)\d{8}T\d{6}\.\d+Z(<)", re.DOTALL)
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
UNUSED_STATIC = ("fonts", "images")  # 4 MB of GX branding; pages read fine without them


def normalise_docs(docs_dir: Path) -> None:
    for page in sorted(docs_dir.rglob("*.html")):
        text = LOGO_STAMP.sub("", page.read_text(encoding="utf-8"))
        text = LOAD_TIME.sub(r"\1not recorded\2", text)
        seen: dict[str, str] = {}
        text = UUID.sub(lambda m: seen.setdefault(m.group(0), f"{len(seen):08x}-0000-4000-8000-000000000000"), text)
        page.write_text(text, encoding="utf-8")
    for name in UNUSED_STATIC:
        shutil.rmtree(docs_dir / "static" / name, ignore_errors=True)
