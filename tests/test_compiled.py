"""The optional compiled extractors (`corpus.compile_extractors`, `make compiled`): stale ones are
passed over for their sources, and compiled ones write the same tables as the sources."""

from __future__ import annotations

import hashlib
import importlib
import importlib.machinery
import os
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from conftest import RAW_DIR, REPO, SEED_NAME, SHARED_SAMPLES, write_small_raw
from corpus import compile_extractors
from corpus.extract import compiled

SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


def fake_package(root: Path, name: str) -> Path:
    """A package with two modules and a compiled file (not a loadable one) beside the first."""
    folder = root / name
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    (folder / "compiled.py").write_text("")  # never compiled, never digested
    (folder / "first.py").write_text("VALUE = 1\n")
    (folder / "second.py").write_text("VALUE = 2\n")
    (folder / f"first{SUFFIX}").write_bytes(b"not a shared library")
    return folder


def test_digests_keep_compiled_modules_fresh_until_a_source_changes(tmp_path):
    (tmp_path / "corpus").mkdir()
    folder = fake_package(tmp_path / "corpus", "extract")
    assert compiled.is_stale(folder)  # no digests recorded
    text = compiled.digests(folder)
    sha = hashlib.sha256(b"VALUE = 1\n").hexdigest()
    assert text.splitlines()[0] == f"{sha}  first.py"
    assert [line.split()[1] for line in text.splitlines()] == ["first.py", "second.py"]
    (folder / compiled.DIGESTS).write_text(text)
    assert not compiled.is_stale(folder)
    (folder / "second.py").write_text("VALUE = 3\n")
    assert compiled.is_stale(folder)
    (tmp_path / f"0a1b__mypyc{SUFFIX}").write_bytes(b"")
    assert compile_extractors.remove(tmp_path) == 3  # the module, the shared library, the digests
    assert sorted(p.name for p in folder.iterdir()) == [
        "__init__.py", "compiled.py", "first.py", "second.py"
    ]
    assert not compiled.is_stale(folder)


def test_stale_compiled_modules_are_passed_over_for_their_sources(tmp_path, monkeypatch):
    fake_package(tmp_path, "stalepkg")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    for name in [m for m in sys.modules if m.startswith("stalepkg")]:
        monkeypatch.delitem(sys.modules, name)
    importlib.invalidate_caches()
    with pytest.raises(ImportError):  # Python's own order: the compiled file first
        importlib.import_module("stalepkg.first")
    monkeypatch.delitem(sys.modules, "stalepkg.first", raising=False)
    with pytest.warns(UserWarning, match="other sources than those beside them"):
        compiled.use_sources_if_stale("stalepkg")
    assert importlib.import_module("stalepkg.first").VALUE == 1
    assert importlib.import_module("stalepkg.second").VALUE == 2
    for name in ("stalepkg.first", "stalepkg.second", "stalepkg"):
        monkeypatch.delitem(sys.modules, name, raising=False)


