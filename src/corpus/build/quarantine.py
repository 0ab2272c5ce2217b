"""Raw files the build leaves out: duplicates, and blogs whose own rows fail a check.

With --keep-going a raw file that cannot be read, duplicates an earlier one, or gives rows that
fail a check is quarantined: left out of the tables, listed in the summary with its reason, and
recorded in the quarantine report beside the tables. "Earlier" is raw-path order, the order of the
registry (`corpus add` keeps it sorted by path).
"""

from __future__ import annotations

import json
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from corpus import validate
from corpus.build import cache
from corpus.build.cache import CacheEntryLost
from corpus.collect import raw_registry
from corpus.errors import InputError
from corpus.schema import TABLES

REPORT_NAME = "quarantine.json"
MAX_CHECKS_NAMED = 3


def without_duplicates(summaries: list) -> tuple[list, list[InputError]]:
    """The blogs of distinct raw files (the first in raw-path order of those with the same sha256,
    the same decoded text (line ends and byte-order mark aside), canonical url or blog id) and an
    error for each other one, naming the file it duplicates."""
    seen: dict[tuple[str, str], str] = {}
    kept, duplicates = [], []
    for s in sorted(summaries, key=lambda s: s.raw_path):
        url = raw_registry.canonical_url(s.url) if s.url else ""
        keys = [
            ("sha256", s.raw_sha256),
            ("text", s.text_sha256),
            ("canonical url", url),
            ("blog id", s.blog_id),
        ]
        first = next(
            ((what, seen[what, value]) for what, value in keys if value and (what, value) in seen),
            None,
        )
        if first is not None:
            reason = f"duplicate of {first[1]} (same {first[0]}); the first registered is kept"
            duplicates.append(
                InputError(s.raw_path, reason, stage="duplicate", sha256=s.raw_sha256)
            )
            continue
        seen.update({(what, value): s.raw_path for what, value in keys if value})
        kept.append(s)
    return kept, duplicates


@lru_cache(maxsize=1)
def diagnosis_checker() -> validate.PartChecker:
    """A checker without Data Docs, for one blog at a time."""
    return validate.PartChecker(with_docs=False)


def blame(part: list, cache_dir: Path) -> list[InputError]:
    """The raw files of a failed part to blame: each blog failing a check of its own rows, else the
    later of two blogs sharing a key."""
    blamed = []
    for s in part:
        tables = blog_tables(s, cache_dir)
        failures = [c for c in diagnosis_checker().check(tables).checks if not c.success]
        if failures:
            shown = failures[:MAX_CHECKS_NAMED]
            named = "; ".join(replace(c, examples=c.examples[:1]).describe() for c in shown)
            extra = len(failures) - len(shown)
            more = f" (and {extra} more)" if extra else ""
            blamed.append(
                InputError(
                    s.raw_path,
                    f"fails a check of its rows: {named}{more}",
                    stage="check",
                    sha256=s.raw_sha256,
                )
            )
    return blamed or shared_keys(part, cache_dir)


def blog_tables(summary, cache_dir: Path) -> dict:
    loaded = cache.load(cache_dir, summary.cache_key)
    if loaded is None:
        raise CacheEntryLost(str(cache_dir), "a blog's cached tables are gone or unreadable")
    return loaded.tables


def shared_keys(part: list, cache_dir: Path) -> list[InputError]:
    """For each blog sharing a primary key with an earlier one (raw-path order), an error naming
    both."""
    owner: dict[tuple, str] = {}
    blamed = {}
    for s in sorted(part, key=lambda s: s.raw_path):
        tables = blog_tables(s, cache_dir)
        for name, table in TABLES.items():
            data = tables[name]
            columns = [data.column(k).to_pylist() for k in table.primary_key]
            for key in dict.fromkeys(zip(*columns)):
                first = owner.setdefault((name, key), s.raw_path)
                if first != s.raw_path and s.raw_path not in blamed:
                    blamed[s.raw_path] = InputError(
                        s.raw_path,
                        f"{name} key {', '.join(map(str, key))} is also {first}'s; "
                        "the first registered is kept",
                        stage="check",
                        sha256=s.raw_sha256,
                    )
    return list(blamed.values())


def report_json(errors: list[InputError], dataset_version: str) -> str:
    """The quarantine report: every raw file left out, with its sha256, stage and reason."""
    ordered = sorted(errors, key=lambda e: (e.path, e.line or 0, e.message))
    files = [
        {
            "file": e.path,
            "line": e.line,
            "sha256": e.sha256 or None,
            "stage": e.stage or None,
            "reason": e.message,
        }
        for e in ordered
    ]
    body = {"dataset_version": dataset_version, "n_quarantined": len(files), "files": files}
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n"
