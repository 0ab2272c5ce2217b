"""The data engineer's loop of the README (add, build, `make notebooks`, `make test`), end to end
in a temporary copy of the repository: never on the committed data (issue #32)."""
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, STALE_NOTEBOOKS, text_blog
from corpus.cli import main
from corpus.collect.raw_registry import read_registry


def test_make_shows_pips_progress():
    """`make` installs for minutes: it says so, and pip lists what it installs."""
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    installs = [line for line in makefile.splitlines() if "-m pip install" in line]
    assert len(installs) == 2
    assert not [line for line in installs if re.search(r"\s(--quiet|-q+)\b", line)]
    assert all("--progress-bar on" in line for line in installs)
    recipe = makefile[makefile.index("$(STAMP):"):makefile.index("touch $(STAMP)")]
    assert recipe.index("@echo") < recipe.index("pip install")


def readme_loop_command(name: str) -> list[str]:
    """The arguments of the README loop's `corpus <name>` line (continuation lines joined, the
    comment dropped)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Adding data: the loop"):]
    start = section.index("```sh") + len("```sh")
    block = section[start:section.index("```", start)]
    lines = block.replace("\\\n", " ").splitlines()
    line = next(x for x in lines if x.startswith(f".venv/bin/corpus {name} "))
    return shlex.split(line, comments=True)[1:]


def test_the_readme_loops_add_line_registers_a_page_as_written(tmp_path):
    """Step 1 of the loop, as the README spells it, is a command `corpus add` takes."""
    args = readme_loop_command("add")
    page = tmp_path / "page.txt"
    page.write_text(text_blog("Ferry strike", "Crews walk out.", "Tuesday, May 7, 2024",
                              [("0930 GMT", None, ["No ferry sails today."])]))
    args[args.index("page.html")] = str(page)
    assert main([*args, "--raw", str(tmp_path / "raw")]) == 0
    [entry] = read_registry(tmp_path / "raw")
    assert (entry.path, entry.outlet, entry.text_redistributable) == (
        "page.txt", "Example Herald", "no")


def copy_of_the_repository(target: Path) -> Path:
    """The working tree's files that git tracks or would track (symlinks kept), with the
    environment linked in; committed in a git repository of its own."""
    listed = subprocess.run(["git", "-C", str(REPO), "ls-files", "-z", "--cached", "--others",
                             "--exclude-standard"], capture_output=True, text=True, check=True)
    for name in filter(None, listed.stdout.split("\0")):
        source, copy = REPO / name, target / name
        if not os.path.lexists(source):
            continue
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, copy, follow_symlinks=False)
    git(target, "init", "-q")
    git(target, "add", "-A")
    git(target, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "clone")
    (target / ".venv").symlink_to(REPO / ".venv")
    (target / ".git" / "info" / "exclude").write_text(".venv\n")
    return target


def git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True,
                          check=True).stdout


def run(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), cwd=folder, capture_output=True, text=True, timeout=900,
                          env={**os.environ, "PYTHONPATH": str(REPO / "src")})


@pytest.mark.slow
@pytest.mark.skipif(not (REPO / ".git").exists() or shutil.which("git") is None
                    or shutil.which("make") is None, reason="needs a git checkout, git and make")
def test_add_build_notebooks_test_stays_green_in_a_fresh_copy(tmp_path):
    repo = copy_of_the_repository(tmp_path / "clone")
    header = (repo / "data/raw/registry.csv").read_text().splitlines()[0]
    page = tmp_path / "harbour.txt"
    page.write_text(text_blog("Storm closes the harbour at Port Elrin", "Ferries stay in port.",
                              "Monday, March 4, 2024",
                              [("2140 GMT", "Harbour to reopen", ["14 ferries will sail at dawn."]),
                               ("1815 GMT", None, ["Winds of about 90 kilometres an hour."])]))
    added = run(repo, f"{REPO}/.venv/bin/corpus", "add", str(page), "--outlet", "Example Herald",
                "--rights", "Invented for the tests", "--text-redistributable", "yes")
    assert added.returncode == 0 and added.stderr == "", added.stderr
    assert (repo / "data/raw/registry.csv").read_text().splitlines()[0] == header

    built = run(repo, "make", "-o", ".venv/.installed", "build")
    assert built.returncode == 0, built.stderr[-2000:]
    changed = git(repo, "status", "--porcelain", "--untracked-files=all").splitlines()
    assert changed and not [line for line in changed if ".builds/build-" in line]
    elsewhere = [line for line in changed  # tables change in place; Data Docs pages are dated
                 if not re.match(r"^( M|\?\?) data/(raw/|processed/\.builds/live/)", line)
                 and not line.startswith(" D data/processed/.builds/live/validation/")]
    assert elsewhere == []
    assert " M data/processed/.builds/live/SHA256SUMS" in changed

    tests = ["tests/test_headline.py", "tests/test_registry.py", "notebooks/04-reproduce.ipynb"]
    stale = run(repo, sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *tests)
    assert stale.returncode == 1
    said = stale.stdout.splitlines()
    assert STALE_NOTEBOOKS in said[:4], said[:6]  # first thing said, after pytest's own lines

    refreshed = run(repo, "make", "-o", ".venv/.installed", "notebooks")
    assert refreshed.returncode == 0, refreshed.stderr[-2000:]
    assert "- blogs: 2\n" in (repo / "README.md").read_text()
    green = run(repo, sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *tests,
                "notebooks/", "tests/test_build.py::test_committed_tables_equal_a_fresh_build_"
                "of_the_committed_raw_folder", "tests/test_fetch.py::test_fetch_adds_to_a_"
                "registry_written_before_the_provenance_columns")
    assert green.returncode == 0, green.stdout[-3000:]
    assert STALE_NOTEBOOKS not in green.stdout

    shared = run(repo, sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-o",
                 "addopts=-rs", "tests/test_parse_web.py", "-k", "sample")
    assert "../shared is absent" in shared.stdout and "empty parameter set" not in shared.stdout
    assert read_registry(repo / "data/raw")[-1].path == "harbour.txt"
