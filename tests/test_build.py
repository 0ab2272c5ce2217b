import hashlib
import os
import shutil
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

from conftest import (
    PROCESSED_DIR,
    RAW_DIR,
    SEED_NAME,
    SMALL_N_BLOGS,
    SMALL_N_ENTRIES,
    write_small_raw,
)
from corpus import load
from corpus.build import BuildOptions
from corpus.build.run import build
from corpus.cli import main
from corpus.schema import TABLES
from corpus.version import __version__

BUILT = sorted(f"{name}.parquet" for name in TABLES)


def digests(folder):
    """Every table file (`<table>.parquet/<part>.parquet`) and its sha256."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.glob("*.parquet/*.parquet"))}


@pytest.fixture(scope="module")
def fresh(tmp_path_factory, small_raw):
    out = tmp_path_factory.mktemp("processed")
    assert main(["build", "--raw", str(small_raw), "--out", str(out), "--no-cache"]) == 0
    return out


def test_committed_tables_equal_a_fresh_build_of_the_committed_raw_folder(tmp_path):
    assert main(["build", "--raw", str(RAW_DIR), "--out", str(tmp_path), "--no-cache"]) == 0
    assert sorted({name.split("/")[0] for name in digests(tmp_path)}) == BUILT
    assert digests(tmp_path) == digests(PROCESSED_DIR)


def test_two_builds_are_byte_identical(small_raw, fresh, tmp_path):
    assert main(["build", "--raw", str(small_raw), "--out", str(tmp_path), "--no-cache"]) == 0
    assert digests(tmp_path) == digests(fresh)


def test_cached_build_is_byte_identical_and_reprocesses_only_what_changed(
    small_raw, fresh, tmp_path, seed_text, monkeypatch
):
    from corpus.build import process
    raw, cache_dir = tmp_path / "raw", tmp_path / "cache"
    shutil.copytree(small_raw, raw)
    args = ["build", "--raw", str(raw), "--cache", str(cache_dir)]
    assert main([*args, "--out", str(tmp_path / "first")]) == 0
    assert digests(tmp_path / "first") == digests(fresh)
    assert len(list((cache_dir / "blogs").rglob("*.entry"))) == SMALL_N_BLOGS
    assert len(list((cache_dir / "parts").rglob("*.entry"))) == 1
    processed = []
    original = process.blog_rows
    monkeypatch.setattr(process, "blog_rows", lambda doc, blog: processed.append(doc.path) or original(doc, blog))
    assert main([*args, "--out", str(tmp_path / "second"), "--jobs", "1"]) == 0
    assert processed == [] and digests(tmp_path / "second") == digests(fresh)
    (tmp_path / "new.txt").write_text(seed_text.replace("January 4", "January 5"))
    assert main(["add", str(tmp_path / "new.txt"), "--raw", str(raw), "--outlet", "TRT World",
                 "--text-redistributable", "yes"]) == 0
    assert main([*args, "--out", str(tmp_path / "third"), "--jobs", "1"]) == 0
    assert processed == ["new.txt"]
    assert len(load("entries", path=tmp_path / "third")) == SMALL_N_ENTRIES + 12
    assert main(["build", "--raw", str(raw), "--out", str(tmp_path / "full"), "--no-cache"]) == 0
    assert digests(tmp_path / "third") == digests(tmp_path / "full")


def test_corrupt_cache_entries_are_rebuilt(small_raw, fresh, tmp_path):
    cache_dir = tmp_path / "cache"
    args = ["build", "--raw", str(small_raw), "--cache", str(cache_dir)]
    assert main([*args, "--out", str(tmp_path / "a")]) == 0
    for entry in cache_dir.rglob("*.entry"):  # blogs' tables and parts' outcomes
        entry.write_bytes(b"not an entry")
    assert main([*args, "--out", str(tmp_path / "b")]) == 0
    assert digests(tmp_path / "b") == digests(fresh)


@pytest.mark.slow
def test_dask_engine_on_a_local_cluster_gives_the_same_bytes(small_raw, fresh, tmp_path):
    args = ["--engine", "dask", "--jobs", "2", "--no-cache"]
    assert main(["build", "--raw", str(small_raw), "--out", str(tmp_path), *args]) == 0
    assert digests(tmp_path) == digests(fresh)


def test_tables_follow_the_declared_schema(fresh):
    for name, table in TABLES.items():
        data = pq.read_table(fresh / f"{name}.parquet")
        assert data.schema.equals(table.arrow_schema(), check_metadata=False)
        assert data.schema.metadata[b"dataset_version"].decode() == __version__
        assert data.schema.field(table.columns[0].name).metadata[b"description"]
        assert data.column(table.primary_key[0]).to_pylist() == sorted(data.column(table.primary_key[0]).to_pylist())


def test_load_returns_rows(fresh):
    entries = load("entries", path=fresh)
    blogs = load("blogs", path=fresh)
    assert len(entries) == SMALL_N_ENTRIES and len(blogs) == SMALL_N_BLOGS
    assert blogs.set_index("outlet").loc["TRT World", "n_entries"] == 12
    assert str(entries.published_at.dt.tz) == "UTC"
    assert entries.is_out_of_order.sum() == 1
    with pytest.raises(ValueError, match="unknown table"):
        load("nope")


def test_module_entry_point_and_summary_line(small_raw, tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "corpus", "build", "--raw", str(small_raw), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(f"built {SMALL_N_BLOGS} blogs, {SMALL_N_ENTRIES} entries in ")


def copy_raw(tmp_path):
    return write_small_raw(tmp_path / "raw", registry=False)  # a plain folder: format from content


def test_adding_a_blog_changes_no_existing_id(small_raw, tmp_path, fresh):
    raw = copy_raw(tmp_path)
    other = (RAW_DIR / SEED_NAME).read_text().replace("Thursday, January 4, 2024", "Friday, January 5, 2024")
    (raw / "001_other.txt").write_text(other)
    assert main(["build", "--raw", str(raw), "--out", str(tmp_path / "out")]) == 0
    before = load("entries", path=fresh)
    after = load("entries", path=tmp_path / "out")
    assert len(after) == SMALL_N_ENTRIES + 12
    # Same raw path, same ids: only the outlet (unregistered here) differs in the prefix.
    strip = lambda ids: {"-".join(i.split("-")[-3:]) for i in ids}  # noqa: E731
    assert strip(before.entry_id) <= strip(after.entry_id)
    solo = tmp_path / "solo"
    (raw / "001_other.txt").rename(tmp_path / "aside.txt")
    assert main(["build", "--raw", str(raw), "--out", str(solo)]) == 0
    assert set(load("entries", path=solo).entry_id) <= set(after.entry_id)


BAD_INPUTS = {
    "empty.txt": (b"", "empty.txt: empty file"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary.txt:3: binary file"),
    "nodate.txt": (None, "nodate.txt:1: no date line"),
    "badtime.txt": (None, "badtime.txt:12: impossible time '2561 GMT'"),
    "truncated.txt": (None, "truncated.txt:129: file ends mid-sentence"),
}


def bad_bytes(name, seed):
    data, _ = BAD_INPUTS[name]
    if data is not None:
        return data
    if name == "nodate.txt":
        return seed.replace("Thursday, January 4, 2024\n", "").encode()
    if name == "badtime.txt":
        return seed.replace("1927 GMT", "2561 GMT").encode()
    return seed[: seed.index("to inform, what portion")].encode()


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_one_clear_line_and_leaves_tables_untouched(name, tmp_path, seed_text, fresh, capsys):
    raw = copy_raw(tmp_path)
    (raw / name).write_bytes(bad_bytes(name, seed_text))
    out = tmp_path / "out"
    shutil.copytree(fresh, out)
    before = digests(out)
    assert main(["build", "--raw", str(raw), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {BAD_INPUTS[name][1]}")
    assert err.count("\n") == 1 and "Traceback" not in err
    assert digests(out) == before
    assert not list(out.glob(".staging-*"))


def test_keep_going_builds_the_rest_and_lists_skips(tmp_path, seed_text, capsys):
    raw = copy_raw(tmp_path)
    for name in ("empty.txt", "badtime.txt"):
        (raw / name).write_bytes(bad_bytes(name, seed_text))
    assert main(["build", "--raw", str(raw), "--out", str(tmp_path / "out"), "--keep-going"]) == 1
    captured = capsys.readouterr()
    assert f"built {SMALL_N_BLOGS} blogs, {SMALL_N_ENTRIES} entries" in captured.out
    assert "(2 raw files skipped, listed in " in captured.out
    assert "skipped badtime.txt:12: impossible time" in captured.err
    assert "skipped empty.txt: empty file" in captured.err
    assert len(load("entries", path=tmp_path / "out")) == SMALL_N_ENTRIES


def test_changed_registered_file_is_refused(small_raw, tmp_path, capsys):
    raw = tmp_path / "raw"
    shutil.copytree(small_raw, raw)
    with open(raw / SEED_NAME, "a") as f:
        f.write("\n")
    assert main(["build", "--raw", str(raw), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert f"error: {SEED_NAME}: content differs from the registry's sha256 " in err
    assert not (tmp_path / "out").exists()


def test_add_registers_a_file(small_raw, tmp_path, seed_text, capsys):
    raw = tmp_path / "raw"
    shutil.copytree(small_raw, raw)
    (tmp_path / "new.txt").write_text(seed_text.replace("January 4", "January 5"))
    assert main(["add", str(tmp_path / "new.txt"), "--raw", str(raw), "--outlet", "TRT World",
                 "--language", "en", "--retrieved", "2026-01-02", "--rights", "test",
                 "--text-redistributable", "yes"]) == 0
    assert (raw / "new.txt").exists()
    assert main(["build", "--raw", str(raw), "--out", str(tmp_path / "out")]) == 0
    assert sorted(load("blogs", path=tmp_path / "out").blog_date.astype(str)) == [
        "2024-01-04",
        "2024-01-05",
        "2024-03-04",
        "2024-05-07",
        "2024-06-15",
        "2024-09-11",
        "2024-10-20",
    ]
    assert main(["add", str(tmp_path / "new.txt"), "--raw", str(raw),
                 "--text-redistributable", "yes"]) == 2
    assert "already registered" in capsys.readouterr().err


def test_parallel_build_is_byte_identical_to_serial(tmp_path, seed_text, capsys):
    raw = copy_raw(tmp_path)
    for day in (5, 6, 7):
        (raw / f"00{day}_more.txt").write_text(seed_text.replace("January 4, 2024", f"January {day}, 2024"))
    (raw / "empty.txt").write_bytes(b"")
    outs = {}
    for jobs in (1, 2):
        outs[jobs] = tmp_path / f"out{jobs}"
        assert main(["build", "--raw", str(raw), "--out", str(outs[jobs]), "--jobs", str(jobs), "--keep-going"]) == 1
        assert "skipped empty.txt: empty file" in capsys.readouterr().err
    assert digests(outs[1]) == digests(outs[2])
    assert len(load("entries", path=outs[2])) == SMALL_N_ENTRIES + 3 * 12


def test_a_build_in_parts_holds_the_same_rows(small_raw, fresh, tmp_path):
    from corpus.build.run import build
    result = build(BuildOptions(
        small_raw, tmp_path, part_rows=1
    ))  # a blog larger than a part is a part of its own: six
    assert (result.n_blogs, result.n_entries) == (SMALL_N_BLOGS, SMALL_N_ENTRIES)
    for name in TABLES:
        whole, parted = pq.read_table(fresh / f"{name}.parquet"), pq.read_table(tmp_path / f"{name}.parquet")
        assert parted.equals(whole), name
    assert len(list((tmp_path / "entries.parquet").glob("part-*.parquet"))) == SMALL_N_BLOGS
    summary = (tmp_path / "validation.json").read_text()
    assert '"check": "primary_key_increases_across_parts"' in summary and '"success": true' in summary
    assert main(["validate", "--processed", str(tmp_path)]) == 0


def every_file_digest(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_parts_checked_in_worker_processes_give_the_same_files_as_parts_checked_in_turn(
    small_raw, tmp_path
):
    from corpus.build.run import build
    build(BuildOptions(small_raw, tmp_path / "in-turn", part_rows=1, jobs=1))
    build(BuildOptions(small_raw, tmp_path / "workers", part_rows=1, jobs=2))
    files = every_file_digest(tmp_path / "in-turn")
    assert (
        sum("/validations/entries/" in name for name in files) == SMALL_N_BLOGS
    )  # a page per part
    assert every_file_digest(tmp_path / "workers") == files


def test_a_part_failing_in_a_worker_fails_the_build_and_names_the_rows(small_raw, tmp_path):
    import pyarrow as pa

    from corpus.build import cache
    from corpus.build.run import build
    from corpus.errors import InputErrors
    cache_dir, out = tmp_path / "cache", tmp_path / "out"
    build(BuildOptions(small_raw, out, part_rows=1, jobs=2, cache_dir=cache_dir))
    before = every_file_digest(out)
    for path in (cache_dir / "blogs").rglob("*.entry"):  # entity texts no longer match their spans
        blog = cache.load(cache_dir, path.stem)
        mentions = blog.tables["entities"]
        column = mentions.schema.get_field_index("text")
        blog.tables["entities"] = mentions.set_column(column, mentions.schema.field(column),
                                                      pa.array(["tampered"] * mentions.num_rows, pa.string()))
        cache.store(cache_dir, path.stem, blog)
    shutil.rmtree(cache_dir / "parts")  # the parts' cached outcomes vouch for the untampered tables,
    shutil.rmtree(cache_dir / "out-index")  # and so do the parts lying intact in the output folder
    with pytest.raises(InputErrors) as failed:  # each blog's own rows fail: each raw file is named
        build(BuildOptions(small_raw, out, part_rows=1, jobs=2, cache_dir=cache_dir))
    blogs, mentions = load("blogs", path=out), load("entities", path=out)
    with_mentions = set(
        blogs.set_index("blog_id").loc[mentions.entry_id.str[:-6].unique(), "raw_path"]
    )
    assert len(with_mentions) > 1 and {e.path for e in failed.value.errors} == with_mentions
    assert all(e.stage == "check" and "entities.text: span_slices_to_text failed" in e.message
               for e in failed.value.errors)
    assert every_file_digest(out) == before  # the previous tables stay


def test_part_boundaries_follow_the_blogs_so_adding_one_leaves_the_other_parts_alone():
    from corpus.build.parts import parts
    from corpus.build.process import BlogSummary

    def summary(blog_id):
        return BlogSummary(blog_id, {"blogs": 1, "entries": 9}, blog_id, 0, "", blog_id, None)

    blogs = [summary(f"b-{i:03d}") for i in range(300)]
    before = [tuple(s.blog_id for s in p) for p in parts(blogs, max_rows=100)]
    assert max(len(p) for p in before) <= 10 and len(before) > 20  # at most max_rows rows per part
    assert [b for p in before for b in p] == [s.blog_id for s in blogs]
    after = [tuple(s.blog_id for s in p) for p in parts(sorted(blogs + [summary("b-150a")], key=lambda s: s.blog_id), max_rows=100)]
    changed = set(after) - set(before)
    assert any("b-150a" in p for p in changed) and len(changed) <= 2


def test_unchanged_raw_files_are_not_read_again_and_a_changed_one_is(tmp_path, monkeypatch):
    from corpus.build import engines
    raw = copy_raw(tmp_path)
    cache_dir = tmp_path / "cache"
    build(BuildOptions(raw, tmp_path / "first", cache_dir=cache_dir))
    read = []
    original = engines.process_file
    monkeypatch.setattr(engines, "process_file", lambda raw_dir, path, *rest: read.append(path) or
                        original(raw_dir, path, *rest))
    build(BuildOptions(raw, tmp_path / "second", cache_dir=cache_dir))
    assert read == []  # known by size, times and inode from the cache's index of the raw folder
    assert every_file_digest(tmp_path / "second") == every_file_digest(tmp_path / "first")
    seed = raw / SEED_NAME
    text = seed.read_text(encoding="utf-8")
    changed = text.replace("Kirby said", "Kirby says")
    assert len(changed) == len(text)
    seed.write_text(changed, encoding="utf-8")  # the same size, new times
    build(BuildOptions(raw, tmp_path / "third", cache_dir=cache_dir))
    assert read == [SEED_NAME]
    assert load("entries", path=tmp_path / "third").body.str.contains("Kirby says").any()


def test_incremental_builds_in_parts_equal_full_ones(tmp_path, seed_text):
    """Parts written from the cache while the new blogs are extracted, in a layout that the new
    blogs may change, end up exactly as in a build from scratch."""
    from corpus.build.run import build
    raw, cache_dir = copy_raw(tmp_path), tmp_path / "cache"
    build(BuildOptions(raw, tmp_path / "out", part_rows=60, jobs=2, cache_dir=cache_dir))
    assert len(list((tmp_path / "out" / "entries.parquet").iterdir())) > 2
    for day in (5, 6):
        (raw / f"00{day}_more.txt").write_text(seed_text.replace("January 4, 2024", f"January {day}, 2024"))
        build(BuildOptions(raw, tmp_path / "out", part_rows=60, jobs=2, cache_dir=cache_dir))
        build(BuildOptions(raw, tmp_path / f"full{day}", part_rows=60, jobs=1))
        assert every_file_digest(tmp_path / "out") == every_file_digest(tmp_path / f"full{day}")


def inodes(folder):
    """Each file of the folder's live build (read through its symlinks) and its inode."""
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for name in os.listdir(folder)
            if not name.startswith(".") for p in [folder / name, *(folder / name).rglob("*")]
            if p.is_file()}


