"""The visible page: parsing HTML, its visible text nodes (the units every reader accounts for),
and small helpers on elements shared by the web reader's modules."""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass
from functools import lru_cache

import lxml.html
from lxml import etree

from corpus.errors import InputError
from corpus.parse import roles

INVISIBLE_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "head",
    "iframe",
    "object",
    "select",
}
BLOCK_TAGS = {
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "figcaption",
    "figure",
    "section",
    "article",
    "header",
    "footer",
    "table",
    "tr",
    "td",
    "th",
    "pre",
    "dd",
    "dt",
    "aside",
    "nav",
    "main",
}
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
SHARE_WORDS = {
    "share",
    "link",
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "linkedin",
    "email",
    "e-mail",
    "copy",
    "copied",
    "tweet",
    "reddit",
    "pinterest",
    "messenger",
    "telegram",
    "on",
    "this",
    "post",
}


@dataclass
class Segment:
    """One non-blank visible text node: the element it is text or tail of, its owner (the element
    holding it: the same, or the parent for a tail), its line and raw text."""

    source: etree._Element
    owner: etree._Element
    line: int
    raw: str
    is_tail: bool = False

    @property
    def text(self) -> str:
        return self.raw.strip()

    @property
    def spaced(self) -> str:
        """The raw text, after a space when a line break (<br>) separates it from the text
        before: words the markup separates stay apart."""
        return " " + self.raw if self.is_tail and self.source.tag == "br" else self.raw


@lru_cache(maxsize=1)
def html_parser() -> lxml.html.HTMLParser:
    """libxml2 without its default depth limit, beyond which it silently drops the rest of a page
    (an element nested 300 deep would hide every later update)."""
    return lxml.html.HTMLParser(huge_tree=True)


def load(path: str, content: str) -> etree._Element:
    try:
        root = lxml.html.document_fromstring(content, parser=html_parser())
    except (etree.ParserError, ValueError) as exc:
        raise InputError(path, f"not parseable as HTML ({exc})") from None
    return root


def body_of(root: etree._Element) -> etree._Element:
    body = root.find("body")
    return body if body is not None else root


def visible_segments(root: etree._Element) -> list[Segment]:
    """Every non-blank text node a browser would show, in document order."""
    out: list[Segment] = []
    walker = etree.iterwalk(body_of(root), events=("start", "end"))
    for event, el in walker:
        tag = el.tag.lower() if isinstance(el.tag, str) else None
        if event == "start":
            if tag is None or tag in INVISIBLE_TAGS:
                walker.skip_subtree()
            elif el.text and el.text.strip():
                out.append(Segment(el, el, el.sourceline or 1, el.text))
        elif el.tail and el.tail.strip() and el.getparent() is not None:
            out.append(Segment(el, el.getparent(), el.sourceline or 1, el.tail, is_tail=True))
    return out


def units(content: str, path: str = "") -> list[tuple[int, str]]:
    """The text units a reader must account for: (line, text) of every visible text node."""
    return [(s.line, s.text) for s in visible_segments(load(path, content))]


def normalise(text: str) -> str:
    return " ".join(text.split())


def classes(el: etree._Element) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}"


def element_text(el: etree._Element) -> str:
    return normalise(" ".join(t for t in el.itertext() if isinstance(t, str)))


def short_text(el: etree._Element, limit: int) -> str | None:
    """element_text(el) when it is at most limit characters long, else None, without joining
    a long element's text: the characters of its words are counted first."""
    seen = 0
    for part in el.itertext():
        if isinstance(part, str):
            seen += sum(map(len, part.split()))
            if seen > limit:
                return None
    text = element_text(el)
    return text if len(text) <= limit else None


def visible_elements(root: etree._Element):
    """Elements a browser renders (not inside script, style, head ..., nor hidden from view but
    for screen readers), in document order."""
    walker = etree.iterwalk(root, events=("start",))
    for _, el in walker:
        if not isinstance(el.tag, str) or el.tag.lower() in INVISIBLE_TAGS or roles.is_hidden(el):
            walker.skip_subtree()
        else:
            yield el


def meta(root: etree._Element, *names: str) -> str | None:
    for name in names:
        for el in root.iter("meta"):
            if (
                name in (el.get("property"), el.get("name"), el.get("itemprop"))
                and (el.get("content") or "").strip()
            ):
                return normalise(html_lib.unescape(el.get("content")))
    return None


def chain_within(el: etree._Element, roots: set) -> list[etree._Element]:
    """el and its ancestors up to the update's root element; [] for text outside the update."""
    chain = []
    while el is not None:
        chain.append(el)
        if el in roots:
            return chain
        el = el.getparent()
    return []


def is_share_text(text: str) -> bool:
    words = re.findall(r"[\w-]+", text.lower())
    return bool(words) and all(w in SHARE_WORDS for w in words)


def fragment_paragraphs(markup: str) -> list[str]:
    """Paragraph texts of an HTML fragment (or plain text with newlines)."""
    if not markup.strip():
        return []
    root = lxml.html.fragment_fromstring(f"<div>{markup}</div>", parser=html_parser())
    parts: dict[etree._Element, list[str]] = {}
    for seg in visible_segments(root):
        holder = (
            seg.owner
            if seg.owner.tag in BLOCK_TAGS
            else next((a for a in seg.owner.iterancestors() if a.tag in BLOCK_TAGS), root)
        )
        parts.setdefault(holder, []).append(seg.spaced)
    paragraphs = []
    for texts in parts.values():
        paragraphs += [normalise(p) for p in "".join(texts).split("\n") if p.strip()]
    return paragraphs
