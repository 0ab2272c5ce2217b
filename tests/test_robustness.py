"""The build survives what a real corpus holds (issue #20): each broken raw file becomes one line
naming it, never a traceback; a worker that dies takes only its file down."""
import json
import os
import subprocess
import sys

import pytest

from broken_pages import BROKEN, GOOD, READER_CASES, guardian_page, text_page, write
from corpus import parse
from corpus.build import engines, process
from corpus.collect.raw_text import sha256_of
from corpus.errors import InputError

REASONS = {  # what each broken file is refused for: (stage, words of the reason)
    "deep_nesting.json": ("read", "cannot be processed (RecursionError"),
    "guardian_int_title.json": ("parse", "block block-0's title is int, not text"),
    "guardian_int_elements.json": ("parse", "block block-0's elements is int, not a list"),
    "guardian_int_key_events.json": ("parse", "keyEvents is int, not a list"),
    "guardian_huge_epoch.json": ("parse", "is not epoch milliseconds between 1990 and 2100"),
    "guardian_nan_epoch.json": ("parse", "nan is not epoch milliseconds between 1990 and 2100"),
    "oversized_update.txt": (
        "extract",
        "entry 1's body has 1,080,029 characters, more than the 1,000,000",
    ),
    "empty.txt": ("read", "empty file"),
    "binary.txt": ("read", "binary file"),
}


@pytest.mark.parametrize("name", sorted(REASONS))
def test_a_broken_file_is_one_line_naming_it(name, tmp_path):
    raw = write(tmp_path / "raw", {name: BROKEN[name]})
    result = process.process_file(raw, name, None, tmp_path / "cache")
    stage, words = REASONS[name]
    assert isinstance(result, InputError)
    assert (result.path, result.stage) == (name, stage)
    assert words in result.message and "\n" not in str(result) and len(str(result)) < 300
    assert result.sha256 == sha256_of(BROKEN[name])


PROCESS_FILE = process.process_file


def dying_process_file(raw_dir, rel_path, *rest):
    """process_file, except that the worker dies on one file (as when the kernel kills it for
    memory)."""
    if rel_path == "dies.txt":
        os._exit(9)
    return PROCESS_FILE(raw_dir, rel_path, *rest)


def test_a_worker_that_dies_takes_only_its_file_down(tmp_path, monkeypatch):
    pages = {
        "a.txt": GOOD["good_blog.txt"],
        "dies.txt": b"x",
        "z.txt": GOOD["good_blog.txt"] + b"\n",
    }
    raw = write(tmp_path / "raw", pages)
    monkeypatch.setattr(engines, "process_file", dying_process_file)
    planned = [(name, None) for name in sorted(pages)]
    results = list(
        engines.LocalProcesses(2).results(raw, planned, tmp_path / "cache", iter, lambda: None)
    )
    assert [type(r).__name__ for r in results] == ["BlogSummary", "InputError", "BlogSummary"]
    assert results[1].path == "dies.txt" and "worker process reading it died" in results[1].message


def run_cli(*args):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run(
        [sys.executable, "-m", "corpus", *args], capture_output=True, text=True, env=env
    )


def test_bad_pages_with_two_workers_end_in_one_line_not_an_abort(tmp_path):
    """Three bad pages and two workers used to abort (exit 134, 'FATAL: exception not
    rethrown'): the thread preparing validation was killed inside C++ code when the process
    ended early."""
    raw = write(
        tmp_path / "raw", {n: BROKEN[n] for n in ("deep_nesting.json", "empty.txt", "binary.txt")}
    )
    run = run_cli(
        "build", "--raw", str(raw), "--out", str(tmp_path / "out"), "--jobs", "2", "--no-cache"
    )
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr and "FATAL" not in run.stderr
    assert run.stderr.startswith("error: ") and run.stderr.count("\n") == 1
    assert not (tmp_path / "out").exists()


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """Good pages and every broken one in one plain raw folder."""
    return write(tmp_path_factory.mktemp("mixed") / "raw", {**GOOD, **BROKEN})


