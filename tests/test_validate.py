"""Validation: the built data passes; each mutation of it fails, naming the table and column."""
import hashlib
import shutil
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import PROCESSED_DIR, RAW_DIR, SEED_NAME
from corpus import parse
from corpus.cli import main
from corpus.dataset.store import table_files, write_parquet
from corpus.errors import InputError
from corpus.parse import text as text_reader
from corpus.schema import TABLES
from corpus.validate import gx


def rewrite(folder, name, mutate):
    """Apply mutate(rows, schema) -> (rows, schema) to one table of folder (built in one part)."""
    [part] = table_files(folder / f"{name}.parquet")
    data = pq.read_table(part)
    rows, schema = mutate(data.to_pylist(), data.schema)
    write_parquet(pa.Table.from_pylist(rows, schema=schema), part)


def set_value(column, value, row=1):
    def mutate(rows, schema):
        rows[row][column] = value
        i = schema.get_field_index(column)
        return rows, schema.set(i, schema.field(i).with_nullable(True))
    return mutate


def retype(column, new_type):
    def mutate(rows, schema):
        i = schema.get_field_index(column)
        return rows, schema.set(i, schema.field(i).with_type(new_type))
    return mutate


def drop_column(column):
    return lambda rows, schema: ([{k: v for k, v in r.items() if k != column} for r in rows],
                                 schema.remove(schema.get_field_index(column)))


def add_column(rows, schema):
    return [{**r, "extra": 1} for r in rows], schema.append(pa.field("extra", pa.int64()))


def copy_row_value(column, src=0, dst=1):
    def mutate(rows, schema):
        rows[dst][column] = rows[src][column]
        return rows, schema
    return mutate


def shift_time(rows, schema):
    rows[3]["published_at"] = rows[3]["published_at"].replace(year=2025)
    return rows, schema


MUTATIONS = {
    "duplicated primary key": ("entries", copy_row_value("entry_id"), "entries.entry_id: expect_column_values_to_be_unique"),
    "orphan foreign key": ("entries", set_value("blog_id", "nope-20240104-00000000"), "entries.blog_id: foreign_key_exists (blogs.blog_id)"),
    "null time": ("entries", set_value("time_precision", None), "entries.time_precision: expect_column_values_to_not_be_null"),
    "unknown value": ("entries", set_value("time_precision", "nanosecond"), "entries.time_precision: expect_column_values_to_be_in_set"),
    "negative count": ("entries", set_value("n_words", -3), "entries.n_words: expect_column_values_to_be_between"),
    "wrong n_entries": ("blogs", set_value("n_entries", 11, row=0), "blogs.n_entries: n_entries_equals_entry_count"),
    "dropped column": ("entries", drop_column("headline"), "entries: expect_table_columns_to_match_ordered_list"),
    "malformed id": ("entries", set_value("entry_id", "Bad ID!"), "entries.entry_id: expect_column_values_to_match_regex"),
    "malformed sha256": ("blogs", set_value("raw_sha256", "xyz", row=0), "blogs.raw_sha256: expect_column_values_to_match_regex"),
    "position repeated in a blog": ("entries", copy_row_value("position"), "entries.blog_id,position: compound_columns_unique"),
    "time far from blog date": ("entries", shift_time, "entries.published_at: within_2_days_of_blog_date"),
    "retyped column": ("entries", retype("position", pa.int64()), "entries: arrow_schema_matches_declaration"),
    "undeclared column": ("blogs", add_column, "blogs: arrow_schema_matches_declaration"),
    "empty table": ("entries", lambda rows, schema: ([], schema), "entries: expect_table_row_count_to_be_between"),
    "null in a required text": ("entries", set_value("body", None), "entries.body: expect_column_values_to_not_be_null"),
    "offset past the end": ("figures", set_value("end", 99_999), "figures.text: span_slices_to_text"),
    "text not equal to its slice": ("figures", set_value("text", "forty"), "figures.text: span_slices_to_text"),
    "negative value": ("figures", set_value("value", -1.0), "figures.value: expect_column_values_to_be_between"),
    "value above value_max": ("figures", set_value("value_max", 0.5), "figures.value_max: value_at_most_value_max"),
    "unknown category": ("figures", set_value("category", "bananas"), "figures.category: expect_column_values_to_be_in_set"),
    "conversion of no figure": ("figures", set_value("converts_figure_id", "nope-20240104-00000000-00001-b00001"), "figures.converts_figure_id: foreign_key_exists (figures.figure_id)"),
    "mention of no entry": ("entities", set_value("entry_id", "nope-20240104-00000000-00001"), "entities.entry_id: foreign_key_exists (entries.entry_id)"),
    "figure of no entry": ("figures", set_value("entry_id", "nope-20240104-00000000-00001"), "figures.entry_id: foreign_key_exists (entries.entry_id)"),
}


