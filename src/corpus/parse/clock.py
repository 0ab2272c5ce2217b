"""Printed time stamps, zone labels, calendar dates and ISO instants, shared by the web readers.

A stamp is a clock time as a page prints it: '12.50 BST', '21:06 (IST)', '9.05pm', '6.15 pm',
'04:24', '11.04 Uhr', '12h47', '13:47:05', optionally followed by a zone label or 'GMT+1'. Zone
labels map to UTC offsets; 'ET',
'CT', 'MT', 'PT' and IANA names ('Europe/Berlin') take their offset from the date (daylight
saving). Month and weekday names of any language come from babel's CLDR data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

FIXED_ZONES = {  # label -> minutes east of UTC
    "GMT": 0,
    "UTC": 0,
    "Z": 0,
    "WET": 0,
    "BST": 60,
    "IST": 330,
    "CET": 60,
    "CEST": 120,
    "WAT": 60,
    "EET": 120,
    "EEST": 180,
    "SAST": 120,
    "MSK": 180,
    "TRT": 180,
    "EAT": 180,
    "GST": 240,
    "PKT": 300,
    "WIB": 420,
    "HKT": 480,
    "SGT": 480,
    "AWST": 480,
    "JST": 540,
    "KST": 540,
    "AEST": 600,
    "AEDT": 660,
    "NZST": 720,
    "NZDT": 780,
    "EST": -300,
    "EDT": -240,
    "CST": -360,
    "CDT": -300,
    "MST": -420,
    "MDT": -360,
    "PST": -480,
    "PDT": -420,
    "MEZ": 60,
    "MESZ": 120,
}
SEASONAL_ZONES = {
    "ET": "America/New_York",
    "CT": "America/Chicago",
    "MT": "America/Denver",
    "PT": "America/Los_Angeles",
}
DAY = 24 * 60
ZONE_LABEL = "|".join(sorted([*FIXED_ZONES, *SEASONAL_ZONES], key=len, reverse=True))

UTC_OFFSET = re.compile(r"^(?:GMT|UTC)\s?(?P<sign>[+-−])\s?(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?$")
STAMP = re.compile(
    r"(?<![\d.:])(?P<hour>\d{1,2})[:.h](?P<minute>\d{2})(?::\d{2})?(?![\d:])(?!\.\d)"
    r"(?:\s*(?P<ampm>[ap])\.?\s?m\b\.?)?"
    r"(?:\s*(?P<suffix>uhr|hrs|h|ore)\b\.?)?"
    r"(?:\s*\(?\s*(?P<zone>(?:GMT|UTC)\s?[+-−]\s?\d{1,2}(?::?\d{2})?"
    rf"|{ZONE_LABEL})\b\s*\)?)?",
    re.IGNORECASE,
)
WHOLE_STAMP = re.compile(rf"^\s*{STAMP.pattern}\s*$", re.IGNORECASE)
RELATIVE_UNIT = (
    r"(?P<unit{n}>s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?"
    r"|weeks?)"
)
RELATIVE = re.compile(
    rf"^\s*(?:(?:updated|posted)\s+)?(?P<n0>\d{{1,3}}|an?|one)\s*{RELATIVE_UNIT.format(n=0)}"
    rf"(?:\s+(?P<n1>\d{{1,3}})\s*{RELATIVE_UNIT.format(n=1)})?\s*(?:ago)?\s*$",
    re.IGNORECASE,
)
MATCH_MINUTE = re.compile(r"^(?P<minute>\d{1,3})(?:\s?\+\s?(?P<added>\d{1,2}))?\s?['’′]$")
OVER = re.compile(r"^(?P<over>\d{1,2})\.(?P<ball>[0-6])(?:\s?ov(?:ers?)?\.?)?$", re.IGNORECASE)
UNIT_MINUTES = {"s": 0, "m": 1, "h": 60, "d": DAY, "w": 7 * DAY}
DATE_WORDS = {"at", "on", "um", "alle", "ore", "le", "à", "de", "del", "am", "the", "of"}
NUMERIC_DATE = re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})(?!\d)")
# '3. 6.', '03.06.2024': day first, as much of Europe writes it
DOTTED_DATE = re.compile(
    r"(?<![\d.:])(?P<day>\d{1,2})\.\s?(?P<mon>\d{1,2})\."
    r"(?:\s?(?P<year>\d{4}))?(?![\d:])"
)
NAMED_DATES = (  # day first ('2 de noviembre de 2023', '4. Januar'), month first ('Oct 02, 2020')
    re.compile(
        r"\b(?P<day>\d{1,2})(?:st|nd|rd|th|\.)?\s+(?:de\s+)?(?P<month>[^\W\d_]{3,})\.?"
        r"(?:,?\s+(?:de\s+)?(?P<year>\d{4}))?\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?P<month>[^\W\d_]{3,})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"
        r"(?:,?\s*(?P<year>\d{4}))?\b",
        re.IGNORECASE,
    ),
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
        return Stamp(
            " ".join(match.group(0).split()),
            hour * 60 + minute,
            match["zone"].upper() if match["zone"] else None,
        )
    return None


def match_stamp(text: str, leading: bool = False) -> str | None:
    """A match minute ('95\'', '45+2\'') or a cricket over ('42.3') as printed, when text is one
    (``leading``: a minute opening the text, followed by the update); None otherwise."""
    text = " ".join(text.split())
    if leading:
        found = re.match(r"^(\d{1,3}(?:\s?\+\s?\d{1,2})?\s?['’′])(?=\s|$)", text)
        return found.group(1) if found and MATCH_MINUTE.match(found.group(1)) else None
    found = MATCH_MINUTE.match(text)
    if found and int(found["minute"]) <= 150:
        return text
    return text if OVER.match(text) else None


def match_order(label: str) -> float | None:
    """Where a match minute or over falls in the game ('45+2\'' -> 45.02, '42.3' -> 42.3,
    '12th over' -> 12), for checking that a stream runs in the game's order."""
    numbers = [int(n) for n in re.findall(r"\d+", label)]
    if not numbers:
        return None
    if "+" in label and len(numbers) > 1:
        return numbers[0] + numbers[1] / 100
    return float(f"{numbers[0]}.{numbers[1]}") if OVER.match(label) else float(numbers[0])


