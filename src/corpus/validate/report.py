"""What validation found: each check's outcome, and a report of them all."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

MAX_EXAMPLES = 5
SUMMARY_NAME = "validation.json"
DOCS_DIR_NAME = "validation"


@dataclass(frozen=True)
class Check:
    """The outcome of one rule on one table (and column, where it has one)."""

    table: str
    column: str | None
    check: str
    success: bool
    unexpected_count: int = 0
    examples: tuple[str, ...] = ()

    def describe(self) -> str:
        where = f"{self.table}.{self.column}" if self.column else self.table
        shown = "; ".join(self.examples)
        return f"{where}: {self.check} failed for {self.unexpected_count} row(s)" + (
            f", e.g. {shown}" if shown else ""
        )


@dataclass(frozen=True)
class Report:
    checks: tuple[Check, ...]
    rows: dict[str, int]

    @property
    def success(self) -> bool:
        return all(c.success for c in self.checks)

    @property
    def failures(self) -> list[Check]:
        return [c for c in self.checks if not c.success]

    def summary_json(self, dataset_version: str) -> str:
        """A deterministic summary: no run times, checks in a fixed order."""
        body = {
            "dataset_version": dataset_version,
            "success": self.success,
            "rows": dict(sorted(self.rows.items())),
            "n_checks": len(self.checks),
            "n_failed": len(self.failures),
            "checks": [
                asdict(c)
                for c in sorted(self.checks, key=lambda c: (c.table, c.column or "", c.check))
            ],
        }
        return json.dumps(body, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


class ValidationFailed(Exception):
    def __init__(self, report: Report):
        super().__init__(f"{len(report.failures)} validation check(s) failed")
        self.report = report


def merge(checks: list[Check]) -> list[Check]:
    """One check per (table, column, rule) over all parts: failed counts summed, first examples
    kept."""
    merged: dict[tuple, Check] = {}
    for c in checks:
        key = (c.table, c.column, c.check)
        seen = merged.get(key)
        merged[key] = (
            c
            if seen is None
            else Check(
                c.table,
                c.column,
                c.check,
                seen.success and c.success,
                seen.unexpected_count + c.unexpected_count,
                (seen.examples + c.examples)[:MAX_EXAMPLES],
            )
        )
    return list(merged.values())
