"""Where a build's per-file work runs: a one-blog change stays in the build's own process, with
validation set up in a worker of its own (issue 30), and gives the same files."""

import hashlib
import shutil
import subprocess
import sys

from corpus import load
from corpus.build import BuildOptions, engines, parts, process
from corpus.build.raw_index import changed_raw_files
from corpus.build.engines import IN_PROCESS_BYTES, InProcess, LocalProcesses, engine_for
from corpus.build.run import build
from corpus.cli import main


def every_file_digest(folder):
    """Every file of the committed build (tables, Data Docs, summaries) and its sha256."""
    live = folder / ".builds" / "live"
    return {p.relative_to(live).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(live.rglob("*")) if p.is_file()}


def test_one_small_changed_file_is_processed_in_this_process_whatever_the_jobs():
    options = BuildOptions(jobs=2)
    assert isinstance(engine_for(options, [40_000]), InProcess)
    assert isinstance(engine_for(options, [IN_PROCESS_BYTES]), InProcess)
    assert isinstance(engine_for(options, [IN_PROCESS_BYTES + 1]), LocalProcesses)
    assert isinstance(engine_for(options, [40_000, 40_000]), LocalProcesses)
    assert isinstance(engine_for(options), LocalProcesses)  # sizes unknown
    assert isinstance(engine_for(BuildOptions(jobs=1), [IN_PROCESS_BYTES + 1]), InProcess)
    assert isinstance(engine_for(BuildOptions(jobs=2, engine="dask"), [40_000]), engines.Dask)


def test_a_one_blog_rebuild_with_jobs_gives_the_files_of_a_fresh_build(
    small_raw, tmp_path, seed_text, monkeypatch
):
    raw, cache_dir, out = tmp_path / "raw", tmp_path / "cache", tmp_path / "out"
    shutil.copytree(small_raw, raw)
    build(BuildOptions(raw, out, jobs=2, cache_dir=cache_dir))
    (tmp_path / "new.txt").write_text(seed_text.replace("January 4", "January 5"))
    assert main(["add", str(tmp_path / "new.txt"), "--raw", str(raw), "--outlet", "TRT World",
                 "--text-redistributable", "yes"]) == 0
    processed, started = [], []
    original_rows, original_start = process.blog_rows, parts.CheckerWorker.start
    # a worker's calls would not reach these lists: only this process's do
    monkeypatch.setattr(process, "blog_rows",
                        lambda doc, blog: processed.append(doc.path) or original_rows(doc, blog))
    monkeypatch.setattr(parts.CheckerWorker, "start",
                        lambda self: started.append(1) or original_start(self))
    build(BuildOptions(raw, out, jobs=2, cache_dir=cache_dir))
    assert processed == ["new.txt"] and started == [1]
    build(BuildOptions(raw, tmp_path / "fresh", jobs=1))
    files = every_file_digest(out)
    assert sum("/validations/" in name for name in files) > 0  # the Data Docs pages compared too
    assert files == every_file_digest(tmp_path / "fresh")


def test_command_line_rebuilds_give_the_files_of_fresh_builds(
    small_raw, tmp_path, seed_text, monkeypatch
):
    """`corpus build --jobs 2` forks the parts' checker before its own imports when one raw file
    changed. A blog added, nothing changed, that blog edited: each rebuild leaves every file
    (tables, Data Docs, summaries) as a fresh build without a cache makes them."""
    raw = tmp_path / "raw"
    shutil.copytree(small_raw, raw, ignore=shutil.ignore_patterns("registry.csv"))  # plain folder

    def cli_build(out, *more):  # small parts: a rebuild keeps most, checks one (issue 30)
        return main(["build", "--raw", str(raw), "--out", str(out), "--jobs", "2",
                     "--part-rows", "60", *more])

    assert cli_build(tmp_path / "out", "--cache", str(tmp_path / "cache")) == 0
    stopped = []  # for each stop: whether the worker was running
    original_stop = parts.CheckerWorker.stop
    monkeypatch.setattr(parts.CheckerWorker, "stop",
                        lambda self: stopped.append(self.pool is not None) or original_stop(self))
    added = raw / "zz-added.txt"
    for step, text in [("added", seed_text.replace("January 4", "January 5")),
                       ("nothing", None),
                       ("edited", seed_text.replace("January 4", "January 6"))]:
        if text is not None:
            added.write_text(text, encoding="utf-8")
        stopped.clear()
        assert cli_build(tmp_path / "out", "--cache", str(tmp_path / "cache")) == 0
        # forked early for a one-file change only, and ended once
        assert stopped.count(True) == (text is not None), step

        assert cli_build(tmp_path / step, "--no-cache") == 0
        files = every_file_digest(tmp_path / "out")
        assert sum("/validations/" in name for name in files) > 0, step
        assert len([n for n in files if n.endswith("/index.html")]) > 4, step  # several parts
        assert files == every_file_digest(tmp_path / step), step
    entries = load("entries", path=tmp_path / "out")
    assert entries.entry_id.str.startswith("20240106").any()
    assert not entries.entry_id.str.startswith("20240105").any()