@pytest.fixture
def processed_copy(tmp_path, small_built):
    folder = tmp_path / "processed"
    shutil.copytree(small_built, folder)
    return folder


def test_committed_data_is_valid(capsys):
    assert main(["validate", "--processed", str(PROCESSED_DIR)]) == 0
    assert capsys.readouterr().out.startswith("valid: ")


def test_built_data_is_valid(small_built, capsys):
    assert main(["validate", "--processed", str(small_built)]) == 0
    assert capsys.readouterr().out.startswith("valid: ")


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_each_mutation_makes_validate_exit_1(name, processed_copy, capsys):
    table, mutate, expected = MUTATIONS[name]
    rewrite(processed_copy, table, mutate)
    assert main(["validate", "--processed", str(processed_copy)]) == 1
    captured = capsys.readouterr()
    assert f"invalid: {expected}" in captured.err
    assert "Traceback" not in captured.err
    assert captured.out.startswith("INVALID")


def test_failure_names_offending_ids(processed_copy, capsys):
    rewrite(processed_copy, "entries", set_value("n_words", -3, row=4))
    main(["validate", "--processed", str(processed_copy)])
    entry_id = pq.read_table(processed_copy / "entries.parquet").column("entry_id")[4].as_py()
    assert f"entry_id={entry_id} value=-3" in capsys.readouterr().err


def test_missing_and_unreadable_tables(processed_copy, capsys):
    shutil.rmtree(processed_copy / "blogs.parquet")
    assert main(["validate", "--processed", str(processed_copy)]) == 1
    assert "invalid: blogs: table_exists failed" in capsys.readouterr().err
    [path] = table_files(processed_copy / "entries.parquet")
    path.write_bytes(path.read_bytes()[:200])
    assert main(["validate", "--processed", str(processed_copy)]) == 1
    assert "cannot read a table" in capsys.readouterr().err


def test_report_and_docs_regenerate_byte_identically(tmp_path):
    assert main(["build", "--raw", str(RAW_DIR), "--out", str(tmp_path)]) == 0
    for f in [PROCESSED_DIR / "validation.json", *sorted((PROCESSED_DIR / "validation").rglob("*.html"))]:
        rel = f.relative_to(PROCESSED_DIR)
        assert hashlib.sha256((tmp_path / rel).read_bytes()).digest() == hashlib.sha256(f.read_bytes()).digest(), rel
    assert (tmp_path / "validation" / "index.html").exists()


def test_build_refuses_invalid_tables_naming_each_raw_file_and_keeps_previous(
    small_raw, processed_copy, monkeypatch, capsys
):
    from corpus import tables
    original = tables.count_words
    monkeypatch.setattr(tables, "count_words", lambda text: -original(text))
    before = {p.name: p.read_bytes() for p in processed_copy.glob("*.parquet/*.parquet")}
    assert (
        main(["build", "--raw", str(small_raw), "--out", str(processed_copy), "--no-cache"]) == 2
    )
    err = capsys.readouterr().err.splitlines()
    names = sorted(p.name for p in small_raw.iterdir() if p.suffix == ".txt")
    assert [line.split(": ", 2)[1] for line in err] == names  # one line per raw file
    assert all(
        "fails a check of its rows: entries.n_words: expect_column_values_to_be_between" in line
        for line in err
    )
    assert {p.name: p.read_bytes() for p in processed_copy.glob("*.parquet/*.parquet")} == before
    assert not list(processed_copy.glob(".staging-*"))


SEED = (RAW_DIR / SEED_NAME).read_text(encoding="utf-8")
BOILERPLATE_ONLY = "Live blog: x\n\nLoading...\n\nRead More\n\nRoute 6\n"


