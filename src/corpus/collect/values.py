"""What a registry field may hold, one check per field: dates real and plausible, addresses
http(s), text plain (no control characters, and no leading '=', '+', '-' or '@', which a
spreadsheet opening the registry would run as a formula). Each check returns the problem, or ""
when the value is fine; `problems` applies every check to a row's fields."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, timedelta
from urllib.parse import urlsplit

FIRST_YEAR = 1990  # no page of the web is older
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def plain_text(value: str) -> str:
    """Text a spreadsheet shows as text, on one line."""
    if value.startswith(FORMULA_START):
        return f"starts with {value[0]!r}, which a spreadsheet runs as a formula"
    bad = next((c for c in value if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")), None)
    if bad is not None:
        return f"holds the control character U+{ord(bad):04X}"
    return ""


def web_address(value: str) -> str:
    """An http(s) address with a host, or nothing."""
    if not value:
        return ""
    problem = plain_text(value)
    if problem:
        return problem
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return "is not an http(s) address"
    return ""


def calendar_date(value: str) -> str:
    """A real date (YYYY-MM-DD) from 1990 to tomorrow (the date where the clock is ahead), or
    nothing."""
    if not value:
        return ""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return "is not a date written YYYY-MM-DD"
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return "is not a real date"
    if not date(FIRST_YEAR, 1, 1) <= day <= date.today() + timedelta(days=1):
        return f"lies outside {FIRST_YEAR} to today"
    return ""


def capture_time(value: str) -> str:
    """A web archive's capture time (YYYY-MM-DDTHH:MM:SSZ), or nothing."""
    if not value:
        return ""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", value):
        return "is not a time written YYYY-MM-DDTHH:MM:SSZ"
    return calendar_date(value[:10])


FIELD_CHECKS: dict[str, Callable[[str], str]] = {
    "outlet": plain_text,
    "url": web_address,
    "retrieved_date": calendar_date,
    "rights": plain_text,
    "final_url": web_address,
    "archive_url": web_address,
    "captured_at": capture_time,
}


def problems(fields: dict[str, str]) -> list[tuple[str, str]]:
    """Each field's problem, as (field, problem), in the order of FIELD_CHECKS."""
    found = []
    for name, check in FIELD_CHECKS.items():
        problem = check(fields.get(name) or "")
        if problem:
            found.append((name, problem))
    return found
