"""The build: raw folder in, validated tables out, written atomically into the output folder.

Its steps, each a module of this package: plan (which raw files changed) -> engines (process
them: process.py) -> parts (group blogs, validate, cache) -> writer (stage) -> output (commit).
"""

from __future__ import annotations

import logging
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from corpus import validate
from corpus.build import coverage, output, prune, quarantine, seal
from corpus.build.cache import CacheEntryLost
from corpus.build.engines import Progress
from corpus.build.options import BuildOptions
from corpus.build.parts import CheckerWorker, parts
from corpus.build.plan import summarise
from corpus.build.process import table_metadata
from corpus.build.summary import BlogSummary
from corpus.build.writer import PartWriter, WrittenPart, write_bytes, write_text
from corpus.dataset import metadata, store
from corpus.errors import InputError, InputErrors
from corpus.extract import model
from corpus.schema import COVERAGE, TABLES
from corpus.version import __version__

log = logging.getLogger(__name__)


@dataclass
class BuildResult:
    n_blogs: int = 0
    n_entries: int = 0
    n_bytes: int = 0
    seconds: float = 0.0
    skipped: list[InputError] = field(default_factory=list)


PART_FOLDERS = (*(store.table_dir_name(name) for name in TABLES), validate.DOCS_DIR_NAME)


def build(
    options: BuildOptions, progress: Progress = iter, checker: CheckerWorker | None = None
) -> BuildResult:
    """Build every table from options.raw_dir into options.out_dir, part by part: validated and
    written; nothing replaces the output's tables unless every part passes. Without a cache, a
    temporary one holds the per-file tables until they are written. With --jobs above 1, checker
    (started already, or not) is the worker to check the parts of a small change; the build ends
    it."""
    problems = options.problems()
    if problems:
        raise InputErrors([InputError(option, problem) for option, problem in problems])
    started = time.perf_counter()
    seal.cache_key()  # a key file others can read stops the build here, in one line
    log.info("build: %s -> %s", options.raw_dir, options.out_dir)
    with tempfile.TemporaryDirectory(prefix="corpus-parts-") as spill:
        cache_dir = options.cache_dir if options.cache_dir is not None else Path(spill)
        with (
            prune.using(cache_dir),  # a prune of the cache waits for this build, and it for one
            output.OutputFolder(options.out_dir, cache_dir, PART_FOLDERS) as out,
        ):
            result = build_into(out, options, cache_dir, progress, checker or CheckerWorker())
    result.seconds = time.perf_counter() - started
    return result


def build_into(
    out: output.OutputFolder,
    options: BuildOptions,
    cache_dir: Path,
    progress: Progress,
    checker: CheckerWorker,
) -> BuildResult:
    """The build's work, written into an output folder and committed there."""
    writer = PartWriter(
        out.staging,
        {
            name: WrittenPart.from_json(p.record)
            for name, p in out.placed.items()
            if WrittenPart.readable(p.record)
        },
    )

    def prewrite(known: list[BlogSummary]) -> None:
        writer.prewrite(known, cache_dir, options.part_rows)

    # With --jobs above 1, a small change sets up validation in a worker of its own (parts.py)
    with checker:
        worker = checker if options.jobs > 1 and options.engine == "local" else None
        summaries, skipped = summarise(
            options, cache_dir, progress, meanwhile=prewrite, checker=worker
        )
        try:
            summaries, skipped = write_checked(
                summaries, skipped, writer, options, cache_dir, worker
            )
        except CacheEntryLost:  # read every raw file again, processing those whose tables were lost
            summaries, skipped = summarise(options, cache_dir, progress, use_index=False)
            summaries, skipped = write_checked(summaries, skipped, writer, options, cache_dir)
    log.info("parts and summaries staged")
    writer.commit(out)
    log.info("committed")
    return BuildResult(
        len(summaries),
        sum(s.rows["entries"] for s in summaries),
        sum(s.n_bytes for s in summaries),
        0.0,
        skipped,
    )


class PartsFailed(Exception):
    """Some parts failed validation: the report, and those parts."""

    def __init__(self, report: validate.Report, parts: list[list[BlogSummary]]):
        super().__init__(str(validate.ValidationFailed(report)))
        self.report, self.parts = report, parts


def write_checked(
    summaries: list[BlogSummary],
    skipped: list[InputError],
    writer: PartWriter,
    options: BuildOptions,
    cache_dir: Path,
    checker: CheckerWorker | None = None,
) -> tuple[list[BlogSummary], list[InputError]]:
    """write_tables; when validation fails, the raw files to blame are named (and with keep_going
    quarantined, the rest written again). A failure no raw file alone explains stops the build."""
    while True:
        try:
            write_tables(summaries, skipped, writer, options, cache_dir, checker)
            return summaries, skipped
        except PartsFailed as failure:
            blamed = [err for part in failure.parts for err in quarantine.blame(part, cache_dir)]
            blamed.sort(key=lambda err: err.path)
            if not blamed:
                raise validate.ValidationFailed(failure.report) from None
            if not options.keep_going:
                raise InputErrors(blamed) from None
            gone = {err.path for err in blamed}
            summaries, skipped = [s for s in summaries if s.raw_path not in gone], skipped + blamed
            if not summaries:
                raise InputError(
                    blamed[0].path, "no blog could be built: every one fails a check"
                ) from None


def write_tables(
    summaries: list[BlogSummary],
    skipped: list[InputError],
    writer: PartWriter,
    options: BuildOptions,
    cache_dir: Path,
    checker: CheckerWorker | None = None,
) -> None:
    """Every part's tables and Data Docs, the validation summary, quarantine report, coverage
    table, data package and checksums into the staging folder; validation failing raises (and
    nothing replaces the previous tables)."""
    staging = writer.staging
    planned = list(parts(summaries, options.part_rows))
    meta = table_metadata()
    written, outcomes = writer.finish(planned, cache_dir, options.jobs, meta, checker)
    log.info("%d parts staged", len(planned))
    validation = validate.PartValidation()
    for _, outcome in outcomes:
        validation.add_outcome(outcome)
    report = validation.report()
    if not report.success:
        failed = [p for p, (_, o) in zip(planned, outcomes) if not all(c.success for c in o.checks)]
        raise PartsFailed(report, failed)
    (staging / validate.DOCS_DIR_NAME).mkdir(exist_ok=True)  # absent when every part lies in place
    (staging / validate.DOCS_DIR_NAME / "index.html").write_text(
        validate.docs_index(outcomes, __version__), encoding="utf-8"
    )
    write_text(staging, validate.SUMMARY_NAME, report.summary_json(__version__), written)
    write_text(
        staging, quarantine.REPORT_NAME, quarantine.report_json(skipped, __version__), written
    )
    left_out = coverage.left_out_days(skipped, options.raw_dir, cache_dir)
    covered = coverage.from_parts(
        [staging, options.out_dir], written.table_files, left_out, meta
    )  # parts lie staged, or in place in the output
    written.table_files[COVERAGE.name] = [coverage.FILE_NAME]
    written.digests[coverage.FILE_NAME] = write_bytes(
        staging / coverage.FILE_NAME, store.parquet_bytes(covered)
    )
    citation = metadata.dataset_citation(options.citation, __version__)
    write_text(
        staging,
        metadata.DATAPACKAGE_NAME,
        metadata.datapackage_json(
            written.table_files, written.digests, __version__, citation, model.metadata()
        ),
        written,
    )
    (staging / store.CHECKSUMS_NAME).write_text(
        store.checksum_lines(written.digests), encoding="utf-8"
    )
