"""Parts: consecutive runs of blogs written and validated together, with content-defined
boundaries; each part's Parquet files and validation outcome, cached by its blogs."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from corpus import validate
from corpus.build import cache
from corpus.build.cache import CacheEntryLost
from corpus.build.summary import BlogSummary
from corpus.dataset import store
from corpus.errors import InputError
from corpus.schema import TABLES
from corpus.stopping import end_workers, worker_pool
from corpus.version import __version__

log = logging.getLogger(__name__)


def parts(
    summaries: list[BlogSummary], max_rows: int = store.PART_ROWS
) -> Iterator[list[BlogSummary]]:
    """Consecutive runs of blogs holding at most max_rows rows (a larger blog is a part of its own).

    Boundaries are content-defined: once a part holds a quarter of max_rows, it ends after a blog
    whose id hashes below that blog's share of a quarter of max_rows (about max_rows / 2 per part),
    or before a blog that would take it past max_rows. Adding or changing one blog thus moves at
    most the boundaries near it, and the other parts (and their cached validation) stay the same.
    """
    quarter = max(1, max_rows // 4)
    part: list[BlogSummary] = []
    size = 0
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
    return int.from_bytes(hashlib.sha256(blog_id.encode()).digest()[:8], "big") / 2**64


def part_tables(
    part: list[BlogSummary], cache_dir: Path, meta: dict[str, str]
) -> dict[str, pa.Table]:
    """One part's tables from the cache, each sorted by primary key, with meta as their key-value
    metadata."""
    loaded = [cache.load(cache_dir, s.cache_key) for s in part]
    if any(b is None for b in loaded):
        raise CacheEntryLost(str(cache_dir), "a blog's cached tables are gone or unreadable")
    return {
        name: store.concat_sorted(TABLES[name], [b.tables[name] for b in loaded], meta)
        for name in TABLES
    }


@dataclass
class BuiltPart:
    """One part of the corpus as written: its Parquet file of each table (table name -> bytes) with
    its sha256, and its validation outcome, with its Data Docs pages."""

    name: str
    parquet: dict[str, bytes]
    digests: dict[str, str]
    outcome: validate.PartOutcome

    def to_entry(self) -> tuple[dict[str, bytes], dict]:
        return self.parquet, {
            "name": self.name,
            "digests": self.digests,
            "outcome": self.outcome.as_json(),
        }

    @classmethod
    def from_entry(cls, sections: dict[str, bytes], meta: dict) -> BuiltPart:
        digests = meta["digests"]
        if set(sections) != set(TABLES) or any(
            hashlib.sha256(data).hexdigest() != digests[name] for name, data in sections.items()
        ):
            raise ValueError("a part's Parquet files differ from their sha256")
        return cls(meta["name"], sections, digests, validate.PartOutcome.from_json(meta["outcome"]))


def part_name(part: list[BlogSummary]) -> str:
    """A part is named after its first blog, so that its name stays when other parts change."""
    return f"part-{part[0].blog_id}"


def part_key(part: list[BlogSummary]) -> str:
    return cache.part_key([s.cache_key for s in part], part_name(part), __version__)


def build_part(
    part: list[BlogSummary], cache_dir: Path, meta: dict[str, str]
) -> BuiltPart | InputError:
    """One part's files (meta: their key-value metadata, process.table_metadata()) and validation:
    from the cache, or made from its blogs' cached tables (possibly in a worker process, which
    then needs no extractor). Bad input is returned, not raised."""
    built = cache.load(cache_dir, part_key(part), BuiltPart)
    if built is None:
        started = time.perf_counter()
        try:
            tables = part_tables(part, cache_dir, meta)
        except InputError as err:
            return err
        outcome = validate.prepared_checker().check(tables, validate.part_run_name(part_name(part)))
        built = stored_part(part, cache_dir, tables, outcome, started)
    return built


def stored_part(
    part: list[BlogSummary],
    cache_dir: Path,
    tables: dict[str, pa.Table],
    outcome: validate.PartOutcome,
    started: float,
) -> BuiltPart:
    """A part checked: its Parquet files, kept in the cache with its outcome."""
    parquet = {table: store.parquet_bytes(data) for table, data in tables.items()}
    digests = {t: hashlib.sha256(b).hexdigest() for t, b in parquet.items()}
    built = BuiltPart(part_name(part), parquet, digests, outcome)
    cache.store(cache_dir, part_key(part), built)
    rows = sum(t.num_rows for t in tables.values())
    log.info("%s: %d rows checked in %.2f s", built.name, rows, time.perf_counter() - started)
    return built


def gx_half_of_part(
    part: list[BlogSummary], cache_dir: Path, meta: dict[str, str]
) -> validate.GxHalf | InputError:
    """A part's GX checks and Data Docs pages, made in the checker worker while the build's own
    process runs the other checks and writes the Parquet files (`part_beside_checker`)."""
    try:
        tables = part_tables(part, cache_dir, meta)
    except InputError as err:
        return err
    return validate.prepared_checker().gx_half(tables, validate.part_run_name(part_name(part)))


def part_beside_checker(
    part: list[BlogSummary], cache_dir: Path, meta: dict[str, str], gx_half: Future
) -> BuiltPart | InputError:
    """A part checked half here, half in the checker worker (gx_half, the future of
    gx_half_of_part): the same outcome as `build_part`'s, sooner."""
    started = time.perf_counter()
    try:
        tables = part_tables(part, cache_dir, meta)
    except InputError as err:
        return err
    other = validate.other_half(tables)
    gx = gx_half.result()
    if isinstance(gx, InputError):
        return gx
    return stored_part(part, cache_dir, tables, validate.combined(tables, gx, other), started)


