"""Validation: every table checked against its declaration in schema.py (Great Expectations
suites generated from it, plus cross-table rules in pandas), one part of the corpus at a time.
May import: schema, errors. Imported by: build, release, cli."""

from __future__ import annotations

from corpus.validate.docs import normalise_page
from corpus.validate.parts import (
    GxHalf,
    PartChecker,
    PartOutcome,
    PartValidation,
    build_checker,
    combined,
    docs_index,
    other_half,
    part_run_name,
    prepare,
    prepare_in_background,
    prepared_checker,
    validate,
)
from corpus.validate.report import (
    DOCS_DIR_NAME,
    MAX_EXAMPLES,
    SUMMARY_NAME,
    Check,
    Report,
    ValidationFailed,
)

__all__ = [
    "DOCS_DIR_NAME",
    "MAX_EXAMPLES",
    "SUMMARY_NAME",
    "Check",
    "GxHalf",
    "PartChecker",
    "PartOutcome",
    "PartValidation",
    "Report",
    "ValidationFailed",
    "build_checker",
    "combined",
    "docs_index",
    "normalise_page",
    "other_half",
    "part_run_name",
    "prepare",
    "prepare_in_background",
    "prepared_checker",
    "validate",
]
