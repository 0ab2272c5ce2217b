"""Releases: a versioned folder and byte-reproducible zip, verification, and fetching by version."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
import zipfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from corpus import metadata, raw
from corpus.errors import InputError
from corpus.schema import TABLES
from corpus.store import CHECKSUMS_NAME, checksum_lines, count_rows, file_sha256, merge_parts, table_dir_name

REPO_ROOT = Path(__file__).resolve().parents[2]
RELEASE_NAME = "liveblog-corpus"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can hold: no wall-clock time in the archive
RELEASE_URL_ENV = "CORPUS_RELEASE_URL"
CACHE_ENV = "CORPUS_CACHE"
REGISTRY_FILE = Path(__file__).parent / "releases.txt"  # "<zip name> <sha256>" per published release


def changelog_entry(changelog: str, version: str) -> str:
    """The CHANGELOG section of one version ('## [0.1.0] - 2026-11-24' up to the next '## ')."""
    m = re.search(rf"^## \[{re.escape(version)}\].*?(?=^## |\Z)", changelog, re.MULTILINE | re.DOTALL)
    if m is None:
        raise InputError("CHANGELOG.md", f"no entry for version {version} ('## [{version}] - YYYY-MM-DD')")
    return m.group(0).strip() + "\n"


def data_card(version: str, citation: dict, processed: Path, raw_dir: Path) -> str:
    """The release README: what, how to cite, tables and codebook, sources and rights, validation, limits."""
    counts = {n: count_rows(processed / table_dir_name(n)) for n in TABLES}
    summary = json.loads((processed / "validation.json").read_text(encoding="utf-8"))
    sources = raw.read_registry(raw_dir) or []
    limits = (REPO_ROOT / "docs" / "known-limitations.md").read_text(encoding="utf-8").strip()
    lines = [f"# {citation['title']} — version {version}", "", citation["abstract"].strip(), "",
             "## How to cite", "", "```", metadata.cite(citation, "apa").strip(), "```", "",
             "BibTeX and CFF: `corpus cite --format bibtex|cff`, or `CITATION.cff` in this folder.", "",
             "## Tables", "", "| table | rows |", "|---|---|", *[f"| `{n}` | {c} |" for n, c in counts.items()],
             "", "Load with `corpus.load(\"figures\", path=\"<this folder or its zip>\")`, or any Parquet "
             "reader.", "", "## Codebook", "", metadata.codebook(),
             "## Sources and rights", "", metadata.RIGHTS_STATEMENT, "",
             "| raw file | outlet | url | retrieved | format | rights |",
             "|---|---|---|---|---|---|",
             *[f"| `{s.path}` | {s.outlet} | {s.url} | {s.retrieved_date} | {s.format} | {s.rights} |"
               for s in sources], "",
             "## Validation", "",
             f"{summary['n_checks']} checks (Great Expectations suites generated from the schema, plus cross-table "
             f"rules), {summary['n_failed']} failed. Details: `validation.json`.", "",
             "## Known limitations", "", limits, ""]
    return "\n".join(lines)


def deterministic_zip(folder: Path, target: Path) -> None:
    """Zip folder under its own name with sorted entries, fixed times and permissions."""
    with zipfile.ZipFile(target, "w") as zf:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{folder.name}/{path.relative_to(folder).as_posix()}", ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            zf.writestr(info, path.read_bytes(), compresslevel=9)


def make_release(processed: Path, out: Path, version: str, raw_dir: Path) -> tuple[Path, Path]:
    """dist/liveblog-corpus-<version>/ and its zip, from a validated data/processed."""
    problems = verify(processed)
    if problems:
        raise InputError(str(processed), "tables do not match their checksums or schema: " + "; ".join(problems))
    citation = metadata.read_citation(REPO_ROOT / "CITATION.cff")
    if str(citation["version"]) != version:
        raise InputError("CITATION.cff", f"version {citation['version']} is not the package's {version}")
    folder = out / f"{RELEASE_NAME}-{version}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for table in TABLES:  # one file per table: what data portals and Frictionless tools expect
        merge_parts(processed / table_dir_name(table), folder / f"{table}.parquet")
    shutil.copyfile(processed / "validation.json", folder / "validation.json")
    one_file = {t: [f"{t}.parquet"] for t in TABLES}
    digests = {name: file_sha256(folder / name) for [name] in one_file.values()}
    (folder / metadata.DATAPACKAGE_NAME).write_text(metadata.datapackage_json(one_file, digests, version, citation),
                                                    encoding="utf-8")
    shutil.copyfile(REPO_ROOT / "CITATION.cff", folder / "CITATION.cff")
    changelog = (REPO_ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    (folder / "CHANGELOG.md").write_text(changelog_entry(changelog, version), encoding="utf-8")
    (folder / "README.md").write_text(data_card(version, citation, processed, raw_dir), encoding="utf-8")
    digests |= {p.name: file_sha256(p) for p in folder.iterdir() if p.name not in digests}  # tables hashed once
    (folder / CHECKSUMS_NAME).write_text(checksum_lines(digests), encoding="utf-8")
    archive = out / f"{folder.name}.zip"
    deterministic_zip(folder, archive)
    return folder, archive


class ReleaseFiles:
    """Read access to the files of a release folder, a data folder or a release zip."""

    def __init__(self, path: Path):
        self.path = path
        self.zip = zipfile.ZipFile(path) if path.is_file() else None
        if self.zip is not None:
            tops = {n.split("/")[0] for n in self.zip.namelist()}
            self.prefix = f"{tops.pop()}/" if len(tops) == 1 else ""

    def names(self) -> list[str]:
        if self.zip is not None:
            return sorted(n[len(self.prefix):] for n in self.zip.namelist() if not n.endswith("/"))
        return sorted(p.relative_to(self.path).as_posix() for p in self.path.rglob("*") if p.is_file())

    def read(self, name: str) -> bytes:
        if self.zip is not None:
            return self.zip.read(self.prefix + name)
        return (self.path / name).read_bytes()

    def table_names(self, name: str) -> list[str]:
        """The files of a table: `<name>.parquet`, or the part files in its folder (in key order)."""
        folder = f"{table_dir_name(name)}/"
        return [n for n in self.names() if n == table_dir_name(name) or (n.startswith(folder) and n.endswith(".parquet"))]

    def table(self, name: str) -> pa.Table:
        files = self.table_names(name)
        if not files:
            raise InputError(str(self.path), f"no {table_dir_name(name)} here")
        return pa.concat_tables([pq.read_table(pa.BufferReader(self.read(f))) for f in files])


def verify(path: Path) -> list[str]:
    """Problems of a release (folder or zip) or data folder: checksums, then each table's schema."""
    if not path.exists():
        return [f"{path}: no such file or folder"]
    try:
        files = ReleaseFiles(path)
        listed = dict(reversed(line.split("  ", 1)) for line in files.read(CHECKSUMS_NAME).decode().splitlines())
    except (KeyError, FileNotFoundError, zipfile.BadZipFile, ValueError) as exc:
        return [f"{path}: no readable {CHECKSUMS_NAME} ({type(exc).__name__})"]
    problems = []
    present = set(files.names()) - {CHECKSUMS_NAME}
    for name, digest in sorted(listed.items()):
        if name not in present:
            problems.append(f"{name}: missing")
        elif hashlib.sha256(files.read(name)).hexdigest() != digest:
            problems.append(f"{name}: sha256 differs from {CHECKSUMS_NAME}")
    problems += [f"{name}: not listed in {CHECKSUMS_NAME}" for name in sorted(present - set(listed))
                 if not name.startswith("validation/")]
    for table_name, table in TABLES.items():
        for name in files.table_names(table_name):
            if not any(p.startswith(f"{name}:") for p in problems):
                schema = pq.read_schema(pa.BufferReader(files.read(name)))
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
