"""Reader for the Guardian's page-model JSON (the 'FEArticle' a live blog page is rendered from).

Entries are ``blocks[]``: ``blockFirstPublished`` (epoch milliseconds) gives the instant,
``blockFirstPublishedDisplay`` ('19.30 GMT') the printed label, ``title`` the headline and
``elements[]`` the body (text, tweets, video titles, image captions). ``keyEvents[]`` repeat
blocks and are not entries. Text units accounted for: the headline, the standfirst, key-event
titles, and each block's title and element texts; image credits and alt texts are boilerplate.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta

from corpus.errors import InputError
from corpus.parse import clock, instants, zone_labels
from corpus.parse.dom import fragment_paragraphs, normalise
from corpus.parse.model import BOILERPLATE_ROLE, LineRole, ParsedBlog, ParsedEntry

log = logging.getLogger(__name__)
# blockFirstPublished in epoch milliseconds: 1990-01-01 to 2100-01-01 (anything else is corrupt)
EPOCH_MS_RANGE = (631_152_000_000, 4_102_444_800_000)


def line_of(content: str, needle: str) -> int:
    at = content.find(needle) if needle else -1
    return content.count("\n", 0, at) + 1 if at >= 0 else 1


def text_of(value: object, what: str, path: str, line: int) -> str:
    """A text field of the page model: a string, a list of strings (joined), or absent; any other
    type is refused with the field named, never dropped."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "".join(value)
    raise InputError(path, f"{what} is {type(value).__name__}, not text", line=line)


def list_of(value: object, what: str, path: str, line: int = 1) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise InputError(path, f"{what} is {type(value).__name__}, not a list", line=line)
    return value


def element_units(element: dict, line: int, path: str = "") -> list[LineRole]:
    """The text of one block element, each paragraph a unit of the body or of boilerplate."""
    html = text_of(element.get("html"), "an element's html", path, line)
    out = [LineRole(line, p, "body") for p in fragment_paragraphs(html)]
    media_title = normalise(
        text_of(element.get("mediaTitle"), "an element's mediaTitle", path, line)
    )
    if media_title:
        out.append(LineRole(line, media_title, "body"))
    given = element.get("data")
    data: dict = given if isinstance(given, dict) else {}
    caption = normalise(text_of(data.get("caption"), "an element's caption", path, line))
    if caption:
        out.append(LineRole(line, caption, "body"))
    for key, kind in (("alt", "alt-text"), ("credit", "credit")):
        value = normalise(text_of(data.get(key), f"an element's {key}", path, line))
        if value:
            out.append(LineRole(line, value, BOILERPLATE_ROLE, kind))
    return out


def read_units(
    path: str, content: str
) -> tuple[dict, list[tuple[dict, int, list[LineRole]]], list[LineRole]]:
    try:
        page = json.loads(content)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"not valid JSON ({exc.msg})", line=exc.lineno) from None
    if not isinstance(page, dict) or not isinstance(page.get("blocks"), list):
        raise InputError(path, "not a Guardian page model (no 'blocks' list)")
    header: list[LineRole] = []
    for key, role in (("headline", "title"), ("standfirst", "subtitle")):
        line = line_of(content, f'"{key}"')
        for text in fragment_paragraphs(text_of(page.get(key), f"the page's {key}", path, line)):
            header.append(LineRole(line, text, role))
    for event in list_of(page.get("keyEvents"), "keyEvents", path, line_of(content, '"keyEvents"')):
        if not isinstance(event, dict):
            continue
        line = line_of(content, str(event.get("id", "")))
        title = normalise(text_of(event.get("title"), "a key event's title", path, line))
        if title:
            header.append(LineRole(line, title, BOILERPLATE_ROLE, "key-events"))
    blocks = []
    for block in page["blocks"]:
        if not isinstance(block, dict):
            raise InputError(path, "a block is not an object")
        line = line_of(content, f'"{block.get("id", "")}"')
        name = f"block {block.get('id')}"
        title = normalise(text_of(block.get("title"), f"{name}'s title", path, line))
        units = [LineRole(line, title, "headline")] if title else []
        for element in list_of(block.get("elements"), f"{name}'s elements", path, line):
            units += element_units(element, line, path) if isinstance(element, dict) else []
        blocks.append((block, line, units))
    return page, blocks, header