def parquet_digests(out: Path) -> dict[str, str]:
    live = out / ".builds" / "live"
    return {
        str(p.relative_to(live)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(live.rglob("*.parquet"))
        if p.is_file()
    }


def build_with(src: Path, raw: Path, out: Path) -> dict[str, str]:
    """Build raw with the package in src first on the path; the Parquet files' digests."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    code = "import corpus.extract.entities as e; print(e.__file__)"
    where = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert where.stdout.strip().startswith(str(src)), where.stderr
    command = [sys.executable, "-m", "corpus", "build", "--raw", str(raw), "--out", str(out),
               "--no-cache", "--keep-going", "--jobs", "1"]
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    return parquet_digests(out)


# Random entries from the seed's words and odd tokens (none, case, marks, numbers, scripts)
MIXED_ENTRIES = """
import json, random, sys
from corpus import extract
rng, words = random.Random(int(sys.argv[1])), open(sys.argv[2], encoding="utf-8").read().split()
odd = ["", "\\u00a0", "—", "’s", "(", '"', "“", "-", "…", "#tag", "@id", "http://x.y/z", "1,000",
       "3.5bn", "£5m", "€12", "½", "00", "1st", "Mr.", "U.S.", "al-", "von", "O'", "ÉLYSÉE",
       "İstanbul", "\\u200b", "\\n\\n", "THE", "said", "according to", "1527 GMT", "twenty-one",
       "a dozen", "1,234,567", "-5", "5%"]
rows = []
for i in range(300):
    text = " ".join(rng.choice(words) if rng.random() < 0.7 else rng.choice(odd)
                    for _ in range(rng.randint(0, 60)))
    text = (text.upper() if rng.random() < 0.5 else text.title()) if rng.random() < 0.3 else text
    head = None if rng.random() < 0.4 else " ".join(rng.sample(words, rng.randint(0, 8)))
    rows.append({"entry_id": f"e{i}", "headline": head, "body": text})
found = []
for k in range(0, len(rows), 20):
    try:
        found.append([extract.entity_rows(rows[k:k + 20]), extract.figure_rows(rows[k:k + 20])])
    except Exception as e:
        found.append(f"{type(e).__name__}: {e}")
print(json.dumps(found, sort_keys=True, default=str))
"""


def mixed_entries_found(src: Path, seed: int) -> str:
    command = [sys.executable, "-c", MIXED_ENTRIES, str(seed), str(RAW_DIR / SEED_NAME)]
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("cc") is None, reason="no C compiler to compile with")
def test_compiled_extractors_write_the_same_tables(tmp_path):
    pytest.importorskip("mypyc")
    package = Path(str(resources.files("corpus")))
    ignore = shutil.ignore_patterns("__pycache__", f"*{SUFFIX}", compiled.DIGESTS)
    for kind in ("pure", "compiled"):
        shutil.copytree(package, tmp_path / kind / "src" / "corpus", ignore=ignore)
    shutil.copy2(REPO / "pyproject.toml", tmp_path / "compiled" / "pyproject.toml")
    assert compile_extractors.build(tmp_path / "compiled" / "src") == len(
        compiled.sources(package / "extract")
    )
    assert sorted(p.name for p in (tmp_path / "compiled" / "src").iterdir() if p.is_dir()) == [
        "corpus"
    ]  # no build or cache folder left beside the package
    raw = write_small_raw(tmp_path / "raw", registry=False)
    if (SHARED_SAMPLES / "expected.jsonl").is_file():  # the real pages too, where they are
        for page in [*SHARED_SAMPLES.glob("*.html"), *SHARED_SAMPLES.glob("*.json")]:
            shutil.copy2(page, raw)
    pure = build_with(tmp_path / "pure" / "src", raw, tmp_path / "pure-out")
    assert len(pure) >= 4 and any(name.startswith("entities") for name in pure)
    assert build_with(tmp_path / "compiled" / "src", raw, tmp_path / "compiled-out") == pure
    for seed in (1, 2):  # and the same rows, or the same error, for odd and random entries
        found = mixed_entries_found(tmp_path / "pure" / "src", seed)
        assert '"mention_id"' in found and '"figure_id"' in found
        assert mixed_entries_found(tmp_path / "compiled" / "src", seed) == found


def test_a_failed_compile_says_why_and_leaves_the_sources_alone(tmp_path, capsys):
    pytest.importorskip("mypyc")
    extract = tmp_path / "src" / "corpus" / "extract"
    extract.mkdir(parents=True)
    (extract.parent / "__init__.py").write_text("")
    (extract / "__init__.py").write_text("")
    (extract / "bad.py").write_text('COUNT: int = "three"\n')
    assert compile_extractors.main(["build", str(tmp_path / "src")]) == 1
    said = capsys.readouterr().err
    assert "mypyc failed" in said and "Incompatible types in assignment" in said
    assert sorted(p.name for p in extract.iterdir()) == ["__init__.py", "bad.py"]
    with pytest.raises(SystemExit):
        compile_extractors.main(["build", str(tmp_path)])  # no corpus/extract in it
