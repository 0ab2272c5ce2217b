"""A span the recogniser found, as a `Mention` (a row of the entities table): with the names and
ids of the reference the lists found it from, of a known person it spells another way, or of the
place it resolves to among the countries the entry names.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from corpus.extract.patterns import MATCH_PATTERNS, Tokens
from corpus.extract.place_context import qualifier, resolve_place
from corpus.extract.reference import Reference, geonames_cities

PATTERN_LABELS = frozenset(MATCH_PATTERNS)


class Mention(NamedTuple):
    start: int
    end: int
    text: str
    type: str
    canonical_name: str
    wikidata_id: str | None
    geonames_id: int | None
    latitude: float | None
    longitude: float | None
    method: str


def mention(
    span: tuple[int, int, str, str],
    tokens: Tokens,
    source: str,
    countries: frozenset[str],
    refs: Mapping[str, Reference],
    people_by_surname: Mapping[str, tuple[Reference, frozenset[str]]],
) -> Mention:
    """The Mention of a span (start, end, type, label) of tokens: its reference's, where the lists
    found it (`refs`: by label); else a known person's (`known_person`), a place's, or its own."""
    last = span[1] - 1
    start = tokens.starts[span[0]]
    end = tokens.starts[last] + len(tokens.words[last])
    text, kind, label = source[start:end], span[2], span[3]
    ref = refs.get(label)
    if ref is not None and ref.source == "geonames" and ref.geonames_id in geonames_cities():
        place = resolve_place(text, countries, qualifier(source, end))  # "Naples, Florida"
        ids = (place.geonames_id, place.latitude, place.longitude) if place else (None,) * 3
        return Mention(
            start, end, text, ref.type, ref.canonical_name, None, ids[0], ids[1], ids[2], ref.source
        )
    if ref is not None:
        return Mention(
            start,
            end,
            text,
            ref.type,
            ref.canonical_name,
            ref.wikidata_id,
            ref.geonames_id,
            ref.latitude,
            ref.longitude,
            ref.source,
        )
    method = f"{label}-pattern" if label in PATTERN_LABELS else label
    known = known_person(text, people_by_surname) if kind == "PERSON" else None
    if known is not None:  # "Volodymyr Zelenskiy": a known person under another spelling
        return Mention(
            start,
            end,
            text,
            kind,
            known.canonical_name,
            known.wikidata_id,
            None,
            None,
            None,
            method,
        )
    place = resolve_place(text, countries, qualifier(source, end)) if kind == "PLACE" else None
    if place is not None:
        return Mention(
            start,
            end,
            text,
            kind,
            text,
            None,
            place.geonames_id,
            place.latitude,
            place.longitude,
            method,
        )
    return Mention(start, end, text, kind, text, None, None, None, None, method)


def known_person(
    name: str, people_by_surname: Mapping[str, tuple[Reference, frozenset[str]]]
) -> Reference | None:
    """The gazetteer person a pattern-found name spells: its last word is one of that person's
    surnames and every other word is in their name or aliases ("Volodymyr Zelenskiy")."""
    words = name.split()
    found = people_by_surname.get(words[-1]) if len(words) > 1 else None
    if found is None or not all(w in found[1] for w in words[:-1]):
        return None
    return found[0]
