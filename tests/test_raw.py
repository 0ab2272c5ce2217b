import pytest

from corpus.collect import raw
from corpus.collect.raw_registry import REGISTRY_NAME, RegistryEntry, read_registry
from corpus.collect.raw_text import decode, detect_format, sha256_of
from corpus.collect.registry_file import registry_text
from corpus.errors import InputError


@pytest.mark.parametrize("data, line, message", [
    (b"", None, "empty file"),
    (b"  \n\n", None, "empty file"),
    (b"Live blog\n\x89PNG\x00\x01", 2, "binary file (NUL byte at offset 14)"),
    (b"Live blog\ncaf\xe9\n", 2, "not UTF-8 text (invalid byte 0xe9)"),
])
def test_decode_refuses_non_text(data, line, message):
    with pytest.raises(InputError) as caught:
        decode("f.txt", data)
    assert caught.value.line == line
    assert message in str(caught.value)


def test_decode_normalises_newlines_and_bom():
    assert decode("f", "\ufeffa\r\nb\rc".encode()) == "a\nb\nc"


def test_detect_format(seed_text):
    assert detect_format("s", seed_text) == "trt-text"
    assert detect_format("p.html", "<!DOCTYPE html>\n<html><body>hi</body></html>") == "html"
    with pytest.raises(InputError, match="unrecognised JSON"):
        detect_format("p.json", '{"blocks": []}')
    with pytest.raises(InputError, match="unrecognised format"):
        detect_format("p.txt", "no times here")


def make_registry(tmp_path, text: bytes):
    (tmp_path / "a.txt").write_bytes(text)
    entry = RegistryEntry("a.txt", sha256_of(text), "trt-text", "Outlet", "", "en", "2026-01-01", "test")
    (tmp_path / REGISTRY_NAME).write_text(registry_text([entry]))
    return entry


def test_changed_raw_file_is_refused_by_name(tmp_path, seed_text):
    entry = make_registry(tmp_path, seed_text.encode())
    (tmp_path / "a.txt").write_text(seed_text + "tampered\n")
    with pytest.raises(InputError, match="^a.txt: content differs from the registry's sha256 "
                                         + entry.sha256) as caught:
        raw.read_document(tmp_path, "a.txt", entry)
    assert sha256_of((tmp_path / "a.txt").read_bytes()) not in str(caught.value)


def test_unregistered_and_missing_files_are_refused(tmp_path, seed_text):
    make_registry(tmp_path, seed_text.encode())
    (tmp_path / "b.txt").write_text(seed_text)
    with pytest.raises(InputError, match="b.txt: raw file is not in the registry"):
        raw.plan(tmp_path)
    (tmp_path / "b.txt").unlink()
    (tmp_path / "a.txt").unlink()
    with pytest.raises(InputError, match="registered file a.txt is missing"):
        raw.plan(tmp_path)


def test_plain_folder_detects_format(tmp_path, seed_text):
    (tmp_path / "x.txt").write_text(seed_text)
    [(path, entry)] = raw.plan(tmp_path)
    doc = raw.read_document(tmp_path, path, entry)
    assert (doc.format, doc.outlet, doc.language, doc.url) == ("trt-text", "unknown", "und", None)


def test_registry_round_trip(tmp_path, seed_text):
    entry = make_registry(tmp_path, seed_text.encode())
    assert read_registry(tmp_path) == [entry]
