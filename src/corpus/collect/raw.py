"""Raw inputs: the registry of raw files, checksums, decoding and format detection."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from corpus.collect import values
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
IGNORED_NAMES = {REGISTRY_NAME, "README.md", ".gitkeep"}
# an entry line of a text blog: 'HHMM' and a zone label ('1927 GMT', '1800 CET', '0900 GMT+3')
TRT_TIME_LINE = re.compile(r"^\d{3,4} [A-Z]{1,4}\b", re.MULTILINE)


@dataclass(frozen=True)
class RawDocument:
    """A raw file's decoded text with what the registry says about it."""

    path: str  # relative to the raw folder, '/'-separated
    text: str
    sha256: str
    format: str
    outlet: str = "unknown"
    url: str | None = None
    language: str = "und"


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


def registry_text(
    entries: list[RegistryEntry],
    columns: tuple[str, ...] = REGISTRY_FIELDS + FETCH_FIELDS + RIGHTS_FIELDS,
) -> str:
    """The registry file's content with these columns, rows sorted by path."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for e in sorted(entries, key=lambda e: e.path):
        writer.writerow([getattr(e, f) for f in columns])
    return out.getvalue()


def list_raw_files(raw_dir: Path, special: list[tuple[str, str]] | None = None) -> list[str]:
    """Every raw file below the folder (relative, sorted), registry and READMEs excluded; entries
    that are not regular files (FIFOs, sockets, devices, dangling symlinks) go into `special`
    with the reason, unopened."""
    files = sorted(files_below(str(raw_dir), "", special))
    if special is not None:
        special.sort()
    return files


def files_below(
    folder: str, prefix: str, special: list[tuple[str, str]] | None = None
) -> Iterator[str]:
    """Relative paths of the files below folder (os.scandir: no stat per regular file, unlike
    pathlib)."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir():
                yield from files_below(entry.path, f"{prefix}{entry.name}/", special)
            elif entry.name in IGNORED_NAMES or entry.name.startswith("."):
                continue
            elif entry.is_file():
                yield prefix + entry.name
            elif special is not None:
                special.append((prefix + entry.name, not_regular(entry.path)))


def not_regular(path: str) -> str:
    """What a directory entry that is not a regular file is, found without opening it."""
    link = "a symlink to " if os.path.islink(path) else ""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return "a symlink leading nowhere" if link else "gone or unreadable"
    kind = (
        "a named pipe (FIFO)"
        if stat.S_ISFIFO(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "a character device"
        if stat.S_ISCHR(mode)
        else "a block device"
        if stat.S_ISBLK(mode)
        else "not a regular file"
    )
    return f"{link}{kind}, not a raw file (not opened)"


def read_regular(path: Path | str) -> bytes:
    """A regular file's bytes; a FIFO, socket or device is refused without blocking on it."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InputError(str(path), f"{not_regular(str(path))}")
        with os.fdopen(fd, "rb", closefd=False) as f:
            return f.read()
    finally:
        os.close(fd)


def read_document(
    raw_dir: Path, rel_path: str, entry: RegistryEntry | None = None, data: bytes | None = None
) -> RawDocument:
    """Read one raw file (or take its bytes), checking its hash against the registry entry when
    there is one."""
    data = read_regular(raw_dir / rel_path) if data is None else data
    digest = sha256_of(data)
    if entry is not None and digest != entry.sha256:  # its real hash is not shown
        raise InputError(
            rel_path,
            f"content differs from the registry's sha256 {entry.sha256}: "
            "raw files are immutable; register a changed file anew",
            sha256=entry.sha256,
        )
    text = decode(rel_path, data)
    fmt = entry.format if entry is not None and entry.format else detect_format(rel_path, text)
    if entry is None:
        return RawDocument(rel_path, text, digest, fmt)
    return RawDocument(
        rel_path,
        text,
        digest,
        fmt,
        outlet=entry.outlet or "unknown",
        url=entry.url or None,
        language=entry.language or "und",
    )


def plan(
    raw_dir: Path,
    special: list[tuple[str, str]] | None = None,
) -> list[tuple[str, RegistryEntry | None]]:
    """The raw files to build, with their registry entries (None for a plain folder); entries
    that are not regular files go into `special` (path, reason)."""
    if not raw_dir.is_dir():
        raise InputError(str(raw_dir), "raw folder does not exist")
    files = list_raw_files(raw_dir, special)
    registry = read_registry(raw_dir)
    if registry is None:
        for f in files:
            outside = leaves_folder(raw_dir, f)
            if outside:
                raise InputError(
                    str(raw_dir / f), f"{outside}: a raw file must lie inside the raw folder"
                )
        return [(f, None) for f in files]
    registered = {e.path for e in registry}
    for e in registry:
        if not (raw_dir / e.path).is_file():
            what = (
                not_regular(str(raw_dir / e.path))
                if os.path.lexists(raw_dir / e.path)
                else "missing"
            )
            raise InputError(str(raw_dir / REGISTRY_NAME), f"registered file {e.path} is {what}")
    unregistered = [f for f in files if f not in registered]
    if unregistered:
        raise InputError(
            str(raw_dir / unregistered[0]),
            "raw file is not in the registry; register it with `corpus add`",
        )
    return [(e.path, e) for e in sorted(registry, key=lambda e: e.path)]
