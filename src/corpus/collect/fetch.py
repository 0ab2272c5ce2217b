"""`corpus fetch`: live blogs from the web or a web archive into the raw folder and its registry.

Each page is streamed to a hidden temporary file, checked (complete, UTF-8 text of a format the
readers know, not bytes already registered), renamed to a stable name from its address and
registered at once; an interrupted run loses at most the page it was on, and a rerun skips
what is registered. Registered bytes are never overwritten."""
from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from corpus.collect import raw, registry_file, wayback
from corpus.collect.client import (
    TEMP_PREFIX,
    TEMP_SUFFIX,
    Download,
    FetchError,
    PoliteClient,
)
from corpus.errors import InputError

EXTENSIONS = {"html": ".html", "guardian-json": ".json", "trt-text": ".txt"}
URL_SCHEME = re.compile(r"https?://[^\s/]+", re.IGNORECASE)


@dataclass(frozen=True)
class Job:
    url: str  # the page's own address, registered as `url`
    source: str  # what is downloaded: the url itself, or an archive's copy of it
    archive_url: str = ""
    captured_at: str = ""


@dataclass
class Summary:
    fetched: list[str] = field(default_factory=list)  # registered paths
    skipped: Counter = field(default_factory=Counter)  # reason -> pages
    failed: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)
    n_bytes: int = 0
    interrupted: bool = False

    def lines(self, raw_dir: Path) -> list[str]:
        """One line per failure, then the totals."""
        skipped = sum(self.skipped.values())
        why = ", ".join(f"{n} {reason}" for reason, n in sorted(self.skipped.items()))
        pages = f"{len(self.fetched)} page{'' if len(self.fetched) == 1 else 's'}"
        total = (f"fetched {pages} ({self.n_bytes:,} bytes), skipped {skipped}"
                 + (f" ({why})" if why else "") + f", failed {len(self.failed)} -> {raw_dir}")
        stop = ["interrupted: run the same command again to continue"] if self.interrupted else []
        failures = [f"failed {url}: {' '.join(reason.split())}" for url, reason in self.failed]
        return failures + stop + [total]


def check_url(url: str, where: str, line: int | None = None) -> str:
    url = url.strip()
    if not URL_SCHEME.match(url):
        raise InputError(where, f"not an http(s) address: {url[:80]!r}", line=line)
    return url


def read_url_list(path: Path) -> list[str]:
    """Addresses one per line; blank lines and lines starting with '#' are left out."""
    if not path.is_file():
        raise InputError(str(path), "no such file")
    lines = path.read_text(encoding="utf-8").splitlines()
    return [check_url(text, str(path), number) for number, text in enumerate(lines, 1)
            if text.strip() and not text.lstrip().startswith("#")]


def archive_jobs(client: PoliteClient, target: str, start: str, end: str, archive: str,
                 latest: bool = False) -> list[Job]:
    """One job per distinct capture the archive's CDX index lists for a page or prefix."""
    return [Job(c.original, c.archive_url(archive), c.archive_url(archive), c.captured_at)
            for c in wayback.captures(client, target, start, end, archive, latest)]


def job_key(url: str, archive_url: str) -> str:
    """What makes a page already registered: its archive copy, else its own address."""
    return f"archive {archive_url}" if archive_url else f"live {url}"


def file_stem(job: Job) -> str:
    """'<host>/<path slug>[-<capture time>]-<12 hex of the address>': stable, distinct per URL."""
    parts = urlsplit(job.url)
    host = re.sub(r"[^a-z0-9.-]+", "-", (parts.hostname or "unknown-host").lower())
    slug = re.sub(r"[^a-z0-9]+", "-", unquote(parts.path).lower()).strip("-")[-80:].strip("-")
    key = hashlib.sha256((job.archive_url or job.url).encode()).hexdigest()[:12]
    when = re.sub(r"\D", "", job.captured_at)
    return f"{host}/{slug or 'index'}-{when + '-' if when else ''}{key}"


def free_name(raw_dir: Path, stem: str, ext: str, sha256: str, registered: set[str]):
    """The first name not taken ('-2', '-3' after the stem), and whether that file already holds
    these bytes unregistered (left by a run stopped between rename and registry write)."""
    for n in range(1, 10_000):
        rel = f"{stem}{'' if n == 1 else f'-{n}'}{ext}"
        target = raw_dir / rel
        if not target.exists():
            return rel, False
        if rel not in registered and raw.sha256_of(target.read_bytes()) == sha256:
            return rel, True
    raise InputError(str(raw_dir / stem), "too many files of this name")


