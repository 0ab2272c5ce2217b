"""Readers, one module per raw format; `parse` picks the reader for a document's format."""
from __future__ import annotations

from corpus.errors import InputError
from corpus.parse import text
from corpus.parse.model import ParsedBlog

READERS = {"trt-text": text.parse}


def parse(path: str, fmt: str, content: str) -> ParsedBlog:
    reader = READERS.get(fmt)
    if reader is None:
        raise InputError(path, f"no reader for format '{fmt}' (known: {', '.join(sorted(READERS))})")
    blog = reader(path, content)
    check_accounting(path, content, blog)
    check_duplicates(path, blog)
    return blog


def check_duplicates(path: str, blog: ParsedBlog) -> None:
    """One update printed twice (same time, headline and body) is refused, naming both lines."""
    seen: dict[tuple, int] = {}
    for e in blog.entries:
        key = (e.time_label, e.headline, e.body)
        if key in seen:
            raise InputError(path, f"entry duplicates the one at line {seen[key]}", line=e.line)
        seen[key] = e.line


def check_accounting(path: str, content: str, blog: ParsedBlog) -> None:
    """Every non-blank raw line must have gone to the header, an entry or recognised boilerplate."""
    expected = {n: line.strip() for n, line in enumerate(content.split("\n"), 1) if line.strip()}
    placed = {lr.line: lr.text for lr in blog.lines}
    lost = sorted(set(expected) - set(placed))
    if lost:
        raise InputError(path, f"text not accounted for: {expected[lost[0]][:60]!r} ({len(lost)} line(s))",
                         line=lost[0])
