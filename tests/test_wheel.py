"""The installed package, not the source tree: a wheel built from this repository, installed
apart, builds, releases, verifies and loads from an empty folder elsewhere."""
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import REPO, write_seed_raw

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A folder holding the wheel's package, installed without dependencies (they are this
    environment's): on the path before the source tree."""
    root = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "--wheel-dir", str(root / "dist"), str(REPO)],
                   check=True, capture_output=True)
    [wheel] = (root / "dist").glob("liveblog_corpus-*.whl")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                    "--target", str(root / "site"), str(wheel)], check=True, capture_output=True)
    return root


def run(installed: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(installed / "site")}
    env.pop("CORPUS_DATA", None)
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600)


def test_the_wheel_carries_every_file_the_package_reads(installed):
    [wheel] = (installed / "dist").glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    package = REPO / "src"
    wanted = {p.relative_to(package).as_posix() for p in package.rglob("*")
              if p.is_file() and "__pycache__" not in p.parts and ".egg-info" not in str(p)
              and not any(part.startswith(".") for part in p.relative_to(package).parts)}
    assert wanted - names == set()


def test_an_installed_package_builds_releases_and_loads_from_another_folder(installed, tmp_path):
    work = tmp_path / "elsewhere"
    write_seed_raw(work / "raw")  # never the user's data/raw, which `corpus add` changes
    where = run(installed, work, "-c", "import corpus; print(corpus.__file__)")
    assert where.stdout.startswith(str(installed / "site")), where.stderr
    built = run(installed, work, "-m", "corpus", "build", "--raw", "raw", "--out", "out",
                "--jobs", "1", "--no-cache")
    assert built.returncode == 0, built.stderr
    assert "built 1 blogs, 12 entries" in built.stdout
    verified = run(installed, work, "-m", "corpus", "verify", "out")
    assert verified.returncode == 0, verified.stderr
    loaded = run(installed, work, "-c", "import corpus; print(len(corpus.load('entries', "
                                        "path='out')))")
    assert loaded.stdout.strip() == "12", loaded.stderr
    other = tmp_path / "another"
    other.mkdir()
    loaded = run(installed, other, "-c", "import corpus; print(len(corpus.load('figures', "
                                         f"path={str(work / 'out')!r})))")
    assert loaded.stdout.strip() == "22", loaded.stderr
    lost = run(installed, other, "-c", "import corpus; corpus.load('entries')")
    assert f"{other / 'data' / 'processed'}: no data folder here" in lost.stderr
    for name in ("CITATION.cff", "CHANGELOG.md"):
        shutil.copyfile(REPO / name, work / name)
    (work / "docs").mkdir()
    shutil.copyfile(REPO / "docs" / "known-limitations.md", work / "docs" / "known-limitations.md")
    rebuilt = run(installed, work, "-m", "corpus", "build", "--raw", "raw", "--out", "out",
                  "--jobs", "1", "--no-cache")  # now described by the project's CITATION.cff
    assert rebuilt.returncode == 0, rebuilt.stderr
    released = run(installed, work, "-m", "corpus", "release", "--processed", "out",
                   "--raw", "raw", "--out", "dist")
    assert released.returncode == 0, released.stderr
    [archive] = (work / "dist").glob("*.zip")
    assert run(installed, work, "-m", "corpus", "verify", str(archive)).returncode == 0
    assert len((work / "RELEASES.txt").read_text().splitlines()) == 3  # recorded in the project
