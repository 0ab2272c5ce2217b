"""Writing built parts into the output folder's staging area, in any order, and assembling
them in part order."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from corpus import validate
from corpus.build import cache, output
from corpus.build.parts import (
    BuiltPart,
    CheckerWorker,
    built_parts,
    part_key,
    part_name,
    parts,
)
from corpus.build.summary import BlogSummary
from corpus.dataset import store
from corpus.errors import naming
from corpus.schema import TABLES


@dataclass(frozen=True)
class WrittenPart:
    """What is kept of a part written to the output: its key, its validation outcome (without the
    Data Docs pages, which are on disk), the sha256 of each table's file, and whether it lies in
    the output folder from an earlier build (else in the staging folder)."""

    key: str
    outcome: validate.PartOutcome
    digests: dict[str, str]
    in_place: bool = False

    def as_json(self) -> dict:
        return {"key": self.key, "outcome": self.outcome.as_json(), "digests": self.digests}

    @classmethod
    def from_json(cls, value: dict) -> WrittenPart:
        return cls(value["key"], validate.PartOutcome.from_json(value["outcome"]), value["digests"])

    @classmethod
    def readable(cls, value) -> bool:
        try:
            cls.from_json(value)
            return True
        except (KeyError, TypeError, ValueError, AttributeError):
            return False


def docs_root(part_name: str) -> str:
    """A part's Data Docs site, relative to the data folder."""
    return f"{validate.DOCS_DIR_NAME}/{part_name}"


class PartWriter:
    """Writes built parts into the staging folder, in any order (parts of a speculative layout may
    be dropped again), and assembles them in part order at the end. Parts lying intact in the
    output folder (`placed`) count as written."""

    def __init__(self, staging: Path, placed: dict[str, WrittenPart] | None = None) -> None:
        self.staging = staging
        self.parts: dict[str, WrittenPart] = {
            name: replace(w, in_place=True) for name, w in (placed or {}).items()
        }
        self.folders: set[Path] = set()

    def has(self, part: list[BlogSummary]) -> bool:
        written = self.parts.get(part_name(part))
        return written is not None and written.key == part_key(part)

    def write(self, part: list[BlogSummary], built: BuiltPart) -> None:
        """A part's Parquet files and Data Docs site (replacing a part written under the same
        name)."""
        if built.name in self.parts:
            self.drop(built.name)
        for table, data in built.parquet.items():
            self.write_file(self.staging / store.part_file(table, built.name), data)
        for rel_path, text in built.outcome.docs.items():
            self.write_file(self.docs_dir(built.name) / rel_path, text.encode("utf-8"))
        self.parts[built.name] = WrittenPart(
            part_key(part), replace(built.outcome, docs={}), built.digests
        )

    def drop(self, name: str) -> None:
        """Forget a part; remove its files unless it lies in the output folder (then the commit
        does)."""
        dropped = self.parts.pop(name)
        if dropped.in_place:
            return
        for table in dropped.digests:
            (self.staging / store.part_file(table, name)).unlink()
        shutil.rmtree(self.docs_dir(name), ignore_errors=True)
        self.folders = {f for f in self.folders if f.exists()}

    def docs_dir(self, name: str) -> Path:
        return self.staging / docs_root(name)

    @staticmethod
    def roots(name: str, tables: Iterable[str]) -> tuple[str, ...]:
        """A part's files and folders in a data folder: one file per table and its Data Docs
        site."""
        return (*(store.part_file(t, name) for t in tables), docs_root(name))

    def commit(self, out: output.OutputFolder) -> None:
        """Move the staged parts into the output folder, keep those in place, remove the rest."""
        out.commit(
            {name: (w.as_json(), self.roots(name, w.digests)) for name, w in self.parts.items()},
            {name for name, w in self.parts.items() if w.in_place},
        )

    def write_file(self, path: Path, data: bytes) -> None:
        """Write a new file, making its folder first unless it is among the folders made already."""
        if path.parent not in self.folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.folders.add(path.parent)
        with naming(path), open(path, "wb") as f:
            f.write(data)

    def prewrite(self, summaries: list[BlogSummary], cache_dir: Path, part_rows: int) -> None:
        """The cached parts of a layout of these blogs alone: while changed raw files are processed,
        most parts of the final layout can be written already."""
        for part in parts(summaries, part_rows):
            if not self.has(part):
                built = cache.load(cache_dir, part_key(part), BuiltPart)
                if built is not None:
                    self.write(part, built)

    def finish(
        self,
        planned: list[list[BlogSummary]],
        cache_dir: Path,
        jobs: int,
        meta: dict[str, str],
        checker: CheckerWorker | None = None,
    ) -> tuple[Written, list]:
        """Every part of the final layout written (parts written for another layout dropped); what
        was written and each part's name and outcome, in part order."""
        wanted = {part_name(p): part_key(p) for p in planned}
        for name in [n for n, w in self.parts.items() if wanted.get(n) != w.key]:
            self.drop(name)
        for part, built in built_parts(
            [p for p in planned if not self.has(p)], cache_dir, jobs, meta, checker
        ):
            self.write(part, built)
        written, outcomes = Written(), []
        for part in planned:
            name = part_name(part)
            for table, digest in self.parts[name].digests.items():
                written.table_files[table].append(store.part_file(table, name))
                written.digests[store.part_file(table, name)] = digest
            outcomes.append((name, self.parts[name].outcome))
        return written, outcomes


@dataclass
class Written:
    """What the build wrote of its tables: each table's part files and every file's sha256."""

    table_files: dict[str, list[str]] = field(default_factory=lambda: {name: [] for name in TABLES})
    digests: dict[str, str] = field(default_factory=dict)


def write_bytes(path: Path, data: bytes) -> str:
    with naming(path):
        path.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def write_text(staging: Path, name: str, text: str, written: Written) -> None:
    with naming(staging / name):
        (staging / name).write_text(text, encoding="utf-8")
    written.digests[name] = hashlib.sha256(text.encode("utf-8")).hexdigest()
