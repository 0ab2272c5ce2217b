"""What the build keeps of one processed raw file (its tables wait in the cache): a module of
its own, so that the parts' checker (parts.py), started before the extractors are imported,
never imports them (issue 30)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BlogSummary:
    """What the main process keeps of one processed raw file; its tables wait in the cache."""

    blog_id: str
    rows: dict[str, int]
    cache_key: str
    n_bytes: int
    raw_sha256: str
    raw_path: str
    url: str | None  # the page's address, or its archived capture's: what makes two files one page
    text_sha256: str = ""  # of the decoded text: copies differing only in line ends or BOM are one
