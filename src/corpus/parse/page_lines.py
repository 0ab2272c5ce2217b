"""The role of every visible text line of a web page, and the page's title.

Text inside the stream has the role its update gave it (an update dropped as a duplicate or empty
is boilerplate). Text outside it is the page's title (its first <h1> outside the stream), an
entry's headline or body when it repeats a JSON-LD update the page shows, or a named kind of
boilerplate: by its markup ('hidden-text', 'caption-credit', 'pinned-post', 'key-events'), an
'Updated ...' line ('updated-at'), else 'page'.
"""

from __future__ import annotations

import html as html_lib

from lxml import etree

from corpus.parse import roles, structured
from corpus.parse.dom import classes, element_text, meta, normalise
from corpus.parse.model import BOILERPLATE_ROLE, LineRole

PAGE_KINDS = (
    ("pinned", "pinned-post"),
    ("key-event", "key-events"),
    ("keyevent", "key-events"),
    ("key_event", "key-events"),
)


class PageKinds:
    """The kind of page text outside the stream, by its markup role or its words; each element's
    role is looked at once for all the page's texts."""

    def __init__(self) -> None:
        self.hidden = roles.Inherited(roles.is_hidden)
        self.caption = roles.Inherited(roles.is_caption)
        self.marked = roles.Inherited(marked_kind, "")

    def __call__(self, el: etree._Element, text: str = "") -> str:
        if self.hidden(el):
            return "hidden-text"
        if self.caption(el):
            return "caption-credit"
        if roles.is_updated_line(text):
            return "updated-at"
        return str(self.marked(el)) or "page"


def marked_kind(el: etree._Element) -> str:
    """The kind an element's class, id or component marks ('pinned-post'), or ''."""
    marks = f"{classes(el)} {el.get('data-gu-marker', '')} {el.get('data-component', '')}".lower()
    return next((kind for needle, kind in PAGE_KINDS if needle in marks), "")


def title_element(body: etree._Element, in_stream: set) -> etree._Element | None:
    return next(
        (h for h in body.iter("h1") if not in_stream & {h, *h.iterancestors()} and element_text(h)),
        None,
    )


def page_title(root, body, article, in_stream) -> str:
    title_el = title_element(body, in_stream)
    return (
        structured.text_of((article or {}).get("headline"))
        or meta(root, "og:title")
        or (element_text(title_el) if title_el is not None else None)
        or normalise(html_lib.unescape(root.findtext(".//title") or ""))
        or "untitled"
    )


def line_roles(outside, blocks, dropped, body, in_stream, structured_entries) -> list[LineRole]:
    """Roles of the visible text; text outside the stream that repeats a structured (JSON-LD)
    update's headline or body is that entry's text shown on the page."""
    title_el = title_element(body, in_stream)
    heads = {e.headline for e in structured_entries if e.headline}
    bodies = " ".join(e.body for e in structured_entries)
    lines, page_kind = [], PageKinds()
    for seg in outside:
        in_title = title_el is not None and title_el in (seg.owner, *seg.owner.iterancestors())
        text = normalise(seg.text)
        if in_title:
            lines.append(LineRole(seg.line, seg.text, "title"))
        elif text in heads or len(text) > 20 and text in bodies:
            lines.append(LineRole(seg.line, seg.text, "headline" if text in heads else "body"))
        else:
            lines.append(LineRole(seg.line, seg.text, BOILERPLATE_ROLE, page_kind(seg.owner, text)))
    for b in blocks:
        for seg, role, kind in b.roles:
            if b.element in dropped:
                role, kind = BOILERPLATE_ROLE, "duplicate-or-empty-update"
            lines.append(LineRole(seg.line, seg.text, role, kind))
    return lines
