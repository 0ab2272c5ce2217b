"""The build cache holds data, not code: a planted pickle runs nothing, a flipped bit or a foreign
entry is found and rebuilt, and the tables equal a build without the cache."""
import hashlib
import os
import pickle
import re
import shutil
from pathlib import Path

import pytest
from tests.conftest import INVENTED_BLOGS, write_small_raw

from corpus.build import BuildOptions, cache, prune
from corpus.build.parts import BuiltPart
from corpus.build.run import build

SRC = Path(__file__).resolve().parents[1] / "src"


class Planted:
    """Unpickling this runs os.system: the attack a pickle cache allows."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def table_digests(out: Path) -> dict[str, str]:
    return {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.glob("*.parquet/*.parquet"))}


@pytest.fixture(scope="module")
def raw_and_fresh(tmp_path_factory):
    """A plain raw folder of three small blogs, its tables built without a cache, and a cache."""
    root = tmp_path_factory.mktemp("cache-safety")
    raw = write_small_raw(root / "raw", registry=False)
    for name in list(INVENTED_BLOGS)[2:]:
        (raw / name).unlink()
    build(BuildOptions(raw, root / "fresh"))
    build(BuildOptions(raw, root / "cached", cache_dir=root / "cache"))
    return raw, root / "fresh", root / "cache"


def cache_files(cache_dir: Path) -> list[Path]:
    """Every file of the cache that holds data (not its lock, which holds none)."""
    return sorted(p for p in cache_dir.rglob("*") if p.is_file() and p.name != prune.LOCK_NAME)


def test_no_pickle_is_loaded_anywhere_in_the_project():
    found = [str(p) for p in SRC.rglob("*.py")
             if re.search(r"\bpickle\.(load|loads|Unpickler)\b|import pickle", p.read_text())]
    assert found == []


def test_a_planted_pickle_runs_nothing(raw_and_fresh, tmp_path):
    raw, fresh, warm = raw_and_fresh
    cache_dir, marker = tmp_path / "cache", tmp_path / "ran"
    shutil.copytree(warm, cache_dir)
    files = cache_files(cache_dir)
    assert {p.parent.parent.name for p in files if p.suffix == ".entry"} == {"blogs", "parts"}
    assert {p.parent.name for p in files if p.suffix == ".json"} == {"raw-index", "out-index"}
    planted = pickle.dumps(Planted(marker))
    for path in files:  # every entry and index, and the names a pickle cache used
        path.write_bytes(planted)
        path.with_suffix(".pickle").write_bytes(planted)
    build(BuildOptions(raw, tmp_path / "out", cache_dir=cache_dir))
    assert not marker.exists()
    assert table_digests(tmp_path / "out") == table_digests(fresh)


def test_a_flipped_bit_anywhere_in_an_entry_is_found(raw_and_fresh, caplog):
    _, _, warm = raw_and_fresh
    for kind, section in ((cache.BlogTables, "blogs"), (BuiltPart, "parts")):
        path = sorted((warm / section).rglob("*.entry"))[0]
        data = path.read_bytes()
        assert cache.load(warm, path.stem, kind) is not None
        offsets = range(0, len(data), max(1, len(data) // 150))  # header and payload
        for offset in offsets:
            flipped = bytearray(data)
            flipped[offset] ^= 1 << (offset % 8)
            path.write_bytes(bytes(flipped))
            assert cache.load(warm, path.stem, kind) is None, offset
        path.write_bytes(data)
        warned = [m for m in caplog.messages if m.startswith(f"cache entry {path}: ")]
        assert len(warned) == len(offsets)


def test_a_foreign_entry_is_not_taken(raw_and_fresh, tmp_path, caplog):
    _, _, warm = raw_and_fresh
    first, second = sorted((warm / "blogs").rglob("*.entry"))[:2]
    shutil.copytree(warm, tmp_path / "cache")
    target = tmp_path / "cache" / second.relative_to(warm)
    shutil.copyfile(first, target)
    assert cache.load(tmp_path / "cache", second.stem) is None
    assert "holds another entry" in caplog.text


def test_flipped_bits_in_every_cache_file_are_rebuilt(raw_and_fresh, tmp_path, caplog):
    raw, fresh, warm = raw_and_fresh
    cache_dir = tmp_path / "cache"
    shutil.copytree(warm, cache_dir)
    for number, path in enumerate(cache_files(cache_dir)):
        data = bytearray(path.read_bytes())
        data[(number * 7919) % len(data)] ^= 0x10
        path.write_bytes(bytes(data))
    build(BuildOptions(raw, tmp_path / "out", cache_dir=cache_dir))
    warned = [m for m in caplog.messages if m.startswith("cache entry")]
    read_by_builds = [p for p in cache_files(warm) if p.suffix != ".folder"]  # (by prunes only)
    assert len(warned) >= len(read_by_builds) - 1  # out-index: other out
    assert all(m.endswith("; rebuilt") for m in warned)
    assert table_digests(tmp_path / "out") == table_digests(fresh)
