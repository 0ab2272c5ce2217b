"""Extractors: entities and figures from entry rows, each row traceable to its character span."""
from __future__ import annotations

from corpus.extract import figures
from corpus.schema import FIELDS


def figure_rows(entries: list[dict]) -> list[dict]:
    """Rows of the figures table for the given entries rows."""
    rows = []
    for entry in entries:
        for field in FIELDS:
            text = entry[field]
            if not text:
                continue
            found = figures.extract(text)
            ids = [f"{entry['entry_id']}-{field[0]}{f.start:05d}" for f in found]
            rows += [
                {
                    "figure_id": figure_id,
                    "entry_id": entry["entry_id"],
                    "field": field,
                    "start": f.start,
                    "end": f.end,
                    "text": f.text,
                    "value": f.value,
                    "value_max": f.value_max,
                    "unit": f.unit,
                    "category": f.category,
                    "is_approximate": f.is_approximate,
                    "qualifier": f.qualifier,
                    "subject": f.subject,
                    "claimant": f.claimant,
                    "converts_figure_id": None if f.converts is None else ids[f.converts],
                }
                for figure_id, f in zip(ids, found)
            ]
    return rows