def test_a_rebuild_leaves_unchanged_parts_in_place_and_mends_touched_ones(tmp_path, seed_text):
    """Parts lying intact in the output folder are not written again; a part file edited, a Data Docs
    page removed or a stray file added is put right; the folder always equals a build from scratch."""
    from corpus.build.run import build
    raw, cache_dir, out = copy_raw(tmp_path), tmp_path / "cache", tmp_path / "out"
    build(BuildOptions(raw, out, part_rows=1, cache_dir=cache_dir))
    before = inodes(out)
    (raw / "005_more.txt").write_text(seed_text.replace("January 4, 2024", "January 5, 2024"))
    build(BuildOptions(raw, out, part_rows=1, cache_dir=cache_dir))
    build(BuildOptions(raw, tmp_path / "full", part_rows=1))
    assert every_file_digest(out) == every_file_digest(tmp_path / "full")
    after = inodes(out)
    kept = [path for path in before if path.startswith("entries.parquet/") and after.get(path) == before[path]]
    new_parts = {path for path in after if path.startswith("entries.parquet/")} - set(before)
    assert (
        len(kept) == SMALL_N_BLOGS and len(new_parts) == 1
    )  # one blog, one part each: only the new one is written
    parts = sorted(out / path for path in kept)  # two of the parts the new blog left alone
    parts[0].write_bytes(b"edited")
    next(p for p in (out / "validation" / parts[1].stem).rglob("*.html")).unlink()
    (out / "figures.parquet" / "part-stray.parquet").write_bytes(b"not ours")
    build(BuildOptions(raw, out, part_rows=1, cache_dir=cache_dir))
    assert every_file_digest(out) == every_file_digest(tmp_path / "full")
    assert sum(inodes(out)[path] == after[path] for path in kept) == 4  # the two touched parts are written again


