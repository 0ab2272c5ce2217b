"""Zone labels a page prints after its times ('BST', 'IST', 'ET', 'GMT+1', 'Europe/Berlin'),
and their offsets from UTC.

Fixed labels have one offset; 'ET', 'CT', 'MT', 'PT' and IANA names take theirs from the date
(daylight saving); 'GMT+1' and 'UTC-05:00' state theirs.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
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
ZONE_LABEL = "|".join(sorted([*FIXED_ZONES, *SEASONAL_ZONES], key=len, reverse=True))

UTC_OFFSET = re.compile(r"^(?:GMT|UTC)\s?(?P<sign>[+-−])\s?(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?$")


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
