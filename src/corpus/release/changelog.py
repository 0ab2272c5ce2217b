"""The CHANGELOG section of one version: what a release carries and the preflight checks."""

from __future__ import annotations

import re

from corpus.errors import InputError


def changelog_entry(changelog: str, version: str) -> str:
    """The CHANGELOG section of one version ('## [0.1.0] - 2026-11-24' up to the next '## ')."""
    m = re.search(
        rf"^## \[{re.escape(version)}\].*?(?=^## |\Z)", changelog, re.MULTILINE | re.DOTALL
    )
    if m is None:
        raise InputError(
            "CHANGELOG.md", f"no entry for version {version} ('## [{version}] - YYYY-MM-DD')"
        )
    return m.group(0).strip() + "\n"
