"""`corpus fetch`: live blogs from the web or a web archive into the raw folder and its registry.

Each page is streamed to a hidden temporary file, checked (complete, UTF-8 text of a format the
readers know, not bytes already registered), renamed to a stable name from its address and
registered at once; an interrupted run loses at most the page it was on, and a rerun skips
what is registered. Registered bytes are never overwritten."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from corpus.collect import (
    addresses,
    outlets,
    raw_folder,
    raw_registry,
    raw_text,
    registry_file,
    wayback,
)
from corpus.collect.addresses import UnsafeAddress
from corpus.collect.client import (
    TEMP_PREFIX,
    TEMP_SUFFIX,
    Download,
    FetchError,
    PoliteClient,
)
from corpus.collect.fetch_jobs import Job, archive_jobs, file_stem, job_for, job_key
from corpus.collect.fetch_report import Summary
from corpus.errors import InputError

log = logging.getLogger(__name__)
EXTENSIONS = {"html": ".html", "guardian-json": ".json", "trt-text": ".txt"}
# What a page says of itself (outlet, language), read by the caller's parser; None when unknown
Describe = Callable[[str, str, str], tuple[str | None, str | None]]


def no_description(path: str, fmt: str, text: str) -> tuple[str | None, str | None]:
    return None, None


def free_name(raw_dir: Path, stem: str, ext: str, sha256: str, registered: set[str]):
    """The first name not taken ('-2', '-3' after the stem), and whether that file already holds
    these bytes unregistered (left by a run stopped between rename and registry write)."""
    for n in range(1, 10_000):
        rel = f"{stem}{'' if n == 1 else f'-{n}'}{ext}"
        target = addresses.confined(raw_dir, rel)
        if not target.exists():
            return rel, False
        if rel not in registered and raw_text.sha256_of(target.read_bytes()) == sha256:
            return rel, True
    raise InputError(str(raw_dir / stem), "too many files of this name")


def open_registry(raw_dir: Path) -> list[raw_registry.RegistryEntry]:
    """The raw folder's registry (made on first use), after removing leftover temporary files."""
    raw_dir.mkdir(parents=True, exist_ok=True)
    for leftover in raw_dir.rglob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
        leftover.unlink()
    registry = raw_registry.read_registry(raw_dir)
    if registry is None:
        if raw_folder.list_raw_files(raw_dir):
            raise InputError(
                str(raw_dir),
                "raw folder has files but no registry: register them "
                "with `corpus add`, or fetch into another folder",
            )
        registry = []
    return registry


class Collector:
    """Fetches jobs into one raw folder, keeping its registry current after every page. The
    outlet is `outlet` when given, else the one the page names (describe), else the host's
    (outlets.csv); the language is the page's."""

    def __init__(
        self,
        raw_dir: Path,
        client: PoliteClient,
        outlet: str = "",
        rights: str = "",
        refresh: bool = False,
        describe: Describe = no_description,
        outlet_names: dict[str, str] | None = None,
    ):
        self.raw_dir, self.client, self.refresh = raw_dir, client, refresh
        self.outlet, self.rights, self.describe = outlet, rights, describe
        self.outlet_names = outlets.known_outlets() if outlet_names is None else outlet_names
        self.made_raw_dir = not raw_dir.exists()
        self.registry = open_registry(raw_dir)
        self.done = {job_key(e.url, e.archive_url) for e in self.registry}
        self.sha256s = {e.sha256 for e in self.registry}
        self.summary = Summary()

    def collect(
        self,
        urls: list[str],
        target: str = "",
        start: str = "",
        end: str = "",
        archive: str = wayback.DEFAULT_ARCHIVE,
        progress=lambda items: items,
        latest: bool = False,
    ) -> Summary:
        """Fetch the addresses (live pages or captures), then every capture of target (a page
        or 'prefix*') in the archive."""
        try:
            jobs = [job for job in map(self.safe_job, urls) if job is not None]
            if target:
                try:
                    found = archive_jobs(self.client, target, start, end, archive, latest)
                    jobs += [job for job in map(self.safe_job, found) if job is not None]
                except FetchError as err:
                    self.summary.failed.append((f"{target} (CDX index of {archive})", str(err)))
            for job in progress(jobs):
                try:
                    self.one(job)
                except (FetchError, UnsafeAddress) as err:
                    self.summary.failed.append((job.source, str(err)))
                except InputError as err:
                    line = f" (line {err.line})" if err.line else ""
                    self.summary.failed.append((job.source, err.message + line))
        except KeyboardInterrupt:
            self.summary.interrupted = True
        finally:
            self.remove_empty_folders()
        return self.summary

    def safe_job(self, item: str | Job) -> Job | None:
        """The job of an address or listed capture once its file name stays in the raw folder;
        else None, and the address is refused with its reason (one line)."""
        try:
            job = job_for(item) if isinstance(item, str) else item
            addresses.confined(self.raw_dir, file_stem(job))
            return job
        except UnsafeAddress as err:
            address = item if isinstance(item, str) else item.source
            self.summary.refused.append((addresses.strip_userinfo(address), str(err)))
            return None

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
        folder = addresses.confined(self.raw_dir, stem).parent
        download = self.client.download(job.source, folder)
        try:
            self.keep(job, stem, download)
        finally:
            download.temp_path.unlink(missing_ok=True)

    def keep(self, job: Job, stem: str, download: Download) -> None:
        """Check the downloaded bytes, move them to their name and register them."""
        text = raw_text.decode(job.source, download.temp_path.read_bytes())
        fmt = raw_text.detect_format(job.source, text)
        if download.sha256 in self.sha256s:
            self.summary.skipped["identical to a registered file"] += 1
            return
        rel, present = free_name(
            self.raw_dir,
            stem,
            EXTENSIONS.get(fmt, ""),
            download.sha256,
            {e.path for e in self.registry},
        )
        if not present:
            os.replace(download.temp_path, addresses.confined(self.raw_dir, rel))
        page_outlet, language = self.described(rel, fmt, text)
        outlet = (
            self.outlet or page_outlet or outlets.outlet_of(job.url, self.outlet_names) or "unknown"
        )
        self.registry.append(
            raw_registry.RegistryEntry(
                path=rel,
                sha256=download.sha256,
                format=fmt,
                outlet=outlet,
                url=job.url,
                language=language or "und",
                retrieved_date=datetime.now(UTC).date().isoformat(),
                rights=self.rights,
                final_url=addresses.strip_userinfo(download.final_url),
                http_status=str(download.status),
                content_type=download.content_type,
                archive_url=job.archive_url,
                captured_at=job.captured_at,
                text_redistributable="no",
            )
        )
        registry_file.write_registry(self.raw_dir, self.registry)
        self.done.add(job_key(job.url, job.archive_url))
        self.sha256s.add(download.sha256)
        self.summary.fetched.append(rel)
        self.summary.n_bytes += download.n_bytes

    def described(self, rel: str, fmt: str, text: str) -> tuple[str | None, str | None]:
        """The outlet and language the page states; (None, None) when it cannot be read (the
        build reports such a page in its own words)."""
        try:
            return self.describe(rel, fmt, text)
        except Exception as exc:  # a hint only: the page is kept, the build judges it
            log.info("%s: outlet and language not read (%s)", rel, type(exc).__name__)
            return None, None
