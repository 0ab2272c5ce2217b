"""ISO 8601 instants, and clock times as minutes after midnight, local or in UTC.

A page states an instant in its markup or JSON-LD ('2024-07-18T11:48:05+01:00', '...Z'); one
without a zone is a local date-time. A time of day is counted in minutes after midnight (``DAY``
of them in a day), and a local day and time with the zone's offset give the instant in UTC.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta

DAY = 24 * 60


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
