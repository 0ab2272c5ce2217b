"""The build: raw folder in, validated tables out. I/O only at the two ends."""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pyarrow as pa

from corpus import __version__, cache, metadata, output, parse, quarantine, raw, release, store
from corpus import coverage, validate
from corpus.stopping import end_workers, ignore_interrupts
from corpus.cache import BlogTables
from corpus.errors import InputError, InputErrors, unexpected
from corpus.schema import COVERAGE, TABLES
from corpus.tables import blog_rows


@dataclass
class BuildResult:
    n_blogs: int = 0
    n_entries: int = 0
    n_bytes: int = 0
    seconds: float = 0.0
    skipped: list[InputError] = field(default_factory=list)


def table_metadata() -> dict[str, str]:
    from corpus.extract import model

    return {"dataset": "liveblog-corpus", "dataset_version": __version__, **model.metadata()}


@dataclass(frozen=True)
class BlogSummary:
    """What the main process keeps of one processed raw file; its tables wait in the cache."""

    blog_id: str
    rows: dict[str, int]
    cache_key: str
    n_bytes: int
    raw_sha256: str
    raw_path: str
    url: str | None  # the page's address, or its archived capture's: what makes two files one page


MAX_ENTRY_CHARS = 1_000_000  # spaCy's default max_length: no longer headline or body is tokenised
# Extraction takes about a second per million characters, and a blog is one process's work: a page
# holding more than this is refused (the largest real pages seen hold under 100,000 characters).
MAX_BLOG_CHARS = 10_000_000
MAX_RAW_BYTES = 200_000_000  # a raw file is read whole into memory, then decoded

def process_file(raw_dir: Path, rel_path: str, registry_entry: raw.RegistryEntry | None,
                 cache_dir: Path) -> BlogSummary | InputError:
    """Read, parse, resolve and extract one raw file into the cache (unless it is there already).

    Bad input is returned, not raised, so that a worker's error reaches the caller intact; so is
    any exception the readers or extractors did not foresee (recursion, overflow, a type error
    from a malformed structure), as one line naming the file.
    """
    stage, sha256 = "read", ""
    try:
        size = os.stat(raw_dir / rel_path).st_size
        if size > MAX_RAW_BYTES:
            raise InputError(rel_path, f"{size:,} bytes, more than the {MAX_RAW_BYTES:,} a raw "
                                       "file may hold")
        data = (raw_dir / rel_path).read_bytes()
        sha256 = raw.sha256_of(data)
        cache_key = cache.key(sha256, rel_path, registry_entry)
        result = cache.load(cache_dir, cache_key)
        if result is None:
            doc = raw.read_document(raw_dir, rel_path, registry_entry, data)
            stage = "parse"
            parsed = parse.parse(doc.path, doc.format, doc.text)
            stage = "extract"
            result = extract_parsed(doc, parsed, len(data))
            cache.store(cache_dir, cache_key, result)
    except InputError as err:
        err.stage, err.sha256 = err.stage or stage, err.sha256 or sha256
        return err
    except Exception as exc:  # RecursionError and MemoryError included
        if isinstance(exc, OSError) and stage == "read":
            return InputError(rel_path, f"cannot be read ({exc.strerror or exc})", stage=stage,
                              sha256=sha256)
        return unexpected(rel_path, exc, stage, sha256)
    blog = result.tables["blogs"]
    return BlogSummary(blog.column("blog_id")[0].as_py(),
                       {name: t.num_rows for name, t in result.tables.items()}, cache_key,
                       result.n_bytes, sha256, rel_path,
                       getattr(registry_entry, "archive_url", "") or blog.column("url")[0].as_py())


def extract_file(doc: raw.RawDocument, n_bytes: int) -> BlogTables:
    """Every table's rows from one raw document."""
    return extract_parsed(doc, parse.parse(doc.path, doc.format, doc.text), n_bytes)


