"""Releasing: the preflight's list of problems, CHANGES against the previous release, no
overwriting of a released version."""
import json
import os
import shutil

import pandas as pd
import pytest

from corpus.cli import main
from corpus.dataset.store import live_folder
from corpus.errors import InputError
from corpus.release.preflight import changelog_problems, rights_problems
from corpus.release.publish import make_release, previous_release
from corpus.release.record import RECORD_NAME, tables_digest
from corpus.schema import ALL_TABLES
from corpus.version import __version__
from release_inputs import built, raw_files, release_root, stamped_version, write_raw

VERSION = __version__  # what a build stamps into the tables
NO_RIGHTS = "has no rights note (fill in its `rights` cell)"
UNRELEASED = "# Changelog\n\n## [Unreleased]\n\n- Things.\n"


@pytest.fixture(scope="module")
def first(tmp_path_factory):
    """Raw folder "a" released as VERSION: (raw, processed, dist, folder, zip, root)."""
    raw_dir, processed = built(tmp_path_factory, "a")
    assert stamped_version(processed) == VERSION
    dist = tmp_path_factory.mktemp("dist")
    root = release_root(tmp_path_factory.mktemp("root"), VERSION)
    folder, archive = make_release(processed, dist, VERSION, raw_dir, project=root)
    return raw_dir, processed, dist, folder, archive, root


def direct_changes(old_dir, new_dir) -> dict[str, dict[str, int]]:
    """Rows added, removed and changed per table, by comparing the tables' rows directly."""
    out = {}
    for name, table in ALL_TABLES.items():
        key = list(table.primary_key)
        old = pd.read_parquet(old_dir / f"{name}.parquet").set_index(key)
        new = pd.read_parquet(new_dir / f"{name}.parquet").set_index(key)
        both = old.index.intersection(new.index)
        changed = sum(not old.loc[k].equals(new.loc[k]) for k in both)
        out[name] = {"added": len(new.index.difference(old.index)),
                     "removed": len(old.index.difference(new.index)), "changed": changed}
    return out


def test_changelog_needs_an_entry_that_says_something(tmp_path):
    path = tmp_path / "CHANGELOG.md"
    path.write_text("# Changelog\n\n## [Unreleased]\n\n### Added\n- Many things.\n")
    [problem] = changelog_problems(path, "0.3.0")
    assert "no entry for version 0.3.0" in problem and "[Unreleased]" in problem
    path.write_text("# Changelog\n\n## [0.3.0] - 2026-12-01\n\n"
                    "## [0.2.0] - 2026-11-01\n\n- Old news.\n")
    assert changelog_problems(path, "0.3.0") == [f"{path}: the entry for 0.3.0 says nothing"]
    assert changelog_problems(path, "0.2.0") == []


def test_rights_notes_are_required_per_file(tmp_path):
    raw_dir = write_raw(tmp_path / "raw", raw_files("b"), rights="")
    problems = rights_problems(raw_dir)
    names = ((2, "000_6d6ba2881843c3f6.txt"), (3, "001_invented_floods.txt"))
    assert problems == [f"{raw_dir / 'registry.csv'}:{n}: {name} {NO_RIGHTS}" for n, name in names]
    assert rights_problems(tmp_path) == [f"{tmp_path / 'registry.csv'}: no registry, so no rights "
                                         "note for any raw file (`corpus add --rights`)"]


def test_preflight_stops_with_the_whole_list(tmp_path_factory, tmp_path):
    _, processed = built(tmp_path_factory, "a")  # the tables of "a", the raw folder of "b"
    raw_b = write_raw(tmp_path / "raw", raw_files("b"), rights="")
    root = release_root(tmp_path / "root", VERSION, changelog=UNRELEASED)
    with pytest.raises(InputError) as caught:
        make_release(processed, tmp_path / "dist", VERSION, raw_b, project=root)
    lines = str(caught.value).splitlines()
    assert lines[0] == f"{processed}: not released as {VERSION}, {len(lines) - 1} problem(s):"
    assert f"no entry for version {VERSION}" in lines[1]
    assert lines[2].endswith(f"000_6d6ba2881843c3f6.txt {NO_RIGHTS}")
    assert lines[3].endswith(f"001_invented_floods.txt {NO_RIGHTS}")
    assert lines[4].startswith(f"  - {processed / 'blogs.parquet'}: differs from a fresh build of "
                               f"{raw_b} (rebuilding would add 1, change 1 rows): "
                               "`corpus build --raw ")
    assert lines[5].startswith(f"  - {processed / 'entries.parquet'}: differs from a fresh build")
    assert not (tmp_path / "dist").exists()


