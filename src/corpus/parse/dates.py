"""Calendar dates written out in text, and the month and weekday names they use.

A date is numeric ('2023-11-02'), dotted day first ('3. 6.', '03.06.2024') or named, day first
('2 de noviembre de 2023', '4. Januar') or month first ('Oct 02, 2020'). Month and weekday names
of English and the page's language come from babel's CLDR data. A day header without a year
('Montag, 3. 6.') takes the year that fits its weekday and the page's dates.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

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


@lru_cache(maxsize=64)
def calendar_names(language: str | None) -> tuple[dict[str, int], frozenset[str]]:
    """Month names (wide and abbreviated, any case) to numbers, and weekday names, for English and
    the page's language, from babel."""
    from babel.dates import get_day_names, get_month_names

    months: dict[str, int] = {}
    days: set[str] = set()
    for tag in babel_languages(language):
        for width, context in NAME_FORMS:
            for number, name in get_month_names(width, context, tag).items():
                months.setdefault(name.lower().rstrip("."), number)
            names = get_day_names(width, context, tag).values()
            days.update(n.lower().rstrip(".") for n in names)
    months.setdefault("sept", 9)
    return months, frozenset(days)


@lru_cache(maxsize=64)
def weekday_numbers(language: str | None) -> dict[str, int]:
    """Weekday names (wide and abbreviated, English and the page's language) to 0 (Monday)..6."""
    from babel.dates import get_day_names

    out: dict[str, int] = {}
    for tag in babel_languages(language):
        for width, context in NAME_FORMS:
            for number, name in get_day_names(width, context, tag).items():
                out.setdefault(name.lower().rstrip("."), number)
    return out


# The forms of month and weekday names read from babel: (width, context), in this order.
NAME_FORMS: tuple[tuple[Literal["wide", "abbreviated"], Literal["format", "stand-alone"]], ...] = (
    ("wide", "format"),
    ("wide", "stand-alone"),
    ("abbreviated", "format"),
    ("abbreviated", "stand-alone"),
)


def babel_languages(language: str | None) -> list[str]:
    """English, then the page's language (its primary subtag, 'pt' of 'pt-BR'), those babel
    knows."""
    from babel import Locale, UnknownLocaleError

    known = []
    for tag in dict.fromkeys(("en", (language or "en").replace("-", "_").split("_")[0])):
        try:
            Locale.parse(tag)
        except (UnknownLocaleError, ValueError):
            continue
        known.append(tag)
    return known


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
