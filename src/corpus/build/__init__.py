"""Building: raw files in, validated Parquet tables out (plan, engines, per-file processing,
parts, cache, output folder, quarantine, coverage). May import: schema, errors, dataset, collect,
parse, timeline/tables, extract, validate. Never imports release or the command line."""

from __future__ import annotations

from corpus.build.options import BuildOptions

__all__ = ["BuildOptions"]  # the build itself: corpus.build.run.build(options)
