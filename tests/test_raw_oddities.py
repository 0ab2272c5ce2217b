"""Nothing in the raw folder is built twice or passed over without a word: copies differing only
in line ends or a byte-order mark are duplicates, and a FIFO, a socket or a link to a device is
listed with its reason, never opened."""
import os
import socket
import time
from pathlib import Path

import pytest
from tests.conftest import INVENTED_BLOGS, write_small_raw

from corpus.build import BuildOptions
from corpus.build.run import build
from corpus.collect import raw
from corpus.collect.raw_text import text_sha256
from corpus.errors import InputError, InputErrors


@pytest.fixture
def one_blog(tmp_path) -> Path:
    folder = write_small_raw(tmp_path / "raw", registry=False)
    for name in [*INVENTED_BLOGS][1:]:
        (folder / name).unlink()
    (folder / "000_6d6ba2881843c3f6.txt").unlink()
    return folder


def test_copies_with_other_line_ends_or_a_bom_are_duplicates(one_blog, tmp_path):
    original = (one_blog / "101_harbour.txt").read_bytes()
    (one_blog / "102_crlf.txt").write_bytes(original.replace(b"\n", b"\r\n"))
    (one_blog / "103_cr.txt").write_bytes(original.replace(b"\n", b"\r"))
    (one_blog / "104_bom.txt").write_bytes(b"\xef\xbb\xbf" + original)
    result = build(BuildOptions(one_blog, tmp_path / "out", keep_going=True))
    assert result.n_blogs == 1
    assert sorted((e.path, e.stage, e.message) for e in result.skipped) == [
        (name, "duplicate", "duplicate of 101_harbour.txt (same text); the first registered is "
                            "kept") for name in ("102_crlf.txt", "103_cr.txt", "104_bom.txt")]


def test_text_sha256_ignores_line_ends_and_bom():
    text = b"line one\nline two\n"
    digests = {text_sha256("x", data) for data in
               (text, text.replace(b"\n", b"\r\n"), text.replace(b"\n", b"\r"),
                b"\xef\xbb\xbf" + text)}
    assert len(digests) == 1 and text_sha256("x", b"line one\n") not in digests


@pytest.fixture
def odd_files(one_blog, tmp_path):
    os.mkfifo(one_blog / "pipe.txt")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(one_blog / "sock.txt"))
    os.symlink("/dev/null", one_blog / "null.txt")
    os.symlink(tmp_path / "nowhere", one_blog / "dangling.txt")
    yield one_blog
    listener.close()


def test_fifos_sockets_and_device_links_are_listed_as_skipped(odd_files, tmp_path):
    started = time.monotonic()
    result = build(BuildOptions(odd_files, tmp_path / "out", keep_going=True))
    assert time.monotonic() - started < 60  # a FIFO opened for reading would block for ever
    assert result.n_blogs == 1
    assert sorted((e.path, e.stage, e.message) for e in result.skipped) == [
        ("dangling.txt", "read", "a symlink leading nowhere"),
        ("null.txt", "read", "a symlink to a character device, not a raw file (not opened)"),
        ("pipe.txt", "read", "a named pipe (FIFO), not a raw file (not opened)"),
        ("sock.txt", "read", "a socket, not a raw file (not opened)")]
    quarantined = (tmp_path / "out" / "quarantine.json").read_text()
    assert '"file": "pipe.txt"' in quarantined


def test_without_keep_going_a_fifo_stops_the_build_naming_it(odd_files, tmp_path):
    with pytest.raises(InputErrors) as caught:
        build(BuildOptions(odd_files, tmp_path / "out"))
    assert [e.path for e in caught.value.errors] == ["dangling.txt", "null.txt", "pipe.txt",
                                                     "sock.txt"]
    assert not (tmp_path / "out").exists()


def test_a_fifo_in_place_of_a_raw_file_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(InputError, match="named pipe"):
        raw.read_document(tmp_path, "pipe.txt")
