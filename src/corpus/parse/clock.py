"""Printed time stamps, zone labels, page dates and ISO instants, shared by the web readers.

A stamp is a clock time as a page prints it: '12.50 BST', '21:06 (IST)', '9.05pm', '04:24',
optionally followed by a zone label. Zone labels map to UTC offsets; 'ET', 'CT', 'MT' and 'PT'
take their offset from the date (daylight saving), through the IANA database.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

FIXED_ZONES = {  # label -> minutes east of UTC
    "GMT": 0, "UTC": 0, "Z": 0, "WET": 0, "BST": 60, "IST": 330, "CET": 60, "CEST": 120, "WAT": 60,
    "EET": 120, "EEST": 180, "SAST": 120, "MSK": 180, "TRT": 180, "EAT": 180, "GST": 240, "PKT": 300,
    "WIB": 420, "HKT": 480, "SGT": 480, "AWST": 480, "JST": 540, "KST": 540, "AEST": 600, "AEDT": 660,
    "NZST": 720, "NZDT": 780, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420,
    "MDT": -360, "PST": -480, "PDT": -420,
}
SEASONAL_ZONES = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
                  "PT": "America/Los_Angeles"}
DAY = 24 * 60
ZONE_LABEL = "|".join(sorted([*FIXED_ZONES, *SEASONAL_ZONES], key=len, reverse=True))

STAMP = re.compile(
    r"(?<![\d.:])(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?![\d:])"
    r"(?:\s*(?P<ampm>[ap])\.?\s?m\b\.?)?"
    rf"(?:\s*\(?\s*(?P<zone>{ZONE_LABEL})\b\s*\)?)?",
    re.IGNORECASE,
)
WHOLE_STAMP = re.compile(rf"^\s*{STAMP.pattern}\s*$", re.IGNORECASE)
MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                      "september", "october", "november", "december"), start=1)}
MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
        r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
DATE_FORMS = (
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH}\.?,?\s+(?P<year>\d{{4}})\b", re.IGNORECASE),
    re.compile(rf"\b{MONTH}\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})\b"),
)


@dataclass(frozen=True)
class Stamp:
    label: str  # as printed, whitespace normalised
    minutes: int  # after midnight, local to the zone
    zone: str | None  # upper-case label, None when the page prints none


def find_stamp(text: str, whole: bool = False) -> Stamp | None:
    """The first valid clock stamp in text (or the text when it is nothing but a stamp)."""
    pattern = WHOLE_STAMP if whole else STAMP
    for match in pattern.finditer(text):
        hour, minute = int(match["hour"]), int(match["minute"])
        if match["ampm"]:
            if not 1 <= hour <= 12:
                continue
            hour = hour % 12 + (12 if match["ampm"].lower() == "p" else 0)
        if hour > 23 or minute > 59:
            continue
        return Stamp(" ".join(match.group(0).split()), hour * 60 + minute,
                     match["zone"].upper() if match["zone"] else None)
    return None


def zone_offset(zone: str | None, on: date) -> int | None:
    """Minutes east of UTC for a zone label on a date; None for no or an unknown label."""
    if zone is None:
        return None
    if zone in FIXED_ZONES:
        return FIXED_ZONES[zone]
    if zone in SEASONAL_ZONES:
        noon = datetime.combine(on, time(12), tzinfo=ZoneInfo(SEASONAL_ZONES[zone]))
        return int(noon.utcoffset().total_seconds() // 60)
    return None


def find_date(text: str) -> date | None:
    """The first calendar date written out in text ('04 February 2015', 'November 02, 2023')."""
    for form in DATE_FORMS:
        for match in form.finditer(text):
            groups = match.groupdict()
            month = int(groups["mon"]) if groups.get("mon") else MONTHS[next(
                m for m in MONTHS if m.startswith(groups["month"].lower()[:3]))]
            try:
                return date(int(match["year"]), month, int(match["day"]))
            except ValueError:
                continue
    return None


def parse_instant(value: str | None) -> tuple[datetime, bool] | None:
    """A tz-aware instant from an ISO 8601 string, with whether it gives seconds; None when naive or bad."""
    if not value or not isinstance(value, str):
        return None
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return None
    has_seconds = bool(re.search(r"T\d{2}:\d{2}:\d{2}", text))
    return parsed, has_seconds


def parse_naive(value: str | None) -> datetime | None:
    """A local date-time from an ISO string without zone ('2024-07-18T11:48'); None otherwise."""
    if not value or not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return parsed if parsed.tzinfo is None else None


def local_minutes(instant: datetime) -> int:
    return instant.hour * 60 + instant.minute


def to_utc(on: date, minutes: int, offset: int) -> datetime:
    local = datetime.combine(on, time()) + timedelta(minutes=minutes)
    return (local - timedelta(minutes=offset)).replace(tzinfo=timezone.utc)
