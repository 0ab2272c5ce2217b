"""The raw files a build reads: which ones (`plan`: the folder's files, held to its registry when
it has one), and each read as a RawDocument, its bytes checked against its registry entry."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from corpus.collect.raw_folder import list_raw_files, not_regular, read_regular
from corpus.collect.raw_registry import REGISTRY_NAME, RegistryEntry, leaves_folder, read_registry
from corpus.collect.raw_text import decode, detect_format, sha256_of
from corpus.errors import InputError


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
