"""Reader for TRT World-style plain-text live blogs.

Layout: a 'Live blog:' title line, a standfirst, photo credits, a date line
('Thursday, January 4, 2024'), then entries that open with 'HHMM GMT' (or any zone label the
web readers know: '1800 CET', '0930 EST', '1200 GMT+3'), with or without '— headline'.
Between entries stand boilerplate lines ('Read More', related-link teasers, 'More updates',
'Loading...') and a footer after the 'For our live updates from ..., click here.' link.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from corpus.errors import InputError
from corpus.parse import zone_labels
from corpus.parse.model import BOILERPLATE_ROLE, LineRole, ParsedBlog, ParsedEntry

# the zone labels the web readers know; an offset is written tight ('GMT+3'): '1200 GMT - 5
# killed' is a headline after a dash
ZONE = rf"(?:GMT|UTC)[+-−]\d{{1,2}}(?::?\d{{2}})?|{zone_labels.ZONE_LABEL}"
TIME_LINE = re.compile(rf"^(?P<label>(?P<hhmm>\d{{3,4}}) (?P<zone>{ZONE}))\b\s*(?P<rest>.*)$")
HEADLINE_DASH = re.compile(r"^[—–-]\s*")
TITLE_PREFIX = re.compile(r"^live\s*blog\s*:[\s\u00a0]*", re.IGNORECASE)
DATE_LINE = re.compile(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+"
    r"(?P<month>[A-Z][a-z]+)\s+(?P<day>\d{1,2}),\s+(?P<year>\d{4})$"
)
PHOTO_CAPTION = re.compile(r"(?:^|\s/\s)Photo:\s*(?P<credit>.+)$")
READ_MORE = re.compile(r"^Read More$", re.IGNORECASE)
MORE_UPDATES = re.compile(r"^More updates\b", re.IGNORECASE)
LOADING = re.compile(r"^Loading\.*$", re.IGNORECASE)
PREVIOUS_DAY_LINK = re.compile(r"^For our live updates from .+ click here\.?$", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?…\"'”’)\]]$")
TEASER_LOOKAHEAD = 3  # non-blank lines after 'Read More' searched for 'More updates'


def parse_time_label(path: str, line: int, hhmm: str, zone: str = "GMT") -> int:
    """Minutes after midnight for 'HHMM', refusing impossible clock times."""
    hour, minute = int(hhmm[:-2]), int(hhmm[-2:])
    if hour > 23 or minute > 59:
        raise InputError(
            path, f"impossible time '{hhmm} {zone}' (hours 00-23, minutes 00-59)", line=line
        )
    return hour * 60 + minute


def zone_offset(path: str, line: int, zone: str, on: date) -> int:
    """Minutes east of UTC of a stamp's zone label on the blog's date."""
    offset = zone_labels.zone_offset(" ".join(zone.split()).upper(), on)
    if offset is None:
        raise InputError(path, f"unknown time zone {zone!r}", line=line)
    return offset


def parse_date_line(path: str, line: int, match: re.Match) -> date:
    try:
        return datetime.strptime(
            f"{match['month']} {match['day']} {match['year']}", "%B %d %Y"
        ).date()
    except ValueError:
        raise InputError(path, f"impossible date '{match.group(0)}'", line=line) from None


def units(text: str, path: str = "") -> list[tuple[int, str]]:
    """The text units to account for: every non-blank line, stripped."""
    return [(i, raw.strip()) for i, raw in enumerate(text.split("\n"), start=1) if raw.strip()]


def parse(path: str, text: str) -> ParsedBlog:
    """Parse one TRT-style text blog; every non-blank line gets a role."""
    lines = units(text)
    first_entry = next((k for k, (_, t) in enumerate(lines) if TIME_LINE.match(t)), None)
    if first_entry is None:
        raise InputError(path, "no timestamped entries (expected lines like '1927 GMT — headline')")
    header, roles = parse_header(path, lines[:first_entry])
    entries, entry_roles = parse_entries(path, lines[first_entry:], header["date"])
    return ParsedBlog(
        title=header["title"],
        subtitle=header.get("subtitle"),
        blog_date=header["date"],
        entries=tuple(entries),
        lines=tuple(roles + entry_roles),
    )


def parse_header(path: str, lines: list[tuple[int, str]]) -> tuple[dict, list[LineRole]]:
    header: dict = {}
    roles: list[LineRole] = []
    credits: set[str] = set()
    for n, t in lines:
        caption = PHOTO_CAPTION.search(t)
        date_match = DATE_LINE.match(t)
        if "title" not in header:
            header["title"] = TITLE_PREFIX.sub("", t).strip()
            roles.append(LineRole(n, t, "title"))
        elif date_match and "date" not in header:
            header["date"] = parse_date_line(path, n, date_match)
            roles.append(LineRole(n, t, "date"))
        elif caption:
            credits.add(caption["credit"].strip())
            roles.append(LineRole(n, t, BOILERPLATE_ROLE, "photo-caption"))
        elif t in credits:
            roles.append(LineRole(n, t, BOILERPLATE_ROLE, "photo-credit"))
        elif "subtitle" not in header and "date" not in header:
            header["subtitle"] = t
            roles.append(LineRole(n, t, "subtitle"))
        else:
            raise InputError(path, f"unrecognised header line {t[:60]!r}", line=n)
    if "date" not in header:
        first = lines[0][0] if lines else 1
        raise InputError(
            path,
            "no date line (e.g. 'Thursday, January 4, 2024') before the first entry",
            line=first,
        )
    return header, roles


def teaser_span(lines: list[tuple[int, str]], k: int) -> int:
    """How many lines after a 'Read More' at k belong to the related-link teaser."""
    for offset in range(1, TEASER_LOOKAHEAD + 1):
        if k + offset < len(lines) and MORE_UPDATES.match(lines[k + offset][1]):
            return offset
    is_entry = k + 1 < len(lines) and TIME_LINE.match(lines[k + 1][1])
    return 0 if is_entry or k + 1 >= len(lines) else 1


def parse_entries(
    path: str,
    lines: list[tuple[int, str]],
    on: date,
) -> tuple[list[ParsedEntry], list[LineRole]]:
    roles: list[LineRole] = []
    drafts: list[dict] = []
    k, footer = 0, False
    while k < len(lines):
        n, t = lines[k]
        time_match = TIME_LINE.match(t)
        if footer:
            roles.append(LineRole(n, t, BOILERPLATE_ROLE, "footer"))
        elif time_match:
            minutes = parse_time_label(path, n, time_match["hhmm"], time_match["zone"])
            rest = time_match["rest"].strip()
            draft: dict[str, Any] = {
                "line": n,
                "label": time_match["label"],
                "minutes": minutes,
                "headline": None,
                "body": [],
                "offset": zone_offset(path, n, time_match["zone"], on),
            }
            if HEADLINE_DASH.match(rest):
                draft["headline"] = HEADLINE_DASH.sub("", rest).strip() or None
            elif rest:
                draft["body"].append(rest)
            drafts.append(draft)
            roles.append(LineRole(n, t, "headline" if draft["headline"] else "time_label"))
        elif READ_MORE.match(t):
            roles.append(LineRole(n, t, BOILERPLATE_ROLE, "read-more"))
            while k + 1 < len(lines) and READ_MORE.match(lines[k + 1][1]):
                k += 1
                roles.append(LineRole(lines[k][0], lines[k][1], BOILERPLATE_ROLE, "read-more"))
            for _ in range(teaser_span(lines, k)):
                k += 1
                kind = "more-updates" if MORE_UPDATES.match(lines[k][1]) else "related-link"
                roles.append(LineRole(lines[k][0], lines[k][1], BOILERPLATE_ROLE, kind))
        elif MORE_UPDATES.match(t):
            roles.append(LineRole(n, t, BOILERPLATE_ROLE, "more-updates"))
        elif LOADING.match(t):
            roles.append(LineRole(n, t, BOILERPLATE_ROLE, "loading"))
        elif PHOTO_CAPTION.search(t):
            roles.append(LineRole(n, t, BOILERPLATE_ROLE, "photo-caption"))
        elif PREVIOUS_DAY_LINK.match(t):
            roles.append(LineRole(n, t, BOILERPLATE_ROLE, "previous-day-link"))
            footer = True
        else:
            drafts[-1]["body"].append(t)
            roles.append(LineRole(n, t, "body"))
        k += 1
    return [finish_entry(path, d, is_last=d is drafts[-1], footer=footer) for d in drafts], roles


def finish_entry(path: str, draft: dict, is_last: bool, footer: bool) -> ParsedEntry:
    if not draft["body"]:
        what = (
            "file ends after an entry's time label: cut off mid-entry?"
            if is_last
            else "entry has no body text"
        )
        raise InputError(path, what, line=draft["line"])
    body = "\n\n".join(draft["body"])
    if is_last and not footer and not SENTENCE_END.search(body):
        raise InputError(
            path, "file ends mid-sentence in the last entry (truncated?)", line=draft["line"]
        )
    return ParsedEntry(
        line=draft["line"],
        time_label=draft["label"],
        local_minutes=draft["minutes"],
        utc_offset_minutes=draft["offset"],
        time_precision="minute",
        headline=draft["headline"],
        body=body,
    )
