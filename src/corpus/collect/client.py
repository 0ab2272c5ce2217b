"""A polite HTTP client for `corpus fetch`: one request at a time, a pause between two requests
to one host, robots.txt, retries with backoff on 429/5xx and network errors (Retry-After
honoured), and downloads streamed to a temporary file that is checked before anyone keeps it."""

from __future__ import annotations

import email.utils
import hashlib
import json
import logging
import os
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from corpus.version import __version__

log = logging.getLogger(__name__)
AGENT = "liveblog-corpus"  # the product token robots.txt rules are matched against


def make_user_agent(contact: str = "") -> str:
    """Names the project, its version and, when given, whom a site can write to."""
    reach = f"; +{contact}" if contact else ""
    return f"{AGENT}/{__version__} (research dataset collector{reach}; httpx/{httpx.__version__})"


RETRY_STATUS = frozenset({408, 429, 500, 502, 503, 504})
MAX_REDIRECTS = 10
TEMP_PREFIX, TEMP_SUFFIX = ".fetch-", ".part"  # hidden: the build never lists such files


class FetchError(Exception):
    """Why one address could not be fetched (one line), with the HTTP status when there was one."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Settings:
    delay: float = 1.0  # seconds between two requests to a host (a longer Crawl-delay wins)
    retries: int = 3  # further attempts after a 408/429/5xx answer or a network error
    backoff: float = 2.0  # first wait before a retry in seconds, doubled each time
    max_wait: float = 300.0  # a longer Retry-After is not waited for: the address fails
    timeout: float = 30.0  # seconds to connect, and between two reads
    max_bytes: int = 50_000_000  # a larger body is abandoned (and its partial file removed)
    deadline: float = 600.0  # seconds for a whole download, however slowly the bytes come
    user_agent: str = make_user_agent()


@dataclass(frozen=True)
class Download:
    """A complete response body in a temporary file beside its destination."""

    final_url: str
    status: int
    content_type: str
    temp_path: Path
    sha256: str
    n_bytes: int


def pause(seconds: float) -> None:
    if seconds > 0:
        time.sleep(seconds)


def retry_after(value: str | None) -> float | None:
    """Seconds asked for by a Retry-After header (delay-seconds or an HTTP date), else None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class PoliteClient:
    """Sequential GETs over one connection pool; never two requests to a host at once."""

    def __init__(self, settings: Settings = Settings()):
        self.settings = settings
        self.http = httpx.Client(
            headers={"User-Agent": settings.user_agent},
            timeout=settings.timeout,
            follow_redirects=False,
        )
        self.robots: dict[str, RobotFileParser] = {}
        self.unreachable: dict[str, str] = {}  # origin -> why its robots.txt could not be read
        self.last: dict[str, float] = {}  # host -> monotonic time its last response ended

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc) -> None:
        self.http.close()

    def get_json(self, url: str):
        """A JSON document (robots.txt and redirects honoured)."""
        _, final_url, body = self._follow(url, lambda r: r.read())
        try:
            return json.loads(body)
        except ValueError:
            raise FetchError(f"not JSON (from {final_url})") from None

    def download(self, url: str, folder: Path) -> Download:
        """Stream a page into a hidden temporary file in folder; the caller renames or removes
        it."""
        status, final_url, (path, digest, size, content_type) = self._follow(
            url, lambda response: self._save(response, folder)
        )
        return Download(final_url, status, content_type, path, digest, size)

    def allowed(self, url: str) -> bool:
        host = host_of(url)
        if host not in self.robots:
            self.robots[host] = self._read_robots(host)
        return self.robots[host].can_fetch(AGENT, url)

    def refusal(self, url: str) -> str:
        """Why robots.txt keeps url out: its rules, or its host's robots.txt being unreadable."""
        host = host_of(url)
        if host in self.unreachable:
            why = self.unreachable[host]
            return f"{host}/robots.txt unreadable ({why}), so the site is left alone"
        return f"disallowed by {host}/robots.txt"

    def _read_robots(self, host: str) -> RobotFileParser:
        """RFC 9309: a 4xx means no rules; a server error or no answer means stay away."""
        parser = RobotFileParser(f"{host}/robots.txt")
        try:
            _, _, body = self._follow(f"{host}/robots.txt", lambda r: r.read(), robots=False)
            parser.parse(body.decode("utf-8", "replace").splitlines())
        except FetchError as err:
            status = err.status or 0
            no_rules = 400 <= status < 500 and status not in RETRY_STATUS
            parser.parse([] if no_rules else ["User-agent: *", "Disallow: /"])
            if not no_rules:
                self.unreachable[host] = str(err)
        parser.modified()
        return parser

    def _follow(self, url: str, consume, robots: bool = True):
        """GET url, following redirects hop by hop, each hop polite: (status, final url,
        consume(response))."""
        for _ in range(MAX_REDIRECTS + 1):
            if robots and not self.allowed(url):
                raise FetchError(self.refusal(url))
            status, location, result = self._get(url, consume)
            if location is None:
                return status, url, result
            url = urljoin(url, location)
        raise FetchError(f"more than {MAX_REDIRECTS} redirects")

    def _get(self, url: str, consume):
        """One address, retried: (status, redirect location or None, consume(response))."""
        s, origin = self.settings, host_of(url)
        host = urlsplit(url).hostname or origin  # the pause is per machine, whatever the scheme
        for attempt in range(s.retries + 1):
            wait, status = s.backoff * 2**attempt, None
            self._wait_turn(origin, host)
            try:
                with self.http.stream("GET", url) as response:
                    status = response.status_code
                    if response.is_redirect and "location" in response.headers:
                        return status, response.headers["location"], None
                    if 200 <= status < 300:
                        return status, None, consume(response)
                    reason = f"HTTP {status} {response.reason_phrase}".strip()
                    if status not in RETRY_STATUS:
                        raise FetchError(reason, status)
                    asked = retry_after(response.headers.get("retry-after"))
                    if asked is not None and asked > s.max_wait:
                        raise FetchError(
                            f"{reason}, Retry-After {asked:.0f} s is over {s.max_wait:g} s", status
                        )
                    wait = max(wait, asked or 0.0)
            except httpx.TimeoutException:
                reason = f"timed out ({s.timeout:g} s without an answer)"
            except httpx.TransportError as exc:
                reason = f"network error: {type(exc).__name__}: {exc}"
            finally:
                self.last[host] = time.monotonic()
            if attempt < s.retries:  # said at once: an unreachable host is never a silent wait
                log.warning(
                    "%s: %s; retry %d of %d in %.3g s",
                    url,
                    reason,
                    attempt + 1,
                    s.retries,
                    min(wait, s.max_wait),
                )
                pause(min(wait, s.max_wait))
        raise FetchError(f"{reason} (after {s.retries + 1} attempts)", status)

    def _wait_turn(self, origin: str, host: str) -> None:
        delay = self.settings.delay
        parser = self.robots.get(origin)
        crawl_delay = parser.crawl_delay(AGENT) if parser is not None else None
        if crawl_delay:
            delay = max(delay, float(crawl_delay))
        if host in self.last:
            pause(self.last[host] + delay - time.monotonic())

    def _save(self, response: httpx.Response, folder: Path) -> tuple[Path, str, int, str]:
        """Write the body to a temporary file, checking its length; removed again on any error."""
        digest, size, start = hashlib.sha256(), 0, time.monotonic()
        folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=folder)
        path = Path(name)
        try:
            with os.fdopen(fd, "wb") as out:
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.settings.max_bytes:
                        raise FetchError(f"larger than {self.settings.max_bytes:,} bytes")
                    if time.monotonic() - start > self.settings.deadline:
                        raise FetchError(
                            f"not complete after {self.settings.deadline:g} s "
                            f"({size:,} bytes received)"
                        )
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())  # on disk before the rename makes it a raw file
            expected = response.headers.get("content-length")
            if expected and expected.isdigit() and response.num_bytes_downloaded != int(expected):
                received = response.num_bytes_downloaded
                raise httpx.ReadError(f"{received} of {expected} bytes received")
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return path, digest.hexdigest(), size, response.headers.get("content-type", "")