def test_cli_release_prints_the_list_and_writes_nothing(tmp_path_factory, tmp_path, monkeypatch,
                                                        capsys):
    raw_dir, processed = built(tmp_path_factory, "a")
    root = release_root(tmp_path / "root", VERSION, changelog="# Changelog\n\n## [Unreleased]\n")
    code = main(["release", "--processed", str(processed), "--raw", str(raw_dir),
                 "--out", str(tmp_path / "d"), "--project", str(root)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(f"error: {processed}: not released as {VERSION}, 1 problem(s):\n  - ")
    assert f"no entry for version {VERSION}" in err and "Traceback" not in err
    assert not (tmp_path / "d").exists()


def test_first_release_has_metadata_and_says_it_has_nothing_to_compare(first):
    *_, folder, archive, _ = first
    names = sorted(p.name for p in folder.iterdir())
    assert {"CHANGES.md", "changes.json", "croissant.json", "datapackage.json"} <= set(names)
    assert json.loads((folder / "changes.json").read_text()) == {
        "old": None, "new": {"name": folder.name, "version": VERSION}, "tables": {}}
    assert "nothing to compare with" in (folder / "CHANGES.md").read_text()
    assert main(["verify", str(archive)]) == 0
    mlc = pytest.importorskip("mlcroissant")
    issues = mlc.Dataset(jsonld=str(folder / "croissant.json")).metadata.ctx.issues
    assert not issues.errors and not issues.warnings


def test_identical_rerelease_is_accepted_and_different_data_refused(first, tmp_path_factory):
    raw_dir, processed, dist, folder, archive, root = first
    before = archive.read_bytes()
    assert make_release(processed, dist, VERSION, raw_dir, project=root) == (folder, archive)
    assert archive.read_bytes() == before
    raw_b, processed_b = built(tmp_path_factory, "b")
    with pytest.raises(InputError) as caught:
        make_release(processed_b, dist, VERSION, raw_b, project=root)
    message = str(caught.value)
    assert message.startswith(f"{folder}: already holds version {VERSION} with different "
                              "contents (blogs.parquet, ")
    assert "blogs.parquet" in message and "bump the version" in message
    assert archive.read_bytes() == before and sorted(p.name for p in dist.iterdir()) == sorted(
        [folder.name, archive.name])


def test_a_released_version_is_recorded_and_refused_for_other_tables_in_any_folder(
        first, tmp_path_factory, tmp_path):
    raw_dir, processed, _, folder, _, root = first
    record = (root / RECORD_NAME).read_text().splitlines()
    assert record[0].startswith("# Released versions") and len(record) == 3
    version, digest = record[2].split()
    sums = (live_folder(processed) / "SHA256SUMS").read_text().splitlines()
    assert version == VERSION  # the digest of the built tables the release was made from
    assert digest == tables_digest(dict(reversed(line.split("  ")) for line in sums))
    raw_b, processed_b = built(tmp_path_factory, "b")
    with pytest.raises(InputError) as caught:  # a new --out folder does not make a new version
        make_release(processed_b, tmp_path / "new-dist", VERSION, raw_b, project=root)
    assert f"version {VERSION} was released with other tables ({root / RECORD_NAME}" in str(
        caught.value)
    assert not list((tmp_path / "new-dist").glob("liveblog-corpus-*"))
    again, _ = make_release(processed, tmp_path / "other-dist", VERSION, raw_dir, project=root)
    assert again.name == folder.name  # the same tables: accepted anywhere, recorded once
    assert (root / RECORD_NAME).read_text().splitlines() == record


def test_changes_against_the_previous_release_match_a_direct_comparison(first, tmp_path_factory,
                                                                        tmp_path):
    *_, old_folder, old_zip, _ = first
    raw_b, processed_b = built(tmp_path_factory, "b")
    root = release_root(tmp_path / "root", VERSION)  # another project: its record is its own
    folder, _ = make_release(processed_b, tmp_path / "dist", VERSION, raw_b, previous=old_zip,
                             project=root)
    changes = json.loads((folder / "changes.json").read_text())
    assert changes["old"] == {"name": old_zip.name, "version": VERSION}
    expected = direct_changes(old_folder, folder)
    found = {n: {k: t[k] for k in ("added", "removed", "changed")}
             for n, t in changes["tables"].items()}
    assert found == expected
    assert expected["blogs"] == {"added": 1, "removed": 0, "changed": 1}  # the seed's raw_sha256
    assert expected["entries"]["added"] == 2 and expected["entries"]["changed"] >= 1
    markdown = (folder / "CHANGES.md").read_text()
    for name, counts in expected.items():
        t = changes["tables"][name]
        row = [t["old_rows"], t["new_rows"], counts["added"], counts["removed"], counts["changed"],
               t["unchanged"]]
        assert f"| `{name}` | " + " | ".join(map(str, row)) + " |" in markdown
    edited = [r for r in changes["tables"]["entries"]["changed_rows"] if "body" in r["columns"]]
    assert [r["columns"] for r in edited] == [["body"]]


def test_previous_release_is_the_highest_earlier_version(tmp_path):
    for name in ("liveblog-corpus-0.1.0.zip", "liveblog-corpus-0.9.0", "liveblog-corpus-0.10.0",
                 "liveblog-corpus-0.10.0.zip", "liveblog-corpus-1.0.0", "liveblog-corpus-x.zip",
                 "other-0.2.0"):
        if name.endswith(".zip"):
            (tmp_path / name).write_bytes(b"")
        else:
            (tmp_path / name).mkdir()
    # the folder before the zip of the same version
    assert previous_release(tmp_path, "1.0.0") == tmp_path / "liveblog-corpus-0.10.0"
    assert previous_release(tmp_path, "0.9.0") == tmp_path / "liveblog-corpus-0.1.0.zip"
    assert previous_release(tmp_path, "0.1.0") is None
    assert previous_release(tmp_path / "absent", "1.0.0") is None
    shutil.rmtree(tmp_path / "liveblog-corpus-0.10.0")
    assert previous_release(tmp_path, "1.0.0") == tmp_path / "liveblog-corpus-0.10.0.zip"
    assert os.path.basename(previous_release(tmp_path, "0.10.1")) == "liveblog-corpus-0.10.0.zip"
