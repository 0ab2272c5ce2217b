"""Messages stay one line naming their file: a file name with line breaks or terminal escapes is
printed escaped (it cannot fake an `error:` line), and a full disk names the path it could not
write."""
import errno
import logging
import os

import pytest
from tests.conftest import text_blog

from corpus.build import cache
from corpus.cli import OneLine, main

HOSTILE = "page\nerror: all tables verified\x1b[2K\u202etxt.exe"


def test_a_hostile_file_name_is_escaped_in_the_error_line(tmp_path, capsys):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / HOSTILE).write_text("no stamps, no markup: not a live blog\n")
    assert main(["build", "--raw", str(raw), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: page\\nerror: all tables")
    assert "\x1b" not in err and "\u202e" not in err and "\\x1b[2K\\u202etxt.exe" in err


def test_a_hostile_file_name_is_escaped_in_skipped_lines(tmp_path, capsys):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "good.txt").write_text(text_blog("Harbour night", "Crews at work.",
                                            "Monday, March 4, 2024",
                                            [("2140 GMT", None, ["The harbour reopened."])]))
    (raw / HOSTILE).write_text("no stamps, no markup: not a live blog\n")
    assert main(["build", "--raw", str(raw), "--out", str(tmp_path / "out"), "--keep-going"]) == 1
    err = capsys.readouterr().err
    assert [line.split(":")[0] for line in err.splitlines()] == ["skipped page\\nerror"]


def test_log_lines_are_escaped():
    record = logging.LogRecord("corpus", logging.WARNING, __file__, 1, "cache entry %s: bad",
                               (HOSTILE,), None)
    line = OneLine().format(record)
    assert "\n" not in line and line.startswith("warning: cache entry page\\nerror:")


def no_space(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))  # as write(2) on a full disk


def test_a_full_disk_names_the_registry_it_could_not_write(tmp_path, capsys, monkeypatch):
    raw = tmp_path / "raw"
    raw.mkdir()
    page = tmp_path / "page.txt"
    page.write_text(text_blog("Harbour night", "Crews at work.", "Monday, March 4, 2024",
                              [("2140 GMT", None, ["The harbour reopened at dawn."])]))
    monkeypatch.setattr(os, "fsync", no_space)  # the registry's data cannot reach the disk
    assert main(["add", str(page), "--raw", str(raw), "--text-redistributable", "no"]) == 2
    assert capsys.readouterr().err == f"error: {raw / 'registry.csv'}: No space left on device\n"


def test_a_full_disk_names_the_cache_file_it_could_not_write(tmp_path, capsys, monkeypatch):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "good.txt").write_text(text_blog("Harbour night", "Crews at work.",
                                            "Monday, March 4, 2024",
                                            [("2140 GMT", None, ["The harbour reopened."])]))
    monkeypatch.setattr(cache, "write_all", no_space)
    cache_dir = tmp_path / "cache"
    assert main(["build", "--raw", str(raw), "--out", str(tmp_path / "out"), "--jobs", "1",
                 "--cache", str(cache_dir)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "No space left on device" in err
    assert f"{cache_dir}/blogs/" in err and ".entry" in err


@pytest.mark.parametrize("text", ["plain", "tab\there", "é and \u00a0"])
def test_ordinary_text_is_unchanged(text):
    record = logging.LogRecord("corpus", logging.WARNING, __file__, 1, text, (), None)
    assert OneLine().format(record) == f"warning: {text}"
