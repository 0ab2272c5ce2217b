"""The build: raw folder in, validated tables out. I/O only at the two ends."""
from __future__ import annotations

import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pyarrow as pa

from corpus import __version__, cache, metadata, parse, raw, release, store, validate
from corpus.cache import BlogTables
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


def process_file(raw_dir: Path, rel_path: str, registry_entry: raw.RegistryEntry | None,
                 cache_dir: Path | None = None) -> BlogTables | InputError:
    """Read, parse, resolve and extract one raw file, or take its tables from the cache.

    Bad input is returned, not raised, so that a worker's error reaches the caller intact.
    """
    try:
        data = (raw_dir / rel_path).read_bytes()
        cache_key = cache.key(raw.sha256_of(data), rel_path, registry_entry) if cache_dir is not None else None
        cached = cache.load(cache_dir, cache_key) if cache_key is not None else None
        if cached is not None:
            return cached
        doc = raw.read_document(raw_dir, rel_path, registry_entry, data)
        blog, entries = blog_rows(doc, parse.parse(doc.path, doc.format, doc.text))
    except InputError as err:
        return err
    extracted = reads_language(blog["language"])
    rows = {"blogs": [blog], "entries": entries, "entities": entity_rows(entries) if extracted else [],
            "figures": figure_rows(entries) if extracted else []}
    result = BlogTables({t.name: store.to_arrow(t, rows[t.name]) for t in TABLES.values()}, len(data))
    if cache_key is not None:
        cache.store(cache_dir, cache_key, result)
    return result


ENGINES = ("local", "dask")


def process_all(raw_dir: Path, jobs: int, progress: Callable[[Iterable], Iterable], engine: str = "local",
                scheduler: str | None = None, cache_dir: Path | None = None) -> Iterator[BlogTables | InputError]:
    """Results per raw file in plan order: in-process, from `jobs` worker processes, or from Dask workers."""
    planned = raw.plan(raw_dir)
    if engine == "dask":
        yield from process_on_dask(raw_dir, planned, jobs, progress, scheduler, cache_dir)
        return
    if jobs <= 1 or len(planned) < 2:
        yield from (process_file(raw_dir, path, entry, cache_dir) for path, entry in progress(planned))
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(process_file, raw_dir, path, entry, cache_dir) for path, entry in planned]
        yield from (future.result() for future in progress(futures))


def process_on_dask(raw_dir: Path, planned: list, jobs: int, progress: Callable[[Iterable], Iterable],
                    scheduler: str | None, cache_dir: Path | None) -> Iterator[BlogTables | InputError]:
    """The same per-file work on a Dask cluster: at `scheduler`, or a local one with `jobs` workers.

    Workers read the raw folder (and the cache) by the same path, so a remote cluster needs them on a
    shared file system.
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise InputError("--engine dask", "needs the 'distributed' package (pip install 'dask[distributed]')") \
            from None
    raw_dir, cache_dir = raw_dir.resolve(), cache_dir.resolve() if cache_dir is not None else None
    cluster = None if scheduler else LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                                  dashboard_address=None)
    try:
        with Client(scheduler or cluster) as client:
            futures = client.map(process_file, [raw_dir] * len(planned), [p for p, _ in planned],
                                 [e for _, e in planned], [cache_dir] * len(planned), pure=False)
            yield from (future.result() for future in progress(futures))
    finally:
        if cluster is not None:
            cluster.close()


def collect(raw_dir: Path, keep_going: bool, jobs: int = 1, progress: Callable[[Iterable], Iterable] = iter,
            engine: str = "local", scheduler: str | None = None, cache_dir: Path | None = None):
    """Every table from every raw file, sorted by primary key; with keep_going, bad files are skipped."""
    parts: dict[str, list[pa.Table]] = {name: [] for name in TABLES}
    skipped, n_bytes = [], 0
    for result in process_all(raw_dir, jobs, progress, engine, scheduler, cache_dir):
        if isinstance(result, InputError):
            if not keep_going:
                raise result
            skipped.append(result)
            continue
        for name, part in result.tables.items():
            parts[name].append(part)
        n_bytes += result.n_bytes
    meta = table_metadata()
    tables = {name: store.concat_sorted(TABLES[name], parts[name], meta) for name in TABLES}
    return tables, skipped, n_bytes


def build(raw_dir: Path, out_dir: Path, keep_going: bool = False, jobs: int = 1,
          progress: Callable[[Iterable], Iterable] = iter, engine: str = "local", scheduler: str | None = None,
          cache_dir: Path | None = None) -> BuildResult:
    """Build every table from raw_dir into out_dir: validated first, nothing written unless all succeed."""
    started = time.perf_counter()
    tables, skipped, n_bytes = collect(raw_dir, keep_going, jobs, progress, engine, scheduler, cache_dir)
    if not tables["blogs"].num_rows:
        raise InputError(str(raw_dir), "no blog could be built")
    duplicate = next((i for i, n in Counter(tables["blogs"].column("blog_id").to_pylist()).items() if n > 1), None)
    if duplicate:
        raise InputError(str(raw_dir), f"two raw files give the same blog id {duplicate}")
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
    return BuildResult(tables["blogs"].num_rows, tables["entries"].num_rows, n_bytes, time.perf_counter() - started,
                       skipped)
