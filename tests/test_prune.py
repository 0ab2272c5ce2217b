"""`corpus prune-cache`: what no build will read again leaves the cache (the tables of a raw file
since removed, the parts that held it, the indexes of folders gone, cut-short writes, set-up files
of other versions); what the last build of each folder used stays, and a build after a prune reads
everything from the cache again. A build and a prune never run on one cache at once."""

import errno
import fcntl
import hashlib
import os
import threading
import time
from pathlib import Path

import pytest
from tests.conftest import INVENTED_BLOGS, write_small_raw

from corpus.build import cache, prune, raw_index, setup_files
from corpus.build.options import BuildOptions
from corpus.build.run import build
from corpus.cli import main
from corpus.errors import InputError


def entries(cache_dir: Path, section: str) -> set[str]:
    return {p.stem for p in (cache_dir / section).glob("??/*.entry")}


def indexed_blog_keys(cache_dir: Path, raw_dir: Path) -> set[str]:
    return {e.summary["cache_key"] for e in raw_index.read_index(cache_dir, raw_dir).values()}


def table_digests(out: Path) -> dict[str, str]:
    return {
        str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(out.glob("*.parquet/*.parquet"))
    }


@pytest.fixture
def built_twice(tmp_path):
    """A plain raw folder built, one blog removed, built again, into one output and cache."""
    raw = write_small_raw(tmp_path / "raw", registry=False)
    out, cache_dir = tmp_path / "out", tmp_path / "cache"
    options = BuildOptions(raw, out, jobs=1, cache_dir=cache_dir)
    build(options)
    first_keys = indexed_blog_keys(cache_dir, raw)
    first_parts = entries(cache_dir, "parts")
    removed = sorted(INVENTED_BLOGS)[0]
    (raw / removed).unlink()
    build(options)
    return options, first_keys, first_parts


def test_a_prune_removes_the_tables_no_index_names_and_the_next_build_reads_the_rest(built_twice):
    options, first_keys, first_parts = built_twice
    cache_dir, raw = options.cache_dir, options.raw_dir
    kept_keys = indexed_blog_keys(cache_dir, raw)
    gone_keys = first_keys - kept_keys
    assert len(gone_keys) == 1 and len(kept_keys) == 5  # the removed blog's tables
    assert entries(cache_dir, "blogs") == first_keys
    out_index = cache.folder_index_path(cache_dir, "out-index", options.out_dir, ".json")
    current_parts = prune.keys_named(out_index, "out-index")
    assert current_parts < entries(cache_dir, "parts") and first_parts - current_parts
    dry = prune.prune(cache_dir, dry_run=True)
    assert {p.stem for p in dry.removed if p.parent.parent.name == "blogs"} == gone_keys
    assert entries(cache_dir, "blogs") == first_keys  # a dry run removes nothing
    before = table_digests(options.out_dir)

    pruned = prune.prune(cache_dir)
    assert [p.name for p in pruned.removed] == [p.name for p in dry.removed]
    assert pruned.removed_bytes > 0 and pruned.kept > 0
    assert entries(cache_dir, "blogs") == kept_keys
    assert entries(cache_dir, "parts") == current_parts

    result = build(options)  # nothing changed: every blog and part from the cache
    assert result.n_entries > 0
    assert table_digests(options.out_dir) == before
    assert entries(cache_dir, "blogs") == kept_keys
    assert prune.prune(cache_dir).removed == []  # nothing left to prune


