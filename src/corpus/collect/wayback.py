"""Web-archive captures through the Wayback CDX API (github.com/internetarchive/wayback,
wayback-cdx-server): one capture per distinct content digest of a page, status 200 only."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from corpus.collect.addresses import plain_port
from corpus.collect.client import FetchError, PoliteClient

DEFAULT_ARCHIVE = "https://web.archive.org"
CDX_PATH = "/cdx/search/cdx"
PAGE_ROWS = 5000  # captures asked for per CDX request; the rest follows by resume key


@dataclass(frozen=True)
class Capture:
    original: str  # the page's own address, as archived
    timestamp: str  # 14 digits, UTC
    digest: str

    def archive_url(self, archive: str) -> str:
        """The capture as the server stored it (the `id_` form: no toolbar, no rewritten links)."""
        return f"{archive.rstrip('/')}/web/{self.timestamp}id_/{self.original}"

    @property
    def captured_at(self) -> str:
        t = self.timestamp
        return f"{t[:4]}-{t[4:6]}-{t[6:8]}T{t[8:10]}:{t[10:12]}:{t[12:14]}Z"


def cdx_query(target: str, start: str = "", end: str = "", resume_key: str = "") -> str:
    """The CDX query string for a page, or every page under a prefix when target ends in '*'."""
    params = {
        "url": target.removesuffix("*"),
        "output": "json",
        "filter": "statuscode:200",
        "collapse": "digest",
    }
    if target.endswith("*"):
        params["matchType"] = "prefix"
    params.update({k: v for k, v in (("from", start), ("to", end)) if v})
    params.update({"limit": str(PAGE_ROWS), "showResumeKey": "true"})
    if resume_key:
        params["resumeKey"] = resume_key
    return urlencode(params)


def parse_cdx(payload) -> tuple[list[Capture], str]:
    """The captures in one CDX JSON answer (a header row, then rows; an empty row and a resume
    key row when more remain), and the resume key ('' when none)."""
    if payload in ([], None):
        return [], ""
    if not isinstance(payload, list) or not all(isinstance(r, list) for r in payload):
        raise FetchError("CDX answer is not a JSON list of rows")
    header, rows, resume_key = payload[0], payload[1:], ""
    if len(rows) >= 2 and rows[-2] == [] and len(rows[-1]) == 1:
        rows, resume_key = rows[:-2], str(rows[-1][0])
    missing = {"original", "timestamp", "statuscode", "digest"} - set(header)
    if missing:
        raise FetchError(f"CDX answer lacks fields: {', '.join(sorted(missing))}")
    found = [dict(zip(header, row)) for row in rows if len(row) == len(header)]
    return [
        Capture(plain_port(r["original"]), r["timestamp"], r["digest"])
        for r in found
        if r["statuscode"] == "200" and re.fullmatch(r"\d{14}", r["timestamp"])
    ], resume_key


def in_range(timestamp: str, start: str, end: str) -> bool:
    """CDX ranges are inclusive and padded: from=2024 is 20240101000000, to=2024 is
    20241231235959 (compared as digits)."""
    return timestamp >= start.ljust(14, "0") and (not end or timestamp <= end.ljust(14, "9"))


def captures(
    client: PoliteClient,
    target: str,
    start: str = "",
    end: str = "",
    archive: str = DEFAULT_ARCHIVE,
    latest: bool = False,
) -> list[Capture]:
    """Every distinct capture (the first of each page's content digests) in the date range; with
    latest, only each page's last one (a live blog's captures are states of one growing page)."""
    found, resume_key, seen, keys = [], "", set(), set()
    while True:
        url = f"{archive.rstrip('/')}{CDX_PATH}?{cdx_query(target, start, end, resume_key)}"
        page, resume_key = parse_cdx(client.get_json(url))
        for capture in page:  # collapse=digest only drops adjacent repeats; drop the others too
            if (capture.original, capture.digest) not in seen and in_range(
                capture.timestamp, start, end
            ):
                seen.add((capture.original, capture.digest))
                found.append(capture)
        if not resume_key or resume_key in keys:  # a repeated key would never end
            found.sort(key=lambda c: (c.original, c.timestamp))
            if latest:
                return [
                    c
                    for c, after in zip(found, found[1:] + [None])
                    if after is None or after.original != c.original
                ]
            return found
        keys.add(resume_key)
