"""What `corpus fetch` reports: the Summary of a run (fetched, skipped, refused, failed) as its
lines, and a dry run's forecast of what it would fetch, made without network access."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from corpus.collect import addresses, raw_registry
from corpus.collect.fetch_jobs import job_for, job_key


@dataclass
class Summary:
    fetched: list[str] = field(default_factory=list)  # registered paths
    skipped: Counter = field(default_factory=Counter)  # reason -> pages
    refused: list[tuple[str, str]] = field(default_factory=list)  # (address, why): unsafe
    failed: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)
    n_bytes: int = 0
    interrupted: bool = False

    def lines(self, raw_dir: Path) -> list[str]:
        """One line per refused address and per failure, then the totals."""
        skipped = sum(self.skipped.values())
        why = ", ".join(f"{n} {reason}" for reason, n in sorted(self.skipped.items()))
        pages = f"{len(self.fetched)} page{'' if len(self.fetched) == 1 else 's'}"
        total = (
            f"fetched {pages} ({self.n_bytes:,} bytes), skipped {skipped}"
            + (f" ({why})" if why else "")
            + f", failed {len(self.failed)} -> {raw_dir}"
        )
        stop = ["interrupted: run the same command again to continue"] if self.interrupted else []
        refused = [f"skipped {url[:200]!r}: {reason}" for url, reason in self.refused]
        failures = [f"failed {url}: {' '.join(reason.split())}" for url, reason in self.failed]
        return refused + failures + stop + [total]


def dry_run(
    urls: list[str], invalid: list[tuple[int, str]], where: str, raw_dir: Path, delay: float
) -> list[str]:
    """What `corpus fetch` would do with these addresses, without any network access: captures
    and live pages by host, invalid lines, what is already registered, a time estimate."""
    registry = (
        raw_registry.read_registry(raw_dir)
        if (raw_dir / raw_registry.REGISTRY_NAME).is_file()
        else []
    )
    done = {job_key(e.url, e.archive_url) for e in registry or []}
    jobs = [job_for(url) for url in urls]
    todo = [job for job in jobs if job_key(job.url, job.archive_url) not in done]
    by_host: Counter = Counter()
    for job in todo:
        kind = "captures" if job.archive_url else "live pages"
        by_host[(addresses.checked_host(job.url), kind)] += 1
    n_captures = sum(1 for job in todo if job.archive_url)
    seconds = len(todo) * delay
    lines = [
        f"would fetch {len(todo):,} addresses: {n_captures:,} captures, "
        f"{len(todo) - n_captures:,} live pages ({len(jobs) - len(todo):,} already "
        f"registered in {raw_dir}, {len(invalid):,} invalid lines skipped)"
    ]
    lines += [f"  {host}: {n:,} {kind}" for (host, kind), n in sorted(by_host.items())]
    lines += [f"invalid {where}:{number}: {why}" for number, why in invalid]
    lines.append(
        f"time at --delay {delay:g} s: at least {duration(seconds)} (one request after "
        "another; robots.txt Crawl-delay and slow answers add to it)"
    )
    return lines


def duration(seconds: float) -> str:
    hours, rest = divmod(round(seconds), 3600)
    return f"{hours} h {rest // 60:02d} min" if hours else f"{rest // 60} min {rest % 60:02d} s"
