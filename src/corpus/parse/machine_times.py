"""Machine-readable times an element states in its attributes.

An element states a time in ``datetime``, a ``data-*`` attribute naming a time, date or
publication, ``content`` (a meta, or an item's datePublished), or the ``title`` of a stamp: a full
ISO instant, a Unix epoch (seconds or milliseconds), a local ISO date-time, or (in a title) a bare
clock time. An attribute naming a modification or an edit says when the update changed.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from lxml import etree

from corpus.parse import clock, instants

EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")


@dataclass(frozen=True)
class Stated:
    """A machine-readable time: a full instant, a local date-time, or a bare clock time."""

    value: str
    instant: datetime | None = None
    naive: datetime | None = None
    minutes: int | None = None
    has_seconds: bool = False
    modified: bool = False  # the attribute says when the update changed ('data-updated-at')


def time_attributes(el: etree._Element) -> list[str]:
    names = [
        n
        for n in el.keys()
        if n == "datetime"
        or n.startswith("data-")
        and any(w in n for w in ("time", "date", "published"))
    ]
    if el.get("itemprop") in ("datePublished", "dateCreated") or el.tag == "meta":
        names.append("content")
    if el.tag in ("abbr", "span", "time", "p", "div") and el.get("title"):
        names.append("title")
    return names


def stated(el: etree._Element) -> Stated | None:
    """The time an element states in its attributes, if any."""
    for name in time_attributes(el):
        value = html_lib.unescape(el.get(name) or "").strip()
        if not value:
            continue
        changed = any(w in name.lower() for w in ("modif", "updat", "edit"))
        if EPOCH.match(value):
            seconds = int(value) / (1000 if len(value) == 13 else 1)
            instant = datetime.fromtimestamp(seconds, tz=UTC)
            return Stated(value, instant, has_seconds=True, modified=changed)
        parsed = instants.parse_instant(value)
        if parsed:
            return Stated(value, parsed[0], has_seconds=parsed[1], modified=changed)
        naive = instants.parse_naive(value)
        if naive is not None and "T" in value:
            return Stated(value, naive=naive)
        bare = clock.find_stamp(value, whole=True) if name == "title" else None
        if bare is not None:
            return Stated(value, minutes=bare.minutes)
    return None
