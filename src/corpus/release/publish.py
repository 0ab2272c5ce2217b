"""A release: a versioned folder and byte-reproducible zip of a validated data folder, with its
metadata, citation, changelog entry, data card and the changes since the previous release."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import zipfile
from pathlib import Path

from packaging.version import InvalidVersion, Version

from corpus.build import quarantine
from corpus.collect import raw_registry
from corpus.dataset import metadata
from corpus.dataset.releases import RELEASE_NAME, verify
from corpus.dataset.store import (
    CHECKSUMS_NAME,
    checksum_lines,
    file_sha256,
    live_folder,
    merge_parts,
    read_table,
    table_dir_name,
    write_parquet,
)
from corpus.errors import InputError
from corpus.release import croissant, diff, diff_report, sources
from corpus.release.card import data_card, known_limitations
from corpus.release.changelog import changelog_entry
from corpus.release.preflight import preflight
from corpus.release.record import record_problem, record_release, tables_digest
from corpus.schema import ALL_TABLES, ENTRIES, text_free_schema

ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can hold: no wall-clock time in the archive
CHANGES_NAME, CHANGES_JSON_NAME = "CHANGES.md", "changes.json"
FIRST_RELEASE = (
    "No earlier release was found beside this one or given with `--previous`: "
    "there is nothing to compare with."
)


def deterministic_zip(folder: Path, target: Path) -> None:
    """Zip folder under its own name with sorted entries, fixed times and permissions."""
    with zipfile.ZipFile(target, "w") as zf:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{folder.name}/{path.relative_to(folder).as_posix()}", ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            zf.writestr(info, path.read_bytes(), compresslevel=9)


def make_release(
    processed: Path,
    out: Path,
    version: str,
    raw_dir: Path,
    project: Path,
    previous: Path | None = None,
    jobs: int = 1,
    text_free: bool = False,
) -> tuple[Path, Path]:
    """out/liveblog-corpus-<version>/ and its zip, from a validated data folder, once the preflight
    passes. CHANGES.md and changes.json compare it with `previous` (default: the latest earlier
    version in out). A version already in out is never replaced by different contents, nor
    released anew, into any folder, with other tables than `project`'s RELEASES.txt records.
    `project` (the folder the command runs in, by default) holds CITATION.cff, CHANGELOG.md,
    RELEASES.txt and docs/known-limitations.md. Blogs whose text may not be republished (every
    blog with text_free) are released without it (release/sources.py)."""
    problems = verify(processed) + preflight(processed, raw_dir, version, project, jobs)
    if problems:
        raise InputError(
            str(processed),
            f"not released as {version}, {len(problems)} problem(s):",
            details=tuple(problems),
        )
    out.mkdir(parents=True, exist_ok=True)
    previous = previous if previous is not None else previous_release(out, version)
    name = f"{RELEASE_NAME}-{version}"
    with tempfile.TemporaryDirectory(prefix=".release-", dir=out) as tmp:
        staging = Path(tmp) / name
        write_release(
            staging, live_folder(processed), version, raw_dir, previous, project, text_free
        )
        deterministic_zip(staging, Path(tmp) / f"{name}.zip")
        # the built tables, whatever rendering (with text, or text-free) is released
        digest = tables_digest(folder_digests(live_folder(processed)))
        placed = place(Path(tmp), out, name, version, record_problem(project, version, digest))
        record_release(project, version, digest)
        return placed


def write_release(
    folder: Path,
    processed: Path,
    version: str,
    raw_dir: Path,
    previous: Path | None,
    root: Path,
    text_free: bool = False,
) -> None:
    """Every file of a release into folder: tables, sources and text digests, metadata,
    citation, changelog entry, changes."""
    folder.mkdir(parents=True)
    for table in ALL_TABLES:  # one file per table: what data portals and Frictionless tools expect
        merge_parts(processed / table_dir_name(table), folder / f"{table}.parquet")
    source_rows = write_sources(folder, raw_dir, text_free)
    shutil.copyfile(processed / "validation.json", folder / "validation.json")
    if (processed / quarantine.REPORT_NAME).is_file():  # the raw files the build left out, and why
        shutil.copyfile(processed / quarantine.REPORT_NAME, folder / quarantine.REPORT_NAME)
    one_file = {t: [f"{t}.parquet"] for t in ALL_TABLES}
    digests = {name: file_sha256(folder / name) for [name] in one_file.values()}
    citation = metadata.read_citation(root / "CITATION.cff")
    package = sources.note_text_free(
        metadata.datapackage(one_file, digests, version, citation), source_rows
    )
    (folder / metadata.DATAPACKAGE_NAME).write_text(
        json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (folder / croissant.CROISSANT_NAME).write_text(
        croissant.croissant_json(
            one_file,
            digests,
            version,
            citation,
            raw_registry.read_registry(raw_dir) or [],
            known_limitations(root),
            text_note=sources.description_note(source_rows),
        ),
        encoding="utf-8",
    )
    shutil.copyfile(root / "CITATION.cff", folder / "CITATION.cff")
    changelog = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    (folder / "CHANGELOG.md").write_text(changelog_entry(changelog, version), encoding="utf-8")
    if previous is None:
        changes = {"old": None, "new": {"name": folder.name, "version": version}, "tables": {}}
        text = f"# Changes in {folder.name}\n\n{FIRST_RELEASE}\n"
    else:
        changes = diff.diff_releases(previous, folder)
        text = diff_report.render(changes, "markdown")
    (folder / CHANGES_NAME).write_text(text, encoding="utf-8")
    (folder / CHANGES_JSON_NAME).write_text(diff_report.render(changes, "json"), encoding="utf-8")
    card = data_card(
        version, citation, processed, raw_dir, root, text_lines=sources.card_section(source_rows)
    )
    (folder / "README.md").write_text(card, encoding="utf-8")
    digests |= {
        p.name: file_sha256(p) for p in folder.iterdir() if p.name not in digests
    }  # tables hashed once
    (folder / CHECKSUMS_NAME).write_text(checksum_lines(digests), encoding="utf-8")


def write_sources(folder: Path, raw_dir: Path, text_free: bool) -> list[dict[str, str]]:
    """sources.csv and text_digests.csv beside the merged tables; the text of text-free blogs
    removed from entries.parquet (rewritten only when a blog is text-free)."""
    rows = sources.source_rows(read_table(folder / "blogs.parquet"), raw_dir, text_free)
    entries = read_table(folder / "entries.parquet")
    (folder / sources.SOURCES_NAME).write_text(sources.sources_csv(rows), encoding="utf-8")
    (folder / sources.TEXT_DIGESTS_NAME).write_text(sources.digests_csv(entries), encoding="utf-8")
    free = sources.text_free_ids(rows)
    if free:
        schema = text_free_schema(ENTRIES).with_metadata(entries.schema.metadata)
        write_parquet(sources.without_text(entries, free, schema), folder / "entries.parquet")
    return rows


def previous_release(out: Path, version: str) -> Path | None:
    """The release folder (else zip) in out with the highest version below `version`."""
    found: dict = {}
    for path in sorted(out.iterdir()) if out.is_dir() else []:
        m = re.fullmatch(rf"{re.escape(RELEASE_NAME)}-(.+?)(\.zip)?", path.name)
        if m is None or (path.is_file() != bool(m.group(2))):
            continue
        try:
            found.setdefault(Version(m.group(1)), []).append(path)
        except InvalidVersion:
            continue
    earlier = [v for v in found if v < Version(version)]
    return min(found[max(earlier)], key=lambda p: p.is_file()) if earlier else None


def folder_digests(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): file_sha256(p) for p in folder.rglob("*") if p.is_file()
    }


def place(
    staging: Path, out: Path, name: str, version: str, unrecorded: str | None = None
) -> tuple[Path, Path]:
    """Move the staged folder and zip into out; an existing copy must be identical, and the
    version's record agree (`unrecorded` says why not), else nothing moves."""
    folder, archive = out / name, out / f"{name}.zip"
    differing = []
    if folder.exists():
        old, new = folder_digests(folder), folder_digests(staging / name)
        differing += sorted(
            (n for n in old.keys() | new.keys() if old.get(n) != new.get(n)),
            key=lambda n: (not n.endswith(".parquet"), n),
        )  # tables first
    if archive.exists() and archive.read_bytes() != (staging / archive.name).read_bytes():
        differing.append(archive.name)
    if differing:
        more = ", ..." if len(differing) > 6 else ""
        raise InputError(
            str(out / name),
            f"already holds version {version} with "
            f"different contents ({', '.join(differing[:6])}{more}): a released "
            "version is never overwritten; bump the version (pyproject.toml, "
            "CITATION.cff, CHANGELOG.md), rebuild and release again",
        )
    if unrecorded:
        raise InputError(str(out / name), unrecorded)
    for target in (folder, archive):
        if not target.exists():
            (staging / target.name).rename(target)
    return folder, archive
