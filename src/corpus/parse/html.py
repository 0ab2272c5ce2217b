"""Reader for live blogs saved as web pages (HTML), from any outlet.

The updates come from one of these sources (chosen by ``stream_choice.py``), recorded as the
blog's ``entry_source``:

* ``adapter:<name>``: an outlet adapter from ``adapters.yaml`` that matches the page;
* ``microdata``: the repeated children of an element typed schema.org LiveBlogPosting;
* ``markup``: the stream found in the visible page (``stream.py``), each update read by
  ``update.py`` (stamps, headline, body, noise);
* ``json-ld``: a LiveBlogPosting's ``liveBlogUpdate`` items, used when they are sound (text and
  full ISO times, not all one time, covering every visible stamp) and hold more updates than the
  page shows, or when the page shows none; visible stamps then give their labels.

Times: the page's zone comes from ``zone.py`` (its own note, unless every update's machine
instant contradicts it). Machine-readable times agreeing with a printed stamp give its instant;
an 'Updated ...' label takes the update's own publication instant. ``time_label`` is always the
stamp as printed, or None. The blog's date and the days it spans come from ``span.py``.

Accounting: every non-blank visible text node of <body> is given a role (header, entry field,
or a named kind of boilerplate; text outside the stream is 'page'), by ``page_lines.py``.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from lxml import etree

from corpus.errors import InputError
from corpus.parse import adapters, dates, pagedate, span, structured, zone
from corpus.parse.dom import (
    Segment,
    body_of,
    load,
    meta,
    units,  # noqa: F401 - the reader's accounting units
    visible_segments,
)
from corpus.parse.entries import make_entries
from corpus.parse.model import BOILERPLATE_ROLE, ParsedBlog
from corpus.parse.page_lines import line_roles, page_title
from corpus.parse.stamps import PageStamps
from corpus.parse.stream import Stream
from corpus.parse.stream_choice import choose_stream
from corpus.parse.update import Block, read_block, resolve_time

LOOKED_FOR = (
    "no timestamped updates found (looked for: an outlet adapter, schema.org "
    "LiveBlogPosting microdata or JSON-LD updates, and repeated blocks or headings with "
    "stamps like '12.50 BST', '21:06', '6.15 pm' or '3m ago' beside update text)"
)


def read_blocks(
    stream: Stream, segments: list[Segment], language, adapter, page=None
) -> tuple[list, list]:
    """Blocks of the stream with their segments read, and the segments outside it (``page``: the
    page's stamps worked out so far)."""
    blocks = [Block(ext) for ext in stream.extents]
    inner: dict[etree._Element, Block] = {}
    for b in blocks:
        for top in b.elements:
            for node in top.iter():
                inner[node] = b
    tops = {top: b for b in blocks for top in b.elements} if stream.flat else {}
    per_block: dict[int, list[Segment]] = {id(b): [] for b in blocks}
    outside: list[Segment] = []
    for seg in segments:
        holder = (
            tops.get(seg.source) if seg.is_tail and seg.source in tops else inner.get(seg.owner)
        )
        (per_block[id(holder)] if holder is not None else outside).append(seg)
    for b in blocks:
        if adapter is None:
            read_block(b, per_block[id(b)], language, match=stream.match, page=page)
        else:
            read_block(
                b,
                per_block[id(b)],
                language,
                headline_el=adapters.first(b.element, adapter.headline),
                stamp_el=adapters.first(b.element, adapter.stamp),
                body_els=b.element.xpath(adapter.body) if adapter.body else None,
            )
    drop_repeated_labels(blocks)
    return blocks, outside


def drop_repeated_labels(blocks: list[Block]) -> None:
    """A 'headline' printed on most updates alike ('Women's Cup') is a section label."""
    counts = Counter(b.headline for b in blocks if b.headline)
    for text, n in counts.items():
        if n >= 3 and 2 * n > len(blocks):
            for b in (b for b in blocks if b.headline == text):
                b.headline = None
                b.roles = [
                    (seg, BOILERPLATE_ROLE, "repeated-label")
                    if role == "headline"
                    else (seg, role, kind)
                    for seg, role, kind in b.roles
                ]


def parse(path: str, content: str, adapter_table: tuple | None = None) -> ParsedBlog:
    """Parse one live-blog web page (``adapter_table``: adapters to try instead of the bundled)."""
    root = load(path, content)
    alive = list(root.iter())  # lxml then reuses each element's proxy, not building it anew
    body = body_of(root)
    segments = visible_segments(root)
    items = structured.jsonld_items(root)
    posting, article = structured.posting_and_article(items)
    language = pagedate.language(root, items)
    url = pagedate.address(root, article)
    page = PageStamps(language)
    try:
        stream, source, adapter = choose_stream(
            root, body, segments, language, url, adapter_table, page
        )
    except InputError as exc:
        raise InputError(path, exc.args[0] if exc.args else str(exc)) from None
    blocks, outside = read_blocks(stream, segments, language, adapter, page)
    updates = structured.live_updates(posting)
    if not blocks and not updates:
        raise InputError(path, LOOKED_FOR)
    in_stream = {top for b in blocks for top in b.elements}
    texts = [s.text for s in segments]
    rough = pagedate.page_date(root, article, segments, in_stream, None, language)
    saved = pagedate.saved_at(root, article)
    zday = zone_day(rough, saved)
    offset, named, notes = zone.page_offset(
        texts, language, adapter, blocks, updates, items, zday, body
    )
    day = pagedate.page_date(root, article, segments, in_stream, offset, language)
    if day is None:
        raise InputError(
            path, "no page date (none in the address, metadata, JSON-LD datePublished or the text)"
        )
    for b in blocks:
        resolve_time(b, offset, language, day, saved)
    apply_day_headers(stream, blocks, language, day, saved, offset)
    entries, dropped, source = make_entries(
        path, blocks, updates, offset, zday, source, root, named
    )
    if not entries:
        raise InputError(path, LOOKED_FOR)
    blog_day, start, dated = span.page_span(entries, day, saved, offset)
    if source == "json-ld":
        stream.note = (
            f"entries: {len(entries)} JSON-LD liveBlogUpdate items with their own "
            f"times (the page shows {len(blocks)} stamped update(s))"
        )
    changed = updated_note(blocks) if source != "json-ld" else ""
    notes = [n for n in (stream.note, *notes, changed, *dated) if n]
    notes.sort(key=lambda n: not n.startswith("doubt:"))  # doubts first
    lines = line_roles(
        outside, blocks, dropped, body, in_stream, entries if source == "json-ld" else []
    )
    del alive
    return ParsedBlog(
        title=page_title(root, body, article, in_stream),
        subtitle=meta(root, "og:description", "description"),
        blog_date=blog_day,
        entries=tuple(entries),
        lines=tuple(lines),
        language=language,
        url=url,
        outlet=pagedate.outlet(root, structured.publisher(items)),
        entry_source=source,
        start_date=start,
        notes=tuple(notes),
    )


def updated_note(blocks: list[Block]) -> str:
    """What the page's 'Updated ...' labels gave: each update's publication time, or only that."""
    changed = [b for b in blocks if b.printed is not None and b.printed.updated]
    alone = sum(not b.published for b in changed)
    if alone:
        return (
            f"doubt: {alone} update(s) print only when they were last updated, with no "
            "publication time of their own: published_at is the updated time"
        )
    return (
        "labels are 'updated' times; published_at is each update's own publication time"
        if changed
        else ""
    )


def zone_day(rough: date | None, saved) -> date:
    """The day a named zone's offset is taken on: the page's modification day for a ticker
    updated long after it opened, else the page's own date."""
    if saved is not None and rough is not None and (saved.date() - rough).days > 1:
        return saved.date()
    return rough or date(2000, 1, 1)


def apply_day_headers(
    stream: Stream, blocks: list[Block], language, day: date, saved, offset
) -> None:
    """A day header ('Thursday, 24 September', 'Montag, 3. 6.') gives its date to the updates
    after it; without a year, the year that fits its weekday and the page's modification day."""
    if not stream.day_headers or len(blocks) != len(stream.extents):
        return
    latest = span.local_day(saved, offset) if saved is not None else None
    current = None
    for i, b in enumerate(blocks):
        if i in stream.day_headers:
            current = dates.find_day(stream.day_headers[i], language, day, latest) or current
        if b.day is None and current is not None:
            b.day = current
