"""The entities and figures tables' rows from entry rows (`corpus.extract.entity_rows` and
`figure_rows`: the package loads this module on first use, see its __init__)."""

from __future__ import annotations

from corpus.extract import figures, model
from corpus.extract.blog_memory import remember
from corpus.extract.entities import recogniser, whole_words
from corpus.extract.mentions import Mention
from corpus.schema import FIELDS


def figure_rows(entries: list[dict]) -> list[dict]:
    """Rows of the figures table for the given entries rows."""
    rows = []
    for entry in entries:
        by_field = figures.extract_entry({field: entry[field] for field in FIELDS})
        for field in FIELDS:
            found = by_field[field]
            ids = [f"{entry['entry_id']}-{field[0]}{f.start:05d}" for f in found]
            for figure_id, f in zip(ids, found):
                row = f._asdict()
                converts = row.pop("converts")
                rows.append(
                    {
                        "figure_id": figure_id,
                        "entry_id": entry["entry_id"],
                        "field": field,
                        **row,
                        "converts_figure_id": None if converts is None else ids[converts],
                    }
                )
    return rows


def entity_rows(entries: list[dict]) -> list[dict]:
    """Rows of the entities table for the given entries rows (one blog's: the names an entry
    repeats from the others are read with what the others say of them, see `blog_memory`)."""
    rows, name = [], model.model_name()
    nlp = model.pipeline(name) if name else None
    texts = [{f: entry[f] or "" for f in FIELDS} for entry in entries]  # (a headline may be None)
    found = [recogniser().entry_mentions(fields, nlp) for fields in texts]
    found = remember(found, texts, whole_words)
    for entry, mentions_by_field in zip(entries, found):
        entry_id = entry["entry_id"]
        for field, mentions in mentions_by_field.items():
            rows += [
                mention_row(m, f"{entry_id}-m{field[0]}{m[0]:05d}", entry_id, field)
                for m in mentions
            ]
    return rows


def mention_row(m: Mention, mention_id: str, entry_id: str, field: str) -> dict:
    """A row of the entities table: its ids, then the mention's fields (`Mention._fields`)."""
    return {
        "mention_id": mention_id,
        "entry_id": entry_id,
        "field": field,
        "start": m[0],
        "end": m[1],
        "text": m[2],
        "type": m[3],
        "canonical_name": m[4],
        "wikidata_id": m[5],
        "geonames_id": m[6],
        "latitude": m[7],
        "longitude": m[8],
        "method": m[9],
    }
