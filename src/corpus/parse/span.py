"""The days a page's updates span, from the page's own evidence.

A long-running ticker is opened one day (its address and schema.org ``datePublished``) and
updated for weeks or months. Its blog date is the day of the newest update it shows: the newest
day its updates are dated to (day headers, dated stamps, machine-readable instants); without such
dates, the day of its modification time (``dateModified``) when its newest clock stamp fits that
time. Its start date is the oldest day its updates are dated to. Each choice is noted.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from corpus.parse import instants
from corpus.parse.model import ParsedEntry

FIT_MINUTES = 60  # a modification time this close to the newest stamp is that update's


def local_day(instant: datetime, offset: int | None) -> date:
    return (instant.astimezone(UTC) + timedelta(minutes=offset or 0)).date()


def dated_days(entries: list[ParsedEntry]) -> list[date]:
    """The local days the page dates its updates to (entries with a stated or dated instant)."""
    return [local_day(e.instant, e.utc_offset_minutes) for e in entries if e.instant is not None]


def page_span(
    entries: list[ParsedEntry], page_day: date, saved: datetime | None, offset: int | None
) -> tuple[date, date, list[str]]:
    """(blog date, start date, notes) for a page whose own date is ``page_day``."""
    days = dated_days(entries)
    notes: list[str] = []
    blog_day = page_day
    if days and max(days) > page_day + timedelta(days=1):
        blog_day = max(days)
        notes.append(f"dated by its newest update ({blog_day}), opened {page_day}")
    elif not days and saved is not None:
        saved_day = local_day(saved, offset)
        minutes = [
            e.local_minutes for e in (entries[0], entries[-1]) if e.local_minutes is not None
        ]
        at = instants.utc_minutes(saved) + (offset or 0)
        fits = any(
            min((at - m) % instants.DAY, (m - at) % instants.DAY) <= FIT_MINUTES for m in minutes
        )
        if saved_day > page_day + timedelta(days=1) and fits:
            blog_day = saved_day
            notes.append(
                f"doubt: dated by its modification time ({blog_day}), opened {page_day}; "
                "the day of each update is inferred from its clock time"
            )
        elif saved_day > page_day + timedelta(days=1):
            notes.append(
                f"doubt: modified {saved_day}, after it opened {page_day}, at no printed "
                "time: the days of its updates are inferred from clock times from the "
                "opening"
            )
    start = min([*days, blog_day]) if days else blog_day
    if days and min(days) < blog_day - timedelta(days=1):
        notes.append(f"updates span {min(days)} to {max(days)}")
    return blog_day, start, notes
