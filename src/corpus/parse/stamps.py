"""Time stamps an update prints, and whether an element is one.

A printed stamp is what the reader sees: a clock time alone or with date parts
('14 August 2023 10:01', '19:02 (IST), Oct 02'), a clock time opening a heading or paragraph
('6.15 pm: ...'), a relative time ('3m ago', '2 hr 55 min ago'), or any short text with a digit
on an element that states a time ('vor 3 Minuten', '3 minuti fa'); an 'Updated 2:15 AM' label
(when the update changed); in a game's stream, a match minute or over ('45+2\'', '23 min:',
'42.3'). A time inside a sentence is quoted, not a stamp. An element stating a time in its
attributes (``machine_times.py``) is a stamp too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

from corpus.parse import clock, roles
from corpus.parse.dom import BLOCK_TAGS, HEADING_TAGS, element_text, normalise
from corpus.parse.machine_times import EPOCH, stated

LEADING = re.compile(rf"^\s*(?P<stamp>{clock.STAMP.pattern})\s*(?:[:|\-–—]\s*|$)", re.IGNORECASE)
LEADING_TAGS = HEADING_TAGS | {"p", "li", "strong", "b", "dt"}
BOLD_TAGS = {"strong", "b"}
PROSE_TAGS = {"p", "li", "dd", "blockquote"}
BOLD_LEAD = re.compile(rf"^(?P<stamp>{clock.STAMP.pattern})\s+(?=\S)", re.IGNORECASE)


@dataclass(frozen=True)
class Printed:
    """A stamp as printed. ``minutes`` is None for a relative stamp (``ago`` minutes instead)."""

    label: str
    minutes: int | None = None
    zone: str | None = None
    date_text: str = ""  # the date parts printed with the clock time, if any
    ago: int | None = None
    rest: str = ""  # text after a leading stamp ('6.15 pm: <rest>')
    updated: bool = False  # an 'Updated 2:15 AM' label: when the update changed, not appeared
    match: bool = False  # a match minute or over ('45+2\'', '42.3'), not a clock time


def printed(el: etree._Element, language: str | None, match: bool = False) -> Printed | None:
    """The stamp an element prints, if it is one (see the module docstring); with ``match``, a
    match minute or over instead (a stream of a game, without clock times)."""
    text = normalise(el.text or "") if len(el) == 0 else own_text(el)
    if match:
        return match_printed(el, text)
    label = updated_label(text, language) if text and len(text) <= 80 else None
    if label is not None:
        return label
    if text and len(text) <= 60:
        whole = clock.find_stamp(text, whole=True)
        if whole is not None:
            return Printed(text, whole.minutes, whole.zone)
        found = clock.find_stamp(text) if clock.is_date_time_text(text, language) else None
        if found is not None:  # always, when the text is a date and a time
            return Printed(text, found.minutes, found.zone, date_text=text)
        ago = clock.relative_minutes(text)
        if ago is not None and not opens_prose(el, text):  # a relative stamp has its own place
            return Printed(text, ago=ago)
        if (
            len(text) <= 30
            and any(c.isdigit() for c in text)
            and not EPOCH.match(text)
            and clock.find_stamp(text) is None
            and stated(el) is not None
        ):  # its rendering of the time it states ('vor 3 Minuten')
            return Printed(text)
    if el.tag in LEADING_TAGS:
        full = element_text(el)
        lead = LEADING.match(full) if len(full) < 400 else None
        found = clock.find_stamp(lead["stamp"], whole=True) if lead else None
        if lead and found is not None and len(full) > lead.end():
            return Printed(found.label, found.minutes, found.zone, rest=full[lead.end() :].strip())
    if el.tag in BOLD_TAGS and opens_block(el):  # '<p><strong>06.25 Ann Smith</strong> ...'
        full = element_text(el)
        lead = BOLD_LEAD.match(full) if len(full) <= 60 else None
        found = clock.find_stamp(lead["stamp"], whole=True) if lead else None
        if lead and found is not None:
            return Printed(found.label, found.minutes, found.zone, rest=full[lead.end() :])
    return None


def opens_block(el: etree._Element) -> bool:
    """Whether nothing visible (hidden text aside) comes before el in its paragraph."""
    node = el
    while node.getparent() is not None and node.tag not in BLOCK_TAGS:
        parent = node.getparent()
        before = [
            parent.text or "",
            *(
                (element_text(s) if isinstance(s.tag, str) and not roles.is_hidden(s) else "")
                + (s.tail or "")
                for s in node.itersiblings(preceding=True)
            ),
        ]
        if any(t.strip() for t in before):
            return False
        node = parent
    return True


def is_quoted(el: etree._Element) -> bool:
    """A stamp printed inside a sentence of a paragraph ('the deadline is <b>8.20 a.m.</b>
    tomorrow'): not opening it, with words going on after it or a sentence before it; a time the
    update mentions, not its own ('Posted on Monday at <time>' stays a stamp)."""
    holder = next((a for a in (el, *el.iterancestors()) if a.tag in BLOCK_TAGS), el)
    if holder is el or holder.tag not in PROSE_TAGS or opens_block(el):
        return False
    full, own = element_text(holder), element_text(el)
    at = full.find(own)
    if at < 0 or not own:
        return False
    before, after = (
        len(re.findall(r"[^\W\d_]{2,}", part)) for part in (full[:at], full[at + len(own) :])
    )
    return after >= 2 or before >= 5


def updated_label(text: str, language: str | None) -> Printed | None:
    """An 'Updated 2:15 AM' label: the time the update last changed, kept as printed."""
    lead = roles.updated_line().match(text)
    rest = text[lead.end() :] if lead else ""
    whole = clock.find_stamp(rest, whole=True) if rest else None
    if whole is not None:
        return Printed(text, whole.minutes, whole.zone, updated=True)
    found = clock.find_stamp(rest) if rest and clock.is_date_time_text(rest, language) else None
    if found is not None:
        return Printed(text, found.minutes, found.zone, date_text=rest, updated=True)
    return None


@lru_cache(maxsize=1)
def worded_match() -> re.Pattern:
    """'23 min:', '90+2 mins', '23. Minute', '12th over:': a number and a minute or over word,
    then a separator or the end."""
    minute = "|".join(re.escape(w) for w in roles.words()["match_minute_words"])
    over = "|".join(re.escape(w) for w in roles.words()["match_over_words"])
    return re.compile(
        rf"^(?P<stamp>\d{{1,3}}(?:\s?\+\s?\d{{1,2}})?(?:st|nd|rd|th|\.)?\s?(?:{minute})\b\.?"
        rf"|\d{{1,2}}(?:st|nd|rd|th)\s(?:{over})\b)(?:\s*[:|\-–—]\s*|$)",
        re.IGNORECASE,
    )


def match_printed(el: etree._Element, text: str) -> Printed | None:
    """A match minute or over alone in an element, or one opening a paragraph."""
    found = clock.match_stamp(text) if text and len(text) <= 12 else None
    worded = worded_match().match(text) if text and len(text) <= 20 else None
    if found:
        return Printed(found, match=True)
    if worded and worded.end() == len(text):
        return Printed(worded["stamp"], match=True)
    if el.tag in LEADING_TAGS:
        full = element_text(el)
        lead = clock.match_stamp(full, leading=True) if len(full) < 400 else None
        worded = worded_match().match(full) if len(full) < 400 and not lead else None
        lead = lead or (worded["stamp"] if worded else None)
        if lead and len(full) > len(lead) + 1:
            return Printed(lead, match=True, rest=full[len(lead) :].lstrip(" :|-–—"))
    return None


def opens_prose(el: etree._Element, text: str) -> bool:
    """A short text in bold or a span opening a longer paragraph ('<p><b>23 min</b> Kane ...')."""
    holder = next((a for a in el.iterancestors() if a.tag in BLOCK_TAGS), None)
    return (
        holder is not None
        and holder.tag in PROSE_TAGS
        and opens_block(el)
        and len(element_text(holder)) > len(text) + 20
    )


def own_text(el: etree._Element) -> str:
    """An element's text outside its children ('11:48' in <time><span>21 mins ago</span>11:48)."""
    return normalise(" ".join([el.text or "", *(c.tail or "" for c in el)]))


def is_stamp(el: etree._Element, language: str | None, match: bool = False) -> bool:
    """A <time>, an element printing a stamp, or one stating a time in its attributes (with
    ``match``: an element printing a match minute or over)."""
    return PageStamps(language).is_stamp(el, match)


class PageStamps:
    """``printed`` and ``is_stamp`` for the elements of one page, each worked out once: the
    reader looks at the same elements for clock stamps, match minutes and inside each update."""

    def __init__(self, language: str | None):
        self.language = language
        self.known: dict[tuple[etree._Element, bool], Printed | None] = {}

    def printed(self, el: etree._Element, match: bool = False) -> Printed | None:
        key = (el, match)
        if key not in self.known:
            self.known[key] = printed(el, self.language, match)
        return self.known[key]

    def is_stamp(self, el: etree._Element, match: bool = False) -> bool:
        if match:
            return self.printed(el, match=True) is not None
        if el.tag != "time" and self.printed(el) is None and stated(el) is None:
            return False
        return not is_quoted(el)