def relative_minutes(text: str) -> int | None:
    """Minutes before the page was saved, for a relative stamp ('3m ago', '2 hr 55 min ago')."""
    match = RELATIVE.match(text)
    if not match:
        return None
    total = 0
    for n in ("0", "1"):
        if match[f"n{n}"]:
            unit = match[f"unit{n}"].lower()
            key = "m" if unit.startswith("mi") or unit == "m" else unit[0]
            count = match[f"n{n}"]
            total += (int(count) if count.isdigit() else 1) * UNIT_MINUTES[key]
    return total


def zone_offset(zone: str | None, on: date) -> int | None:
    """Minutes east of UTC for a zone label or IANA name on a date; None for none or unknown."""
    if zone is None:
        return None
    if zone in FIXED_ZONES:
        return FIXED_ZONES[zone]
    stated = UTC_OFFSET.match(zone.replace(" ", ""))
    if stated:
        minutes = int(stated["h"]) * 60 + int(stated["m"] or 0)
        return -minutes if stated["sign"] in "-−" else minutes
    name = SEASONAL_ZONES.get(zone, zone)
    if "/" in name:
        noon = datetime.combine(on, time(12), tzinfo=ZoneInfo(name)).utcoffset()
        return int(noon.total_seconds() // 60) if noon is not None else None
    return None


@lru_cache(maxsize=64)
def calendar_names(language: str | None) -> tuple[dict[str, int], frozenset[str]]:
    """Month names (wide and abbreviated, any case) to numbers, and weekday names, for English and
    the page's language, from babel."""
    from babel import Locale, UnknownLocaleError
    from babel.dates import get_day_names, get_month_names

    months: dict[str, int] = {}
    days: set[str] = set()
    for tag in dict.fromkeys(("en", (language or "en").replace("-", "_").split("_")[0])):
        try:
            Locale.parse(tag)
        except (UnknownLocaleError, ValueError):
            continue
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, tag).items():
                    months.setdefault(name.lower().rstrip("."), number)
                names = get_day_names(width, context, tag).values()
                days.update(n.lower().rstrip(".") for n in names)
    months.setdefault("sept", 9)
    return months, frozenset(days)