@pytest.mark.parametrize("content, message", [
    (BOILERPLATE_ONLY, "no timestamped entries"),
    ("x" * 10_000_000, "no timestamped entries"),
    ("1200 GMT " + "word " * 2_000_000 + "end.\n", "no date line"),
])
def test_broken_raw_text(content, message):
    with pytest.raises(InputError, match=message):
        parse.parse("f.txt", "trt-text", content)


def test_duplicated_entry_is_refused_naming_both_lines():
    first = SEED.index("1806 GMT")
    block = SEED[first:SEED.index("1803 GMT")]
    doubled = SEED[:first] + block + block + SEED[first + len(block):]
    with pytest.raises(InputError, match="entry duplicates the one at line 27") as caught:
        parse.parse("f.txt", "trt-text", doubled)
    assert caught.value.line == 35


def test_text_outside_every_role_fails_the_build():
    from corpus.parse import check_accounting
    blog = parse.parse("f.txt", "trt-text", SEED)
    with pytest.raises(InputError, match="text not accounted for: 'stray'"):
        check_accounting("f.txt", text_reader.units(SEED + "\nstray\n"), blog)


def test_every_declared_table_is_validated(small_built):
    from corpus.validate import validate
    tables = {n: pq.read_table(small_built / f"{n}.parquet") for n in TABLES}
    report = validate(tables)
    assert {c.table for c in report.checks} == set(TABLES)
    assert report.success


def blog_parts(folder):
    """The tables built in folder split into one part per blog, in blog-id order."""
    import pyarrow.compute as pc
    tables = {n: pq.read_table(folder / f"{n}.parquet") for n in TABLES}
    out = []
    for blog_id in tables["blogs"].column("blog_id").to_pylist():
        keep = {"blogs": pc.equal(tables["blogs"]["blog_id"], blog_id),
                "entries": pc.equal(tables["entries"]["blog_id"], blog_id)}
        for name in ("entities", "figures"):
            keep[name] = pc.starts_with(tables[name]["entry_id"], blog_id + "-")
        out.append({n: tables[n].filter(keep[n]) for n in TABLES})
    return out


def with_negative_word_counts(part: dict) -> dict:
    """A part whose entries all have n_words -1 (invalid)."""
    entries = part["entries"]
    return {**part, "entries": entries.set_column(entries.schema.get_field_index("n_words"), "n_words",
                                                  pa.array([-1] * entries.num_rows, pa.int32()))}


def test_parts_are_validated_one_by_one_and_merged(small_built):
    from corpus.validate import PartValidation
    parts = blog_parts(small_built)
    validation = PartValidation()
    for i, part in enumerate(parts):
        validation.add(with_negative_word_counts(part) if i == 1 else part, f"part-{i}")
    report = validation.report()
    assert report.rows == {
        n: pq.read_metadata(next((small_built / f"{n}.parquet").iterdir())).num_rows
        for n in TABLES
    }
    [failure] = [c for c in report.failures if c.check != "arrow_schema_matches_declaration"]
    second = parts[1]["entries"]
    assert (failure.table, failure.column, failure.unexpected_count) == (
        "entries",
        "n_words",
        second.num_rows,
    )
    assert failure.examples[0].startswith(
        f"entry_id={second.column('entry_id')[0].as_py()} value=-1"
    )


@pytest.mark.parametrize("with_docs", [False, True])
def test_checking_parts_leaves_no_results_in_the_gx_store(with_docs, small_built):
    """GX stores every run's result in its context; a checker removes them after each part, or the
    store would grow with the corpus (and each part's Data Docs would show the parts before it)."""
    from corpus.validate import PartChecker
    checker = PartChecker(with_docs=with_docs)
    first, second = blog_parts(small_built)[:2]
    for i, part in enumerate([first, with_negative_word_counts(second)]):
        outcome = checker.check(part, f"part-{i}")
        assert checker.suites.ctx.validation_results_store.list_keys() == []
        assert bool(outcome.docs) == with_docs
    assert any(c.table == "entries" and c.column == "n_words" and not c.success for c in outcome.checks)

def test_parts_out_of_key_order_fail(small_built):
    from corpus.validate import PartValidation
    first, second = blog_parts(small_built)[:2]
    validation = PartValidation()
    validation.add(second)
    validation.add(first)
    failures = {(c.table, c.check) for c in validation.report().failures}
    assert ("entries", "primary_key_increases_across_parts") in failures
    assert ("blogs", "primary_key_increases_across_parts") in failures