def test_a_rebuild_with_nothing_to_extract_imports_no_extractor(small_raw, tmp_path):
    """spaCy and the extractors (a second of imports) load only when a raw file is processed: a
    rebuild with nothing changed never imports them (issue 30)."""
    raw = tmp_path / "raw"
    shutil.copytree(small_raw, raw)
    args = ["build", "--raw", str(raw), "--out", str(tmp_path / "out"),
            "--cache", str(tmp_path / "cache"), "--jobs", "2"]
    heavy = ("spacy", "thinc", "corpus.extract.rows", "corpus.extract.entities",
             "corpus.extract.figures", "corpus.extract.reference")
    code = ("import sys; from corpus.cli import main; status = main(%r); "
            "print(status, sorted(m for m in sys.modules if m.startswith(%r)))")
    run = subprocess.run([sys.executable, "-c", code % ([*args[:-1], "1"], heavy)],
                         capture_output=True, text=True, check=True)
    assert run.stdout.splitlines()[-1].startswith("0 ['corpus.extract.entities'")  # extracted
    run = subprocess.run([sys.executable, "-c", code % (args, heavy)],
                         capture_output=True, text=True, check=True)
    assert run.stdout.splitlines()[-1] == "0 []"


def test_the_build_process_never_sets_up_the_recogniser_its_workers_use(small_raw, tmp_path):
    """With --jobs above 1 each worker sets up its own recogniser and the build's process none:
    the parts' checkers, forked from the build's process, would otherwise inherit its pages (set
    up there once for the workers to share, the largest process grew from 686 to 823 MiB at
    200,000 entries, for 3 to 4% of the CPU and no wall time; issue 30, session 15)."""
    raw = tmp_path / "raw"
    shutil.copytree(small_raw, raw)
    run = subprocess.run([sys.executable, "-m", "corpus", "-v", "build", "--raw", str(raw),
                          "--out", str(tmp_path / "out"), "--cache", str(tmp_path / "cache"),
                          "--jobs", "2"], capture_output=True, text=True, check=True)
    logged = run.stderr.splitlines()
    build_pid = next(line.split("[pid ")[1].split("]")[0] for line in logged if "]: build:" in line)
    set_up = [line for line in logged if "entity recogniser set up in" in line]
    assert 1 <= len(set_up) <= 2, set_up
    assert not [line for line in set_up if f"[pid {build_pid}]" in line], set_up
    assert "6 raw files processed" in run.stderr


def test_the_extract_package_loads_its_extractors_on_first_use():
    code = ("import sys; import corpus.extract as extract; before = 'spacy' in sys.modules; "
            "rows = extract.entity_rows; "
            "print(before, 'spacy' in sys.modules, rows.__module__, extract.reference.__name__, "
            "hasattr(extract, 'data'), hasattr(extract, 'no_such_thing'))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["False", "True", "corpus.extract.rows",
                                  "corpus.extract.reference", "False", "False"]


def test_a_quick_look_counts_the_raw_files_a_rebuild_will_process(small_raw, tmp_path):
    """What `corpus build` looks at before its imports, to fork the parts' checker only for a
    one-file change: raw files new or changed since the cache's index saw them."""
    raw, cache_dir = tmp_path / "raw", tmp_path / "cache"
    shutil.copytree(small_raw, raw, ignore=shutil.ignore_patterns("registry.csv"))
    assert changed_raw_files(cache_dir, raw) is None  # no index yet
    build(BuildOptions(raw, tmp_path / "out", jobs=1, cache_dir=cache_dir))
    assert changed_raw_files(cache_dir, raw) == 0
    (raw / "zz-new.txt").write_text("one", encoding="utf-8")
    assert changed_raw_files(cache_dir, raw) == 1
    edited = next(p for p in sorted(raw.iterdir()) if p.name != "zz-new.txt")
    edited.write_bytes(edited.read_bytes() + b"\n")
    assert changed_raw_files(cache_dir, raw) == 2
    assert changed_raw_files(cache_dir, tmp_path / "absent") is None
