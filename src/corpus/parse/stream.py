"""Finding the update stream in the visible page.

Candidates are same-tag siblings carrying stamps. Wrapped layouts put each update in one such
element; flat layouts print a stamp element (a time, a heading or a paragraph opening with a
clock time) and then the update's paragraphs as further siblings, up to the next stamp. The
group with the most text per stamp wins, which sets the stream apart from key-event lists and
pinned copies; a group whose text is mostly links is a sidebar of timed headlines, never the
stream. A sibling between updates that is nothing but a
date ('Thursday, 4 January') is a day header for the updates after it; when updates are grouped
in one container per day, the sibling containers of the same kind continue the stream. An update
of a flat stream's shape alone in a box just before it (under a 'Latest' heading) joins it. A
stream stamped by match minutes or overs is looked for the same way (``match``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from corpus.parse import clock, dates, roles, stamps
from corpus.parse.dom import Segment, element_text, short_text, visible_elements

FLAT_SHARE = 0.25  # text between stamp elements, as a share of theirs, that marks a flat layout
MIN_UPDATES = 2
LINK_SHARE = 0.6  # above this share of text in links, timed items are a list of headlines


@dataclass
class Stream:
    extents: list[list[etree._Element]]
    flat: bool = False
    day_headers: dict[int, str] = field(default_factory=dict)  # extent index -> date before it
    match: bool = False  # stamped by match minutes or overs, not clock times
    note: str = ""  # why this stream won when other stamped groups competed


def stamp_elements(
    body: etree._Element,
    language: str | None,
    match: bool = False,
    visible: list | None = None,
    page: stamps.PageStamps | None = None,
) -> list[etree._Element]:
    """The visible elements that are stamps (``visible``: visible_elements(body), if known;
    ``page``: the page's stamps worked out so far)."""
    elements = visible_elements(body) if visible is None else visible
    page = page or stamps.PageStamps(language)
    return [el for el in elements if page.is_stamp(el, match)]


def text_lengths(segments: list[Segment]) -> tuple[Counter, Counter, Counter]:
    """Characters of visible text inside each element, as tails of it, and inside links."""
    text_len: Counter = Counter()
    tail_len: Counter = Counter()
    link_len: Counter = Counter()
    in_link = roles.Inherited(lambda el: el.tag == "a")
    for seg in segments:
        if seg.is_tail:
            tail_len[seg.source] += len(seg.text)
        text_len[seg.owner] += len(seg.text)
        link_len[seg.owner] += len(seg.text) if in_link(seg.owner) else 0
    if segments:  # each element's text is its own and its descendants': summed from the leaves
        for el in reversed(list(segments[0].owner.getroottree().getroot().iter())):
            parent = el.getparent()
            if parent is not None and el in text_len:
                text_len[parent] += text_len[el]
                link_len[parent] += link_len[el]
    return text_len, tail_len, link_len


def find_stream(
    body: etree._Element,
    segments: list[Segment],
    language: str | None,
    match: bool = False,
    lengths: tuple | None = None,
    visible: list | None = None,
    page: stamps.PageStamps | None = None,
) -> Stream:
    """The updates, each a list of elements (see the module docstring); empty when none. With
    ``match``, the stamps are match minutes or overs; ``lengths``: text_lengths(segments);
    ``visible``: visible_elements(body); ``page``: the page's stamps worked out so far."""
    found = find_stream_of(body, segments, language, match, lengths, (visible, page))
    found.match = match
    return found


def in_game_order(
    stream: Stream, language: str | None, page: stamps.PageStamps | None = None
) -> bool:
    """Whether a stream's match minutes or overs run one way through the game (ties allowed):
    ratings or version numbers in a list do not."""
    page = page or stamps.PageStamps(language)
    order = []
    for ext in stream.extents:
        found = next(
            (
                p
                for e in ext
                for n in e.iter()
                if isinstance(n.tag, str)
                for p in [page.printed(n, match=True)]
                if p is not None
            ),
            None,
        )
        value = clock.match_order(found.label) if found is not None else None
        if value is not None:
            order.append(value)
    steps = [b - a for a, b in zip(order, order[1:])]
    return len(order) >= 2 and (all(s >= 0 for s in steps) or all(s <= 0 for s in steps))


def stream_text(stream: Stream) -> int:
    """Characters of text in a stream's updates."""
    return sum(len(element_text(e)) for ext in stream.extents for e in ext)


def find_stream_of(body, segments, language, match, lengths, known) -> Stream:
    text_len, tail_len, link_len = lengths or text_lengths(segments)
    counts: Counter = Counter()
    for el in stamp_elements(body, language, match, *known):
        for anc in (el, *el.iterancestors()):
            counts[anc] += 1
    groups: dict[tuple, list[etree._Element]] = {}
    for el in counts:
        parent = el.getparent()
        if parent is not None and text_len[el] + tail_len[el] > 0:
            groups.setdefault((parent, el.tag), []).append(el)

    def layout(parent: etree._Element, members: list[etree._Element]) -> Stream:
        member_set, extents, headers = set(members), [], {}
        for child in parent:
            if child in member_set:
                extents.append([child])
            elif is_day_header(child, language):
                headers[len(extents)] = element_text(child)
            elif extents:
                extents[-1].append(child)
        between = sum(text_len[e] + tail_len[e] for ext in extents for e in ext[1:])
        between += sum(tail_len[m] for m in members)
        flat = between > FLAT_SHARE * sum(text_len[m] for m in members) or (
            members[0].tag == "p"
            and any(e.tag == "p" and text_len[e] for ext in extents for e in ext[1:])
        )  # paragraphs after a stamped one
        if flat:
            return Stream(extents, flat, headers)
        return Stream([[m] for m in with_wrapped(parent, members)], flat, headers)

    def with_wrapped(parent: etree._Element, members: list[etree._Element]) -> list[etree._Element]:
        """The members, and in document order any update of their kind that a sibling wraps
        alone (a layout or advert wrapper, however deep), so that no update is left out."""
        member_set, tag, out = set(members), members[0].tag, []
        for child in parent:
            if child in member_set:
                out.append(child)
            elif counts[child] == 1 and child.tag != tag:
                out += [d for d in child.iterdescendants(tag) if counts[d] == 1][:1]
        return out

    def score(item) -> tuple[bool, float]:
        (parent, _), members = item
        found = layout(parent, members)
        texts = [
            sum(text_len[e] + (tail_len[e] if found.flat else 0) for e in ext)
            for ext in found.extents
        ]
        per_stamp = sum(
            t / max(1, sum(counts[e] for e in ext)) for t, ext in zip(texts, found.extents)
        )
        links = sum(link_len[e] for ext in found.extents for e in ext)
        updates = len(found.extents) >= MIN_UPDATES and links <= LINK_SHARE * max(1, sum(texts))
        return updates, per_stamp

    if not groups:
        return Stream([])
    scores = {key: score((key, members)) for key, members in groups.items()}
    best = max(groups.items(), key=lambda item: scores[item[0]])
    if not scores[best[0]][0]:
        return Stream([])
    (parent, tag), members = best
    rivals = sum(
        1
        for (p, _), (ok, _) in scores.items()
        if ok
        and p is not parent
        and parent not in p.iterancestors()
        and p not in parent.iterancestors()
    )
    grand = parent.getparent()
    containers = [
        c
        for c in (grand if grand is not None else [])
        if (c, tag) in groups
        and c.tag == parent.tag
        and c.get("class") == parent.get("class")
        and (c is parent or score(((c, tag), groups[(c, tag)]))[1] > 0)
    ]
    note = (
        (
            f"stream: the group of {len(members)} stamped blocks with the most text per stamp, "
            f"over {rivals} other group(s)"
        )
        if rivals
        else ""
    )
    if len(containers) < 2:
        found = layout(parent, members)
        found.note = note
        lead = earlier_update(parent, members, counts) if found.flat else None
        if lead:
            found.extents.insert(0, lead)
            found.day_headers = {i + 1: h for i, h in found.day_headers.items()}
        return found
    merged = Stream([])  # one container per day: the stream continues in its siblings
    for c in containers:
        part = layout(c, groups[(c, tag)])
        before = c.getprevious()
        if before is not None and is_day_header(before, language):
            merged.day_headers[len(merged.extents)] = element_text(before)
        merged.day_headers.update({len(merged.extents) + i: h for i, h in part.day_headers.items()})
        merged.extents += part.extents
        merged.flat = merged.flat or part.flat
    merged.note = note
    return merged


def shape(el: etree._Element) -> tuple:
    """An element's tag and that of the child its text opens with ('p' > 'strong')."""
    first = el[0].tag if len(el) and not (el.text or "").strip() else None
    return el.tag, first


def earlier_update(parent, members, counts) -> list[etree._Element] | None:
    """An update of a flat stream's shape alone in a container just before the stream's (an old
    article's first update under a 'Latest' heading in a box above its body): it and the
    siblings after it."""
    kind = Counter(shape(m) for m in members).most_common(1)[0][0]
    for node in (parent, parent.getparent()):
        prev = node.getprevious() if node is not None else None
        while prev is not None and not isinstance(prev.tag, str):
            prev = prev.getprevious()
        if prev is None or counts[prev] == 0:
            continue
        if counts[prev] > 1:
            return None
        found = [d for d in prev.iter(members[0].tag) if counts[d] == 1 and shape(d) == kind]
        if found:
            return [found[-1], *(s for s in found[-1].itersiblings() if isinstance(s.tag, str))]
        return None
    return None


def is_day_header(el: etree._Element, language: str | None) -> bool:
    """An element whose whole text is a date ('Thursday, Sept. 24', '2 November 2023')."""
    text = short_text(el, 40) if isinstance(el.tag, str) else None
    if not text or clock.find_stamp(text):
        return False
    return (
        dates.is_date_words(text, language)
        and dates.find_date(text, language, 2000, dotted=True) is not None
    )


def stream_of(elements: list[etree._Element], language: str | None) -> Stream:
    """A stream given its update elements (microdata items, an adapter's containers)."""
    headers, extents = {}, []
    member_set = set(elements)
    parent = elements[0].getparent() if elements else None
    siblings = list(parent) if parent is not None else []
    for child in siblings:
        if child in member_set:
            extents.append([child])
        elif is_day_header(child, language):
            headers[len(extents)] = element_text(child)
    if len(extents) != len(elements):
        return Stream([[e] for e in elements])
    return Stream(extents, False, headers)