def units(content: str, path: str = "") -> list[tuple[int, str]]:
    """Every text unit the reader must account for."""
    _, blocks, header = read_units(path, content)
    return [(u.line, u.text) for u in header] + [
        (u.line, u.text) for _, _, us in blocks for u in us
    ]


def non_objects(page: dict) -> dict[str, int]:
    """How many items of the page's lists are not objects (and so hold nothing to read)."""
    events: list = page["keyEvents"] if isinstance(page.get("keyEvents"), list) else []
    elements = [
        e for b in page["blocks"] if isinstance(b.get("elements"), list) for e in b["elements"]
    ]
    counts = {
        "blocks' elements": sum(not isinstance(e, dict) for e in elements),
        "keyEvents": sum(not isinstance(e, dict) for e in events),
    }
    return {where: n for where, n in counts.items() if n}


def parse(path: str, content: str) -> ParsedBlog:
    page, blocks, header = read_units(path, content)
    skipped = non_objects(page)
    if skipped:
        log.warning(
            "%s: left out items that are not objects: %s",
            path,
            ", ".join(f"{n} in {where}" for where, n in skipped.items()),
        )
    entries, lines = [], list(header)
    for block, line, block_units in blocks:
        published = block.get("blockFirstPublished")
        if isinstance(published, bool) or not isinstance(published, (int, float)):
            raise InputError(
                path, f"block {block.get('id')} has no blockFirstPublished time", line=line
            )
        if not EPOCH_MS_RANGE[0] <= published <= EPOCH_MS_RANGE[1]:  # also refuses NaN
            raise InputError(
                path,
                f"block {block.get('id')}'s blockFirstPublished {published!r} "
                "is not epoch milliseconds between 1990 and 2100",
                line=line,
            )
        instant = datetime.fromtimestamp(published / 1000, tz=UTC)
        label = (
            normalise(str(block.get("blockFirstPublishedDisplay") or "")) or f"{instant:%H.%M} UTC"
        )
        stamp = clock.find_stamp(label)
        offset = zone_labels.zone_offset(stamp.zone if stamp else None, instant.date())
        offset = 0 if offset is None else offset
        headline = next((u.text for u in block_units if u.role == "headline"), None)
        paragraphs = [u.text for u in block_units if u.role == "body"]
        body = "\n\n".join(paragraphs) or headline
        if not body:
            raise InputError(path, f"block {block.get('id')} has no text", line=line)
        entries.append(
            ParsedEntry(
                line=line,
                time_label=label,
                local_minutes=(instants.local_minutes(instant) + offset) % instants.DAY,
                utc_offset_minutes=offset,
                time_precision="second",
                headline=headline if paragraphs else None,
                body=body,
                instant=instant,
            )
        )
        lines += block_units
    if not entries:
        raise InputError(path, "page model has no blocks")
    published = instants.parse_instant(str(page.get("webPublicationDate") or ""))
    first_published = published[0] if published else entries[-1].instant
    if first_published is None:  # every block has its time: never
        raise InputError(path, "page model block without a publication time")
    blog_date = (
        first_published.astimezone(UTC) + timedelta(minutes=entries[-1].utc_offset_minutes)
    ).date()
    title = normalise(
        " ".join(fragment_paragraphs(str(page.get("headline") or page.get("webTitle") or "")))
    )
    subtitle = " ".join(fragment_paragraphs(str(page.get("standfirst") or ""))) or None
    language = page.get("lang") if isinstance(page.get("lang"), str) else None
    url = page.get("webURL") or page.get("canonicalUrl")
    return ParsedBlog(
        title=title or "untitled",
        subtitle=subtitle,
        blog_date=blog_date,
        entries=tuple(entries),
        lines=tuple(lines),
        language=language,
        url=url if isinstance(url, str) else None,
        entry_source="page-model",
    )