def extract_parsed(doc: raw.RawDocument, parsed, n_bytes: int) -> BlogTables:
    """Every table's rows from one parsed raw document."""
    # Imported here: spaCy takes most of a second to import, and a process that only hands raw files to
    # worker processes (an incremental build's main one, preparing validation meanwhile) never needs it.
    from corpus.extract import entity_rows, figure_rows, reads_language

    check_sizes(doc.path, parsed.entries)
    blog, entries = blog_rows(doc, parsed)
    extracted = reads_language(blog["language"])
    rows = {"blogs": [blog], "entries": entries, "entities": entity_rows(entries) if extracted else [],
            "figures": figure_rows(entries) if extracted else []}
    return BlogTables({t.name: store.to_arrow(t, rows[t.name]) for t in TABLES.values()}, n_bytes)


def check_sizes(path: str, entries) -> None:
    """Refuse an entry whose headline or body is longer than the extractors can read, and a blog
    holding more text than one process extracts in reasonable time."""
    total = 0
    for position, e in enumerate(entries, start=1):
        for name in ("headline", "body"):
            text = getattr(e, name)
            if text is not None and len(text) > MAX_ENTRY_CHARS:
                raise InputError(path, f"entry {position}'s {name} has {len(text):,} characters, "
                                       f"more than the {MAX_ENTRY_CHARS:,} an entry may hold",
                                 line=e.line)
            total += len(text or "")
    if total > MAX_BLOG_CHARS:
        raise InputError(path, f"its {len(entries):,} entries hold {total:,} characters, more "
                               f"than the {MAX_BLOG_CHARS:,} one blog may hold (split the page)")


ENGINES = ("local", "dask")


def process_all(raw_dir: Path, planned: list, jobs: int, progress: Callable[[Iterable], Iterable], engine: str,
                scheduler: str | None, cache_dir: Path, meanwhile: Callable[[], None] = lambda: None,
                ) -> Iterator[BlogSummary | InputError]:
    """Results per planned raw file, in order: in-process, from `jobs` worker processes, or from Dask
    workers. With several jobs even one file goes to a worker, so that this process meanwhile prepares
    the validation that follows and does `meanwhile`."""
    if not planned:
        return
    if engine == "dask":
        validate.prepare_in_background()
        yield from process_on_dask(raw_dir, planned, jobs, progress, scheduler, cache_dir, meanwhile)
        return
    if jobs <= 1:
        validate.prepare_in_background()
        meanwhile()
        yield from (process_file(raw_dir, path, entry, cache_dir) for path, entry in progress(planned))
        return
    yield from process_in_pool(raw_dir, planned, jobs, progress, cache_dir, meanwhile)


def process_in_pool(raw_dir: Path, planned: list, jobs: int,
                    progress: Callable[[Iterable], Iterable], cache_dir: Path,
                    meanwhile: Callable[[], None]) -> Iterator[BlogSummary | InputError]:
    """Results per planned raw file from `jobs` worker processes. A worker that dies (killed for
    memory, or a crash inside a library) breaks the pool: the files without a result are then
    processed one at a time, each in a worker of its own, and one that kills its worker is
    reported."""
    done = 0
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(planned)), initializer=ignore_interrupts)
    try:
        futures = [pool.submit(process_file, raw_dir, path, entry, cache_dir) for path, entry in planned]
        validate.prepare_in_background()  # now that the workers are forked: none inherits a half-done import
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


def process_isolated(raw_dir: Path, planned: list,
                     cache_dir: Path) -> Iterator[BlogSummary | InputError]:
    """Results per raw file from one worker process at a time, a new one after a worker dies."""
    pool = None
    try:
        for path, entry in planned:
            pool = pool or ProcessPoolExecutor(max_workers=1, initializer=ignore_interrupts)
            try:
                yield pool.submit(process_file, raw_dir, path, entry, cache_dir).result()
            except BrokenProcessPool:
                pool.shutdown()
                pool = None
                yield InputError(path, "the worker process reading it died (out of memory, or a "
                                       "crash inside a library)", stage="parse")
            except Exception as exc:  # a result that could not be sent back
                yield unexpected(path, exc)
    except BaseException:
        if pool is not None:
            end_workers(pool)
        raise
    finally:
        if pool is not None:
            pool.shutdown()


