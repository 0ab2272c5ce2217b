"""The output folder follows no symlink it did not make: a `.builds` or a build folder leading
elsewhere is refused, and the files outside stay byte for byte as they were."""
import os
import shutil
from pathlib import Path

import pytest
from tests.conftest import INVENTED_BLOGS, write_small_raw

from corpus.build import BuildOptions
from corpus.build.run import build
from corpus.errors import InputError


def refusal(options: BuildOptions) -> str:
    """The build's one-line refusal, or "" when it went ahead."""
    try:
        build(options)
    except InputError as err:
        return str(err)
    return ""


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def two_blogs(tmp_path_factory) -> Path:
    raw = write_small_raw(tmp_path_factory.mktemp("links") / "raw", registry=False)
    for name in list(INVENTED_BLOGS)[1:]:
        (raw / name).unlink()
    return raw


@pytest.fixture
def victim(tmp_path) -> Path:
    """Another folder of the user's, which no build may touch."""
    folder = tmp_path / "thesis"
    (folder / "chapters").mkdir(parents=True)
    (folder / "chapters" / "one.tex").write_text("The first chapter.\n")
    (folder / "notes.txt").write_text("Irreplaceable notes.\n")
    return folder


def test_a_symlinked_builds_folder_is_refused_and_its_target_untouched(two_blogs, victim,
                                                                       tmp_path):
    out = tmp_path / "processed"
    out.mkdir()
    os.symlink(victim, out / ".builds")
    before = snapshot(victim)
    said = refusal(BuildOptions(two_blogs, out))
    assert snapshot(victim) == before
    assert "symbolic link" in said


def test_a_build_folder_replaced_by_a_symlink_is_refused_and_its_target_untouched(
        two_blogs, victim, tmp_path):
    out = tmp_path / "processed"
    build(BuildOptions(two_blogs, out))
    live = out / ".builds" / os.readlink(out / ".builds" / "current")
    shutil.copytree(live, victim, dirs_exist_ok=True)  # the victim looks like the build...
    (victim / "notes.txt").write_text("Irreplaceable notes.\n")  # ...and holds more
    shutil.rmtree(live)
    os.symlink(victim, live)
    before = snapshot(victim)
    said = refusal(BuildOptions(two_blogs, out))  # the same tables: the build would repair in place
    assert snapshot(victim) == before
    assert "does not lead to a build folder" in said


def test_current_leading_out_of_the_output_folder_is_refused(two_blogs, victim, tmp_path):
    out = tmp_path / "processed"
    build(BuildOptions(two_blogs, out))
    (out / ".builds" / "current").unlink()
    os.symlink(victim, out / ".builds" / "current")
    before = snapshot(victim)
    said = refusal(BuildOptions(two_blogs, out))
    assert snapshot(victim) == before
    assert "does not lead to a build folder" in said


def test_a_symlinked_lock_file_is_refused_and_its_target_untouched(two_blogs, victim, tmp_path):
    out = tmp_path / "processed"
    (out / ".builds").mkdir(parents=True)
    os.symlink(victim / "notes.txt", out / ".builds" / "lock")
    before = snapshot(victim)
    said = refusal(BuildOptions(two_blogs, out))
    assert snapshot(victim) == before
    assert "symbolic link" in said