def open_registry(raw_dir: Path) -> list[raw.RegistryEntry]:
    """The raw folder's registry (made on first use), after removing leftover temporary files."""
    raw_dir.mkdir(parents=True, exist_ok=True)
    for leftover in raw_dir.rglob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
        leftover.unlink()
    registry = raw.read_registry(raw_dir)
    if registry is None:
        if raw.list_raw_files(raw_dir):
            raise InputError(str(raw_dir), "raw folder has files but no registry: register them "
                                           "with `corpus add`, or fetch into another folder")
        registry = []
    return registry


class Collector:
    """Fetches jobs into one raw folder, keeping its registry current after every page."""

    def __init__(self, raw_dir: Path, client: PoliteClient, outlet: str = "unknown",
                 rights: str = "", refresh: bool = False,
                 page_language: Callable[[str, str, str], str | None] = lambda *page: None):
        """page_language(path, format, text): the language a page declares (html lang, JSON-LD
        inLanguage), or None; given by the caller, which may read pages (collect may not)."""
        self.raw_dir, self.client, self.refresh = raw_dir, client, refresh
        self.page_language = page_language
        self.made_raw_dir = not raw_dir.exists()
        self.outlet, self.rights = outlet, rights
        self.registry = open_registry(raw_dir)
        self.done = {job_key(e.url, e.archive_url) for e in self.registry}
        self.sha256s = {e.sha256 for e in self.registry}
        self.summary = Summary()

    def collect(self, urls: list[str], target: str = "", start: str = "", end: str = "",
                archive: str = wayback.DEFAULT_ARCHIVE, progress=lambda items: items,
                latest: bool = False) -> Summary:
        """Fetch the addresses, then every capture of target (a page or 'prefix*') in the
        archive."""
        try:
            jobs = [Job(url, url) for url in urls]
            if target:
                try:
                    jobs += archive_jobs(self.client, target, start, end, archive, latest)
                except FetchError as err:
                    self.summary.failed.append((f"{target} (CDX index of {archive})", str(err)))
            for job in progress(jobs):
                try:
                    self.one(job)
                except FetchError as err:
                    self.summary.failed.append((job.source, str(err)))
                except InputError as err:
                    line = f" (line {err.line})" if err.line else ""
                    self.summary.failed.append((job.source, err.message + line))
        except KeyboardInterrupt:
            self.summary.interrupted = True
        finally:
            self.remove_empty_folders()
        return self.summary

    def remove_empty_folders(self) -> None:
        """Leave no empty folder behind (a host's folder whose pages all failed, and the raw
        folder itself when this run made it and fetched nothing)."""
        for folder in sorted((p for p in self.raw_dir.rglob("*") if p.is_dir()), reverse=True):
            if not any(folder.iterdir()):
                folder.rmdir()
        if self.made_raw_dir and self.raw_dir.is_dir() and not any(self.raw_dir.iterdir()):
            self.raw_dir.rmdir()

    def one(self, job: Job) -> None:
        again = self.refresh and not job.archive_url  # an archived capture never changes
        if job_key(job.url, job.archive_url) in self.done and not again:
            self.summary.skipped["already registered"] += 1
            return
        stem = file_stem(job)
        download = self.client.download(job.source, self.raw_dir / Path(stem).parent)
        try:
            self.keep(job, stem, download)
        finally:
            download.temp_path.unlink(missing_ok=True)

    def keep(self, job: Job, stem: str, download: Download) -> None:
        """Check the downloaded bytes, move them to their name and register them."""
        text = raw.decode(job.source, download.temp_path.read_bytes())
        fmt = raw.detect_format(job.source, text)
        if download.sha256 in self.sha256s:
            self.summary.skipped["identical to a registered file"] += 1
            return
        rel, present = free_name(self.raw_dir, stem, EXTENSIONS.get(fmt, ""), download.sha256,
                                 {e.path for e in self.registry})
        if not present:
            os.replace(download.temp_path, self.raw_dir / rel)
        self.registry.append(raw.RegistryEntry(
            path=rel, sha256=download.sha256, format=fmt, outlet=self.outlet, url=job.url,
            language=self.page_language(rel, fmt, text) or "und", retrieved_date=datetime.now(UTC).date().isoformat(),
            rights=self.rights, final_url=download.final_url, http_status=str(download.status),
            content_type=download.content_type, archive_url=job.archive_url,
            captured_at=job.captured_at))
        registry_file.write_registry(self.raw_dir, self.registry)
        self.done.add(job_key(job.url, job.archive_url))
        self.sha256s.add(download.sha256)
        self.summary.fetched.append(rel)
        self.summary.n_bytes += download.n_bytes
