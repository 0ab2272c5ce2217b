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
    return reader(path, content)