@lru_cache(maxsize=64)
def weekday_numbers(language: str | None) -> dict[str, int]:
    """Weekday names (wide and abbreviated, English and the page's language) to 0 (Monday)..6."""
    from babel import Locale, UnknownLocaleError
    from babel.dates import get_day_names

    out: dict[str, int] = {}
    for tag in dict.fromkeys(("en", (language or "en").replace("-", "_").split("_")[0])):
        try:
            Locale.parse(tag)
        except (UnknownLocaleError, ValueError):
            continue
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_day_names(width, context, tag).items():
                    out.setdefault(name.lower().rstrip("."), number)
    return out


def find_day(
    text: str, language: str | None, near: date, latest: date | None = None
) -> date | None:
    """The date a day header writes ('Montag, 3. 6.', 'Tuesday 4 June'); without a year, the year
    whose date has the printed weekday (when one is printed) and lies on or before ``latest`` (the
    page's modification day, when known) and closest to it, else closest to ``near`` (the page's
    own date) among the dates from a week before it to a year after."""
    stated = find_date(text, language, dotted=True)
    if stated is not None:
        return stated
    found = find_date(text, language, 2000, dotted=True)  # a leap year: every day is valid
    if found is None:
        return None
    options = []
    for year in range(near.year - 1, near.year + 2):
        try:
            options.append(date(year, found.month, found.day))
        except ValueError:
            continue
    names = weekday_numbers(language)
    printed = {names[w] for w in re.findall(r"[^\W\d_]+", text.lower()) if w in names}
    fitting = [d for d in options if d.weekday() in printed] if len(printed) == 1 else []
    options = fitting or options
    if latest is not None:
        before = [d for d in options if d <= latest + timedelta(days=1)]
        if before:
            return max(before)
    after = [d for d in options if -7 <= (d - near).days <= 366]  # updates follow the opening
    return min(after or options, key=lambda d: abs((d - near).days))


def find_date(
    text: str, language: str | None = None, year: int | None = None, dotted: bool = False
) -> date | None:
    """The first calendar date written out in text ('04 February 2015', 'November 02, 2023',
    '02 Novembre 2023', '2023-11-02', with ``dotted`` also '3. 6.'); a date without a year takes
    ``year`` when given."""
    months, _ = calendar_names(language)
    found: list[tuple[int, date]] = []
    for match in NUMERIC_DATE.finditer(text):
        try:
            day = date(int(match["year"]), int(match["mon"]), int(match["day"]))
            found.append((match.start(), day))
        except ValueError:
            continue
    for match in DOTTED_DATE.finditer(text) if dotted else ():
        yr = match["year"] or year
        try:
            if yr:
                found.append((match.start(), date(int(yr), int(match["mon"]), int(match["day"]))))
        except ValueError:
            continue
    for form in NAMED_DATES:
        for match in form.finditer(text):
            month, yr = months.get(match["month"].lower()), match["year"] or year
            if month is None or not yr:
                continue
            try:
                found.append((match.start(), date(int(yr), month, int(match["day"]))))
            except ValueError:
                continue
    return min(found)[1] if found else None


def is_date_time_text(text: str, language: str | None = None) -> bool:
    """Text that is a clock stamp with nothing but date parts around it ('14 August 2023 10:01',
    '19:02 (IST), Oct 02', 'Thursday 4 January, 13:47')."""
    stamp = STAMP.search(text)
    if stamp is None or find_stamp(text) is None:
        return False
    return is_date_words(text[: stamp.start()] + " " + text[stamp.end() :], language)


def is_date_words(text: str, language: str | None = None) -> bool:
    """Text made only of date parts: numbers, month and weekday names, a few linking words."""
    months, days = calendar_names(language)
    for word in re.findall(r"[^\W_]+", text.lower()):
        if not (
            word.isdigit()
            and len(word) <= 4
            or word in months
            or word in days
            or word in DATE_WORDS
            or word in ("st", "nd", "rd", "th")
        ):
            return False
    return True


def parse_instant(value: str | None) -> tuple[datetime, bool] | None:
    """A tz-aware instant from an ISO 8601 string, with whether it gives seconds; None when naive
    or bad."""
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


def utc_minutes(instant: datetime) -> int:
    return local_minutes(instant.astimezone(UTC))


def to_utc(on: date, minutes: int, offset: int) -> datetime:
    local = datetime.combine(on, time()) + timedelta(minutes=minutes)
    return (local - timedelta(minutes=offset)).replace(tzinfo=UTC)