def process_on_dask(raw_dir: Path, planned: list, jobs: int, progress: Callable[[Iterable], Iterable],
                    scheduler: str | None, cache_dir: Path, meanwhile: Callable[[], None] = lambda: None,
                    ) -> Iterator[BlogSummary | InputError]:
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
            meanwhile()
            for (path, _), future in zip(planned, progress(futures)):
                try:
                    yield future.result()
                except Exception as exc:  # a worker lost, or a result that could not be sent back
                    yield unexpected(path, exc)
    finally:
        if cluster is not None:
            cluster.close()


def indexed(raw_dir: Path, planned: list, cache_dir: Path, use_index: bool = True,
            ) -> tuple[dict[str, BlogSummary], dict]:
    """The summaries of raw files unchanged since the cache's index of raw_dir saw them (their tables
    still cached; none without use_index), and every planned file's stat, taken before it is read."""
    index = cache.read_index(cache_dir, raw_dir) if use_index else {}
    known, stats = {}, {}
    for rel_path, entry in planned:
        try:
            stats[rel_path] = cache.stat_of(f"{raw_dir}/{rel_path}")
        except OSError:
            continue  # reported when the file is read
        hit = index.get(rel_path)
        if hit is None or hit.stat != stats[rel_path]:
            continue
        try:
            summary = BlogSummary(**hit.summary)
        except TypeError:
            continue
        if summary.cache_key == cache.key(summary.raw_sha256, rel_path, entry) \
                and cache.has(cache_dir, summary.cache_key, BlogTables):
            known[rel_path] = summary
    return known, stats


def summarise(raw_dir: Path, keep_going: bool, jobs: int, progress: Callable[[Iterable], Iterable], engine: str,
              scheduler: str | None, cache_dir: Path, use_index: bool = True,
              meanwhile: Callable[[list[BlogSummary]], None] = lambda known: None,
              ) -> tuple[list[BlogSummary], list[InputError]]:
    """Process every raw file that changed (with use_index, the rest are known from the cache's
    index), calling meanwhile(known summaries) while they are processed elsewhere; the summaries in
    blog-id order. With keep_going, bad files are skipped."""
    planned = raw.plan(raw_dir)
    known, stats = indexed(raw_dir, planned, cache_dir, use_index)
    changed = [(path, entry) for path, entry in planned if path not in known]
    summaries, skipped = list(known.values()), []
    found = {}
    results = process_all(raw_dir, changed, jobs, progress, engine, scheduler, cache_dir,
                          lambda: meanwhile(sorted(known.values(), key=lambda s: s.blog_id)))
    for (path, _), result in zip(changed, results):
        if isinstance(result, InputError):
            if not keep_going:
                raise result
            skipped.append(result)
        else:
            summaries.append(result)
            found[path] = result
    if found:
        index = {path: cache.IndexEntry(stats[path], vars(s))
                 for path, s in [*known.items(), *found.items()] if path in stats}
        cache.write_index(cache_dir, raw_dir, index)
    summaries, duplicates = quarantine.without_duplicates(summaries)
    if duplicates and not keep_going:
        raise InputErrors(duplicates)
    skipped += duplicates
    if not summaries:
        raise InputError(str(raw_dir), "no blog could be built")
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


class CacheEntryLost(InputError):
    """A blog's cached tables are gone or unreadable although the raw index vouched for them."""

    def __reduce__(self):
        return (CacheEntryLost, (self.path, self.message, self.line))


def part_tables(part: list[BlogSummary], cache_dir: Path) -> dict[str, pa.Table]:
    """One part's tables from the cache, each sorted by primary key."""
    loaded = [cache.load(cache_dir, s.cache_key) for s in part]
    if any(b is None for b in loaded):
        raise CacheEntryLost(str(cache_dir), "a blog's cached tables are gone or unreadable")
    meta = table_metadata()
    return {name: store.concat_sorted(TABLES[name], [b.tables[name] for b in loaded], meta) for name in TABLES}


