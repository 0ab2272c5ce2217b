"""Small raw folders, their builds (once per test session) and release roots, for release tests.

Raw folder "a" is the seed; "b" is the seed with one word of one entry changed (same path, so the
same blog and entry IDs) plus an invented blog of this file's own text.
"""
from pathlib import Path

import pyarrow.parquet as pq

from conftest import RAW_DIR, REPO, SEED_NAME
from corpus.build import BuildOptions
from corpus.collect.raw_registry import REGISTRY_NAME, RegistryEntry
from corpus.collect.raw_text import sha256_of
from corpus.collect.registry_file import registry_text

SEED_EDIT = ("were fired by Russia in two attacks", "were fired by Russia in three attacks")
INVENTED_NAME = "001_invented_floods.txt"
INVENTED = """Live blog: Floods close the river port of an invented town
Rain has fallen for a third day.
Tuesday, March 5, 2024
1400 GMT — Port authority shuts the northern quay
Officials said 12 barges stayed moored until the water goes down.
1130 GMT Rescue teams moved about 300 people from the low streets, the mayor said.
"""
RIGHTS = "Invented for the tests; CC0"
_BUILT: dict[str, Path] = {}


def write_raw(folder: Path, files: dict[str, str], rights: str = RIGHTS) -> Path:
    """A raw folder of files (name -> text) and a registry listing them with a rights note (their
    text redistributable: the seed and text invented here)."""
    folder.mkdir(parents=True)
    entries = []
    for name, text in files.items():
        data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        outlet = "TRT World" if name == SEED_NAME else "Invented Daily"  # not the user's registry
        entries.append(RegistryEntry(name, sha256_of(data), "trt-text", outlet, "", "en",
                                     "2026-11-30", rights, text_redistributable="yes"))
    (folder / REGISTRY_NAME).write_text(registry_text(entries), encoding="utf-8")
    return folder


def raw_files(which: str) -> dict[str, str]:
    seed = (RAW_DIR / SEED_NAME).read_text(encoding="utf-8")
    if which == "a":
        return {SEED_NAME: seed}
    assert SEED_EDIT[0] in seed
    return {SEED_NAME: seed.replace(*SEED_EDIT), INVENTED_NAME: INVENTED}


def built(tmp_path_factory, which: str) -> tuple[Path, Path]:
    """(raw folder, built data folder) for raw folder `which`, built once per session."""
    if which not in _BUILT:
        from corpus.build.run import build

        base = tmp_path_factory.mktemp(f"raw-{which}")
        raw_dir = write_raw(base / "raw", raw_files(which))
        build(BuildOptions(raw_dir, base / "processed"))
        _BUILT[which] = base
    return _BUILT[which] / "raw", _BUILT[which] / "processed"


def release_root(folder: Path, version: str, changelog: str | None = None) -> Path:
    """A folder with CITATION.cff of `version`, a CHANGELOG with an entry for it (or `changelog`),
    and the known limitations: what make_release reads besides the data."""
    (folder / "docs").mkdir(parents=True)
    citation = (REPO / "CITATION.cff").read_text(encoding="utf-8")
    citation = "\n".join(f"version: {version}" if line.startswith("version:") else line
                         for line in citation.splitlines()) + "\n"
    (folder / "CITATION.cff").write_text(citation, encoding="utf-8")
    if changelog is None:
        changelog = (f"# Changelog\n\n## [{version}] - 2026-11-30\n\n"
                     f"### Added\n- Test release {version}.\n")
    (folder / "CHANGELOG.md").write_text(changelog, encoding="utf-8")
    (folder / "docs" / "known-limitations.md").write_text("- Invented limitation for the tests.\n")
    return folder


def stamped_version(processed: Path) -> str:
    first = sorted(processed.glob("*.parquet/*.parquet"))[0]
    return pq.read_schema(first).metadata[b"dataset_version"].decode()
