"""Which raw files need processing (the rest are known from the cache's index), and the
summaries of every blog to build, duplicates left out."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

from corpus.build import cache, quarantine, raw_index
from corpus.build.cache import BlogTables
from corpus.build.engines import Engine, Planned, Progress, Result, engine_for
from corpus.build.options import BuildOptions
from corpus.build.parts import CheckerWorker
from corpus.build.summary import BlogSummary
from corpus.collect import raw
from corpus.errors import InputError, InputErrors

log = logging.getLogger(__name__)


def indexed(
    raw_dir: Path,
    planned: Planned,
    cache_dir: Path,
    use_index: bool = True,
) -> tuple[dict[str, BlogSummary], dict, int]:
    """The summaries of raw files unchanged since the cache's index of raw_dir saw them (their
    tables still cached; none without use_index), every planned file's stat, taken before it
    is read, and how many files the index holds."""
    index = raw_index.read_index(cache_dir, raw_dir) if use_index else {}
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
        if summary.cache_key == cache.key(summary.raw_sha256, rel_path, entry) and cache.has(
            cache_dir, summary.cache_key, BlogTables
        ):
            known[rel_path] = summary
    return known, stats, len(index)


def summarise(
    options: BuildOptions,
    cache_dir: Path,
    progress: Progress = iter,
    use_index: bool = True,
    meanwhile: Callable[[list[BlogSummary]], None] = lambda known: None,
    checker: CheckerWorker | None = None,
) -> tuple[list[BlogSummary], list[InputError]]:
    """Process every raw file that changed (with use_index, the rest are known from the cache's
    index), calling meanwhile(known summaries) while they are processed elsewhere; the summaries in
    blog-id order. With keep_going, bad files are skipped."""
    raw_dir, keep_going = options.raw_dir, options.keep_going
    special: list[tuple[str, str]] = []
    planned = raw.plan(raw_dir, special)
    not_files = [InputError(path, reason, stage="read") for path, reason in special]
    if not_files and not keep_going:
        raise InputErrors(not_files)
    known, stats, n_indexed = indexed(raw_dir, planned, cache_dir, use_index)
    changed = [(path, entry) for path, entry in planned if path not in known]
    log.info("plan: %d raw files known from the cache, %d to process", len(known), len(changed))
    summaries, skipped = list(known.values()), not_files
    found = {}
    results: Iterator[Result] = iter(())
    engine: Engine | None = None
    if changed:
        sizes = [stats[path][0] for path, _ in changed if path in stats]
        engine = engine_for(options, sizes if len(sizes) == len(changed) else None, checker)
        results = engine.results(
            raw_dir,
            changed,
            cache_dir,
            progress,
            lambda: meanwhile(sorted(known.values(), key=lambda s: s.blog_id)),
        )
    if checker is not None and getattr(engine, "checker", None) is not checker:
        checker.stop()  # nothing to extract here, or many files: their parts are checked elsewhere
    for (path, _), result in zip(changed, results):
        if isinstance(result, InputError):
            if not keep_going:  # the engine's workers end now, not when Python exits
                getattr(results, "close", lambda: None)()
                raise result
            skipped.append(result)
        else:
            summaries.append(result)
            found[path] = result
    log.info("plan: %d raw files processed, %d skipped", len(found), len(changed) - len(found))
    if found or n_indexed != len(known):  # files processed, or gone (what a prune keeps)
        index = {
            path: raw_index.IndexEntry(stats[path], vars(s))
            for path, s in [*known.items(), *found.items()]
            if path in stats
        }
        raw_index.write_index(cache_dir, raw_dir, index)
    summaries, duplicates = quarantine.without_duplicates(summaries)
    if duplicates and not keep_going:
        raise InputErrors(duplicates)
    skipped += duplicates
    if not summaries:
        raise InputError(str(raw_dir), "no blog could be built")
    return sorted(summaries, key=lambda s: s.blog_id), skipped
