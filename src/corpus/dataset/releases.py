"""Read access to built data folders and releases (folder or zip): files, checksums, tables;
`verify`, and `fetch` of a published release by version (downloaded once, its sha256 checked)."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import zipfile
import zlib
from importlib import resources
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from corpus.dataset.store import CHECKSUMS_NAME, live_folder, table_dir_name
from corpus.errors import InputError
from corpus.schema import ALL_TABLES, text_free_schema

RELEASE_NAME = "liveblog-corpus"
RELEASE_URL_ENV = "CORPUS_RELEASE_URL"
CACHE_ENV = "CORPUS_CACHE"
REGISTRY_NAME = (
    "releases.txt"  # "<zip name> <sha256>" per published release, shipped in the package
)


MAX_EXPANSION = 100  # a zip member may expand this many times its compressed size...
MAX_EXPANDED_BYTES = 64_000_000  # ...unless it is smaller than this
MAX_TOTAL_BYTES = 16_000_000_000  # and a release zip holds at most this much
# What reading a zip member raises when its data cannot be had: a corrupt deflate stream, an
# encrypted member, an unknown compression method, a truncated or inconsistent member.
ZIP_MEMBER_ERRORS = (
    zlib.error,
    RuntimeError,
    NotImplementedError,
    zipfile.BadZipFile,
    EOFError,
    OSError,
    ValueError,
)


def read_parquet(data: bytes) -> pa.Table:
    """A Parquet file's table, read in this thread: no Arrow thread pool is started, so none can
    still be running when the interpreter exits (a running pool thread then aborts the process:
    "terminate called without an active exception")."""
    return pq.ParquetFile(pa.BufferReader(data), pre_buffer=False).read(use_threads=False)


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
            return sorted(n[len(self.prefix) :] for n in self.zip.namelist() if not n.endswith("/"))
        return sorted(
            p.relative_to(self.path).as_posix() for p in self.path.rglob("*") if p.is_file()
        )

    def bomb(self) -> str | None:
        """Why unpacking this zip would be a zip bomb (a member expanding far beyond its size),
        from its directory alone; None when it is not one (or not a zip)."""
        if self.zip is None:
            return None
        total = 0
        for info in self.zip.infolist():
            total += info.file_size
            if info.file_size > MAX_EXPANDED_BYTES and info.file_size > MAX_EXPANSION * max(
                1, info.compress_size
            ):
                return (
                    f"{info.filename} expands {info.compress_size:,} bytes to "
                    f"{info.file_size:,}: a zip bomb, not unpacked"
                )
        if total > MAX_TOTAL_BYTES:
            return f"its members expand to {total:,} bytes: a zip bomb, not unpacked"
        return None

    def read(self, name: str) -> bytes:
        """A file's bytes; from a zip, InputError naming the zip and member when they cannot be
        read (corrupt data, encryption, an unknown compression method)."""
        if self.zip is not None:
            try:
                return self.zip.read(self.prefix + name)  # at most the member's declared size
            except KeyError:
                raise
            except ZIP_MEMBER_ERRORS as exc:
                raise InputError(
                    str(self.path), f"member {self.prefix}{name}: {member_problem(exc)}"
                ) from None
        return (self.path / name).read_bytes()

    def checksums(self) -> dict[str, str]:
        """SHA256SUMS as file name -> sha256."""
        lines = self.read(CHECKSUMS_NAME).decode().splitlines()
        pairs = (line.split("  ", 1) for line in lines)
        return {name: digest for digest, name in pairs}

    def table_names(self, name: str) -> list[str]:
        """The files of a table: `<name>.parquet`, or the part files in its folder (in key
        order)."""
        folder = f"{table_dir_name(name)}/"
        return [
            n
            for n in self.names()
            if n == table_dir_name(name) or (n.startswith(folder) and n.endswith(".parquet"))
        ]

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
                raise InputError(
                    f"{self.path}/{f}",
                    f"{said} {CHECKSUMS_NAME}: changed since it "
                    "was built (load(..., check=False) reads it anyway)",
                )
            parts.append(read_parquet(data))
        return pa.concat_tables(parts)

    def listed(self) -> dict[str, str]:
        try:
            return self.checksums()
        except (KeyError, FileNotFoundError, ValueError):
            raise InputError(
                str(self.path),
                f"no readable {CHECKSUMS_NAME} to check the table "
                "against (load(..., check=False) reads it anyway)",
            ) from None


def member_problem(exc: BaseException) -> str:
    """Why a zip member could not be read, in words."""
    if isinstance(exc, zlib.error):
        return f"corrupt compressed data ({exc})"
    if isinstance(exc, NotImplementedError):
        return f"unsupported compression ({exc})"
    if isinstance(exc, RuntimeError) and "encrypted" in str(exc):
        return "encrypted (a release is never encrypted)"
    return f"unreadable ({type(exc).__name__}: {exc})"


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
    except InputError as err:
        return [str(err)]
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
            except InputError as err:  # names the member; the zip is named here
                problems.append(f"{name}: {err.message}, in {path}")
                continue
            except (zipfile.BadZipFile, OSError, ValueError) as exc:
                problems.append(f"{name}: unreadable ({type(exc).__name__})")
                continue
            if hashlib.sha256(data).hexdigest() != digest:
                problems.append(f"{name}: sha256 differs from {CHECKSUMS_NAME}")
    problems += [
        f"{name}: not listed in {CHECKSUMS_NAME}"
        for name in sorted(present - set(listed))
        if not name.startswith("validation/")
    ]
    for table_name, table in ALL_TABLES.items():
        for name in files.table_names(table_name):
            if not any(p.startswith(f"{name}:") for p in problems):
                try:
                    schema = pq.read_schema(pa.BufferReader(files.read(name)))
                except InputError as err:
                    problems.append(f"{name}: {err.message}, in {path}")
                    continue
                except (pa.ArrowException, OSError, ValueError) as exc:
                    problems.append(f"{name}: not a readable Parquet file ({type(exc).__name__})")
                    continue
                if not any(
                    schema.equals(declared, check_metadata=False)
                    for declared in (table.arrow_schema(), text_free_schema(table))
                ):
                    problems.append(f"{name}: schema differs from the declaration in schema.py")
    return problems


def release_registry() -> dict[str, str]:
    """Published releases: zip file name -> sha256 (from releases.txt)."""
    text = resources.files("corpus.dataset").joinpath(REGISTRY_NAME).read_text(encoding="utf-8")
    rows = csv.reader(io.StringIO(text), delimiter=" ")
    return {r[0]: r[1] for r in rows if r and not r[0].startswith("#")}


def fetch(
    version: str, base_url: str | None = None, registry: dict[str, str] | None = None
) -> Path:
    """The zip of a published release, downloaded once with pooch, its sha256 checked."""
    import pooch

    registry = release_registry() if registry is None else registry
    name = f"{RELEASE_NAME}-{version}.zip"
    base_url = base_url or os.environ.get(RELEASE_URL_ENV)
    no_url = f"set {RELEASE_URL_ENV} to the address of the folder holding {name}"
    if name not in registry:
        known = ", ".join(sorted(registry)) or "none yet"
        raise InputError(
            name,
            f"version {version} is not a published release (published: "
            f"{known})" + ("" if base_url else f"; to load one, {no_url}"),
        )
    if not base_url:
        raise InputError(name, f"no release URL: {no_url}")
    cache = Path(os.environ.get(CACHE_ENV) or pooch.os_cache(RELEASE_NAME))
    fetcher = pooch.create(
        path=cache, base_url=base_url.rstrip("/") + "/", registry={name: f"sha256:{registry[name]}"}
    )
    try:
        return Path(fetcher.fetch(name))
    except ValueError as exc:  # pooch's hash mismatch
        raise InputError(name, f"download refused: {exc}") from None
