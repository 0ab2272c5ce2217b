"""Checks of the tables computed from the whole corpus (schema.CORPUS_TABLES: `coverage`), which
the part-by-part validation does not see: their declaration (columns, types, nulls, key,
minimums) and their agreement with the blogs and entries they are computed from."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

from corpus.schema import COVERAGE, Table
from corpus.validate.report import MAX_EXAMPLES, Check, Report


def declaration_checks(table: Table, data: pa.Table) -> list[Check]:
    """The table's Arrow columns and types, non-null columns, primary key and minimums."""
    declared = table.arrow_schema()
    problems = [f"{f.name} missing" for f in declared if f.name not in data.schema.names]
    problems += [
        f"{f.name} is {data.schema.field(f.name).type}, declared {f.type}"
        for f in declared
        if f.name in data.schema.names and data.schema.field(f.name).type != f.type
    ]
    problems += [f"{n} undeclared" for n in data.schema.names if n not in declared.names]
    checks = [
        Check(
            table.name,
            None,
            "arrow_schema_matches_declaration",
            not problems,
            len(problems),
            tuple(problems[:MAX_EXAMPLES]),
        )
    ]
    if problems:
        return checks
    frame = data.to_pandas()
    for column in table.columns:
        if not column.nullable:
            nulls = int(frame[column.name].isna().sum())
            checks.append(Check(table.name, column.name, "not_null", nulls == 0, nulls))
        if column.minimum is not None:
            below = frame[frame[column.name] < column.minimum]
            checks.append(
                Check(
                    table.name, column.name, f"at_least_{column.minimum:g}", below.empty, len(below)
                )
            )
    key = list(table.primary_key)
    twice = frame[frame.duplicated(key, keep=False)]
    examples = tuple(
        ", ".join(f"{k}={row[k]}" for k in key) for _, row in twice.head(MAX_EXAMPLES).iterrows()
    )
    checks.append(Check(table.name, None, "primary_key_unique", twice.empty, len(twice), examples))
    return checks


def entry_days(blogs: pa.Table, entries: pa.Table) -> pd.DataFrame:
    """Blogs and entries per outlet and UTC day of publication (an entry without a time counts on
    its blog's date), as coverage declares them."""
    joined = (
        entries.select(["blog_id", "published_at"])
        .to_pandas()
        .merge(blogs.select(["blog_id", "outlet", "blog_date"]).to_pandas(), on="blog_id")
    )
    day = joined["published_at"].dt.tz_convert("UTC").dt.date
    joined["day"] = day.where(joined["published_at"].notna(), joined["blog_date"])
    return (
        joined.groupby(["outlet", "day"])
        .agg(n_blogs=("blog_id", "nunique"), n_entries=("blog_id", "size"))
        .reset_index()
    )


def coverage_checks(coverage: pa.Table, blogs: pa.Table, entries: pa.Table) -> list[Check]:
    """The coverage table as declared, and its blogs and entries per outlet and day the ones the
    blogs and entries tables give (a day without entries appears only for files left out)."""
    checks = declaration_checks(COVERAGE, coverage)
    if not all(c.success for c in checks[:1]):
        return checks
    counts = ["outlet", "day", "n_blogs", "n_entries"]
    found = coverage.to_pandas()
    found = found.loc[found["n_entries"] > 0, counts]
    expected = entry_days(blogs, entries)
    merged = expected.merge(found, on=counts, how="outer", indicator="side")
    differing = merged[merged["side"] != "both"].sort_values(["outlet", "day"])
    examples = tuple(
        f"outlet={r.outlet!r}, day={r.day}: "
        + ("the tables have" if r.side == "left_only" else "coverage says")
        + f" {r.n_blogs} blogs, {r.n_entries} entries"
        for r in differing.head(MAX_EXAMPLES).itertuples()
    )
    checks.append(
        Check(
            COVERAGE.name,
            None,
            "counts_match_blogs_and_entries",
            differing.empty,
            len(differing),
            examples,
        )
    )
    without = coverage.to_pandas()
    unexplained = without[(without["n_entries"] == 0) & (without["n_quarantined"] == 0)]
    checks.append(
        Check(
            COVERAGE.name,
            None,
            "day_has_entries_or_left_out_files",
            unexplained.empty,
            len(unexplained),
        )
    )
    return checks


def with_corpus_checks(report: Report, tables: dict[str, pa.Table]) -> Report:
    """The report with the checks of the corpus tables; a missing coverage table fails one."""
    if "coverage" not in tables:
        missing = Check(COVERAGE.name, None, "table_exists", False, 1)
        return Report(report.checks + (missing,), report.rows)
    coverage = tables["coverage"]
    sound = {"blogs", "entries"} <= tables.keys() and all(  # else their own checks say why
        c.success for c in report.checks if c.check == "arrow_schema_matches_declaration"
    )
    extra = (
        coverage_checks(coverage, tables["blogs"], tables["entries"])
        if sound
        else declaration_checks(COVERAGE, coverage)
    )
    return Report(report.checks + tuple(extra), {**report.rows, "coverage": coverage.num_rows})
