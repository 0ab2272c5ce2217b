"""The cache trusts only what this user's builds wrote: an entry forged with a recomputed digest
changes no table, a cache sealed under another key is rebuilt, and the key stays private."""
import hashlib
import json
import os
import shutil
import stat
from pathlib import Path

import pyarrow as pa
import pytest
from tests.conftest import INVENTED_BLOGS, write_small_raw

from corpus.build import BuildOptions, seal
from corpus.build.run import build
from corpus.errors import InputError


def table_digests(out: Path) -> dict[str, str]:
    return {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.glob("*.parquet/*.parquet"))}


@pytest.fixture(scope="module")
def raw_fresh_warm(tmp_path_factory):
    root = tmp_path_factory.mktemp("cache-trust")
    raw = write_small_raw(root / "raw", registry=False)
    for name in list(INVENTED_BLOGS)[2:]:
        (raw / name).unlink()
    build(BuildOptions(raw, root / "fresh"))
    build(BuildOptions(raw, root / "warm-out", cache_dir=root / "cache"))
    return raw, root / "fresh", root / "cache"


def forge(entry: Path) -> None:
    """What someone able to write the cache folder can do without the key: rewrite an entry's
    blog title and recompute the digest after the magic line."""
    data = entry.read_bytes()
    magic, _, rest = data.partition(b"\n")
    body = rest[65:]
    header_bytes, _, payload = body.partition(b"\n")
    header = json.loads(header_bytes)
    sections, at = {}, 0
    for name, size in header["sections"]:
        sections[name] = payload[at:at + size]
        at += size
    blogs = pa.ipc.open_stream(pa.BufferReader(sections["blogs"])).read_all()
    forged = blogs.set_column(blogs.schema.get_field_index("title"),
                              blogs.schema.field("title"), pa.array(["Forged title"]))
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, forged.schema) as writer:
        writer.write_table(forged)
    sections["blogs"] = sink.getvalue().to_pybytes()
    header["sections"] = [[name, len(value)] for name, value in sections.items()]
    new_body = json.dumps(header, sort_keys=True).encode() + b"\n" + b"".join(sections.values())
    entry.write_bytes(magic + b"\n" + hashlib.sha256(new_body).hexdigest().encode() + b"\n"
                      + new_body)


def test_a_forged_entry_with_a_recomputed_digest_changes_no_table(raw_fresh_warm, tmp_path,
                                                                  caplog):
    raw, fresh, warm = raw_fresh_warm
    cache_dir = tmp_path / "cache"
    shutil.copytree(warm, cache_dir)
    for entry in (cache_dir / "blogs").rglob("*.entry"):
        forge(entry)
    for folder in ("parts", "raw-index", "out-index"):  # the built parts would hide the blogs
        shutil.rmtree(cache_dir / folder, ignore_errors=True)
    build(BuildOptions(raw, tmp_path / "out", cache_dir=cache_dir))
    assert table_digests(tmp_path / "out") == table_digests(fresh)
    assert "not written by this user's builds" in caplog.text


def test_a_cache_sealed_under_another_key_is_rebuilt(raw_fresh_warm, tmp_path, monkeypatch,
                                                     caplog):
    raw, fresh, warm = raw_fresh_warm
    cache_dir = tmp_path / "cache"
    shutil.copytree(warm, cache_dir)
    monkeypatch.setenv(seal.KEY_ENV, str(tmp_path / "other-user" / "cache-key"))
    build(BuildOptions(raw, tmp_path / "out", cache_dir=cache_dir))
    assert table_digests(tmp_path / "out") == table_digests(fresh)
    warned = [m for m in caplog.messages if m.startswith("cache entry")]
    assert warned and all("not written by this user's builds" in m for m in warned)


def test_the_key_is_made_private_outside_the_cache(tmp_path, monkeypatch):
    monkeypatch.delenv(seal.KEY_ENV)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    key = seal.cache_key()
    path = tmp_path / "config" / "liveblog-corpus" / "cache-key"
    assert seal.key_path() == path and len(key) == 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert bytes.fromhex(path.read_text().strip()) == key
    assert seal.cache_key() == key  # made once, then read


@pytest.mark.parametrize("mode", [0o644, 0o660, 0o606])
def test_a_key_file_open_to_others_is_refused(tmp_path, monkeypatch, mode):
    path = tmp_path / f"key-{mode:o}"
    path.write_text("ab" * 32 + "\n")
    os.chmod(path, mode)
    monkeypatch.setenv(seal.KEY_ENV, str(path))
    with pytest.raises(InputError, match="open to other users"):
        seal.cache_key()