def test_keep_going_quarantines_each_bad_file_and_builds_the_good_ones(mixed, tmp_path, capsys):
    from corpus import load
    from corpus.cli import main

    out = tmp_path / "out"
    assert main(["build", "--raw", str(mixed), "--out", str(out), "--keep-going", "--jobs", "1",
                 "--no-cache"]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    report = json.loads((out / "quarantine.json").read_text())
    listed = {f["file"]: f for f in report["files"]}
    assert set(listed) == set(BROKEN) and report["n_quarantined"] == len(BROKEN)
    for name, (stage, words) in REASONS.items():
        assert listed[name]["stage"] == stage and words in listed[name]["reason"]
        assert f"skipped {name}" in captured.err
    assert listed["dates_outside_window.json"]["stage"] == "check"
    assert "entries.published_at: within_2_days_of_blog_date failed for 3 row(s)" in \
        listed["dates_outside_window.json"]["reason"]
    assert listed["same_bytes_as_good.txt"]["reason"].startswith(
        "duplicate of good_blog.txt (same sha256)"
    )
    assert listed["same_url_as_good.json"]["reason"].startswith(
        "duplicate of good_guardian.json (same canonical url)"
    )
    assert all(len(f["sha256"]) == 64 for f in report["files"])
    blogs = load("blogs", path=out)
    assert sorted(blogs.raw_path) == sorted(GOOD)
    assert len(load("entries", path=out)) == 2 + 3
    assert "quarantine.json" in (out / "SHA256SUMS").read_text()


def test_without_keep_going_the_first_bad_file_stops_the_build_and_nothing_is_written(
    mixed, tmp_path, capsys
):
    from corpus.cli import main

    args = ["build", "--raw", str(mixed), "--out", str(tmp_path / "out"), "--jobs", "1"]
    assert main([*args, "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: binary.txt:3: binary file") and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_a_blog_failing_its_own_checks_is_named_without_keep_going(tmp_path, capsys):
    from corpus.cli import main

    raw = write(tmp_path / "raw", {**GOOD, "old.json": BROKEN["dates_outside_window.json"]})
    args = ["build", "--raw", str(raw), "--out", str(tmp_path / "out"), "--jobs", "1"]
    assert main([*args, "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(
        "error: old.json: fails a check of its rows: entries.published_at: within_2_days"
    )
    assert err.count("\n") == 1 and not (tmp_path / "out").exists()


def test_two_blogs_sharing_a_key_name_both_files_and_the_later_is_left_out(
    tmp_path, monkeypatch, capsys
):
    from corpus import load, tables
    from corpus.cli import main

    pages = {
        "a.txt": GOOD["good_blog.txt"],
        "b.txt": text_page("Monday, March 4, 2024", ["Other words here."]).encode(),
    }
    raw = write(tmp_path / "raw", pages)
    monkeypatch.setattr(tables, "blog_id_for", lambda doc, blog: "same-20240304-00000000")
    args = ["build", "--raw", str(raw), "--jobs", "1", "--no-cache"]
    assert main([*args, "--out", str(tmp_path / "stop")]) == 2
    assert (
        capsys.readouterr().err
        == "error: b.txt: duplicate of a.txt (same blog id); the first registered is kept\n"
    )
    assert main([*args, "--out", str(tmp_path / "out"), "--keep-going"]) == 1
    assert list(load("blogs", path=tmp_path / "out").raw_path) == ["a.txt"]


def test_a_page_registered_twice_is_refused_by_add(tmp_path, capsys):
    from corpus.cli import main

    raw = tmp_path / "raw"
    raw.mkdir()
    pages = write(
        tmp_path / "new",
        {
            "first.json": json.dumps(guardian_page()).encode(),
            "copy.json": json.dumps(guardian_page()).encode(),
            "moved.json": json.dumps(
                guardian_page(n_blocks=2, url="http://EXAMPLE.org/" "live/council/#top")
            ).encode(),
        },
    )
    assert main(["add", str(pages / "first.json"), "--raw", str(raw), "--text-redistributable", "no"]) == 0
    assert main(["add", str(pages / "copy.json"), "--raw", str(raw), "--text-redistributable", "no"]) == 2
    assert "same content (sha256) as first.json, already registered" in capsys.readouterr().err
    assert main(["add", str(pages / "moved.json"), "--raw", str(raw), "--text-redistributable", "no"]) == 2
    assert (
        "same address (https://example.org/live/council) as first.json" in capsys.readouterr().err
    )
    assert sorted(p.name for p in raw.iterdir()) == ["first.json", "registry.csv"]


def test_a_blog_or_raw_file_beyond_the_size_limits_is_refused_with_the_limit(
    tmp_path, monkeypatch
):
    raw = write(tmp_path / "raw", GOOD)
    monkeypatch.setattr(process, "MAX_BLOG_CHARS", 50)
    result = process.process_file(raw, "good_blog.txt", None, tmp_path / "cache")
    assert (
        result.message
        == "its 2 entries hold 96 characters, more than the 50 one blog may hold (split the page)"
    )
    monkeypatch.setattr(process, "MAX_RAW_BYTES", 100)
    result = process.process_file(raw, "good_guardian.json", None, tmp_path / "cache")
    assert (result.stage, result.message) == (
        "read",
        f"{len(GOOD['good_guardian.json']):,} bytes, more than the " "100 a raw file may hold",
    )


def test_a_key_two_blogs_share_names_both_files_and_blames_the_later(tmp_path):
    import pyarrow as pa

    from corpus.build import cache, quarantine

    other = text_page("Monday, March 4, 2024", ["Divers checked the harbour wall at noon."])
    raw = write(tmp_path / "raw", {"a.txt": GOOD["good_blog.txt"], "b.txt": other.encode()})
    cache_dir = tmp_path / "cache"
    a, b = (process.process_file(raw, name, None, cache_dir) for name in ("a.txt", "b.txt"))
    shared = cache.load(cache_dir, a.cache_key).tables["entries"].column("entry_id")[0].as_py()
    later = cache.load(cache_dir, b.cache_key)
    entries = later.tables["entries"]
    ids = [shared, *entries.column("entry_id").to_pylist()[1:]]
    column = entries.schema.get_field_index("entry_id")
    later.tables["entries"] = entries.set_column(column, entries.schema.field(column),
                                                 pa.array(ids, pa.string()))
    cache.store(cache_dir, b.cache_key, later)
    [error] = quarantine.shared_keys([b, a], cache_dir)
    assert (error.path, error.stage, error.sha256) == ("b.txt", "check", b.raw_sha256)
    assert error.message == f"entries key {shared} is also a.txt's; the first registered is kept"


def test_an_update_wrapped_300_deep_is_read_not_dropped():
    content = READER_CASES["deep_element.html"].decode()
    blog = parse.parse("deep_element.html", "html", content)
    labels = [e.time_label for e in blog.entries]
    assert labels == ["20:05", "19:05", "18:05", "17:05", "16:05", "15:05"]
    assert "crane number 2 was lifted" in blog.entries[2].body


def test_a_guardian_html_given_as_a_list_of_strings_is_joined_not_dropped():
    content = READER_CASES["guardian_html_list.json"].decode()
    blog = parse.parse("guardian_html_list.json", "guardian-json", content)
    assert blog.entries[0].body == "Part one.\n\nPart two."
