"""Counting a reported number once. The `figures` table has a row per number as printed: a
bracketed conversion ("900 kilometres (550 miles)") is a second row, and so is a number an entry's
headline states and its body states again. `reports` is the one filter that leaves one row per
report; `REPORTS_SQL` is the same filter for SQL engines (DuckDB, polars' SQL)."""

from __future__ import annotations

import pandas as pd

REPORT_KEY = ["entry_id", "value", "category"]
# The same rule as `reports`, as a WHERE clause over the figures table aliased `f`.
REPORTS_SQL = (
    "f.converts_figure_id IS NULL AND NOT (f.field = 'headline' AND EXISTS ("
    "SELECT 1 FROM figures b WHERE b.entry_id = f.entry_id AND b.field = 'body' "
    "AND b.converts_figure_id IS NULL AND b.value = f.value AND b.category = f.category))"
)


def reports(figures: pd.DataFrame) -> pd.DataFrame:
    """The rows of `figures` that count each report once: no bracketed conversion of another
    figure (`converts_figure_id` is null), and no headline figure whose entry's body states the
    same value in the same category (the body's row stands for both)."""
    once = figures[figures["converts_figure_id"].isna()]
    in_body = once.loc[once["field"] == "body", REPORT_KEY].drop_duplicates()
    if once.empty or in_body.empty:
        return once
    keys = pd.MultiIndex.from_frame(once[REPORT_KEY])
    restated = (once["field"] == "headline").to_numpy() & keys.isin(
        pd.MultiIndex.from_frame(in_body)
    )
    return once[~restated]
