"""One update: its stamps, headline, body and noise ('Updated at ...' lines, share buttons,
bylines, visually hidden text, captions and credits, by their markup roles in ``roles.py``), and
its time once the page's zone is known."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from lxml import etree

from corpus.parse import clock, dates, instants, machine_times, roles, stamps, zone_labels
from corpus.parse.dom import (
    BLOCK_TAGS,
    HEADING_TAGS,
    Segment,
    chain_within,
    classes,
    element_text,
    is_share_text,
    normalise,
)
from corpus.parse.model import BOILERPLATE_ROLE

HEADLINE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:title|ttl|head|headline|heading)(?:$|[\s_-])", re.IGNORECASE
)
BYLINE_CLASS = re.compile(r"author|byline|contributor|avatar", re.IGNORECASE)
CHROME_TAGS = {"footer", "nav", "button", "form", "aside"}
MEDIA_TAGS = {"button", "figure", "video", "audio", "picture"}
READ_MORE = re.compile(r"^(?:read\s+more|see\s+more|show\s+more|load\s+more)\b", re.IGNORECASE)


@dataclass
class Block:
    """One visible update: its elements (one when wrapped; the stamp and what follows when flat),
    what it prints and states about its time, and its text split by role."""

    elements: list[etree._Element]
    printed: stamps.Printed | None = None
    states: list[machine_times.Stated] = field(default_factory=list)
    day: date | None = None
    headline: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    roles: list[tuple[Segment, str, str]] = field(default_factory=list)  # (segment, role, kind)
    minutes: int | None = None  # resolved local clock minutes
    instant: datetime | None = None
    has_seconds: bool = False
    approximate: bool = False  # the time comes from a relative stamp
    published: bool = False  # an 'Updated' label's block found its own publication instant

    @property
    def element(self) -> etree._Element:
        return self.elements[0]

    @property
    def line(self) -> int:
        return self.element.sourceline or 1

    @property
    def label(self) -> str | None:
        return self.printed.label if self.printed else None


def read_block(
    block: Block,
    segments: list[Segment],
    language: str | None,
    headline_el: etree._Element | None = None,
    stamp_el: etree._Element | None = None,
    body_els: list | None = None,
    match: bool = False,
    page: stamps.PageStamps | None = None,
) -> None:
    """Split one update's text into stamps, headline, body and noise, and gather its times.
    An adapter may name the stamp, headline and body elements; ``match``: the stream's stamps
    are match minutes or overs; ``page``: the page's stamps worked out so far."""
    page = page or stamps.PageStamps(language)
    roots = set(block.elements)
    hidden = {
        d for top in block.elements for n in top.iter() if roles.is_hidden(n) for d in n.iter()
    }
    nodes = [
        n
        for top in block.elements
        for n in top.iter()
        if isinstance(n.tag, str) and n not in hidden
    ]
    found = [(n, p) for n in nodes if (p := page.printed(n, match)) is not None]
    if stamp_el is not None:
        inside = clock.find_stamp(element_text(stamp_el))
        found = (
            [(stamp_el, stamps.Printed(inside.label, inside.minutes, inside.zone))]
            if inside
            else []
        )
        found += [
            (n, stamps.Printed(element_text(n))) for n in stamp_el.iter() if n is not stamp_el
        ]
    ranked = sorted(
        found,
        key=lambda f: (
            f[1].updated,
            f[0] not in roots and (bool(f[1].rest) or is_inline(f[0])),
            in_media(f[0], roots),
            f[1].minutes is None,
        ),
    )
    stamp_el = ranked[0][0] if ranked else None
    block.printed = chosen = ranked[0][1] if ranked else None
    stamp_nodes = {n for n, p in found if not p.rest and not is_inline(n) and not p.updated}
    if stamp_el is not None and chosen is not None and not chosen.rest:
        stamp_nodes.add(stamp_el)
    parent = stamp_el.getparent() if stamp_el is not None else None
    if chosen is not None and not chosen.date_text and parent is not None:
        if parent not in roots and clock.is_date_time_text(element_text(parent), language):
            stamp_nodes.add(parent)
            block.printed = stamps.Printed(
                chosen.label, chosen.minutes, chosen.zone, date_text=element_text(parent)
            )
    holders = [(n, machine_times.stated(n)) for n in nodes]
    block.states = [s for _, s in holders if s is not None]
    stamp_nodes |= {
        n
        for n, s in holders
        if s is not None
        and n not in roots
        and not any(d.tag in BLOCK_TAGS for d in n.iterdescendants())
    }
    lead = stamp_el if block.printed is not None and block.printed.rest else None
    if headline_el is None:
        headline_el = (
            lead
            if lead is not None and lead.tag in HEADING_TAGS
            else next(
                (
                    h
                    for h in nodes
                    if h is not block.element
                    and (h.tag in HEADING_TAGS or HEADLINE_CLASS.search(h.get("class", "")))
                    and not (set(h.iterancestors()) & stamp_nodes)
                    and h not in stamp_nodes
                    and element_text(h)
                ),
                None,
            )
        )
    paragraphs: dict[etree._Element, list[str]] = {}
    for seg in segments:
        role, kind = segment_role(
            seg, chain_within(seg.owner, roots), stamp_nodes, headline_el, block.element
        )
        if (
            role == "body"
            and body_els is not None
            and not set(body_els) & set(chain_within(seg.owner, roots))
        ):
            role, kind = BOILERPLATE_ROLE, "outside-adapter-body"
        if role == "body":
            chain = chain_within(seg.owner, roots)
            holder = next(
                (c for c in chain if c.tag in BLOCK_TAGS), chain[-1] if chain else seg.owner
            )
            paragraphs.setdefault(holder, []).append(seg.spaced)
        block.roles.append((seg, role, kind))
    if not paragraphs and headline_el is None:  # an image-only update keeps its caption
        block.roles = [
            (s, "body" if k == "caption-credit" else r, "" if k == "caption-credit" else k)
            for s, r, k in block.roles
        ]
        for seg, role, _ in block.roles:
            if role == "body":
                paragraphs.setdefault(seg.owner, []).append(seg.raw)
    texts = [normalise("".join(parts)) for parts in paragraphs.values()]
    if lead is not None and lead is not headline_el and texts and block.printed is not None:
        texts[0] = texts[0].removeprefix(block.printed.label).lstrip(" :|-–—")
    block.paragraphs = [p for p in texts if p]
    if headline_el is not None:
        text = element_text(headline_el)
        lead_rest = block.printed.rest if block.printed is not None else text
        block.headline = lead_rest if headline_el is lead else text


