"""Checks before a release: changelog entry, rights notes, and tables that a fresh build reproduces.

Each check returns the problems it finds as one line each; `corpus release` stops on any of them.
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import pyarrow.parquet as pq

from corpus.build import BuildOptions
from corpus.build.run import build
from corpus.collect import raw_registry
from corpus.dataset import metadata
from corpus.dataset.store import file_sha256, read_table, table_dir_name, table_files
from corpus.errors import InputError
from corpus.release import diff
from corpus.release.changelog import changelog_entry
from corpus.schema import ALL_TABLES
from corpus.validate import ValidationFailed


def changelog_problems(changelog: Path, version: str) -> list[str]:
    """The changelog must have a section for this version ('## [0.2.0] - 2026-12-01') that says
    something; an '[Unreleased]' section does not count."""
    if not changelog.is_file():
        return [f"{changelog}: no changelog"]
    try:
        entry = changelog_entry(changelog.read_text(encoding="utf-8"), version)
    except InputError as err:
        return [f"{changelog}: {err.message}; rename '[Unreleased]' to the version and date"]
    if len(entry.strip().splitlines()) < 2:
        return [f"{changelog}: the entry for {version} says nothing"]
    return []


def rights_problems(raw_dir: Path) -> list[str]:
    """Every registered raw file needs a rights note (its licence, or whose copyright it is)."""
    registry = raw_dir / raw_registry.REGISTRY_NAME
    if not registry.is_file():
        return [
            f"{registry}: no registry, so no rights note for any raw file (`corpus add --rights`)"
        ]
    try:
        raw_registry.read_registry(raw_dir)
    except InputError as err:
        return [str(err)]
    reader = csv.DictReader(io.StringIO(registry.read_text(encoding="utf-8")))
    return [
        f"{registry}:{reader.line_num}: {row['path']} has no rights note "
        "(fill in its `rights` cell)"
        for row in reader
        if not (row.get("rights") or "").strip()
    ]


def file_digests(folder: Path, name: str) -> dict[str, str]:
    path = folder / table_dir_name(name)
    if not path.exists():
        return {}
    return {f.relative_to(folder).as_posix(): file_sha256(f) for f in table_files(path)}


def version_problems(processed: Path, version: str) -> list[str]:
    """The tables must carry the version being released in their Parquet metadata."""
    problems = []
    for name in ALL_TABLES:
        path = processed / table_dir_name(name)
        for f in table_files(path)[:1] if path.exists() else []:
            stamped = (pq.read_schema(f).metadata or {}).get(b"dataset_version", b"").decode()
            if stamped != version:
                problems.append(
                    f"{f}: built as version {stamped or '(none)'}, releasing {version}: rebuild"
                )
    return problems


def build_problems(processed: Path, raw_dir: Path, project: Path, jobs: int = 1) -> list[str]:
    """Build raw_dir afresh into a temporary folder; every table of processed must equal it byte for
    byte. A differing table is named with its rows added, removed and changed."""
    with tempfile.TemporaryDirectory(prefix="corpus-preflight-") as tmp:
        fresh = Path(tmp) / "fresh"
        try:
            result = build(
                BuildOptions(raw_dir, fresh, jobs=jobs, citation=project / "CITATION.cff")
            )
        except InputError as err:
            return [f"the raw folder does not build: {err}"]
        except ValidationFailed as err:
            return [f"a fresh build of {raw_dir} fails validation: {err}"]
        if result.skipped:
            return [f"a fresh build of {raw_dir} skipped {len(result.skipped)} raw files"]
        problems = []
        for name, table in ALL_TABLES.items():
            if file_digests(processed, name) == file_digests(fresh, name):
                continue
            where = processed / table_dir_name(name)
            if not where.exists():
                problems.append(f"{where}: missing; a fresh build of {raw_dir} has it")
                continue
            d = diff.table_diff(table, read_table(where), read_table(fresh / table_dir_name(name)))
            verbs = {"added": "add", "removed": "remove", "changed": "change"}
            rows = ", ".join(f"{verbs[k]} {d[k]}" for k in verbs if d[k])
            rows = (
                f"rebuilding would {rows} rows"
                if rows
                else "same rows, other bytes: metadata, parts or writer"
            )
            problems.append(
                f"{where}: differs from a fresh build of {raw_dir} ({rows}): "
                f"`corpus build --raw {raw_dir} --out {processed}`"
            )
        return problems


def preflight(processed: Path, raw_dir: Path, version: str, root: Path, jobs: int = 1) -> list[str]:
    """Every reason not to release processed as version: CITATION.cff's version, the changelog
    entry, rights notes, the version stamped in the tables, and a fresh build of raw_dir."""
    problems = []
    citation = root / "CITATION.cff"
    if not citation.is_file():
        problems.append(f"{citation}: no citation file")
    elif str(metadata.read_citation(citation).get("version")) != version:
        found = metadata.read_citation(citation).get("version")
        problems.append(f"{citation}: version {found} is not the version released, {version}")
    problems += changelog_problems(root / "CHANGELOG.md", version)
    problems += rights_problems(raw_dir)
    problems += version_problems(processed, version)
    return problems + build_problems(processed, raw_dir, root, jobs)
