"""The zone a web page prints its times in, and where its own machine-readable times overrule
the zone it states.

The zone is the one the page states ('All times UTC', 'Beijing time', 'Uhr' on a German page) or
an adapter names, else the gap between printed and stated times, else the offsets of the page's
ISO times, else unknown (UTC). A stated zone yields to the page's machine-readable times when
every printed update has its own instant, the instants are distinct and in the page's order, and
all of them sit at one and the same gap from the printed clock times: the note is then recorded.
"""

from __future__ import annotations

from datetime import date

from corpus.parse import clock, stamps, structured
from corpus.parse.dom import meta


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
        (b.printed.minutes - clock.utc_minutes(i) + 12 * 60) % clock.DAY - 12 * 60
        for b, i in zip(printed, own)
    }
    gap = gaps.pop() if len(gaps) == 1 else None
    return gap if gap is not None and gap % 15 == 0 else None


def page_zone(texts, language, adapter) -> str | None:
    return (adapter.zone if adapter is not None and adapter.zone else None) or stamps.stated_zone(
        texts, language
    )


def page_offset(
    texts, language, adapter, blocks, updates, items, day: date, body
) -> tuple[int | None, str | None, list[str]]:
    """(minutes east of UTC, the stated zone when it holds, notes) for the page's printed times."""
    zone = page_zone(texts, language, adapter)
    if zone is not None:
        offset = clock.zone_offset(zone, day)
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
        gap = stamps.gap_offset([(b.printed.minutes, u.instant) for b, u in zip(printed, updates)])
        if gap is not None:
            return gap, None, []
    pairs = [(b.printed.minutes, s.instant) for b in printed for s in b.states[:1] if s.instant]
    gap = stamps.gap_offset(pairs) if len(pairs) >= 2 else None
    stated_times = [
        *structured.page_times(items),
        *(
            meta(body.getroottree().getroot(), name) or ""
            for name in ("article:published_time", "article:modified_time")
        ),
    ]
    return (gap if gap is not None else stamps.iso_offset(stated_times)), None, []
