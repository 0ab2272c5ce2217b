"""Clock stamps as a page prints them: clock times, relative times, match minutes and overs.

A stamp is a clock time as a page prints it: '12.50 BST', '21:06 (IST)', '9.05pm', '6.15 pm',
'04:24', '11.04 Uhr', '12h47', '13:47:05', optionally followed by a zone label or 'GMT+1' (their
offsets: ``zone_labels.py``). A relative stamp counts back from when the page was saved ('3m
ago'); a game's stream is stamped by match minutes ('45+2\'') or cricket overs ('42.3').
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.parse.dates import is_date_words
from corpus.parse.instants import DAY
from corpus.parse.zone_labels import ZONE_LABEL

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


def is_date_time_text(text: str, language: str | None = None) -> bool:
    """Text that is a clock stamp with nothing but date parts around it ('14 August 2023 10:01',
    '19:02 (IST), Oct 02', 'Thursday 4 January, 13:47')."""
    stamp = STAMP.search(text)
    if stamp is None or find_stamp(text) is None:
        return False
    return is_date_words(text[: stamp.start()] + " " + text[stamp.end() :], language)
