"""The build: raw folder in, validated tables out. I/O only at the two ends."""
from __future__ import annotations

import hashlib
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
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


@dataclass(frozen=True)
class BlogSummary:
    """What the main process keeps of one processed raw file; its tables wait in the cache."""

    blog_id: str
    rows: dict[str, int]
    cache_key: str
    n_bytes: int


def process_file(raw_dir: Path, rel_path: str, registry_entry: raw.RegistryEntry | None,
                 cache_dir: Path) -> BlogSummary | InputError:
    """Read, parse, resolve and extract one raw file into the cache (unless it is there already).

    Bad input is returned, not raised, so that a worker's error reaches the caller intact.
    """
    try:
        data = (raw_dir / rel_path).read_bytes()
        cache_key = cache.key(raw.sha256_of(data), rel_path, registry_entry)
        result = cache.load(cache_dir, cache_key)
        if result is None:
            result = extract_file(raw.read_document(raw_dir, rel_path, registry_entry, data), len(data))
            cache.store(cache_dir, cache_key, result)
    except InputError as err:
        return err
    blogs = result.tables["blogs"]
    return BlogSummary(blogs.column("blog_id")[0].as_py(), {name: t.num_rows for name, t in result.tables.items()},
                       cache_key, result.n_bytes)


def extract_file(doc: raw.RawDocument, n_bytes: int) -> BlogTables:
    """Every table's rows from one raw document."""
    blog, entries = blog_rows(doc, parse.parse(doc.path, doc.format, doc.text))
    extracted = reads_language(blog["language"])
    rows = {"blogs": [blog], "entries": entries, "entities": entity_rows(entries) if extracted else [],
            "figures": figure_rows(entries) if extracted else []}
    return BlogTables({t.name: store.to_arrow(t, rows[t.name]) for t in TABLES.values()}, n_bytes)


ENGINES = ("local", "dask")


def process_all(raw_dir: Path, jobs: int, progress: Callable[[Iterable], Iterable], engine: str,
                scheduler: str | None, cache_dir: Path) -> Iterator[BlogSummary | InputError]:
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
                    scheduler: str | None, cache_dir: Path) -> Iterator[BlogSummary | InputError]:
    """The same per-file work on a Dask cluster: at `scheduler`, or a local one with `jobs` workers.

    Workers read the raw folder and write the cache by the same paths, so a remote cluster needs
    them on a shared file system.
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise InputError("--engine dask", "needs the 'distributed' package (pip install 'dask[distributed]')") \
            from None
    raw_dir, cache_dir = raw_dir.resolve(), cache_dir.resolve()
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


def summarise(raw_dir: Path, keep_going: bool, jobs: int, progress: Callable[[Iterable], Iterable], engine: str,
              scheduler: str | None, cache_dir: Path) -> tuple[list[BlogSummary], list[InputError]]:
    """Process every raw file; the summaries in blog-id order. With keep_going, bad files are skipped."""
    summaries, skipped = [], []
    for result in process_all(raw_dir, jobs, progress, engine, scheduler, cache_dir):
        if isinstance(result, InputError):
            if not keep_going:
                raise result
            skipped.append(result)
        else:
            summaries.append(result)
    if not summaries:
        raise InputError(str(raw_dir), "no blog could be built")
    duplicate = next((i for i, n in Counter(s.blog_id for s in summaries).items() if n > 1), None)
    if duplicate:
        raise InputError(str(raw_dir), f"two raw files give the same blog id {duplicate}")
    return sorted(summaries, key=lambda s: s.blog_id), skipped


def parts(summaries: list[BlogSummary], max_rows: int = store.PART_ROWS) -> Iterator[list[BlogSummary]]:
    """Consecutive runs of blogs holding at most max_rows rows (a larger blog is a part of its own).

    Boundaries are content-defined: once a part holds a quarter of max_rows, it ends after a blog
    whose id hashes below that blog's share of a quarter of max_rows (about max_rows / 2 per part),
    or before a blog that would take it past max_rows. Adding or changing one blog thus moves at
    most the boundaries near it, and the other parts (and their cached validation) stay the same.
    """
    quarter = max(1, max_rows // 4)
    part, size = [], 0
    for s in summaries:
        n = sum(s.rows.values())
        if part and size + n > max_rows:
            yield part
            part, size = [], 0
        part.append(s)
        size += n
        if size >= quarter and blog_hash(s.blog_id) < n / quarter:
            yield part
            part, size = [], 0
    if part:
        yield part


def blog_hash(blog_id: str) -> float:
    """A blog id's hash as a number in [0, 1)."""
    return int.from_bytes(hashlib.sha256(blog_id.encode()).digest()[:8], "big") / 2 ** 64


