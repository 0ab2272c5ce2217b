"""The zone a web page prints its times in, and where its own machine-readable times overrule
the zone it states.

The zone is the one the page states ('All times UTC', 'Beijing time', 'hora de Madrid', 'Uhr' on
a German page; places through ``places.py``) or an adapter names, else the gap between printed
and stated times, else the offsets of the page's ISO times, else unknown (UTC). A stated zone
yields to the page's machine-readable times when every printed update has its own instant, the
instants are distinct and in the page's order, and all of them sit at one and the same gap from
the printed clock times: the note is then recorded.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime
from functools import lru_cache

from corpus.parse import instants, places, roles, structured, zone_labels
from corpus.parse.dom import meta

LINKING = (
    r"(?:\s+(?:below|above|shown|given|listed|stated|here|are|is|in|local|the|on|this|"
    r"page))*"
)
STATED_ZONE = re.compile(
    rf"\b[Tt]imes?{LINKING}\s*\(?\s*(?:(?P<label>{zone_labels.ZONE_LABEL})\b|"
    r"(?P<place>[A-Z][A-Za-z]+(?: [A-Z][a-z]+)?)(?P<time> (?:standard )?time)?\b)"
)
PLACE = r"[A-ZÀ-Þ][^\W\d_]+(?:[ -][A-ZÀ-Þ][^\W\d_]+)?"


def stated_zone(texts: list[str], language: str | None) -> str | None:
    """The zone the page says its times are in ('All times UTC', 'times ... in Beijing time',
    'hora de Madrid'), or Central European time for a German page printing 'Uhr'."""
    for text in texts:
        for match in STATED_ZONE.finditer(text):
            if match["label"]:
                return match["label"].upper()
            zone = place_zone(match["place"], language, named=bool(match["time"]))
            if zone:
                return zone
        found = other_language_zone().search(text) if len(text) <= 120 else None
        zone = place_zone(found["place"], language, named=True) if found else None
        if zone:
            return zone
    if (language or "").lower().startswith("de") and any(
        re.search(r"\d\s*Uhr\b", t) for t in texts
    ):
        return "Europe/Berlin"
    return None


@lru_cache(maxsize=1)
def other_language_zone() -> re.Pattern:
    """'hora de Madrid', 'heure de Paris', 'ora di Roma': a word for time, 'of', a place."""
    alts = "|".join(re.escape(w) for w in roles.words()["zone_time_words"])
    return re.compile(rf"\b(?:{alts})\s+(?:de|di|du|da|do|of)\s+(?P<place>{PLACE})", re.IGNORECASE)


def place_zone(place: str, language: str | None = None, named: bool = True) -> str | None:
    """A zone for 'Beijing', 'Eastern', 'UK' ...: a zone word (alone, or as the first or last
    word), or when the page says it is a time ('Kyiv time') any place the tz database, CLDR or
    GeoNames knows."""
    words = roles.words_map("zone_words")
    parts = place.lower().split()
    for word in (" ".join(parts), parts[-1], parts[0]):
        if word in words:
            return words[word]
    return places.place_zone(place, language) if named else None


def gap_offset(pairs: list[tuple[int, datetime]]) -> int | None:
    """The page's offset from printed clock minutes and the instants stated for them: the gap most
    of the pairs share (a multiple of 15 minutes)."""
    gaps = Counter(
        (m - instants.utc_minutes(i) + 12 * 60) % instants.DAY - 12 * 60 for m, i in pairs
    )
    if not gaps:
        return None
    gap, n = gaps.most_common(1)[0]
    return gap if gap % 15 == 0 and 2 * n >= len(pairs) else None


def iso_offset(values: list[str]) -> int | None:
    """The commonest explicit numeric offset ('+01:00') among the page's ISO times."""
    offsets: Counter[int] = Counter()
    for value in values:
        parsed = instants.parse_instant(value)
        stated = parsed[0].utcoffset() if parsed else None
        if stated is not None and re.search(r"[+-]\d{2}:?\d{2}$", value.strip()):
            offsets[int(stated.total_seconds() // 60)] += 1
    return offsets.most_common(1)[0][0] if offsets else None


def printed_blocks(blocks) -> list:
    return [
        b
        for b in blocks
        if b.printed is not None
        and b.printed.minutes is not None
        and b.printed.zone is None
        and not b.printed.updated
    ]


def in_order(instants) -> bool:
    steps = [b - a for a, b in zip(instants, instants[1:])]
    return all(s.total_seconds() >= 0 for s in steps) or all(s.total_seconds() <= 0 for s in steps)


def machine_gap(blocks, updates) -> int | None:
    """The one gap between every printed clock time and the update's own instant (its element's
    machine-readable time, else the JSON-LD update at its position), when that evidence is whole."""
    printed = printed_blocks(blocks)
    if len(printed) < 2:
        return None
    stated = [next((s.instant for s in b.states if s.instant is not None), None) for b in printed]
    own = [i for i in stated if i is not None]
    if len(own) < len(stated) and updates and len(updates) == len(printed):
        own = [u.instant for u in updates]
    if len(own) < len(printed) or len(set(own)) < len(own) or not in_order(own):
        return None
    gaps = {
        (b.printed.minutes - instants.utc_minutes(i) + 12 * 60) % instants.DAY - 12 * 60
        for b, i in zip(printed, own)
    }
    gap = gaps.pop() if len(gaps) == 1 else None
    return gap if gap is not None and gap % 15 == 0 else None


def page_zone(texts, language, adapter) -> str | None:
    return (adapter.zone if adapter is not None and adapter.zone else None) or stated_zone(
        texts, language
    )


def page_offset(
    texts, language, adapter, blocks, updates, items, day: date, body
) -> tuple[int | None, str | None, list[str]]:
    """(minutes east of UTC, the stated zone when it holds, notes) for the page's printed times."""
    zone = page_zone(texts, language, adapter)
    if zone is not None:
        offset = zone_labels.zone_offset(zone, day)
        gap = machine_gap(blocks, updates)
        if offset is not None and gap is not None and gap != offset:
            return (
                gap,
                None,
                [
                    f"doubt: zone note '{zone}' (UTC{offset / 60:+g}) contradicted by "
                    f"every update's machine-readable time (UTC{gap / 60:+g}): read "
                    f"as UTC{gap / 60:+g}"
                ],
            )
        return offset, zone, []
    printed = printed_blocks(blocks)
    if structured.distinct_times(updates) and len(updates) == len(printed):
        gap = gap_offset([(b.printed.minutes, u.instant) for b, u in zip(printed, updates)])
        if gap is not None:
            return gap, None, []
    pairs = [(b.printed.minutes, s.instant) for b in printed for s in b.states[:1] if s.instant]
    gap = gap_offset(pairs) if len(pairs) >= 2 else None
    stated_times = [
        *structured.page_times(items),
        *(
            meta(body.getroottree().getroot(), name) or ""
            for name in ("article:published_time", "article:modified_time")
        ),
    ]
    return (gap if gap is not None else iso_offset(stated_times)), None, []