def test_great_expectations_is_imported_without_the_iri_grammar():
    """rfc3987-syntax builds a grammar on import, a third of importing GX (see import_great_expectations)."""
    code = ("import sys; from corpus import validate; validate.build_checker(); "
            "print('jsonschema' in sys.modules, sys.modules.get('rfc3987_syntax', 'absent'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "None"]


def test_great_expectations_set_up_leaves_the_statistics_and_charts_it_never_uses_unimported(
    small_built,
):
    """scipy.stats and altair, imported by GX for a KL-divergence expectation, are 40% of importing
    GX (issue 30): they load only when read. Checking a part needs neither."""
    code = ("import sys; from pathlib import Path; from corpus import validate; "
            "from corpus.dataset.store import read_tables; "
            "from corpus.schema import TABLES; validate.prepare(); "
            f"tables = read_tables(Path({str(small_built)!r}), tuple(TABLES)); "
            "outcome = validate.prepared_checker().check(tables); "
            "print(all(c.success for c in outcome.checks), len(outcome.docs) > 0, "
            "'scipy.stats._stats_py' in sys.modules, 'altair.vegalite' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    out = run.stdout
    assert out.split() == ["True", "True", "False", "False"]


def test_a_deferred_module_is_imported_when_first_read(monkeypatch):
    name = "colorsys"
    monkeypatch.delitem(sys.modules, name, raising=False)
    gx.defer_import(name)
    stand_in = sys.modules[name]
    assert isinstance(stand_in, gx.DeferredModule)
    assert stand_in.rgb_to_hsv(1.0, 0.0, 0.0) == (0.0, 1.0, 1.0)  # the real module's function
    import colorsys

    assert sys.modules[name] is colorsys and not isinstance(colorsys, gx.DeferredModule)
    assert stand_in.hls_to_rgb is colorsys.hls_to_rgb
    gx.defer_import("no_such_module_anywhere")
    assert "no_such_module_anywhere" not in sys.modules  # not installed: left to fail on import


def test_validate_checks_the_coverage_table_too(processed_copy, capsys):
    assert main(["validate", "--processed", str(processed_copy)]) == 0
    assert "coverage (" in capsys.readouterr().out
    path = processed_copy / "coverage.parquet"
    coverage = pq.read_table(path)
    rows = coverage.to_pylist()
    rows[0]["n_entries"] += 1  # one more entry than the entries table holds that day
    rows.append(dict(rows[1]))  # a key twice
    write_parquet(pa.Table.from_pylist(rows, schema=coverage.schema), path)
    assert main(["validate", "--processed", str(processed_copy)]) == 1
    err = capsys.readouterr().err
    assert "invalid: coverage: primary_key_unique failed for 2 row(s)" in err
    assert "invalid: coverage: counts_match_blogs_and_entries failed for " in err
    assert f"outlet={rows[0]['outlet']!r}, day={rows[0]['day']}: coverage says" in err
    path.unlink()
    assert main(["validate", "--processed", str(processed_copy)]) == 1
    assert "invalid: coverage: table_exists failed" in capsys.readouterr().err


def with_text_offsets(part: dict) -> dict:
    """A part whose entity mentions' start offsets are text: the table fails its declaration,
    and the check slicing entries' text by offsets cannot run."""
    mentions = part["entities"]
    i = mentions.schema.get_field_index("start")
    texts = pa.array([str(v) for v in mentions.column("start").to_pylist()], pa.string())
    return {**part, "entities": mentions.set_column(i, "start", texts)}


def test_a_part_checked_in_two_halves_gives_the_outcome_of_one_check(small_built):
    """A one-blog rebuild checks its part half in the build's process and half (GX, Data Docs) in
    the checker worker (issue 30): the halves combined give what one check gives, for a valid
    part, a part failing a check and a part whose table fails its declaration."""
    from corpus.validate import PartChecker, combined, other_half
    checker = PartChecker(with_docs=True)
    first, second = blog_parts(small_built)[:2]
    for part in [first, with_negative_word_counts(second), with_text_offsets(first)]:
        whole = checker.check(part, "part-x")
        halves = combined(part, checker.gx_half(part, "part-x"), other_half(part))
        assert halves == whole
        assert whole.checks and whole.docs or not all(c.success for c in whole.checks)
    assert {c.check for c in whole.checks} == {"arrow_schema_matches_declaration"}  # alone