@dataclass
class BuiltPart:
    """One part of the corpus as written: its Parquet file of each table (table name -> bytes) with
    its sha256, and its validation outcome, with its Data Docs pages."""

    name: str
    parquet: dict[str, bytes]
    digests: dict[str, str]
    outcome: validate.PartOutcome

    def to_entry(self) -> tuple[dict[str, bytes], dict]:
        return self.parquet, {"name": self.name, "digests": self.digests,
                              "outcome": self.outcome.as_json()}

    @classmethod
    def from_entry(cls, sections: dict[str, bytes], meta: dict) -> BuiltPart:
        digests = meta["digests"]
        if set(sections) != set(TABLES) or any(hashlib.sha256(data).hexdigest() != digests[name]
                                               for name, data in sections.items()):
            raise ValueError("a part's Parquet files differ from their sha256")
        return cls(meta["name"], sections, digests, validate.PartOutcome.from_json(meta["outcome"]))


def part_name(part: list[BlogSummary]) -> str:
    """A part is named after its first blog, so that its name stays when other parts change."""
    return f"part-{part[0].blog_id}"


def part_key(part: list[BlogSummary]) -> str:
    return cache.part_key([s.cache_key for s in part], part_name(part), __version__)


def build_part(part: list[BlogSummary], cache_dir: Path) -> BuiltPart | InputError:
    """One part's files and validation: from the cache, or made from its blogs' cached tables
    (possibly in a worker process). Bad input is returned, not raised."""
    key = part_key(part)
    built = cache.load(cache_dir, key, BuiltPart)
    if built is None:
        try:
            tables = part_tables(part, cache_dir)
        except InputError as err:
            return err
        name = part_name(part)
        outcome = validate.prepared_checker().check(tables, validate.part_run_name(name))
        parquet = {table: store.parquet_bytes(data) for table, data in tables.items()}
        built = BuiltPart(name, parquet, {t: hashlib.sha256(b).hexdigest() for t, b in parquet.items()}, outcome)
        cache.store(cache_dir, key, built)
    return built


def built_parts(planned: list[list[BlogSummary]], cache_dir: Path, jobs: int,
                ) -> Iterator[tuple[list[BlogSummary], BuiltPart]]:
    """Every part in order: cached ones read here, the others made here or, when there are several,
    in `jobs` worker processes."""
    missing = [part for part in planned if not cache.has(cache_dir, part_key(part), BuiltPart)]
    if missing:
        validate.prepared_checker()  # before forking, so that the workers inherit a checker set up
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=ignore_interrupts) \
        if jobs > 1 and len(missing) > 1 else None
    try:
        futures = {part_key(part): pool.submit(build_part, part, cache_dir) for part in missing} if pool else {}
        for part in planned:
            future = futures.get(part_key(part))
            built = future.result() if future is not None else build_part(part, cache_dir)
            if isinstance(built, InputError):
                raise built
            yield part, built
    except BaseException:
        if pool is not None:
            end_workers(pool)
        raise
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


