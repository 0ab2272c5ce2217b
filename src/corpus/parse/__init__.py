"""Readers, one module per raw format; `parse` picks the reader for a document's format.

Each reader has ``parse(path, content) -> ParsedBlog`` and ``units(content, path)``: the
(line, text) units of the raw document that must all be accounted for, found independently of
how the reader assigns them.
"""

from __future__ import annotations

from collections import Counter

from corpus.errors import InputError
from corpus.parse import guardian_json, html, text
from corpus.parse.model import ParsedBlog

READERS = {"trt-text": text, "html": html, "guardian-json": guardian_json}


def parse(path: str, fmt: str, content: str) -> ParsedBlog:
    reader = READERS.get(fmt)
    if reader is None:
        raise InputError(
            path, f"no reader for format '{fmt}' (known: {', '.join(sorted(READERS))})"
        )
    blog = reader.parse(path, content)
    check_accounting(path, reader.units(content, path), blog)
    check_duplicates(path, blog)
    return blog


def check_duplicates(path: str, blog: ParsedBlog) -> None:
    """One update printed twice (same time, headline and body) is refused, naming both lines."""
    seen: dict[tuple, int] = {}
    for e in blog.entries:
        if e.time_label is None and e.instant is None:
            continue  # an untimed repeat ('Track grading.') is a new update, not a copy
        key = (e.time_label, e.headline, e.body)
        if key in seen:
            raise InputError(path, f"entry duplicates the one at line {seen[key]}", line=e.line)
        seen[key] = e.line


def check_accounting(path: str, units: list[tuple[int, str]], blog: ParsedBlog) -> None:
    """Every text unit of the raw document must have gone to the header, an entry or named
    boilerplate."""
    lost = Counter(units) - Counter((lr.line, lr.text) for lr in blog.lines)
    if lost:
        line, first = min(lost)
        raise InputError(
            path, f"text not accounted for: {first[:60]!r} ({lost.total()} unit(s))", line=line
        )
