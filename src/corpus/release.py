"""Releases: a versioned folder and byte-reproducible zip, verification, and fetching by version."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import zipfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from corpus import coverage, metadata, quarantine, raw
from corpus.errors import InputError
from corpus.schema import ALL_TABLES
from corpus.store import (CHECKSUMS_NAME, checksum_lines, count_rows, file_sha256, live_folder,
                          merge_parts, read_table, table_dir_name)

REPO_ROOT = Path(__file__).resolve().parents[2]
RELEASE_NAME = "liveblog-corpus"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can hold: no wall-clock time in the archive
RELEASE_URL_ENV = "CORPUS_RELEASE_URL"
CACHE_ENV = "CORPUS_CACHE"
REGISTRY_FILE = Path(__file__).parent / "releases.txt"  # "<zip name> <sha256>" per published release
CHANGES_NAME, CHANGES_JSON_NAME = "CHANGES.md", "changes.json"
FIRST_RELEASE = ("No earlier release was found beside this one or given with `--previous`: "
                 "there is nothing to compare with.")


def changelog_entry(changelog: str, version: str) -> str:
    """The CHANGELOG section of one version ('## [0.1.0] - 2026-11-24' up to the next '## ')."""
    m = re.search(rf"^## \[{re.escape(version)}\].*?(?=^## |\Z)", changelog, re.MULTILINE | re.DOTALL)
    if m is None:
        raise InputError("CHANGELOG.md", f"no entry for version {version} ('## [{version}] - YYYY-MM-DD')")
    return m.group(0).strip() + "\n"


def data_card(version: str, citation: dict, processed: Path, raw_dir: Path,
              root: Path = REPO_ROOT) -> str:
    """The release README: what, how to cite, tables and codebook, sources and rights, validation, limits."""
    counts = {n: count_rows(processed / table_dir_name(n)) for n in ALL_TABLES}
    summary = json.loads((processed / "validation.json").read_text(encoding="utf-8"))
    left_out = processed / quarantine.REPORT_NAME
    n_left_out = json.loads(left_out.read_text(encoding="utf-8"))["n_quarantined"] \
        if left_out.is_file() else 0
    blog_outlets = read_table(processed / table_dir_name("blogs"))["outlet"].to_pylist()
    sources = raw.read_registry(raw_dir) or []
    lines = [f"# {citation['title']} — version {version}", "", citation["abstract"].strip(), "",
             "## How to cite", "", "```", metadata.cite(citation, "apa").strip(), "```", "",
             "BibTeX and CFF: `corpus cite --format bibtex|cff`, or `CITATION.cff` in this folder.", "",
             "## Tables", "", "| table | rows |", "|---|---|", *[f"| `{n}` | {c} |" for n, c in counts.items()],
             "", "Load with `corpus.load(\"figures\", path=\"<this folder or its zip>\")`, or any Parquet "
             "reader. Machine-readable descriptions: `datapackage.json` (Frictionless) and "
             "`croissant.json` (MLCommons Croissant).", "",
             *coverage.card_section(read_table(processed / coverage.FILE_NAME), blog_outlets,
                                    n_left_out),
             "## Changes since the previous release", "",
             "`CHANGES.md` counts the rows added, removed and changed per table; "
             "`changes.json` lists them by key (`corpus diff OLD NEW` compares any two "
             "releases).", "",
             "## Codebook", "", metadata.codebook(),
             "## Sources and rights", "", metadata.RIGHTS_STATEMENT, "",
             "| raw file | outlet | url | retrieved | format | rights |",
             "|---|---|---|---|---|---|",
             *[f"| `{s.path}` | {s.outlet} | {s.url} | {s.retrieved_date} | {s.format} | {s.rights} |"
               for s in sources], "",
             "## Validation", "",
             f"{summary['n_checks']} checks (Great Expectations suites generated from the schema, plus cross-table "
             f"rules), {summary['n_failed']} failed. Details: `validation.json`; raw files the build left "
             "out (unreadable, duplicates, failing their own checks): `quarantine.json`.", "",
             "## Known limitations", "", known_limitations(root), ""]
    return "\n".join(lines)


def known_limitations(root: Path) -> str:
    return (root / "docs" / "known-limitations.md").read_text(encoding="utf-8").strip()


def deterministic_zip(folder: Path, target: Path) -> None:
    """Zip folder under its own name with sorted entries, fixed times and permissions."""
    with zipfile.ZipFile(target, "w") as zf:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{folder.name}/{path.relative_to(folder).as_posix()}", ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            zf.writestr(info, path.read_bytes(), compresslevel=9)


def make_release(processed: Path, out: Path, version: str, raw_dir: Path,
                 previous: Path | None = None, root: Path | None = None, jobs: int = 1,
                 ) -> tuple[Path, Path]:
    """out/liveblog-corpus-<version>/ and its zip, from a validated data folder, once the preflight
    passes. CHANGES.md and changes.json compare it with `previous` (default: the latest earlier
    version in out). A version already in out is never replaced by different contents.
    `root` (default: the repository) holds CITATION.cff, CHANGELOG.md and
    docs/known-limitations.md."""
    from corpus.preflight import preflight

    root = REPO_ROOT if root is None else root
    problems = verify(processed) + preflight(processed, raw_dir, version, root, jobs)
    if problems:
        raise InputError(str(processed), f"not released as {version}, {len(problems)} problem(s):"
                         + "".join(f"\n  - {p}" for p in problems))
    out.mkdir(parents=True, exist_ok=True)
    previous = previous if previous is not None else previous_release(out, version)
    name = f"{RELEASE_NAME}-{version}"
    with tempfile.TemporaryDirectory(prefix=".release-", dir=out) as tmp:
        staging = Path(tmp) / name
        write_release(staging, live_folder(processed), version, raw_dir, previous, root)
        deterministic_zip(staging, Path(tmp) / f"{name}.zip")
        return place(Path(tmp), out, name, version)


def write_release(folder: Path, processed: Path, version: str, raw_dir: Path, previous: Path | None,
                  root: Path) -> None:
    """Every file of a release into folder: tables, metadata, citation, changelog entry, changes."""
    from corpus import croissant, diff

    folder.mkdir(parents=True)
    for table in ALL_TABLES:  # one file per table: what data portals and Frictionless tools expect
        merge_parts(processed / table_dir_name(table), folder / f"{table}.parquet")
    shutil.copyfile(processed / "validation.json", folder / "validation.json")
    if (processed / quarantine.REPORT_NAME).is_file():  # the raw files the build left out, and why
        shutil.copyfile(processed / quarantine.REPORT_NAME, folder / quarantine.REPORT_NAME)
    one_file = {t: [f"{t}.parquet"] for t in ALL_TABLES}
    digests = {name: file_sha256(folder / name) for [name] in one_file.values()}
    citation = metadata.read_citation(root / "CITATION.cff")
    (folder / metadata.DATAPACKAGE_NAME).write_text(metadata.datapackage_json(one_file, digests, version, citation),
                                                    encoding="utf-8")
    (folder / croissant.CROISSANT_NAME).write_text(croissant.croissant_json(
        one_file, digests, version, citation, raw.read_registry(raw_dir) or [],
        known_limitations(root)), encoding="utf-8")
    shutil.copyfile(root / "CITATION.cff", folder / "CITATION.cff")
    changelog = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    (folder / "CHANGELOG.md").write_text(changelog_entry(changelog, version), encoding="utf-8")
    if previous is None:
        changes = {"old": None, "new": {"name": folder.name, "version": version}, "tables": {}}
        text = f"# Changes in {folder.name}\n\n{FIRST_RELEASE}\n"
    else:
        changes = diff.diff_releases(previous, folder)
        text = diff.render(changes, "markdown")
    (folder / CHANGES_NAME).write_text(text, encoding="utf-8")
    (folder / CHANGES_JSON_NAME).write_text(diff.render(changes, "json"), encoding="utf-8")
    card = data_card(version, citation, processed, raw_dir, root)
    (folder / "README.md").write_text(card, encoding="utf-8")
    digests |= {p.name: file_sha256(p) for p in folder.iterdir() if p.name not in digests}  # tables hashed once
    (folder / CHECKSUMS_NAME).write_text(checksum_lines(digests), encoding="utf-8")


def previous_release(out: Path, version: str) -> Path | None:
    """The release folder (else zip) in out with the highest version below `version`."""
    from packaging.version import InvalidVersion, Version

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
    return {p.relative_to(folder).as_posix(): file_sha256(p)
            for p in folder.rglob("*") if p.is_file()}


def place(staging: Path, out: Path, name: str, version: str) -> tuple[Path, Path]:
    """Move the staged folder and zip into out; an existing copy must be identical, else
    nothing moves."""
    folder, archive = out / name, out / f"{name}.zip"
    differing = []
    if folder.exists():
        old, new = folder_digests(folder), folder_digests(staging / name)
        differing += sorted((n for n in old.keys() | new.keys() if old.get(n) != new.get(n)),
                            key=lambda n: (not n.endswith(".parquet"), n))  # tables first
    if archive.exists() and archive.read_bytes() != (staging / archive.name).read_bytes():
        differing.append(archive.name)
    if differing:
        more = ", ..." if len(differing) > 6 else ""
        raise InputError(str(out / name), f"already holds version {version} with "
                         f"different contents ({', '.join(differing[:6])}{more}): a released "
                         "version is never overwritten; bump the version (pyproject.toml, "
                         "CITATION.cff, CHANGELOG.md), rebuild and release again")
    for target in (folder, archive):
        if not target.exists():
            (staging / target.name).rename(target)
    return folder, archive


MAX_EXPANSION = 100  # a zip member may expand this many times its compressed size...
MAX_EXPANDED_BYTES = 64_000_000  # ...unless it is smaller than this
MAX_TOTAL_BYTES = 16_000_000_000  # and a release zip holds at most this much


class ReleaseFiles:
    """Read access to the files of a release folder, a data folder or a release zip."""

    def __init__(self, path: Path):
        self.path = path = live_folder(path) if path.is_dir() else path
        self.zip = zipfile.ZipFile(path) if path.is_file() else None
        if self.zip is not None:
            tops = {n.split("/")[0] for n in self.zip.namelist()}
            self.prefix = f"{tops.pop()}/" if len(tops) == 1 else ""

    def names(self) -> list[str]:
        if self.zip is not None:
            return sorted(n[len(self.prefix):] for n in self.zip.namelist() if not n.endswith("/"))
        return sorted(p.relative_to(self.path).as_posix() for p in self.path.rglob("*") if p.is_file())

    def bomb(self) -> str | None:
        """Why unpacking this zip would be a zip bomb (a member expanding far beyond its size),
        from its directory alone; None when it is not one (or not a zip)."""
        if self.zip is None:
            return None
        total = 0
        for info in self.zip.infolist():
            total += info.file_size
            if info.file_size > MAX_EXPANDED_BYTES and \
                    info.file_size > MAX_EXPANSION * max(1, info.compress_size):
                return (f"{info.filename} expands {info.compress_size:,} bytes to "
                        f"{info.file_size:,}: a zip bomb, not unpacked")
        if total > MAX_TOTAL_BYTES:
            return f"its members expand to {total:,} bytes: a zip bomb, not unpacked"
        return None

    def read(self, name: str) -> bytes:
        if self.zip is not None:
            return self.zip.read(self.prefix + name)  # at most the member's declared size
        return (self.path / name).read_bytes()

    def checksums(self) -> dict[str, str]:
        """SHA256SUMS as file name -> sha256."""
        lines = self.read(CHECKSUMS_NAME).decode().splitlines()
        return dict(reversed(line.split("  ", 1)) for line in lines)

    def table_names(self, name: str) -> list[str]:
        """The files of a table: `<name>.parquet`, or the part files in its folder (in key order)."""
        folder = f"{table_dir_name(name)}/"
        return [n for n in self.names() if n == table_dir_name(name) or (n.startswith(folder) and n.endswith(".parquet"))]

    def table(self, name: str, check: bool = False) -> pa.Table:
        """A table; with check, each of its files is first checked against SHA256SUMS."""
        files = self.table_names(name)
        if not files:
            raise InputError(str(self.path), f"no {table_dir_name(name)} here")
        bomb = self.bomb()
        if bomb:
            raise InputError(str(self.path), bomb)
        listed = self.listed() if check else {}
        parts = []
        for f in files:
            data = self.read(f)
            if check and hashlib.sha256(data).hexdigest() != listed.get(f):
                said = "is not listed in" if f not in listed else "has a sha256 differing from"
                raise InputError(f"{self.path}/{f}", f"{said} {CHECKSUMS_NAME}: changed since it "
                                 "was built (load(..., check=False) reads it anyway)")
            parts.append(pq.read_table(pa.BufferReader(data)))
        return pa.concat_tables(parts)

    def listed(self) -> dict[str, str]:
        try:
            return self.checksums()
        except (KeyError, FileNotFoundError, ValueError):
            raise InputError(str(self.path), f"no readable {CHECKSUMS_NAME} to check the table "
                             "against (load(..., check=False) reads it anyway)") from None


def verify(path: Path) -> list[str]:
    """Problems of a release (folder or zip) or data folder: checksums, then each table's schema."""
    if not path.exists():
        return [f"{path}: no such file or folder"]
    try:
        files = ReleaseFiles(path)
        bomb = files.bomb()
        if bomb:
            return [f"{path}: {bomb}"]
        listed = files.checksums()
    except (KeyError, FileNotFoundError, zipfile.BadZipFile, ValueError) as exc:
        return [f"{path}: no readable {CHECKSUMS_NAME} ({type(exc).__name__})"]
    problems = []
    present = set(files.names()) - {CHECKSUMS_NAME}
    for name, digest in sorted(listed.items()):
        if name not in present:
            problems.append(f"{name}: missing")
        else:
            try:
                data = files.read(name)
            except (zipfile.BadZipFile, OSError, ValueError) as exc:
                problems.append(f"{name}: unreadable ({type(exc).__name__})")
                continue
            if hashlib.sha256(data).hexdigest() != digest:
                problems.append(f"{name}: sha256 differs from {CHECKSUMS_NAME}")
    problems += [f"{name}: not listed in {CHECKSUMS_NAME}" for name in sorted(present - set(listed))
                 if not name.startswith("validation/")]
    for table_name, table in ALL_TABLES.items():
        for name in files.table_names(table_name):
            if not any(p.startswith(f"{name}:") for p in problems):
                try:
                    schema = pq.read_schema(pa.BufferReader(files.read(name)))
                except (pa.ArrowException, OSError, ValueError) as exc:
                    problems.append(f"{name}: not a readable Parquet file ({type(exc).__name__})")
                    continue
                if not schema.equals(table.arrow_schema(), check_metadata=False):
                    problems.append(f"{name}: schema differs from the declaration in schema.py")
    return problems


