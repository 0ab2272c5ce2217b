"""schema.org data a page states about itself: JSON-LD (read with extruct) and microdata.

A LiveBlogPosting's ``liveBlogUpdate`` items give updates with ISO times; its or an article's
``datePublished`` and ``publisher`` give the page's date and outlet. An element typed
LiveBlogPosting in microdata marks the stream: its repeated children are the updates.
"""

from __future__ import annotations

import html as html_lib
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from lxml import etree

from corpus.parse import instants
from corpus.parse.dom import element_text, fragment_paragraphs, normalise

ARTICLE_TYPES = ("NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "WebPage")


@dataclass(frozen=True)
class LiveUpdate:
    headline: str | None
    body: str
    instant: datetime
    has_seconds: bool
    raw_time: str


def jsonld_items(root: etree._Element) -> list[dict]:
    """Every JSON-LD object on the page (graphs flattened); [] when the JSON is malformed."""
    from extruct.jsonld import JsonLdExtractor

    try:
        items = JsonLdExtractor().extract_items(root, base_url=None)
    except Exception:  # noqa: BLE001 - malformed JSON-LD is common; the page is read instead
        return []
    out: list[dict] = []

    def collect(node):
        if isinstance(node, dict):
            out.append(node)
            graph = node.get("@graph")
            for value in graph if isinstance(graph, list) else []:
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(list(items))
    return out


def has_type(item: dict, *names: str) -> bool:
    kinds = item.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(k in names for k in kinds)


def posting_and_article(items: list[dict]) -> tuple[dict | None, dict | None]:
    posting = next((i for i in items if has_type(i, "LiveBlogPosting")), None)
    return posting, posting or next((i for i in items if has_type(i, *ARTICLE_TYPES)), None)


def text_of(value) -> str:
    return normalise(html_lib.unescape(str(value or "")))


def live_updates(posting: dict | None) -> list[LiveUpdate] | None:
    """The updates of a LiveBlogPosting, or None when any lacks text or a full ISO time."""
    raw = (posting or {}).get("liveBlogUpdate") or []
    raw = raw if isinstance(raw, list) else [raw]
    updates = []
    for u in raw:
        if not isinstance(u, dict):
            return None
        raw_time = html_lib.unescape(str(u.get("datePublished") or ""))
        parsed = instants.parse_instant(raw_time)
        headline = text_of(u.get("headline")) or None
        body = "\n\n".join(fragment_paragraphs(str(u.get("articleBody") or "")))
        if parsed is None or not (body or headline):
            return None
        updates.append(LiveUpdate(headline, body, parsed[0], parsed[1], raw_time))
    return updates or None


def distinct_times(updates: list[LiveUpdate] | None) -> bool:
    """Updates whose times are not all one (a page's own time copied onto every update)."""
    if not updates:
        return False
    return len(updates) == 1 or len({u.instant for u in updates}) > 1


def covers(updates: list[LiveUpdate], printed: list[int], offset: int | None) -> bool:
    """Every printed clock time has an update at that minute (local, or UTC plus the offset)."""
    local = Counter(instants.local_minutes(u.instant) for u in updates)
    shifted = Counter(
        (instants.utc_minutes(u.instant) + (offset or 0)) % instants.DAY for u in updates
    )
    for minutes in printed:
        if local[minutes] > 0:
            local[minutes] -= 1
        elif shifted[minutes] > 0:
            shifted[minutes] -= 1
        else:
            return False
    return True


def page_times(items: list[dict]) -> list[str]:
    """Every ISO time the JSON-LD states (page and updates), for the page's own offset."""
    out = []
    for item in items:
        for key in ("datePublished", "dateModified"):
            if isinstance(item.get(key), str):
                out.append(html_lib.unescape(item[key]))
        updates = item.get("liveBlogUpdate")
        for u in updates if isinstance(updates, list) else []:
            if isinstance(u, dict) and isinstance(u.get("datePublished"), str):
                out.append(html_lib.unescape(u["datePublished"]))
    return out


def publisher(items: list[dict]) -> str | None:
    """The publisher's name in JSON-LD (of the posting or article first)."""
    for item in items:
        pub = item.get("publisher")
        pub = pub[0] if isinstance(pub, list) and pub else pub
        name = text_of(pub.get("name")) if isinstance(pub, dict) else ""
        if name:
            return name
    return None


def microdata_stream(body: etree._Element) -> list[etree._Element]:
    """The updates of an element typed LiveBlogPosting in microdata: its ``liveBlogUpdate``
    items, else its commonest repeated child (same tag, each with text)."""
    for el in body.iter():
        kind = (el.get("itemtype") or "").rstrip("/") if isinstance(el.tag, str) else ""
        if not kind.endswith("LiveBlogPosting"):
            continue
        marked = [u for u in el.iter() if u.get("itemprop") == "liveBlogUpdate"]
        if len(marked) >= 2:
            return marked
        node = el
        while len(node) == 1:
            node = node[0]
        kids = [k for k in node if isinstance(k.tag, str) and element_text(k)]
        tags = Counter(k.tag for k in kids)
        if tags and tags.most_common(1)[0][1] >= 2:
            tag = tags.most_common(1)[0][0]
            return [k for k in kids if k.tag == tag]
    return []