def test_a_table_file_of_an_earlier_layout_gives_way_to_the_table_folder(small_raw, tmp_path):
    from corpus.build.run import build
    out = tmp_path / "out"
    out.mkdir()
    (out / "entries.parquet").write_bytes(b"a single-file table")
    build(BuildOptions(small_raw, out))
    assert len(load("entries", path=out)) == SMALL_N_ENTRIES


# Ids are stable across versions unless CHANGELOG.md says otherwise (issue #32): saved analyses key
# on them. A change to any of these is a dataset version change with a CHANGELOG entry.
SEED_BLOG_ID = "20240104-4bcb4535"
SEED_IDS = {
    "blogs": ["20240104-4bcb4535"],
    "entries": [f"20240104-4bcb4535-{n:05d}" for n in range(1, 13)],
    "entities": ["20240104-4bcb4535-00001-mb00000", "20240104-4bcb4535-00001-mb00025"],
    "figures": ["20240104-4bcb4535-00001-b00193", "20240104-4bcb4535-00001-b00216",
                "20240104-4bcb4535-00009-h00052"],
}


def test_the_seeds_ids_are_pinned(small_built):
    """Built afresh (with other blogs beside it), the seed keeps the ids it had."""
    keys = {"blogs": "blog_id", "entries": "entry_id", "entities": "mention_id",
            "figures": "figure_id"}
    for table, ids in SEED_IDS.items():
        found = load(table, path=small_built)
        seed = found[found[keys[table]].str.startswith(SEED_BLOG_ID)][keys[table]].tolist()
        assert set(ids) <= set(seed), table
    entries = load("entries", path=small_built)
    assert sorted(entries.loc[entries["blog_id"] == SEED_BLOG_ID, "entry_id"]) == SEED_IDS["entries"]
