"""A build's tables appear all at once or not at all: interrupted at any step of its commit, or
overlapping another build, the output holds exactly one build's blogs, and validate and verify
accept it."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import INVENTED_BLOGS, write_small_raw

from corpus import load
from corpus.build import BuildOptions, output
from corpus.build.run import build
from corpus.dataset.store import BUILDS_DIR, read_tables
from corpus.release.publish import verify
from corpus.schema import TABLES
from corpus.validate import validate


class Killed(BaseException):
    """Stands for a kill: nothing after it runs."""


def blog_set(out: Path) -> set[str]:
    return set(load("blogs", path=out).raw_path)


def assert_one_build(out: Path, expected: list[set[str]]) -> None:
    assert blog_set(out) in expected
    assert validate(read_tables(out, TABLES)).success
    assert verify(out) == []


@pytest.fixture(scope="module")
def two_raw(tmp_path_factory) -> tuple[Path, Path]:
    """Two plain raw folders: all small blogs, and all but two."""
    root = tmp_path_factory.mktemp("two-raw")
    first = write_small_raw(root / "first", registry=False)
    second = write_small_raw(root / "second", registry=False)
    for name in list(INVENTED_BLOGS)[:2]:
        (second / name).unlink()
    return first, second


@pytest.fixture(scope="module")
def warm(two_raw, tmp_path_factory) -> tuple[Path, Path]:
    """A cache holding both folders' blogs and parts, and the first folder's output."""
    cache_dir = tmp_path_factory.mktemp("warm") / "cache"
    scratch = tmp_path_factory.mktemp("scratch")
    build(BuildOptions(two_raw[1], scratch / "second", cache_dir=cache_dir, part_rows=1))
    build(BuildOptions(two_raw[0], scratch / "first", cache_dir=cache_dir, part_rows=1))
    return cache_dir, scratch / "first"


def files_of(out: Path) -> dict[str, bytes]:
    """Every file of the output's live build, read through its symlinks."""
    return {str(p.relative_to(out)): p.read_bytes() for name in os.listdir(out)
            if name != BUILDS_DIR for p in [out / name, *(out / name).rglob("*")] if p.is_file()}


def copy_output(source: Path, target: Path) -> None:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, symlinks=True)


def test_a_kill_at_any_step_of_the_commit_leaves_one_build(two_raw, warm, tmp_path, monkeypatch):
    cache_dir, first_out = warm
    out, sets = tmp_path / "out", [set(os.listdir(r)) for r in two_raw]
    steps = []
    build(BuildOptions(two_raw[0], out, cache_dir=cache_dir, part_rows=1))
    monkeypatch.setattr(output, "step", lambda n, what: steps.append(what))
    build(BuildOptions(two_raw[1], out, cache_dir=cache_dir, part_rows=1))
    kept = len(sets[1] & sets[0]) * (len(TABLES) + 1)  # their part files and Data Docs, linked
    assert len(steps) == kept + 6 and steps[-5] == "switch current"
    assert steps[-3:] == ["settle: link the build at its stable name", "settle: switch current",
                          "settle: remove the unsettled folder"]
    for number in range(1, len(steps) + 1):
        def kill(n, what, number=number):
            if n == number:
                raise Killed(what)
        monkeypatch.undo()
        build(BuildOptions(two_raw[0], out, cache_dir=cache_dir, part_rows=1))
        monkeypatch.setattr(output, "step", kill)
        monkeypatch.setattr(output.OutputFolder, "__exit__", lambda self, *exc: self.lock.close())
        with pytest.raises(Killed):
            build(BuildOptions(two_raw[1], out, cache_dir=cache_dir, part_rows=1))
        after = sets[1] if number > steps.index("switch current") + 1 else sets[0]
        assert blog_set(out) == after, steps[number - 1]
        assert_one_build(out, [after])
    monkeypatch.undo()
    build(BuildOptions(two_raw[1], out, cache_dir=cache_dir, part_rows=1))  # it cleans up what the kill left
    assert blog_set(out) == sets[1]
    builds = sorted(os.listdir(out / BUILDS_DIR))
    assert builds == ["current", "live", "lock"]
    assert not [n for n in os.listdir(out) if n.startswith(".") and n != BUILDS_DIR]


