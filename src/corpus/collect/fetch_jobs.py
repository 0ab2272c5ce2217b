"""What `corpus fetch` is asked to fetch: addresses checked (given, or listed in a file, one per
line), each as a Job (a live page, or a web archive's capture of it), the key that tells it is
registered already, and the raw file name it gets."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from corpus.collect import addresses, wayback
from corpus.collect.addresses import UnsafeAddress
from corpus.collect.client import PoliteClient
from corpus.errors import InputError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    url: str  # the page's own address, registered as `url`
    source: str  # what is downloaded: the url itself, or an archive's copy of it
    archive_url: str = ""
    captured_at: str = ""


def check_url(url: str, where: str, line: int | None = None) -> str:
    """An http(s) address with a proper host, without user info (said once when removed)."""
    url = url.strip()
    try:
        addresses.checked_host(url)
    except UnsafeAddress as err:
        raise InputError(where, str(err), line=line) from None
    if addresses.has_userinfo(url):
        url = addresses.strip_userinfo(url)
        log.warning(
            "%s: user info (user:password@) removed from the address, which is recorded as %s",
            where + (f":{line}" if line else ""),
            url,
        )
    return url


def job_for(url: str) -> Job:
    """A live address, or a web-archive capture (fetched in its id_ form, registered as
    `--wayback` registers one). UnsafeAddress when it is neither."""
    capture = addresses.capture_address(url)
    if capture is None:
        addresses.checked_host(url)
        url = addresses.strip_userinfo(url)
        return Job(url, url)
    return Job(capture.original, capture.id_url, capture.id_url, capture.captured_at)


def read_url_list(path: Path) -> tuple[list[str], list[tuple[int, str]]]:
    """The addresses one per line (blank lines and '#' comments left out), and the invalid
    lines as (line number, why): listed and skipped, never fatal."""
    if not path.is_file():
        raise InputError(str(path), "no such file")
    urls, invalid = [], []
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        try:
            job_for(text.strip())
            urls.append(check_url(text, str(path), number))
        except (UnsafeAddress, InputError) as err:
            invalid.append((number, getattr(err, "message", str(err))))
    return urls, invalid


def archive_jobs(
    client: PoliteClient, target: str, start: str, end: str, archive: str, latest: bool = False
) -> list[Job]:
    """One job per distinct capture the archive's CDX index lists for a page or prefix."""
    return [
        Job(c.original, c.archive_url(archive), c.archive_url(archive), c.captured_at)
        for c in wayback.captures(client, target, start, end, archive, latest)
    ]


def job_key(url: str, archive_url: str) -> str:
    """What makes a page already registered: its archive copy, else its own address."""
    return f"archive {archive_url}" if archive_url else f"live {url}"


def file_stem(job: Job) -> str:
    """The raw file stem of a job's page (addresses.raw_name: the one naming function)."""
    return addresses.raw_name(job.url, job.archive_url, job.captured_at)
