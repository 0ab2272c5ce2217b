"""The record of released versions, kept in the project beside CHANGELOG.md (`RELEASES.txt`): one
line `<version> <sha256 of its tables>` per release. A version names one content for ever: a
release of a recorded version with other tables is refused, whichever `--out` folder is given."""

from __future__ import annotations

import hashlib
from pathlib import Path

from corpus.errors import InputError

RECORD_NAME = "RELEASES.txt"
RECORD_HEADER = (
    '# Released versions: "<version> <sha256 of its tables>" per line, written by '
    "`corpus release`\n# (docs/RELEASING.md). Never edit a line: a version names one "
    "content for ever.\n"
)


def tables_digest(checksums: dict[str, str]) -> str:
    """One sha256 of the built tables a release is made from: of their Parquet files' sha256
    lines, sorted. The rest of a release (its changes since the previous one, its card, whether
    it carries the publishers' text) may differ between two output folders; the tables may not."""
    lines = "".join(
        f"{digest}  {name}\n"
        for name, digest in sorted(checksums.items())
        if name.endswith(".parquet")
    )
    return hashlib.sha256(lines.encode()).hexdigest()


def read_record(project: Path) -> dict[str, str]:
    """Recorded versions: version -> tables digest (empty when the project has no record)."""
    path = project / RECORD_NAME
    if not path.is_file():
        return {}
    recorded = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split()
        if len(fields) != 2 or len(fields[1]) != 64:
            raise InputError(str(path), "expected '<version> <sha256>'", line=number)
        recorded[fields[0]] = fields[1]
    return recorded


def record_problem(project: Path, version: str, digest: str) -> str | None:
    """Why these tables may not be released as version (it was released with other tables)."""
    recorded = read_record(project).get(version)
    if recorded is None or recorded == digest:
        return None
    return (
        f"version {version} was released with other tables ({project / RECORD_NAME}: "
        f"{recorded[:12]}..., these {digest[:12]}...): a released version is never reused; "
        "bump the version (pyproject.toml, CITATION.cff, CHANGELOG.md), rebuild and release"
    )


def record_release(project: Path, version: str, digest: str) -> bool:
    """Add version to the record unless it is there; whether a line was added."""
    if version in read_record(project):
        return False
    path = project / RECORD_NAME
    text = path.read_text(encoding="utf-8") if path.is_file() else RECORD_HEADER
    path.write_text(
        text + ("" if text.endswith("\n") else "\n") + f"{version} {digest}\n", encoding="utf-8"
    )
    return True