def test_the_indexes_of_folders_gone_go_with_everything_only_they_name(built_twice, tmp_path):
    options, _, _ = built_twice
    other_raw = write_small_raw(tmp_path / "other-raw", registry=False)
    other = BuildOptions(other_raw, tmp_path / "other-out", jobs=1, cache_dir=options.cache_dir)
    build(other)  # the same blogs but one: the entries are shared with the first folder
    for folder in (options.raw_dir, options.out_dir):
        for path in sorted(folder.rglob("*"), reverse=True):
            path.unlink() if path.is_file() or path.is_symlink() else path.rmdir()
        folder.rmdir()
    cache_dir = options.cache_dir
    assert len(list((cache_dir / "raw-index").glob("*.json"))) == 2

    pruned = prune.prune(cache_dir)
    assert len(list((cache_dir / "raw-index").glob("*.json"))) == 1
    assert len(list((cache_dir / "out-index").glob("*.json"))) == 1
    assert len(list((cache_dir / "raw-index").glob("*.folder"))) == 1
    assert entries(cache_dir, "blogs") == indexed_blog_keys(cache_dir, other_raw)
    assert len(entries(cache_dir, "blogs")) == 6
    assert any(p.suffix == ".folder" for p in pruned.removed)


def test_cut_short_writes_and_old_set_up_files_go_unknown_files_stay(built_twice):
    cache_dir = built_twice[0].cache_dir
    stale = [
        cache_dir / "blogs" / "ab" / ".tmp-x1y2",
        cache_dir / "name-tokens-0.0.1-0123456789abcdef.arrow",
        cache_dir / "geonames-places-0.0.1-1.0.0.arrow",
    ]
    foreign = [cache_dir / "notes.txt", cache_dir / "blogs" / "ab" / "readme.md"]
    current = setup_files.current(cache_dir)  # this version's set-up files
    for path in stale + foreign + current:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")

    removed = prune.prune(cache_dir).removed
    assert set(stale) <= set(removed)
    assert all(p.exists() for p in foreign + current)
    assert (cache_dir / prune.LOCK_NAME).exists()


def test_an_unreadable_index_stops_the_prune_before_anything_goes(built_twice):
    cache_dir = built_twice[0].cache_dir
    index = raw_index.index_path(cache_dir, built_twice[0].raw_dir)
    index.write_bytes(b"not sealed")
    before = sorted(cache_dir.rglob("*"))
    with pytest.raises(InputError, match="unreadable index") as err:
        prune.prune(cache_dir)
    assert err.value.path == str(index)
    assert sorted(cache_dir.rglob("*")) == before


def test_a_build_using_the_cache_stops_a_prune_and_a_prune_makes_a_build_wait(tmp_path):
    cache_dir = tmp_path / "cache"
    with prune.using(cache_dir), pytest.raises(InputError, match="a build is using this cache"):
        prune.prune(cache_dir)

    fd = os.open(cache_dir / prune.LOCK_NAME, os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX)  # as a prune holds it
    entered = threading.Event()

    def a_build() -> None:
        with prune.using(cache_dir):
            entered.set()

    thread = threading.Thread(target=a_build)
    thread.start()
    time.sleep(0.3)
    assert not entered.is_set()
    os.close(fd)
    thread.join(5)
    assert entered.is_set()


def test_the_command_lists_in_a_dry_run_and_names_a_missing_folder(built_twice, capsys):
    cache_dir = built_twice[0].cache_dir
    assert main(["prune-cache", "--cache", str(cache_dir), "--dry-run"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1].startswith("would remove ") and "kept" in lines[-1]
    assert len(lines) > 1 and all(Path(line).exists() for line in lines[:-1])
    assert main(["prune-cache", "--cache", str(cache_dir)]) == 0
    assert capsys.readouterr().out.startswith(f"removed {len(lines) - 1} files")
    missing = cache_dir.parent / "no-cache-here"
    assert main(["prune-cache", "--cache", str(missing)]) == 2
    assert capsys.readouterr().err.strip() == f"error: {missing}: no such cache folder"


def test_a_cache_on_a_file_system_without_locks_is_used_unlocked_with_a_warning(
    tmp_path, monkeypatch, caplog
):
    def no_locks(fd, operation):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(prune.fcntl, "flock", no_locks)
    entered = False
    with prune.using(tmp_path / "cache"):
        entered = True
    assert entered
    assert "cannot be locked (No locks available): do not prune it meanwhile" in caplog.text
