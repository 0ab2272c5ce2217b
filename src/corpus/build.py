"""The build: raw folder in, validated tables out. I/O only at the two ends."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import pyarrow as pa

from corpus import __version__, metadata, parse, raw, release, store, validate
from corpus.errors import InputError
from corpus.extract import entity_rows, figure_rows
from corpus.schema import BLOGS, ENTITIES, ENTRIES, FIGURES
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


def collect(raw_dir: Path, keep_going: bool, progress: Callable[[Iterable], Iterable] = iter):
    """Parse every planned raw file into rows; with keep_going, bad files are skipped and listed."""
    blogs, entries, skipped, n_bytes = [], [], [], 0
    for rel_path, registry_entry in progress(raw.plan(raw_dir)):
        try:
            doc = raw.read_document(raw_dir, rel_path, registry_entry)
            blog, blog_entries = blog_rows(doc, parse.parse(doc.path, doc.format, doc.text))
        except InputError as err:
            if not keep_going:
                raise
            skipped.append(err)
            continue
        n_bytes += len(doc.text.encode("utf-8"))
        blogs.append(blog)
        entries.extend(blog_entries)
    return blogs, entries, skipped, n_bytes


def build(raw_dir: Path, out_dir: Path, keep_going: bool = False,
          progress: Callable[[Iterable], Iterable] = iter) -> BuildResult:
    """Build every table from raw_dir into out_dir: validated first, nothing written unless all succeed."""
    started = time.perf_counter()
    blogs, entries, skipped, n_bytes = collect(raw_dir, keep_going, progress)
    if not blogs:
        raise InputError(str(raw_dir), "no blog could be built")
    ids = [b["blog_id"] for b in blogs]
    duplicate = next((i for i in ids if ids.count(i) > 1), None)
    if duplicate:
        raise InputError(str(raw_dir), f"two raw files give the same blog id {duplicate}")
    meta = table_metadata()
    tables: dict[str, pa.Table] = {
        BLOGS.name: store.to_arrow(BLOGS, blogs, meta),
        ENTRIES.name: store.to_arrow(ENTRIES, entries, meta),
        ENTITIES.name: store.to_arrow(ENTITIES, entity_rows(entries), meta),
        FIGURES.name: store.to_arrow(FIGURES, figure_rows(entries), meta),
    }
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
    return BuildResult(len(blogs), len(entries), n_bytes, time.perf_counter() - started, skipped)