def is_inline(el: etree._Element) -> bool:
    """A stamp inside prose: its paragraph holds a sentence besides it ('(See 9.40am.)')."""
    holder = next((a for a in (el, *el.iterancestors()) if a.tag in BLOCK_TAGS), el)
    if holder is el:
        return False
    rest = element_text(holder).replace(element_text(el), " ", 1)
    return len(re.findall(r"[^\W\d_]{2,}", rest)) > 2


def in_media(el: etree._Element, roots: set) -> bool:
    """A clock-like text in a player or figure (a video's '00:41' length) is not the stamp."""
    for anc in (el, *el.iterancestors()):
        if anc in roots:
            return False
        if anc.tag in MEDIA_TAGS:
            return True
    return False


def segment_role(
    seg: Segment, chain: list, stamp_nodes: set, headline_el, top=None
) -> tuple[str, str]:
    tags = {c.tag for c in chain}
    if set(chain) & stamp_nodes:
        return "time_label", ""
    inner = [c for c in chain if c is not top]  # never the update itself
    if any(roles.is_hidden(c) for c in inner):
        return BOILERPLATE_ROLE, "hidden-text"
    if headline_el is not None and headline_el in chain:
        return "headline", ""
    if any(roles.is_caption(c) for c in inner):
        return BOILERPLATE_ROLE, "caption-credit"
    if roles.is_updated_line(seg.text):
        return BOILERPLATE_ROLE, "updated-at"
    if (
        any(BYLINE_CLASS.search(classes(c)) for c in chain[:-1])
        or "header" in tags
        and not (tags & HEADING_TAGS)
    ):
        return BOILERPLATE_ROLE, "byline"
    if tags & CHROME_TAGS or is_share_text(seg.text):
        return BOILERPLATE_ROLE, "share-and-tools"
    if READ_MORE.match(seg.text):
        return BOILERPLATE_ROLE, "read-more"
    return "body", ""


def resolve_time(
    block: Block,
    offset: int | None,
    language: str | None,
    page_day: date,
    saved_at: datetime | None,
) -> None:
    """The update's clock minutes, day and instant: the printed stamp, a stated time that agrees
    with it (in the page's offset), or for a relative stamp the stated time, else the time the
    page was saved minus the relative minutes."""
    p = block.printed
    if p is not None and p.date_text:
        latest = (
            None
            if saved_at is None
            else (saved_at.astimezone(UTC) + timedelta(minutes=offset or 0)).date()
        )
        block.day = dates.find_day(p.date_text, language, page_day, latest)
    zone_offset = (
        offset
        if p is None or p.zone is None
        else zone_labels.zone_offset(p.zone, block.day or page_day)
    )
    block.minutes = p.minutes if p is not None else None
    own = next((s for s in block.states if s.instant is not None and not s.modified), None)
    if p is not None and p.updated and own is not None and own.instant is not None:
        # the label says when it changed; the update's own instant when it appeared
        block.instant, block.has_seconds = own.instant.astimezone(UTC), own.has_seconds
        block.minutes = (instants.utc_minutes(block.instant) + (zone_offset or 0)) % instants.DAY
        block.published = True
        return
    for s in block.states:
        if s.instant is not None and agrees(s.instant, block.minutes, zone_offset):
            block.instant, block.has_seconds = s.instant.astimezone(UTC), s.has_seconds
            break
        if s.naive is not None and block.minutes in (None, instants.local_minutes(s.naive)):
            block.day = block.day or s.naive.date()
            block.minutes = instants.local_minutes(s.naive)
            break
        if s.minutes is not None and block.minutes is None:
            block.minutes = s.minutes
            break
    if block.minutes is None and block.instant is not None:
        block.minutes = (instants.utc_minutes(block.instant) + (offset or 0)) % instants.DAY
    if block.minutes is None and p is not None and p.ago is not None and saved_at is not None:
        block.instant = (saved_at - timedelta(minutes=p.ago)).astimezone(UTC)
        block.minutes = (instants.utc_minutes(block.instant) + (offset or 0)) % instants.DAY
        block.approximate = True


def agrees(instant: datetime, minutes: int | None, offset: int | None) -> bool:
    """A stated instant fits the printed clock time (same minute in the page's offset, or in the
    instant's own offset when the page's is unknown)."""
    if minutes is None:
        return True
    if offset is None:
        return instants.local_minutes(instant) == minutes
    return (instants.utc_minutes(instant) + offset) % instants.DAY == minutes
