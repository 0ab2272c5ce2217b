"""Coverage: per outlet and UTC day, the blogs and entries the corpus holds, and the raw files
left out.

A corpus-level table (schema.COVERAGE), computed once the parts are built from their blogs and
entries and from the raw files the build quarantined, written as one Parquet file beside them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from corpus.build import cache
from corpus.collect import raw
from corpus.dataset import store
from corpus.errors import InputError
from corpus.schema import COVERAGE

FILE_NAME = store.table_dir_name(COVERAGE.name)
SECONDS_PER_HOUR = 3600


def entry_days(blogs: pa.Table, entries: pa.Table) -> list[dict]:
    """Per outlet and UTC day of publication: blogs, entries, first and last publication time.
    An entry the page prints no time for counts on its blog's date."""
    joined = entries.select(["blog_id", "published_at"]).join(
        blogs.select(["blog_id", "outlet", "blog_date"]), "blog_id", join_type="inner"
    )
    utc = pc.cast(joined["published_at"], pa.timestamp("ms"))  # the same instants, as UTC wall time
    day = pc.coalesce(pc.cast(utc, pa.date32()), pc.cast(joined["blog_date"], pa.date32()))
    joined = joined.append_column("day", day)
    grouped = joined.group_by(["outlet", "day"]).aggregate(
        [
            ("blog_id", "count_distinct"),
            ("blog_id", "count"),
            ("published_at", "count"),
            ("published_at", "min"),
            ("published_at", "max"),
        ]
    )
    rows = []
    for g in grouped.to_pylist():
        first, last, timed = g["published_at_min"], g["published_at_max"], g["published_at_count"]
        hours = max(1.0, (last - first).total_seconds() / SECONDS_PER_HOUR) if timed else None
        rows.append(
            {
                "outlet": g["outlet"],
                "day": g["day"],
                "n_blogs": g["blog_id_count_distinct"],
                "n_entries": g["blog_id_count"],
                "first_published_at": first,
                "last_published_at": last,
                "entries_per_hour": round(timed / hours, 3) if hours else None,
            }
        )
    return rows


def coverage_table(
    blogs: pa.Table,
    entries: pa.Table,
    left_out: list[tuple[str, date, str]],
    metadata: dict[str, str] | None = None,
) -> pa.Table:
    """The coverage table from the blogs' outlet, the entries' times and the (outlet, day, stage)
    of each raw file left out whose day is known."""
    rows = {(r["outlet"], r["day"]): r for r in entry_days(blogs, entries)}
    stages: dict[tuple[str, date], Counter] = defaultdict(Counter)
    for outlet, day, stage in left_out:
        stages[outlet, day][stage] += 1
    empty = {
        "n_blogs": 0,
        "n_entries": 0,
        "first_published_at": None,
        "last_published_at": None,
        "entries_per_hour": None,
    }
    for key in stages.keys() - rows.keys():
        rows[key] = {"outlet": key[0], "day": key[1], **empty}
    for key, row in rows.items():
        counted = stages.get(key, Counter())
        row["n_quarantined"] = sum(counted.values())
        stages_text = "; ".join(f"{s}: {n}" for s, n in sorted(counted.items()))
        row["quarantine_stages"] = stages_text or None
    return store.to_arrow(COVERAGE, list(rows.values()), metadata)


def left_out_days(
    errors: list[InputError], raw_dir: Path, cache_dir: Path
) -> list[tuple[str, date, str]]:
    """The outlet, blog date and stage of each raw file left out whose tables the build made
    (a duplicate, or a blog failing its own checks): read from the cache. A file that could not be
    read or parsed has no known day and is left out here."""
    if not errors:
        return []
    entries = dict(raw.plan(raw_dir))
    found = []
    for err in errors:
        if not err.sha256 or err.path not in entries:
            continue
        loaded = cache.load(cache_dir, cache.key(err.sha256, err.path, entries[err.path]))
        if loaded is None:
            continue
        blog = loaded.tables["blogs"].to_pylist()[0]
        found.append((blog["outlet"], blog["blog_date"], err.stage or "unknown"))
    return found


def read_columns(folders: list[Path], files: list[str], columns: list[str]) -> pa.Table:
    """Columns of a table's part files, each found in the first of folders that holds it."""
    paths = [
        next((f / name for f in folders if (f / name).is_file()), folders[-1] / name)
        for name in files
    ]
    return pa.concat_tables([pq.read_table(path, columns=columns) for path in paths])


def from_parts(
    folders: list[Path],
    table_files: dict[str, list[str]],
    left_out: list[tuple[str, date, str]],
    metadata: dict[str, str],
) -> pa.Table:
    """The coverage table of a built corpus whose part files lie in folders."""
    blogs = read_columns(folders, table_files["blogs"], ["blog_id", "outlet", "blog_date"])
    entries = read_columns(folders, table_files["entries"], ["blog_id", "published_at"])
    return coverage_table(blogs, entries, left_out, metadata)


def card_section(data: pa.Table, blog_outlets: list[str], n_quarantined: int) -> list[str]:
    """The data card's coverage section: per outlet (blog_outlets: each blog's), its first and last
    day with entries, the days with entries, its blogs, entries and raw files left out."""
    lines = [
        "## Coverage",
        "",
        f"`{FILE_NAME}` counts, per outlet and UTC day, the blogs and entries this release "
        "holds and the raw files of that day the build left out (`quarantine.json` gives each "
        "one's reason). Plot it with "
        '`corpus.dataset.plots.plot("<this folder or its zip>")`.',
        "",
        "| outlet | first day | last day | days | blogs | entries | left out |",
        "|---|---|---|---|---|---|---|",
    ]
    by_outlet: dict[str, list[dict]] = defaultdict(list)
    for row in data.to_pylist():
        by_outlet[row["outlet"]].append(row)
    for outlet, rows in sorted(by_outlet.items()):
        days = [r["day"] for r in rows if r["n_entries"]]
        span = (days[0], days[-1]) if days else ("", "")
        lines.append(
            f"| {outlet} | {span[0]} | {span[1]} | {len(days)} | "
            f"{blog_outlets.count(outlet)} | {sum(r['n_entries'] for r in rows)} | "
            f"{sum(r['n_quarantined'] for r in rows)} |"
        )
    counted = sum(data.column("n_quarantined").to_pylist())
    if n_quarantined > counted:
        lines += [
            "",
            f"{n_quarantined - counted} raw file(s) left out before their date was read "
            "(unreadable or unparsable) belong to no day; `quarantine.json` lists them.",
        ]
    return lines + [""]
