"""What a parser returns: a blog header, its entries, and the role of every raw line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

HEADER_ROLES = ("title", "subtitle", "date")
ENTRY_ROLES = ("time_label", "headline", "body")
BOILERPLATE_ROLE = "boilerplate"


@dataclass(frozen=True)
class LineRole:
    """Where one non-blank raw line went: a header field, an entry, or boilerplate (with its
    kind)."""

    line: int
    text: str
    role: str
    kind: str = ""


@dataclass(frozen=True)
class ParsedEntry:
    """One update. ``instant`` is set when the page states the full time (date and zone), e.g. in an
    ISO attribute; otherwise the day is resolved from the clock time and the page date."""

    line: int
    time_label: str | None  # as printed; None when the page prints no stamp
    local_minutes: int | None  # minutes after midnight in the label's time zone; None when untimed
    utc_offset_minutes: int
    time_precision: str
    headline: str | None
    body: str
    instant: datetime | None = None  # tz-aware


@dataclass(frozen=True)
class ParsedBlog:
    title: str
    subtitle: str | None
    blog_date: date
    entries: tuple[ParsedEntry, ...]
    lines: tuple[LineRole, ...]
    language: str | None = None  # as the page declares it (html lang, JSON-LD inLanguage)
    url: str | None = None  # canonical address the page declares
    outlet: str | None = None  # publisher the page names (og:site_name, JSON-LD publisher)
    entry_source: str = "text"  # what gave the entries: text, markup, json-ld, microdata, ...
    start_date: date | None = None  # oldest day the page dates an update to (None: blog_date)
    notes: tuple[str, ...] = ()  # how the page was read where there was a choice or a doubt

    def chars_by_role(self) -> dict[str, int]:
        """Characters of the raw text units (lines, or visible text nodes) per destination."""
        totals = {"header": 0, "entries": 0, "boilerplate": 0}
        for lr in self.lines:
            bucket = (
                "header"
                if lr.role in HEADER_ROLES
                else "boilerplate"
                if lr.role == BOILERPLATE_ROLE
                else "entries"
            )
            totals[bucket] += len(lr.text)
        return totals
