"""Addresses as untrusted input: user info stripped before anything records them, web-archive
capture addresses recognised, and the one function that turns an address into a raw file name
confined to the raw folder (`corpus fetch`, `--wayback` and `corpus hydrate` all use it)."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

HOST_NAME = re.compile(
    r"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
    r"(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$"
)
IPV4 = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")
# /web/<14 digits>[flag_]/<original address>, on any host (Wayback-compatible archives)
CAPTURE = re.compile(
    r"^(?P<archive>https?://[^/\s]+(?:/[^\s]*?)?)/web/(?P<timestamp>\d{14})"
    r"(?:[a-z]{2}_)?/(?P<original>\S+)$",
    re.IGNORECASE,
)
BARE_CAPTURE = re.compile(r"/web/\d{8,14}(?:[a-z]{2}_)?/?$", re.IGNORECASE)
DEFAULT_PORTS = {"http": ":80", "https": ":443"}
SAFE_PART = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")


class UnsafeAddress(ValueError):
    """An address that cannot name a raw file (no proper host, not http(s))."""


def strip_userinfo(url: str) -> str:
    """The address without 'user:password@' (never recorded, printed or released)."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


def has_userinfo(url: str) -> bool:
    return "@" in urlsplit(url).netloc


def plain_port(url: str) -> str:
    """The address without its scheme's default port ('http://a.org:80/' -> 'http://a.org/')."""
    parts = urlsplit(url)
    port = DEFAULT_PORTS.get(parts.scheme.lower())
    if port and parts.netloc.endswith(port):
        return urlunsplit(parts._replace(netloc=parts.netloc.removesuffix(port)))
    return url


def checked_host(url: str) -> str:
    """The lower-case host name of an http(s) address, else UnsafeAddress saying why."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise UnsafeAddress(f"not an http(s) address: {url[:80]!r}")
    try:
        host = (parts.hostname or "").lower()
    except ValueError:
        host = ""
    if not (HOST_NAME.match(host) or IPV4.match(host)) or host.strip(".") != host:
        raise UnsafeAddress(f"no valid host name in {strip_userinfo(url)[:80]!r}")
    return host


@dataclass(frozen=True)
class CaptureAddress:
    """A web-archive capture address taken apart."""

    archive: str  # the archive's base address, e.g. http://web.archive.org
    timestamp: str  # 14 digits, UTC
    original: str  # the page's own address

    @property
    def id_url(self) -> str:
        """The capture as the archive stored it (`id_`: no toolbar, no rewritten links)."""
        return f"{self.archive}/web/{self.timestamp}id_/{self.original}"

    @property
    def captured_at(self) -> str:
        t = self.timestamp
        return f"{t[:4]}-{t[4:6]}-{t[6:8]}T{t[8:10]}:{t[10:12]}:{t[12:14]}Z"


def capture_address(url: str) -> CaptureAddress | None:
    """The capture an address of the Wayback form names; None for any other address.
    UnsafeAddress when it has that form but no date or no http(s) original address."""
    match = CAPTURE.match(url.strip())
    if match is None:
        if BARE_CAPTURE.search(url.strip()):
            raise UnsafeAddress("a capture address without the original address")
        return None
    stamp, original = match["timestamp"], match["original"]
    try:
        datetime.strptime(stamp, "%Y%m%d%H%M%S")
    except ValueError:
        raise UnsafeAddress(f"capture time {stamp} is not a date") from None
    original = re.sub(r"^(https?):/+", r"\1://", original, flags=re.IGNORECASE)
    if not re.match(r"https?://", original, re.IGNORECASE):
        raise UnsafeAddress(f"no http(s) original address after /web/{stamp}/")
    original = plain_port(strip_userinfo(original))
    checked_host(original)
    return CaptureAddress(strip_userinfo(match["archive"]).rstrip("/"), stamp, original)


def raw_name(url: str, archive_url: str = "", captured_at: str = "") -> str:
    """'<host>/<path slug>[-<capture time>]-<12 hex of the address>': the file stem (no
    extension) of a page in the raw folder; stable, distinct per address, and made only of
    safe characters. UnsafeAddress when the address has no proper host."""
    host = checked_host(url)
    slug = re.sub(r"[^a-z0-9]+", "-", unquote(urlsplit(url).path).lower()).strip("-")
    slug = slug[-80:].strip("-")
    key = hashlib.sha256((archive_url or url).encode()).hexdigest()[:12]
    when = re.sub(r"\D", "", captured_at)
    return f"{host}/{slug or 'index'}-{when + '-' if when else ''}{key}"


def confined(raw_dir: Path, rel_path: str) -> Path:
    """raw_dir / rel_path once rel_path is a plain relative name that stays inside raw_dir (no
    '..', no absolute path, no hidden or odd characters, no symlinked folder leading out); else
    UnsafeAddress."""
    parts = rel_path.split("/")
    if not rel_path or any(not SAFE_PART.match(p) for p in parts) or len(parts) > 8:
        raise UnsafeAddress(f"unsafe file name {rel_path[:80]!r}")
    root = os.path.realpath(raw_dir)
    target = os.path.realpath(os.path.join(root, *parts))
    if os.path.commonpath([root, target]) != root:
        raise UnsafeAddress(f"file name {rel_path[:80]!r} leads out of {raw_dir}")
    return Path(root, *parts)
