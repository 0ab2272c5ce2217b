"""The headline numbers the README quotes, computed from built tables, and the command that
rewrites the README's list: `python -m corpus.headline [--data DIR] [--readme README.md]`.

`notebooks/04-reproduce.ipynb` prints the same lines and fails when the README drifts from them;
`make notebooks` refreshes both, so the committed corpus's numbers live in one place.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from corpus import load
from corpus.dataset.reports import reports as count_once

SECTION = "## Headline numbers"
LIST_LINE = re.compile(r"^- [^:\n]+: .*$", re.MULTILINE)


def headline_numbers(data: Path) -> list[str]:
    """One 'name: value' line per headline number of the tables in `data`."""
    blogs, entries = load("blogs", path=data), load("entries", path=data)
    mentions, figures = load("entities", path=data), load("figures", path=data)
    reports = count_once(figures)  # a conversion or a headline's repeat is not a second report
    tolls = reports.loc[reports["category"] == "killed", "value"]
    return [
        f"blogs: {len(blogs)}",
        f"outlets: {blogs['outlet'].nunique()}",
        f"entries: {len(entries)}",
        f"entity mentions: {len(mentions)}",
        f"distinct entities: {mentions['canonical_name'].nunique()}",
        f"figures: {len(figures)}",
        "casualty figures (killed or injured): "
        f"{reports['category'].isin(['killed', 'injured']).sum()}",
        f"highest reported death toll: {tolls.max():g}"
        if len(tolls)
        else "highest reported death toll: none",
    ]


def rewrite_readme(readme: str, lines: list[str]) -> str:
    """The README with the list under its headline section replaced by `lines`."""
    at = readme.find(SECTION)
    if at < 0:
        raise ValueError(f"README has no '{SECTION}' section")
    end = readme.find("\n## ", at + len(SECTION))
    end = len(readme) if end < 0 else end
    section = readme[at:end]
    first = LIST_LINE.search(section)
    if first is None:
        raise ValueError(f"README's '{SECTION}' section has no '- name: value' list")
    items = list(LIST_LINE.finditer(section))
    new_section = (
        section[: first.start()]
        + "\n".join(f"- {line}" for line in lines)
        + section[items[-1].end() :]
    )
    return readme[:at] + new_section + readme[end:]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m corpus.headline", description=__doc__.splitlines()[0]
    )
    p.add_argument(
        "--data", default="data/processed", help="built tables (default: data/processed)"
    )
    p.add_argument(
        "--readme", default="README.md", help="the README to rewrite (default: README.md)"
    )
    args = p.parse_args(argv)
    readme = Path(args.readme)
    try:
        updated = rewrite_readme(
            readme.read_text(encoding="utf-8"), headline_numbers(Path(args.data))
        )
    except (OSError, ValueError) as exc:
        print(f"error: {readme}: {exc}", file=sys.stderr)
        return 2
    readme.write_text(updated, encoding="utf-8")
    print(f"{readme}: headline numbers of {args.data} written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
