"""The data card: a release's README, written from the built tables, registry and citation."""

from __future__ import annotations

import json
from pathlib import Path

from corpus.build import coverage, quarantine
from corpus.collect import raw_registry
from corpus.collect.addresses import strip_userinfo
from corpus.dataset import metadata
from corpus.dataset.store import count_rows, read_table, table_dir_name
from corpus.schema import ALL_TABLES


def data_card(
    version: str,
    citation: dict,
    processed: Path,
    raw_dir: Path,
    root: Path,
    text_lines: list[str] | None = None,
) -> str:
    """The release README: what, how to cite, tables and codebook, sources and rights, validation,
    limits."""
    counts = {n: count_rows(processed / table_dir_name(n)) for n in ALL_TABLES}
    summary = json.loads((processed / "validation.json").read_text(encoding="utf-8"))
    left_out = processed / quarantine.REPORT_NAME
    n_left_out = (
        json.loads(left_out.read_text(encoding="utf-8"))["n_quarantined"]
        if left_out.is_file()
        else 0
    )
    blog_outlets = read_table(processed / table_dir_name("blogs"))["outlet"].to_pylist()
    sources = raw_registry.read_registry(raw_dir) or []
    lines = [
        f"# {citation['title']} — version {version}",
        "",
        citation["abstract"].strip(),
        "",
        "## How to cite",
        "",
        "```",
        metadata.cite(citation, "apa").strip(),
        "```",
        "",
        "BibTeX and CFF: `corpus cite --format bibtex|cff`, or `CITATION.cff` in this folder.",
        "",
        "## Tables",
        "",
        "| table | rows |",
        "|---|---|",
        *[f"| `{n}` | {c} |" for n, c in counts.items()],
        "",
        'Load with `corpus.load("figures", path="<this folder or its zip>")`, or any Parquet '
        "reader. Machine-readable descriptions: `datapackage.json` (Frictionless) and "
        "`croissant.json` (MLCommons Croissant).",
        "",
        *coverage.card_section(
            read_table(processed / coverage.FILE_NAME), blog_outlets, n_left_out
        ),
        "## Changes since the previous release",
        "",
        "`CHANGES.md` counts the rows added, removed and changed per table; "
        "`changes.json` lists them by key (`corpus diff OLD NEW` compares any two "
        "releases).",
        "",
        "## Codebook",
        "",
        metadata.codebook(),
        *(text_lines or []),
        "## Sources and rights",
        "",
        metadata.RIGHTS_STATEMENT,
        "",
        "| raw file | outlet | url | retrieved | format | rights | text redistributable |",
        "|---|---|---|---|---|---|---|",
        *[
            f"| `{s.path}` | {s.outlet} | {strip_userinfo(s.url)} | {s.retrieved_date} | "
            f"{s.format} | {s.rights} | {s.text_redistributable or 'no'} |"
            for s in sources
        ],
        "",
        "## Validation",
        "",
        f"{summary['n_checks']} checks (Great Expectations suites generated from the schema, plus "
        f"cross-table "
        f"rules), {summary['n_failed']} failed. Details: `validation.json`; raw files the build "
        f"left "
        "out (unreadable, duplicates, failing their own checks): `quarantine.json`.",
        "",
        "## Known limitations",
        "",
        known_limitations(root),
        "",
    ]
    return "\n".join(lines)


def known_limitations(root: Path) -> str:
    return (root / "docs" / "known-limitations.md").read_text(encoding="utf-8").strip()
