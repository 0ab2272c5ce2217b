"""Engines: where the per-file work runs (this process, local worker processes, a Dask
cluster), behind one interface; a new engine is one class with a `results` method."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Protocol

from corpus import validate
from corpus.build.options import BuildOptions
from corpus.build.parts import CheckerWorker
from corpus.build.process import BlogSummary, process_file
from corpus.collect.raw_registry import RegistryEntry
from corpus.errors import InputError, unexpected
from corpus.stopping import end_workers, worker_pool

Planned = list[tuple[str, RegistryEntry | None]]  # raw files (relative paths) and their entries
Progress = Callable[[Iterable], Iterable]
Result = BlogSummary | InputError


class Engine(Protocol):
    """Runs process_file on every planned raw file; results come back in planned order. While
    files are processed elsewhere, the caller's process prepares validation and does `meanwhile`."""

    def results(
        self,
        raw_dir: Path,
        planned: Planned,
        cache_dir: Path,
        progress: Progress,
        meanwhile: Callable[[], None],
    ) -> Iterator[Result]: ...


class InProcess:
    """Every file in this process, one after another; validation is set up meanwhile in a
    thread, or in the checker worker when one is given."""

    def __init__(self, checker: CheckerWorker | None = None) -> None:
        self.checker = checker

    def results(
        self,
        raw_dir: Path,
        planned: Planned,
        cache_dir: Path,
        progress: Progress,
        meanwhile: Callable[[], None],
    ) -> Iterator[Result]:
        if self.checker is not None:
            self.checker.start()  # forked before this process sets up its recogniser
        else:
            validate.prepare_in_background()
        meanwhile()
        for path, entry in progress(planned):
            yield process_file(raw_dir, path, entry, cache_dir)


class LocalProcesses:
    """`jobs` worker processes on this machine; even one file goes to a worker."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs

    def results(
        self,
        raw_dir: Path,
        planned: Planned,
        cache_dir: Path,
        progress: Progress,
        meanwhile: Callable[[], None],
    ) -> Iterator[Result]:
        return process_in_pool(raw_dir, planned, self.jobs, progress, cache_dir, meanwhile)


class Dask:
    """A Dask cluster: at `scheduler`, or a local one of `jobs` workers."""

    def __init__(self, jobs: int, scheduler: str | None) -> None:
        self.jobs, self.scheduler = jobs, scheduler

    def results(
        self,
        raw_dir: Path,
        planned: Planned,
        cache_dir: Path,
        progress: Progress,
        meanwhile: Callable[[], None],
    ) -> Iterator[Result]:
        validate.prepare_in_background()
        return process_on_dask(
            raw_dir, planned, self.jobs, progress, self.scheduler, cache_dir, meanwhile
        )


# One changed raw file at most this large is processed in the build's own process, even with
# --jobs above 1: a worker would only add its start (1.5 CPU-s in an incremental build, issue
# 30), and one worker cannot share a file. A larger one keeps a worker's isolation (a page
# that crashes a library ends that worker, not the build).
IN_PROCESS_BYTES = 1_000_000


def engine_for(
    options: BuildOptions,
    changed_sizes: list[int] | None = None,
    checker: CheckerWorker | None = None,
) -> Engine:
    """The engine the options name; for the local engine, this process when the changed raw files
    (their sizes in bytes, when known) are a single small one, with validation set up in the
    checker worker when one is given."""
    if options.engine == "dask":
        return Dask(options.jobs, options.scheduler)
    if changed_sizes is not None and len(changed_sizes) == 1:
        if changed_sizes[0] <= IN_PROCESS_BYTES:
            return InProcess(checker)
    return LocalProcesses(options.jobs) if options.jobs > 1 else InProcess()


def process_in_pool(
    raw_dir: Path,
    planned: Planned,
    jobs: int,
    progress: Progress,
    cache_dir: Path,
    meanwhile: Callable[[], None],
) -> Iterator[Result]:
    """Results per planned raw file from `jobs` worker processes. A worker that dies (killed for
    memory, or a crash inside a library) breaks the pool: the files without a result are then
    processed one at a time, each in a worker of its own, and one that kills its worker is
    reported."""
    done = 0
    pool = worker_pool(min(jobs, len(planned)))
    try:
        futures = [
            pool.submit(process_file, raw_dir, path, entry, cache_dir) for path, entry in planned
        ]
        validate.prepare_in_background()  # the workers are forked: none inherits a half-done import
        meanwhile()
        for future in progress(futures):
            try:
                result = future.result()
            except BrokenProcessPool:
                break
            except Exception as exc:  # a result that could not be sent back
                result = unexpected(planned[done][0], exc)
            done += 1
            yield result
    except BaseException:  # Ctrl-C, SIGTERM: the workers end now, not after their files
        end_workers(pool)
        raise
    finally:  # also when the caller stops at a bad file: the files not yet begun are not processed
        pool.shutdown(cancel_futures=True)
    if done < len(planned):
        validate.prepared_checker()  # no thread may be importing while this process forks again
        yield from process_isolated(raw_dir, planned[done:], cache_dir)


def process_isolated(raw_dir: Path, planned: Planned, cache_dir: Path) -> Iterator[Result]:
    """Results per raw file from one worker process at a time, a new one after a worker dies."""
    pool = None
    try:
        for path, entry in planned:
            pool = pool or worker_pool(1)
            try:
                yield pool.submit(process_file, raw_dir, path, entry, cache_dir).result()
            except BrokenProcessPool:
                pool.shutdown()
                pool = None
                yield InputError(
                    path,
                    "the worker process reading it died (out of memory, or a "
                    "crash inside a library)",
                    stage="parse",
                )
            except Exception as exc:  # a result that could not be sent back
                yield unexpected(path, exc)
    except BaseException:
        if pool is not None:
            end_workers(pool)
        raise
    finally:
        if pool is not None:
            pool.shutdown()


def process_on_dask(
    raw_dir: Path,
    planned: Planned,
    jobs: int,
    progress: Progress,
    scheduler: str | None,
    cache_dir: Path,
    meanwhile: Callable[[], None],
) -> Iterator[Result]:
    """The same per-file work on a Dask cluster: at `scheduler`, or a local one with `jobs` workers.

    Workers read the raw folder and write the cache by the same paths, so a remote cluster needs
    them on a shared file system.
    """
    try:
        from dask.distributed import (  # optional: only this engine needs it
            Client,
            LocalCluster,
        )
    except ImportError:
        raise InputError(
            "--engine dask", "needs the 'distributed' package (pip install 'dask[distributed]')"
        ) from None
    raw_dir, cache_dir = raw_dir.resolve(), cache_dir.resolve()
    cluster = (
        None
        if scheduler
        else LocalCluster(
            n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None
        )
    )
    try:
        with Client(scheduler or cluster) as client:
            futures = client.map(
                process_file,
                [raw_dir] * len(planned),
                [p for p, _ in planned],
                [e for _, e in planned],
                [cache_dir] * len(planned),
                pure=False,
            )
            meanwhile()
            for (path, _), future in zip(planned, progress(futures)):
                try:
                    yield future.result()
                except Exception as exc:  # a worker lost, or a result that could not be sent back
                    yield unexpected(path, exc)
    finally:
        if cluster is not None:
            cluster.close()
