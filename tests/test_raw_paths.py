"""A registry row or raw file that would read outside the raw folder is refused by its row."""
import os

import pytest

from corpus.collect import raw
from corpus.collect.raw_registry import REGISTRY_NAME, RegistryEntry
from corpus.collect.raw_text import sha256_of
from corpus.collect.registry_file import registry_text
from corpus.errors import InputError


def register(folder, rows):
    """A registry of rows (path, content) in folder; files are not written here."""
    entries = [RegistryEntry(path, sha256_of(data), "trt-text", "Outlet", "", "en",
                             "2026-01-01", "test") for path, data in rows]
    (folder / REGISTRY_NAME).write_text(registry_text(entries))


@pytest.fixture
def folders(tmp_path, seed_text):
    """A raw folder holding one good file, and a secret file outside it."""
    raw_dir, outside = tmp_path / "raw", tmp_path / "outside"
    raw_dir.mkdir()
    outside.mkdir()
    (raw_dir / "a.txt").write_text(seed_text)
    (outside / "secret.txt").write_text(seed_text)
    return raw_dir, outside


@pytest.mark.parametrize("path_of, reason", [
    (lambda outside: str(outside / "secret.txt"), "is absolute"),
    (lambda outside: "../outside/secret.txt", "climbs out with '..'"),
    (lambda outside: "sub/../../outside/secret.txt", "climbs out with '..'"),
])
def test_rows_leaving_the_folder_are_refused_by_row(folders, seed_text, path_of, reason):
    raw_dir, outside = folders
    path = path_of(outside)
    register(raw_dir, [("a.txt", seed_text.encode()), (path, seed_text.encode())])
    with pytest.raises(InputError) as caught:
        raw.plan(raw_dir)
    line = str(caught.value)
    assert line.startswith(f"{raw_dir / REGISTRY_NAME}:")
    assert reason in line and repr(path) in line and "\n" not in line
    assert caught.value.line in (2, 3)  # the offending row, not the header


def test_symlinked_file_leading_out_is_refused(folders, seed_text):
    raw_dir, outside = folders
    os.symlink(outside / "secret.txt", raw_dir / "b.txt")
    register(raw_dir, [("a.txt", seed_text.encode()), ("b.txt", seed_text.encode())])
    with pytest.raises(InputError, match=r"registry.csv:3: path 'b.txt' is a symlink"):
        raw.plan(raw_dir)


def test_symlinked_folder_leading_out_is_refused(folders, seed_text):
    raw_dir, outside = folders
    os.symlink(outside, raw_dir / "sub")
    register(raw_dir, [("a.txt", seed_text.encode()), ("sub/secret.txt", seed_text.encode())])
    with pytest.raises(InputError, match=r"registry.csv:3: path 'sub/secret.txt' is a symlink"):
        raw.plan(raw_dir)


def test_plain_folder_symlink_leading_out_is_refused(folders):
    raw_dir, outside = folders
    os.symlink(outside / "secret.txt", raw_dir / "b.txt")
    with pytest.raises(InputError, match=r"b.txt: is a symlink .* leading out of the raw folder"):
        raw.plan(raw_dir)


def test_symlink_inside_the_folder_is_read(folders, seed_text):
    raw_dir, _ = folders
    (raw_dir / "sub").mkdir()
    os.symlink(raw_dir / "a.txt", raw_dir / "sub" / "b.txt")
    register(raw_dir, [("a.txt", seed_text.encode()), ("sub/b.txt", seed_text.encode())])
    assert [p for p, _ in raw.plan(raw_dir)] == ["a.txt", "sub/b.txt"]
