"""The page's own date, address, outlet and language.

The date is the one the page's address carries (canonical link, og:url, or a page-id attribute
on <html>/<body>), else the schema.org ``datePublished`` in the page's offset, else htmldate's
reading of the page's metadata, else the first date written out around the stream
(month names in the page's language through babel), else the first update's own date.
"""

from __future__ import annotations

import html as html_lib
import re
import warnings
from datetime import date, timedelta

from lxml import etree

from corpus.parse import dates, instants
from corpus.parse.dom import Segment, element_text, meta, normalise

ADDRESS_DATE = re.compile(
    r"(?:^|[/_-])(?P<year>(?:19|20)\d{2})[/_-](?P<month>\d{1,2}|[a-z]{3,9})"
    r"[/_-](?P<day>\d{1,2})(?=$|[/_.-])",
    re.IGNORECASE,
)
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


def address(root: etree._Element, article: dict | None) -> str | None:
    """The page's address: canonical link, og:url, JSON-LD url, or a page-id/url attribute."""
    canonical = next(
        (
            link.get("href")
            for link in root.iter("link")
            if link.get("href") and (link.get("rel") or "").lower() == "canonical"
        ),
        None,
    )
    stated = (article or {}).get("url")
    found = canonical or meta(root, "og:url") or (stated if isinstance(stated, str) else None)
    if found:
        return found
    for el in (root, root.find("body")):
        for name, value in el.items() if el is not None else []:
            named = any(w in name.lower() for w in ("page-id", "pageid", "page-url", "url"))
            if named and "/" in value:
                return value
    return None


def address_date(value: str | None) -> date | None:
    months, _ = dates.calendar_names("en")
    for match in ADDRESS_DATE.finditer(value or ""):
        month = match["month"]
        number = int(month) if month.isdigit() else months.get(month.lower())
        try:
            return date(int(match["year"]), number, int(match["day"])) if number else None
        except ValueError:
            continue
    return None


def htmldate_of(root: etree._Element, url: str | None, extensive: bool) -> date | None:
    try:
        from htmldate import find_date
    except ImportError:  # optional: the rules below still give a date
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = find_date(
            root, extensive_search=extensive, original_date=True, url=url, outputformat="%Y-%m-%d"
        )
    return date.fromisoformat(found) if found else None


def page_date(
    root: etree._Element,
    article: dict | None,
    segments: list[Segment],
    in_stream: set,
    offset: int | None,
    language: str | None,
) -> date | None:
    url = address(root, article)
    found = address_date(url)
    if found:
        return found
    published = (article or {}).get("datePublished") or ""
    stated = instants.parse_instant(html_lib.unescape(str(published)))
    if stated:
        instant = stated[0]
        return (
            instant
            if offset is None
            else instant + timedelta(minutes=offset) - (instant.utcoffset() or timedelta())
        ).date()
    found = htmldate_of(root, url, extensive=False)
    if found:
        return found
    for seg in segments:
        if not in_stream & {seg.owner, *seg.owner.iterancestors()}:
            found = dates.find_date(element_text(seg.owner), language)
            if found:
                return found
    return htmldate_of(root, url, extensive=True)


def saved_at(root: etree._Element, article: dict | None):
    """When the page was last modified, as it states (JSON-LD dateModified, modified-time meta)."""
    for value in (
        (article or {}).get("dateModified"),
        meta(root, "article:modified_time"),
        meta(root, "dateModified"),
    ):
        parsed = instants.parse_instant(html_lib.unescape(str(value or "")))
        if parsed:
            return parsed[0]
    return None


def outlet(root: etree._Element, publisher: str | None) -> str | None:
    return meta(root, "og:site_name") or publisher or meta(root, "application-name")


def language(root: etree._Element, items: list[dict]) -> str | None:
    """The page's language tag: <html lang>, JSON-LD inLanguage (a tag or a name), og:locale."""
    declared = [i.get("inLanguage") for i in items if isinstance(i.get("inLanguage"), str)]
    for value in (root.get("lang"), *declared, meta(root, "og:locale")):
        tag = normalise(str(value or "")).replace("_", "-")
        if LANGUAGE_TAG.match(tag):
            return tag
        if tag:
            import pycountry

            try:
                found = pycountry.languages.lookup(tag)
            except LookupError:
                continue
            return getattr(found, "alpha_2", None) or found.alpha_3
    return None
