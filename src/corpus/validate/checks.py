"""Validation: Great Expectations suites generated from schema.py, plus cross-table rules.

Great Expectations is used only in this module. Per-column rules (nulls,
patterns, value sets, ranges, single-column keys, row counts, column order) run
as one GX suite per table; rules across tables or beyond GX's pandas engine
(Arrow types, compound keys, foreign keys, counts and dates across tables, text
spans) run here in pandas. Both land in one report, saved as a deterministic JSON summary and as
GX Data Docs HTML.
"""

from __future__ import annotations

from datetime import UTC, datetime, time

import pandas as pd
import pyarrow as pa

from corpus.schema import TABLES
from corpus.timeline import within_window
from corpus.validate.gx import plain
from corpus.validate.report import MAX_EXAMPLES, Check

MAX_DAYS_FROM_BLOG_DATE = 2


# ---------------------------------------------------------- cross-table rules


def failed(
    table: str, column: str | None, check: str, offenders: pd.DataFrame, show: list[str]
) -> Check:
    examples = tuple(
        ", ".join(f"{c}={plain(row[c])!r}" for c in show)
        for _, row in offenders.head(MAX_EXAMPLES).iterrows()
    )
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
                problems.append(
                    f"{f.name} is {got.type}{'' if got.nullable else ' not null'}, declared "
                    f"{f.type}"
                    f"{'' if f.nullable else ' not null'}"
                )
        problems += [f"{n} undeclared" for n in data.schema.names if n not in declared.names]
        checks.append(
            Check(
                name,
                None,
                "arrow_schema_matches_declaration",
                not problems,
                len(problems),
                tuple(problems[:MAX_EXAMPLES]),
            )
        )
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
                checks.append(
                    Check(
                        name, f.name, "values_are_finite", rows.num_rows == 0, rows.num_rows, shown
                    )
                )
    return checks


def unique_together_checks(frames: dict[str, pd.DataFrame]) -> list[Check]:
    checks = []
    for name, frame in frames.items():
        table = TABLES[name]
        for cols in table.unique_together:
            if not set(cols) <= set(frame.columns):
                continue
            dup = frame[frame.duplicated(list(cols), keep=False)]
            checks.append(
                failed(
                    name,
                    ",".join(cols),
                    "compound_columns_unique",
                    dup,
                    [table.primary_key[0], *cols],
                )
            )
    return checks


def null_when_checks(frames: dict[str, pd.DataFrame]) -> list[Check]:
    """Each declared NullWhen rule: a column is null exactly when another holds one of the
    declared values (published_at and time_precision agree)."""
    checks = []
    for name, frame in frames.items():
        table = TABLES[name]
        for rule in table.null_when:
            if not {rule.column, rule.by} <= set(frame.columns):
                continue  # reported as a missing column
            disagree = frame[frame[rule.column].isna() != frame[rule.by].isin(rule.values)]
            said = "|".join(rule.values)
            checks.append(
                failed(
                    name,
                    rule.column,
                    f"null_exactly_when_{rule.by}_in ({said})",
                    disagree,
                    [table.primary_key[0], rule.column, rule.by],
                )
            )
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
            if (
                fk.column not in frame.columns
                or parent is None
                or fk.references not in parent.columns
            ):
                continue  # reported as a missing table or column
            values = frame[fk.column]
            orphans = frame[values.notna() & ~values.isin(parent[fk.references].dropna())]
            checks.append(
                failed(
                    name,
                    fk.column,
                    f"foreign_key_exists ({fk.table}.{fk.references})",
                    orphans,
                    [table.primary_key[0], fk.column],
                )
            )
    return checks


def blog_entry_checks(frames: dict[str, pd.DataFrame]) -> list[Check]:
    """n_entries equals the entry count; entries lie within two days of the days their page dates
    its updates to (start_date to blog_date; see timeline.within_window)."""
    blogs, entries = frames.get("blogs"), frames.get("entries")
    if blogs is None or entries is None:
        return []  # reported as a missing table
    needed = {"blog_id", "n_entries", "blog_date"} <= set(blogs.columns) and {
        "blog_id",
        "published_at",
        "entry_id",
    } <= set(entries.columns)
    if not needed:
        return []  # the schema checks report the missing columns
    counts = entries.groupby("blog_id").size().rename("counted")
    joined = blogs.join(counts, on="blog_id")
    joined["counted"] = joined["counted"].fillna(0).astype(int)
    wrong_count = joined[joined["n_entries"] != joined["counted"]]
    first = "start_date" if "start_date" in blogs.columns else "blog_date"
    dated = entries.merge(
        blogs[list(dict.fromkeys(["blog_id", "blog_date", first]))], on="blog_id", how="inner"
    )
    noon = {
        c: pd.to_datetime(dated[c].astype(str)).dt.tz_localize("UTC") + pd.Timedelta(hours=12)
        for c in {first, "blog_date"}
    }
    far = dated[
        dated["published_at"].notna()
        & ~within_window(dated["published_at"], noon[first], noon["blog_date"])
    ]
    return [
        failed(
            "blogs",
            "n_entries",
            "n_entries_equals_entry_count",
            wrong_count,
            ["blog_id", "n_entries", "counted"],
        ),
        failed(
            "entries",
            "published_at",
            f"within_{MAX_DAYS_FROM_BLOG_DATE}_days_of_blog_date",
            far,
            ["entry_id", "published_at", "blog_date"],
        ),
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
        good = [
            isinstance(src, str) and 0 <= a < b <= len(src) and src[a:b] == t
            for src, a, b, t in zip(sources, frame["start"], frame["end"], frame["text"])
        ]
        bad = frame[~pd.Series(good, index=frame.index, dtype=bool)]
        checks.append(
            failed(name, "text", "span_slices_to_text", bad, [pk, "field", "start", "end"])
        )
    return checks


def range_checks(frames: dict[str, pd.DataFrame]) -> list[Check]:
    """value <= value_max wherever both are set."""
    checks = []
    for name, frame in frames.items():
        if {"value", "value_max"} <= set(frame.columns):
            bad = frame[frame["value_max"].notna() & (frame["value"] > frame["value_max"])]
            checks.append(
                failed(
                    name,
                    "value_max",
                    "value_at_most_value_max",
                    bad,
                    [TABLES[name].primary_key[0], "value", "value_max"],
                )
            )
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
    dates = (
        [d for d in blogs.column("blog_date").to_pylist() if d is not None]
        if blogs is not None and "blog_date" in blogs.column_names
        else []
    )
    return (
        datetime.combine(max(dates), time(), tzinfo=UTC)
        if dates
        else datetime(1970, 1, 1, tzinfo=UTC)
    )
