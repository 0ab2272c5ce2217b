"""A raw file's bytes as text: their sha256, decoding (empty, binary and non-UTF-8 files refused)
and the format told from the content alone."""

from __future__ import annotations

import hashlib
import json
import re

from corpus.errors import InputError

# an entry line of a text blog: 'HHMM' and a zone label ('1927 GMT', '1800 CET', '0900 GMT+3')
TRT_TIME_LINE = re.compile(r"^\d{3,4} [A-Z]{1,4}\b", re.MULTILINE)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(path: str, data: bytes) -> str:
    """Decode raw bytes as UTF-8 text, refusing empty and binary files."""
    if not data.strip():
        raise InputError(path, "empty file (no text)")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(
            path,
            f"binary file (NUL byte at offset {nul}), expected UTF-8 text",
            line=data.count(b"\n", 0, nul) + 1,
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            path, f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x})", line=line
        ) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def looks_like_page_model(text: str) -> bool:
    """A Guardian page model: a JSON object with blocks that carry first-published times."""
    head = text.lstrip()[:1]
    if head != "{" or '"blockFirstPublished"' not in text:
        return False
    try:
        page = json.loads(text)
    except json.JSONDecodeError:
        return False
    return isinstance(page, dict) and isinstance(page.get("blocks"), list)


def detect_format(path: str, text: str) -> str:
    """Name the raw format from the content alone: web page, Guardian page model, or TRT-style
    text."""
    head = text.lstrip()[:1000].lower()
    if head.startswith("<") and (
        "<html" in head or "<!doctype html" in head or "<body" in head or "<head" in head
    ):
        return "html"
    if head.startswith("{"):
        if looks_like_page_model(text):
            return "guardian-json"
        raise InputError(
            path,
            "unrecognised JSON (expected a Guardian page model with 'blocks' carrying "
            "'blockFirstPublished')",
        )
    if TRT_TIME_LINE.search(text):
        return "trt-text"
    raise InputError(
        path,
        "unrecognised format (not an HTML page, not a Guardian page model, and no "
        "'HHMM GMT' entry lines)",
    )


def text_sha256(path: str, data: bytes) -> str:
    """The sha256 of a raw file's decoded text (byte-order mark dropped, CRLF and CR line ends as
    LF): copies that differ only in those bytes are one document."""
    return sha256_of(decode(path, data).encode("utf-8"))