def test_an_interrupted_build_removes_its_staging_and_keeps_the_tables(two_raw, warm, tmp_path,
                                                                       monkeypatch):
    cache_dir, first_out = warm
    out = tmp_path / "out"
    copy_output(first_out, out)
    before = files_of(out)

    def interrupt(n, what):
        if what == "switch current":
            raise KeyboardInterrupt
    monkeypatch.setattr(output, "step", interrupt)
    with pytest.raises(KeyboardInterrupt):
        build(BuildOptions(two_raw[1], out, cache_dir=cache_dir, part_rows=1))
    assert blog_set(out) == set(os.listdir(two_raw[0]))
    assert files_of(out) == before and len(before) > 10
    assert sorted(os.listdir(out / BUILDS_DIR)) == ["current", "live", "lock"]


def test_a_legacy_output_folder_is_taken_over(two_raw, warm, tmp_path):
    """An output folder of plain table folders (before .builds) becomes one of symlinks."""
    cache_dir, first_out = warm
    out = tmp_path / "out"
    shutil.copytree(first_out, out)  # symlinks followed: plain folders and files
    shutil.rmtree(out / BUILDS_DIR)
    build(BuildOptions(two_raw[1], out, cache_dir=cache_dir, part_rows=1))
    assert (out / "entries.parquet").is_symlink()
    assert_one_build(out, [set(os.listdir(two_raw[1]))])


def test_two_overlapping_builds_leave_one_builds_blogs(two_raw, warm, tmp_path):
    cache_dir, _ = warm
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    runs = [subprocess.Popen([sys.executable, "-m", "corpus", "build", "--raw", str(raw), "--out",
                              str(out), "--cache", str(cache_dir)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for raw in two_raw]
    results = [run.communicate(timeout=600) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], results
    assert_one_build(out, [set(os.listdir(r)) for r in two_raw])
    assert len(os.listdir(out / BUILDS_DIR)) == 3


def test_a_rebuild_keeps_the_paths_a_repository_commits(two_raw, warm, tmp_path):
    """The committed build lies at `.builds/live` after every build: a changed table shows in git
    as changed files at the same paths, never as one build folder removed and another added."""
    cache_dir, _ = warm
    out = tmp_path / "out"

    def real_files():
        return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*")
                if p.is_file() and not p.is_symlink() and p.name != "lock"}

    build(BuildOptions(two_raw[0], out, cache_dir=cache_dir, part_rows=1))
    first = real_files()
    assert os.readlink(out / BUILDS_DIR / "current") == "live"
    assert all(name.startswith(f"{BUILDS_DIR}/live/") for name in first)
    build(BuildOptions(two_raw[1], out, cache_dir=cache_dir, part_rows=1))
    second = real_files()
    assert set(second) < set(first)  # two blogs fewer: their parts gone, the rest at their paths
    assert sorted(os.listdir(out / BUILDS_DIR)) == ["current", "live", "lock"]
    changed = {name for name in second if second[name] != first[name]}
    assert f"{BUILDS_DIR}/live/SHA256SUMS" in changed
    build(BuildOptions(two_raw[1], out, cache_dir=cache_dir, part_rows=1))  # nothing changed
    assert real_files() == second


def test_a_kept_data_docs_site_joins_the_new_build_as_one_symlink_to_the_settled_one(
    two_raw, warm, tmp_path, monkeypatch
):
    """Removing a folder costs a disk discard on some file systems (issue 30: a second for the
    Data Docs sites of 80,000 entries): a kept part's site joins the new build as one symlink to
    the settled build's, and the settled build holds real folders again once it settled."""
    cache_dir, _ = warm
    out = tmp_path / "out"
    build(BuildOptions(two_raw[0], out, cache_dir=cache_dir, part_rows=1))
    seen = {}

    def look(n, what):
        if what == "switch current":
            folder = out / BUILDS_DIR / os.readlink(out / BUILDS_DIR / "current")
            new = next(p for p in (out / BUILDS_DIR).iterdir() if p.name.startswith("build-"))
            seen["links"] = sorted(os.readlink(p) for p in (new / "validation").iterdir()
                                   if p.is_symlink())
            seen["previous"] = folder.name
    monkeypatch.setattr(output, "step", look)
    build(BuildOptions(two_raw[1], out, cache_dir=cache_dir, part_rows=1))
    kept = sorted(set(os.listdir(two_raw[0])) & set(os.listdir(two_raw[1])))
    assert seen["previous"] == "live" and len(seen["links"]) == len(kept) > 0
    assert all(link.startswith("../../live/validation/part-") for link in seen["links"])
    live = out / BUILDS_DIR / "live"
    assert not [p for p in live.rglob("*") if p.is_symlink()]
    assert sorted(os.listdir(out / BUILDS_DIR)) == ["current", "live", "lock"]
    assert_one_build(out, [set(os.listdir(two_raw[1]))])