class CheckerWorker:
    """One worker process that sets up validation (Great Expectations: seconds) while this process
    imports the build's modules and extracts a small change, then checks the parts that change
    touched: the set-up runs beside the recogniser's, not in a thread sharing this process's
    interpreter. Started on demand (`start`: `corpus build` starts it before its own imports),
    ended by `stop` once the build knows it has nothing to check, and on leaving the context.
    Ending it kills it: every part it was given has been collected by then, or is abandoned."""

    def __init__(self) -> None:
        self.pool: ProcessPoolExecutor | None = None

    def start(self) -> None:
        if self.pool is None:
            self.pool = worker_pool(1)
            self.pool.submit(validate.prepare)

    def stop(self) -> None:
        """End the worker now, whatever it is doing (setting up validation it will not use)."""
        if self.pool is not None:
            end_workers(self.pool)
            self.pool = None

    def __enter__(self) -> CheckerWorker:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def built_parts(
    planned: list[list[BlogSummary]],
    cache_dir: Path,
    jobs: int,
    meta: dict[str, str],
    checker: CheckerWorker | None = None,
) -> Iterator[tuple[list[BlogSummary], BuiltPart]]:
    """Every part in order (meta: its files' key-value metadata): cached ones read here, the others
    checked half here and half (GX) in the checker worker when it was started, else made here or,
    when there are several, in `jobs` worker processes."""
    missing = [part for part in planned if not cache.has(cache_dir, part_key(part), BuiltPart)]
    given = checker.pool if checker is not None else None
    if missing and given is None:
        validate.prepared_checker()  # before forking, so that the workers inherit a checker set up
    pool = given or (worker_pool(jobs) if jobs > 1 and len(missing) > 1 else None)
    try:
        task = gx_half_of_part if pool is given else build_part  # the checker: half of each part
        futures: dict[str, Future] = (
            {part_key(part): pool.submit(task, part, cache_dir, meta) for part in missing}
            if pool
            else {}
        )
        for part in planned:
            future = futures.get(part_key(part))
            if future is None:
                built = build_part(part, cache_dir, meta)
            elif pool is given:
                built = part_beside_checker(part, cache_dir, meta, future)
            else:
                built = future.result()
            if isinstance(built, InputError):
                raise built
            yield part, built
    except BaseException:
        if pool is not None and pool is not given:  # the checker's owner ends it
            end_workers(pool)
        raise
    finally:
        if pool is not None and pool is not given:
            pool.shutdown(cancel_futures=True)