def release_registry() -> dict[str, str]:
    """Published releases: zip file name -> sha256 (from releases.txt)."""
    rows = csv.reader(io.StringIO(REGISTRY_FILE.read_text(encoding="utf-8")), delimiter=" ")
    return {r[0]: r[1] for r in rows if r and not r[0].startswith("#")}


def fetch(version: str, base_url: str | None = None, registry: dict[str, str] | None = None) -> Path:
    """The zip of a published release, downloaded once with pooch, its sha256 checked."""
    import pooch

    registry = release_registry() if registry is None else registry
    name = f"{RELEASE_NAME}-{version}.zip"
    if name not in registry:
        known = ", ".join(sorted(registry)) or "none yet"
        raise InputError(name, f"version {version} is not a published release (published: {known})")
    base_url = base_url or os.environ.get(RELEASE_URL_ENV)
    if not base_url:
        raise InputError(name, f"no release URL: set {RELEASE_URL_ENV} to the folder holding {name}")
    cache = Path(os.environ.get(CACHE_ENV) or pooch.os_cache(RELEASE_NAME))
    fetcher = pooch.create(path=cache, base_url=base_url.rstrip("/") + "/",
                           registry={name: f"sha256:{registry[name]}"})
    try:
        return Path(fetcher.fetch(name))
    except ValueError as exc:  # pooch's hash mismatch
        raise InputError(name, f"download refused: {exc}") from None
