"""The build: raw folder in, validated tables out. I/O only at the two ends."""
from __future__ import annotations

import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pyarrow as pa

from corpus import __version__, metadata, parse, raw, release, store, validate
from corpus.errors import InputError
from corpus.extract import entity_rows, figure_rows, reads_language
from corpus.schema import TABLES
from corpus.tables import blog_rows


@dataclass
class BuildResult:
    n_blogs: int = 0
    n_entries: int = 0
    n_bytes: int = 0
    seconds: float = 0.0
    skipped: list[InputError] = field(default_factory=list)


def table_metadata() -> dict[str, str]:
    return {"dataset": "liveblog-corpus", "dataset_version": __version__}


@dataclass
class BlogRows:
    """Everything one raw file contributes to the tables."""

    blog: dict
    entries: list[dict]
    entities: list[dict]
    figures: list[dict]
    n_bytes: int


def process_file(raw_dir: Path, rel_path: str, registry_entry: raw.RegistryEntry | None) -> BlogRows | InputError:
    """Read, parse, resolve and extract one raw file; bad input is returned, not raised."""
    try:
        doc = raw.read_document(raw_dir, rel_path, registry_entry)
        blog, entries = blog_rows(doc, parse.parse(doc.path, doc.format, doc.text))
    except InputError as err:
        return err
    extracted = reads_language(blog["language"])
    return BlogRows(blog, entries, entity_rows(entries) if extracted else [], figure_rows(entries) if extracted else [],
                    len(doc.text.encode("utf-8")))


def process_all(raw_dir: Path, jobs: int, progress: Callable[[Iterable], Iterable]) -> Iterator[BlogRows | InputError]:
    """Results per raw file in plan order, from `jobs` worker processes (in-process when 1)."""
    planned = raw.plan(raw_dir)
    if jobs <= 1 or len(planned) < 2:
        yield from (process_file(raw_dir, path, entry) for path, entry in progress(planned))
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(process_file, raw_dir, path, entry) for path, entry in planned]
        yield from (future.result() for future in progress(futures))


def collect(raw_dir: Path, keep_going: bool, jobs: int = 1, progress: Callable[[Iterable], Iterable] = iter):
    """Rows of every table from every raw file; with keep_going, bad files are skipped and listed."""
    rows: dict[str, list[dict]] = {"blogs": [], "entries": [], "entities": [], "figures": []}
    skipped, n_bytes = [], 0
    for result in process_all(raw_dir, jobs, progress):
        if isinstance(result, InputError):
            if not keep_going:
                raise result
            skipped.append(result)
            continue
        rows["blogs"].append(result.blog)
        rows["entries"] += result.entries
        rows["entities"] += result.entities
        rows["figures"] += result.figures
        n_bytes += result.n_bytes
    return rows, skipped, n_bytes


def build(raw_dir: Path, out_dir: Path, keep_going: bool = False, jobs: int = 1,
          progress: Callable[[Iterable], Iterable] = iter) -> BuildResult:
    """Build every table from raw_dir into out_dir: validated first, nothing written unless all succeed."""
    started = time.perf_counter()
    rows, skipped, n_bytes = collect(raw_dir, keep_going, jobs, progress)
    if not rows["blogs"]:
        raise InputError(str(raw_dir), "no blog could be built")
    duplicate = next((i for i, n in Counter(b["blog_id"] for b in rows["blogs"]).items() if n > 1), None)
    if duplicate:
        raise InputError(str(raw_dir), f"two raw files give the same blog id {duplicate}")
    meta = table_metadata()
    tables: dict[str, pa.Table] = {t.name: store.to_arrow(t, rows[t.name], meta) for t in TABLES.values()}
    with store.staged(out_dir) as staging:
        report = validate.validate(tables, docs_dir=staging / validate.DOCS_DIR_NAME)
        if not report.success:
            raise validate.ValidationFailed(report)
        for name, data in tables.items():
            store.write_parquet(data, staging / f"{name}.parquet")
        (staging / validate.SUMMARY_NAME).write_text(report.summary_json(__version__), encoding="utf-8")
        citation = metadata.read_citation(release.REPO_ROOT / "CITATION.cff")
        (staging / metadata.DATAPACKAGE_NAME).write_text(metadata.datapackage_json(staging, __version__, citation),
                                                         encoding="utf-8")
        listed = [p.name for p in staging.iterdir() if p.is_file()]
        (staging / store.CHECKSUMS_NAME).write_text(store.checksums(staging, listed), encoding="utf-8")
    return BuildResult(len(rows["blogs"]), len(rows["entries"]), n_bytes, time.perf_counter() - started, skipped)