def part_tables(part: list[BlogSummary], cache_dir: Path) -> dict[str, pa.Table]:
    """One part's tables from the cache, each sorted by primary key."""
    loaded = [cache.load(cache_dir, s.cache_key) for s in part]
    if any(b is None for b in loaded):
        raise InputError(str(cache_dir), "a cache entry vanished during the build; run it again")
    meta = table_metadata()
    return {name: store.concat_sorted(TABLES[name], [b.tables[name] for b in loaded], meta) for name in TABLES}


@lru_cache(maxsize=1)
def part_checker(keep_gx_results: bool) -> validate.PartChecker:
    """This process's checker: Great Expectations is imported and set up once per worker."""
    return validate.PartChecker(keep_gx_results)


def check_part(part: list[BlogSummary], cache_dir: Path, run_name: str, keep_gx_results: bool,
               tables: dict[str, pa.Table] | None = None) -> validate.PartOutcome | InputError:
    """One part's validation outcome: from the cache, or checked from its tables (read from the
    blogs' cache entries unless given; possibly in a worker process). Bad input is returned, not raised."""
    key = cache.part_key([s.cache_key for s in part], run_name, keep_gx_results)
    outcome = cache.load(cache_dir, key, validate.PartOutcome)
    if outcome is None:
        try:
            tables = tables if tables is not None else part_tables(part, cache_dir)
        except InputError as err:
            return err
        outcome = part_checker(keep_gx_results).check(tables, run_name)
        cache.store(cache_dir, key, outcome)
    return outcome


def validate_and_write(planned: list[list[BlogSummary]], cache_dir: Path, validation: validate.PartValidation,
                       writers: store.TableWriters, jobs: int) -> None:
    """Write every part in order and check it (unless its outcome is cached): here, or with several
    parts in `jobs` worker processes while this one writes."""
    keep = validation.docs_dir is not None
    names = [validate.part_run_name(None if len(planned) == 1 else part[0].blog_id) for part in planned]

    def add(outcome: validate.PartOutcome | InputError) -> None:
        if isinstance(outcome, InputError):
            raise outcome
        validation.add_outcome(outcome)

    if jobs <= 1 or len(planned) < 2:
        for part, name in zip(planned, names):
            tables = part_tables(part, cache_dir)
            writers.write(tables)
            add(check_part(part, cache_dir, name, keep, tables))
        return
    pool = ProcessPoolExecutor(max_workers=jobs)
    try:
        futures = [pool.submit(check_part, part, cache_dir, name, keep) for part, name in zip(planned, names)]
        for part in planned:
            writers.write(part_tables(part, cache_dir))
        validation.prepare_docs()  # importing GX here overlaps with workers still checking
        for future in futures:
            add(future.result())
    finally:
        pool.shutdown(cancel_futures=True)


def build(raw_dir: Path, out_dir: Path, keep_going: bool = False, jobs: int = 1,
          progress: Callable[[Iterable], Iterable] = iter, engine: str = "local", scheduler: str | None = None,
          cache_dir: Path | None = None, part_rows: int = store.PART_ROWS) -> BuildResult:
    """Build every table from raw_dir into out_dir, part by part: validated and written; nothing
    replaces out_dir's tables unless every part passes. Without a cache, a temporary one holds the
    per-file tables until they are written."""
    started = time.perf_counter()
    validate.import_gx_in_background()  # the main process mostly waits on workers until it validates
    with tempfile.TemporaryDirectory(prefix="corpus-parts-") as spill:
        cache_dir = cache_dir if cache_dir is not None else Path(spill)
        summaries, skipped = summarise(raw_dir, keep_going, jobs, progress, engine, scheduler, cache_dir)
        meta = table_metadata()
        with store.staged(out_dir) as staging:
            validation = validate.PartValidation(docs_dir=staging / validate.DOCS_DIR_NAME)
            with store.TableWriters(staging, TABLES, meta) as writers:
                validate_and_write(list(parts(summaries, part_rows)), cache_dir, validation, writers, jobs)
            report = validation.report()
            if not report.success:
                raise validate.ValidationFailed(report)
            (staging / validate.SUMMARY_NAME).write_text(report.summary_json(__version__), encoding="utf-8")
            citation = metadata.read_citation(release.REPO_ROOT / "CITATION.cff")
            (staging / metadata.DATAPACKAGE_NAME).write_text(
                metadata.datapackage_json(staging, __version__, citation), encoding="utf-8")
            listed = [p.name for p in staging.iterdir() if p.is_file()]
            (staging / store.CHECKSUMS_NAME).write_text(store.checksums(staging, listed), encoding="utf-8")
    return BuildResult(len(summaries), sum(s.rows["entries"] for s in summaries),
                       sum(s.n_bytes for s in summaries), time.perf_counter() - started, skipped)