@dataclass(frozen=True)
class WrittenPart:
    """What is kept of a part written to the output: its key, its validation outcome (without the Data
    Docs pages, which are on disk), the sha256 of each table's file, and whether it lies in the output
    folder from an earlier build (else in the staging folder)."""

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
    """Writes built parts into the staging folder, in any order (parts of a speculative layout may be
    dropped again), and assembles them in part order at the end. Parts lying intact in the output
    folder (`placed`) count as written."""

    def __init__(self, staging: Path, placed: dict[str, WrittenPart] | None = None) -> None:
        self.staging = staging
        self.parts: dict[str, WrittenPart] = {name: replace(w, in_place=True) for name, w in (placed or {}).items()}
        self.folders: set[Path] = set()

    def has(self, part: list[BlogSummary]) -> bool:
        written = self.parts.get(part_name(part))
        return written is not None and written.key == part_key(part)

    def write(self, part: list[BlogSummary], built: BuiltPart) -> None:
        """A part's Parquet files and Data Docs site (replacing a part written under the same name)."""
        if built.name in self.parts:
            self.drop(built.name)
        for table, data in built.parquet.items():
            self.write_file(self.staging / store.part_file(table, built.name), data)
        for rel_path, text in built.outcome.docs.items():
            self.write_file(self.docs_dir(built.name) / rel_path, text.encode("utf-8"))
        self.parts[built.name] = WrittenPart(part_key(part), replace(built.outcome, docs={}), built.digests)

    def drop(self, name: str) -> None:
        """Forget a part; remove its files unless it lies in the output folder (then the commit does)."""
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
        """A part's files and folders in a data folder: one file per table and its Data Docs site."""
        return (*(store.part_file(t, name) for t in tables), docs_root(name))

    def commit(self, out: output.OutputFolder) -> None:
        """Move the staged parts into the output folder, keep those in place, remove the rest."""
        out.commit({name: (w.as_json(), self.roots(name, w.digests))
                    for name, w in self.parts.items()},
                   {name for name, w in self.parts.items() if w.in_place})

    def write_file(self, path: Path, data: bytes) -> None:
        """Write a new file, making its folder first unless it is among the folders made already."""
        if path.parent not in self.folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.folders.add(path.parent)
        with open(path, "wb") as f:
            f.write(data)

    def prewrite(self, summaries: list[BlogSummary], cache_dir: Path, part_rows: int) -> None:
        """The cached parts of a layout of these blogs alone: while changed raw files are processed,
        most parts of the final layout can be written already."""
        for part in parts(summaries, part_rows):
            if not self.has(part):
                built = cache.load(cache_dir, part_key(part), BuiltPart)
                if built is not None:
                    self.write(part, built)

    def finish(self, planned: list[list[BlogSummary]], cache_dir: Path, jobs: int) -> tuple[Written, list]:
        """Every part of the final layout written (parts written for another layout dropped); what was
        written and each part's name and outcome, in part order."""
        wanted = {part_name(p): part_key(p) for p in planned}
        for name in [n for n, w in self.parts.items() if wanted.get(n) != w.key]:
            self.drop(name)
        for part, built in built_parts([p for p in planned if not self.has(p)], cache_dir, jobs):
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
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def write_text(staging: Path, name: str, text: str, written: Written) -> None:
    (staging / name).write_text(text, encoding="utf-8")
    written.digests[name] = hashlib.sha256(text.encode("utf-8")).hexdigest()


PART_FOLDERS = (*(store.table_dir_name(name) for name in TABLES), validate.DOCS_DIR_NAME)  # hold the parts


def build(raw_dir: Path, out_dir: Path, keep_going: bool = False, jobs: int = 1,
          progress: Callable[[Iterable], Iterable] = iter, engine: str = "local", scheduler: str | None = None,
          cache_dir: Path | None = None, part_rows: int = store.PART_ROWS) -> BuildResult:
    """Build every table from raw_dir into out_dir, part by part: validated and written; nothing
    replaces out_dir's tables unless every part passes. Without a cache, a temporary one holds the
    per-file tables until they are written."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="corpus-parts-") as spill:
        cache_dir = cache_dir if cache_dir is not None else Path(spill)
        with output.OutputFolder(out_dir, cache_dir, PART_FOLDERS) as out:
            result = build_into(out, raw_dir, keep_going, jobs, progress, engine, scheduler, cache_dir, part_rows)
    result.seconds = time.perf_counter() - started
    return result


def build_into(out: output.OutputFolder, raw_dir: Path, keep_going: bool, jobs: int,
               progress: Callable[[Iterable], Iterable], engine: str, scheduler: str | None, cache_dir: Path,
               part_rows: int) -> BuildResult:
    """The build's work, written into an output folder and committed there."""
    writer = PartWriter(out.staging, {name: WrittenPart.from_json(p.record)
                                      for name, p in out.placed.items()
                                      if WrittenPart.readable(p.record)})

    def prewrite(known: list[BlogSummary]) -> None:
        writer.prewrite(known, cache_dir, part_rows)

    summaries, skipped = summarise(raw_dir, keep_going, jobs, progress, engine, scheduler, cache_dir,
                                   meanwhile=prewrite)
    try:
        summaries, skipped = write_checked(summaries, skipped, writer, cache_dir, jobs, part_rows,
                                           keep_going, raw_dir, out.out_dir)
    except CacheEntryLost:  # read every raw file again, processing those whose tables were lost
        summaries, skipped = summarise(raw_dir, keep_going, jobs, progress, engine, scheduler, cache_dir,
                                       use_index=False)
        summaries, skipped = write_checked(summaries, skipped, writer, cache_dir, jobs, part_rows,
                                           keep_going, raw_dir, out.out_dir)
    writer.commit(out)
    return BuildResult(len(summaries), sum(s.rows["entries"] for s in summaries),
                       sum(s.n_bytes for s in summaries), 0.0, skipped)


