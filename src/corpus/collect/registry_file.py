"""Writing the registry of a raw folder: its CSV text, written in one step, keeping the columns
it was written with (`corpus add` never rewrites a header), gaining columns once, with a
warning, when a row needs them."""

from __future__ import annotations

import csv
import io
import logging
import os
import tempfile
from pathlib import Path

from corpus.collect.raw_registry import (
    FETCH_FIELDS,
    REGISTRY_FIELDS,
    REGISTRY_NAME,
    RIGHTS_FIELDS,
    RegistryEntry,
)

log = logging.getLogger(__name__)


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


def registry_header(raw_dir: Path) -> list[str] | None:
    """The column names of the folder's registry as written, or None when it has none."""
    path = raw_dir / REGISTRY_NAME
    if not path.is_file():
        return None
    with open(path, encoding="utf-8-sig", newline="") as registry:
        return next(csv.reader(registry), [])


def registry_columns(
    header: list[str] | None, entries: list[RegistryEntry]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The columns to write a registry with, and those of them it gains. A registry keeps its
    columns in its order; it gains a group of known columns (the required ones, a fetched page's
    provenance) only when the group is required or a row has a value in it, so that `corpus add`
    never rewrites a header. A new registry gets every column."""
    known = REGISTRY_FIELDS + FETCH_FIELDS + RIGHTS_FIELDS
    if header is None:
        return known, ()
    kept = [c for c in header if c in known]
    added: list[str] = []
    for group, required in ((REGISTRY_FIELDS, True), (FETCH_FIELDS, False), (RIGHTS_FIELDS, False)):
        if required or any(getattr(e, c) for e in entries for c in group):
            added += [c for c in group if c not in kept]
    return tuple(kept + added), tuple(added)


def write_registry(raw_dir: Path, entries: list[RegistryEntry]) -> tuple[str, ...]:
    """Replace the folder's registry in one step (a temporary file renamed over it), keeping its
    columns; returns the columns it gained (a one-time migration, logged)."""
    columns, added = registry_columns(registry_header(raw_dir), entries)
    fd, temp = tempfile.mkstemp(prefix=f".{REGISTRY_NAME}-", suffix=".tmp", dir=raw_dir)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(registry_text(entries, columns))
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, raw_dir / REGISTRY_NAME)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    if added:
        log.warning(
            "%s: added the columns %s (once; older rows leave them empty)",
            raw_dir / REGISTRY_NAME,
            ", ".join(added),
        )
    return added
