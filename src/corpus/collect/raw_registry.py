"""Reading the registry of a raw folder (registry.csv): its columns, its rows (RegistryEntry)
read strictly, each path inside the folder, and whether a page is registered already."""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from corpus.collect import values
from corpus.collect.raw_text import decode
from corpus.errors import InputError

REGISTRY_NAME = "registry.csv"
REGISTRY_FIELDS = (
    "path",
    "sha256",
    "format",
    "outlet",
    "url",
    "language",
    "retrieved_date",
    "rights",
)
# Provenance of fetched files (`corpus fetch`); optional: older registries without them still read.
FETCH_FIELDS = ("final_url", "http_status", "content_type", "archive_url", "captured_at")
# Whether the file's text may be republished (yes/no); optional: an empty cell means no.
RIGHTS_FIELDS = ("text_redistributable",)
REDISTRIBUTABLE_VALUES = ("yes", "no")


@dataclass(frozen=True)
class RegistryEntry:
    path: str
    sha256: str
    format: str
    outlet: str
    url: str
    language: str
    retrieved_date: str
    rights: str
    final_url: str = ""  # address after redirects
    http_status: str = ""
    content_type: str = ""
    archive_url: str = ""  # the web archive's copy that was downloaded, when it was one
    captured_at: str = ""  # the archive's capture time, UTC (YYYY-MM-DDTHH:MM:SSZ)
    text_redistributable: str = ""  # 'yes' when the text may be republished; else no

    @property
    def redistributable(self) -> bool:
        return self.text_redistributable == "yes"


def read_registry(raw_dir: Path) -> list[RegistryEntry] | None:
    """The registry's rows, or None when the folder has no registry. Read strictly: UTF-8, no NUL,
    every row as many fields as the header, quotes balanced, each path registered once."""
    registry = raw_dir / REGISTRY_NAME
    if not registry.exists():
        return None
    rows, seen = [], set()
    for line, row in registry_rows(str(registry), registry.read_bytes()):
        fields = REGISTRY_FIELDS + FETCH_FIELDS + RIGHTS_FIELDS
        entry = RegistryEntry(**{f: (row.get(f) or "").strip() for f in fields})
        check_redistributable(str(registry), entry.text_redistributable, line)
        if not entry.path or not re.fullmatch(r"[0-9a-f]{64}", entry.sha256):
            raise InputError(str(registry), "each row needs a path and a 64-hex sha256", line=line)
        if entry.path in seen:
            raise InputError(str(registry), f"{entry.path} is registered twice", line=line)
        for field, problem in values.problems(vars(entry)):
            raise InputError(
                str(registry), f"{field} {getattr(entry, field)!r} {problem}", line=line
            )
        outside = leaves_folder(raw_dir, entry.path)
        if outside:
            raise InputError(
                str(registry),
                f"path {entry.path!r} {outside}: a raw file must lie inside the raw folder",
                line=line,
            )
        seen.add(entry.path)
        rows.append(entry)
    return rows


def check_redistributable(where: str, value: str, line: int | None = None) -> None:
    """text_redistributable is yes, no, or empty (no)."""
    if value not in ("", *REDISTRIBUTABLE_VALUES):
        raise InputError(
            where, f"text_redistributable is 'yes' or 'no', not {value[:20]!r}", line=line
        )


def leaves_folder(raw_dir: Path, rel_path: str) -> str:
    """Why rel_path would read a file outside raw_dir (absolute, `..`, a symlink leading out), or
    "" when it stays inside."""
    if (
        rel_path.startswith(("/", "\\"))
        or os.path.isabs(rel_path)
        or re.match(r"[A-Za-z]:", rel_path)
    ):
        return "is absolute"
    if ".." in re.split(r"[/\\]", rel_path):
        return "climbs out with '..'"
    root = os.path.realpath(raw_dir)
    target = os.path.realpath(os.path.join(root, rel_path))
    if os.path.commonpath([root, target]) != root:
        return "is a symlink (or lies in a symlinked folder) leading out of the raw folder"
    return ""


def registry_rows(path: str, data: bytes) -> Iterator[tuple[int, dict[str, str]]]:
    """Each data row of a registry CSV with the line it starts on, as a dict by column name."""
    text = decode(path, data) if data.strip() else ""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header, start = next(reader, []), reader.line_num + 1
        missing = [f for f in REGISTRY_FIELDS if f not in header]
        if missing:
            raise InputError(path, f"registry lacks columns: {', '.join(missing)}", line=1)
        if len(set(header)) != len(header):
            raise InputError(path, "registry names a column twice", line=1)
        for row in reader:
            if row and len(row) != len(header):
                raise InputError(
                    path,
                    f"row has {len(row)} fields, the header {len(header)} "
                    "(a stray comma or quote?)",
                    line=start,
                )
            if row:
                yield start, dict(zip(header, row))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(path, f"malformed CSV ({exc}; an unbalanced quote?)", line=start) from None


def canonical_url(url: str) -> str:
    """A page address as compared for duplicates: scheme, host and default port folded, no
    fragment, no tracking (utm_) parameters, no trailing slash."""
    parts = urlsplit(url.strip())
    try:
        port = f":{parts.port}" if parts.port not in (None, 80, 443) else ""
    except ValueError:  # not a port number: compared as written
        return url.strip()
    host = (parts.hostname or "").removeprefix("www.")
    query = "&".join(q for q in parts.query.split("&") if q and not q.lower().startswith("utm_"))
    scheme = "https" if parts.scheme in ("http", "https") else parts.scheme.lower()
    return urlunsplit((scheme, host + port, parts.path.rstrip("/"), query, ""))


def registered_duplicate(registry: list[RegistryEntry], sha256: str, url: str) -> str | None:
    """Why a file of that sha256 and url would duplicate a registered one, or None."""
    for e in registry:
        if e.sha256 == sha256:
            return f"same content (sha256) as {e.path}, already registered"
        address = e.archive_url or e.url  # captures of one page at several times are several pages
        if url and address and canonical_url(address) == canonical_url(url):
            return f"same address ({canonical_url(url)}) as {e.path}, already registered"
    return None