class PartsFailed(Exception):
    """Some parts failed validation: the report, and those parts."""

    def __init__(self, report: validate.Report, parts: list[list[BlogSummary]]):
        super().__init__(str(validate.ValidationFailed(report)))
        self.report, self.parts = report, parts


def write_checked(summaries: list[BlogSummary], skipped: list[InputError], writer: PartWriter,
                  cache_dir: Path, jobs: int, part_rows: int, keep_going: bool, raw_dir: Path,
                  out_dir: Path) -> tuple[list[BlogSummary], list[InputError]]:
    """write_tables; when validation fails, the raw files to blame are named (and with keep_going
    quarantined, the rest written again). A failure no raw file alone explains stops the build."""
    while True:
        try:
            write_tables(summaries, skipped, writer, cache_dir, jobs, part_rows, raw_dir, out_dir)
            return summaries, skipped
        except PartsFailed as failure:
            blamed = [err for part in failure.parts for err in quarantine.blame(part, cache_dir)]
            blamed.sort(key=lambda err: err.path)
            if not blamed:
                raise validate.ValidationFailed(failure.report) from None
            if not keep_going:
                raise InputErrors(blamed) from None
            gone = {err.path for err in blamed}
            summaries, skipped = [s for s in summaries if s.raw_path not in gone], skipped + blamed
            if not summaries:
                raise InputError(blamed[0].path,
                                 "no blog could be built: every one fails a check") from None


def write_tables(summaries: list[BlogSummary], skipped: list[InputError], writer: PartWriter,
                 cache_dir: Path, jobs: int, part_rows: int, raw_dir: Path, out_dir: Path) -> None:
    """Every part's tables and Data Docs, the validation summary, quarantine report, coverage
    table, data package and checksums into the staging folder; validation failing raises (and
    nothing replaces the previous tables)."""
    staging = writer.staging
    planned = list(parts(summaries, part_rows))
    written, outcomes = writer.finish(planned, cache_dir, jobs)
    validation = validate.PartValidation()
    for _, outcome in outcomes:
        validation.add_outcome(outcome)
    report = validation.report()
    if not report.success:
        failed = [p for p, (_, o) in zip(planned, outcomes)
                  if not all(c.success for c in o.checks)]
        raise PartsFailed(report, failed)
    (staging / validate.DOCS_DIR_NAME).mkdir(exist_ok=True)  # absent when every part lies in place
    (staging / validate.DOCS_DIR_NAME / "index.html").write_text(
        validate.docs_index(outcomes, __version__), encoding="utf-8")
    write_text(staging, validate.SUMMARY_NAME, report.summary_json(__version__), written)
    write_text(staging, quarantine.REPORT_NAME, quarantine.report_json(skipped, __version__),
               written)
    left_out = coverage.left_out_days(skipped, raw_dir, cache_dir)
    covered = coverage.from_parts([staging, out_dir], written.table_files, left_out,
                                  table_metadata())  # parts lie staged, or in place in the output
    written.table_files[COVERAGE.name] = [coverage.FILE_NAME]
    written.digests[coverage.FILE_NAME] = write_bytes(staging / coverage.FILE_NAME,
                                                      store.parquet_bytes(covered))
    citation = metadata.read_citation(release.REPO_ROOT / "CITATION.cff")
    write_text(staging, metadata.DATAPACKAGE_NAME,
               metadata.datapackage_json(written.table_files, written.digests, __version__, citation), written)
    (staging / store.CHECKSUMS_NAME).write_text(store.checksum_lines(written.digests), encoding="utf-8")
