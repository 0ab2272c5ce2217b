"""Entries of a web page from its read blocks, or from its JSON-LD updates when they are sound
(text and full ISO times, not all one time, covering every visible stamp) and hold more updates
than the page shows. A block printing only when it was updated ('Updated 2:15 AM') takes its
publication instant from the JSON-LD update with the same text at its position."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date

from corpus.parse import instants, structured, zone_labels
from corpus.parse.model import ParsedEntry
from corpus.parse.update import Block


def make_entries(
    path, blocks, updates, offset, day, source, root, named=None
) -> tuple[list, set, str]:
    printed = [
        b.printed.minutes
        for b in blocks
        if b.printed and b.printed.minutes is not None and not b.printed.updated
    ]
    sound = structured.distinct_times(updates) and structured.covers(updates, printed, offset)
    if updates and (not blocks or sound and len(updates) > len(blocks)):
        line = (
            next(
                (
                    s.sourceline
                    for s in root.iter("script")
                    if "liveblogupdate" in (s.text or "").lower()
                ),
                1,
            )
            or 1
        )
        labels = Counter((b.minutes, b.label) for b in blocks if b.label and not b.printed.updated)
        changed = [b for b in blocks if b.printed is not None and b.printed.updated]
        entries = []
        for u in updates:
            minutes = (instants.utc_minutes(u.instant) + (offset or 0)) % instants.DAY
            label = next((lab for (m, lab), n in labels.items() if n and m == minutes), None)
            if label:
                labels[(minutes, label)] -= 1
            twin = next((b for b in changed if same_text(u, b)), None) if not label else None
            if twin is not None:  # an 'Updated ...' label goes with the update of its text
                label = twin.label
                changed.remove(twin)
            entries.append(entry_from_update(u, line, label, offset))
        return entries, {b.element for b in blocks}, "json-ld"
    entries, dropped, seen = [], set(), set()
    for i, b in enumerate(blocks):
        if source == "markup" and b.printed is None and not b.states:
            dropped.add(b.element)  # an untimed sibling (a pinned summary) is not an update
            continue
        if sound and len(updates) == len(blocks) and b.instant is None and b.minutes is not None:
            u = updates[i]
            is_updated = b.printed is not None and b.printed.updated
            if (
                is_updated
                and same_text(u, b)
                or not is_updated
                and (instants.utc_minutes(u.instant) + (offset or 0)) % instants.DAY == b.minutes
            ):
                b.instant, b.has_seconds = u.instant.astimezone(UTC), u.has_seconds
                b.minutes = (instants.utc_minutes(b.instant) + (offset or 0)) % instants.DAY
                b.published = is_updated
        if not b.paragraphs and not b.headline and source != "markup":
            b.paragraphs = [s.text for s, role, _ in b.roles if role != "time_label"]
            b.roles = [(s, "body" if role != "time_label" else role, "") for s, role, _ in b.roles]
        entry = entry_from_block(b, day, offset, named)
        key = (entry.time_label, entry.headline, entry.body, entry.instant)
        untimed = entry.time_label is None and entry.instant is None
        if entry.body and (untimed or key not in seen):
            seen.add(key)
            entries.append(entry)
        else:
            dropped.add(b.element)
    return entries, dropped, source


def same_text(u: structured.LiveUpdate, b: Block) -> bool:
    """A JSON-LD update and a visible one with the same headline or opening words."""
    if u.headline and b.headline:
        return u.headline == b.headline
    return bool(u.body and b.paragraphs) and u.body[:60] == "\n\n".join(b.paragraphs)[:60]


def split_headline(headline: str | None, paragraphs: list[str]) -> tuple[str | None, str]:
    """A headline-only update keeps its text as the body."""
    if not paragraphs and headline:
        return None, headline
    return headline, "\n\n".join(paragraphs)


def entry_from_block(
    b: Block, day: date, page_offset: int | None, named: str | None = None
) -> ParsedEntry:
    """One entry; its offset is that of the zone it prints, else the zone the page names (on the
    update's own day), else the page's."""
    headline, body = split_headline(b.headline, b.paragraphs)
    zone = b.printed.zone if b.printed else None
    offset = zone_labels.zone_offset(zone or named, b.day or day)
    offset = offset if offset is not None else (page_offset or 0)
    instant = b.instant
    if instant is None and b.day is not None and b.minutes is not None:
        instant = instants.to_utc(b.day, b.minutes, offset)
    game = b.printed is not None and b.printed.match and b.instant is None
    precision = (
        "match-time"
        if game
        else "none"
        if b.minutes is None
        else "hour"
        if b.approximate
        else "second"
        if b.instant is not None and b.has_seconds
        else "minute"
    )
    return ParsedEntry(
        line=b.line,
        time_label=b.label,
        local_minutes=b.minutes,
        utc_offset_minutes=offset,
        time_precision=precision,
        headline=headline,
        body=body,
        instant=instant,
    )


def entry_from_update(
    u: structured.LiveUpdate, line: int, label: str | None, page_offset: int | None
) -> ParsedEntry:
    headline, body = split_headline(u.headline, [p for p in u.body.split("\n\n") if p])
    stated = u.instant.utcoffset()
    own = int(stated.total_seconds() // 60) if stated is not None else 0
    offset = page_offset if page_offset is not None else own
    return ParsedEntry(
        line=line,
        time_label=label,
        local_minutes=(instants.utc_minutes(u.instant) + offset) % instants.DAY,
        utc_offset_minutes=offset,
        time_precision="second" if u.has_seconds else "minute",
        headline=headline,
        body=body,
        instant=u.instant.astimezone(UTC),
    )
