"""The command line and the public API as a newcomer meets them: every option explained, a closed
pipe ends quietly, verify names a missing file as missing, and `load` says where it looked."""
import argparse
import os
import shutil
import subprocess
import sys

import pytest

from conftest import REPO
from corpus import load
from corpus.cli import main, parser
from corpus.dataset.store import count_rows, live_folder, table_files
from corpus.errors import InputError
from corpus.version import __version__


def every_action(p: argparse.ArgumentParser, command: str = "corpus"):
    for action in p._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from every_action(sub, f"{command} {name}")
        elif not isinstance(action, argparse._HelpAction):
            yield command, action


def test_every_option_of_every_command_has_help_text():
    actions = list(every_action(parser()))
    assert len({command for command, _ in actions}) == 12  # corpus and its eleven commands
    lacking = [f"{command} {'/'.join(a.option_strings) or a.dest}" for command, a in actions
               if not (a.help or "").strip() and not isinstance(a, argparse._SubParsersAction)]
    assert lacking == []


def test_a_closed_pipe_ends_quietly_like_a_unix_tool(small_built):
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    command = f"'{sys.executable}' -m corpus info --processed '{small_built}'"
    for reader, statuses in (("head -1", ("0", "141")), ("true", ("141",))):  # true reads nothing
        run = subprocess.run(f"{command} | {reader}; echo \"status ${{PIPESTATUS[0]}}\"",
                             shell=True, executable="/bin/bash", capture_output=True, text=True,
                             env=env, cwd=REPO)
        assert run.stderr == "", reader
        *shown, status = run.stdout.splitlines()
        assert status.removeprefix("status ") in statuses, reader
        assert shown == ([] if reader == "true" else [shown[0]])


def test_a_write_to_a_closed_pipe_exits_141_without_a_word(small_built, monkeypatch, capsys):
    def closed(*args, **kwargs):
        raise BrokenPipeError(32, "Broken pipe")

    read, write = os.pipe()
    saved = os.dup(1)
    try:
        monkeypatch.setattr("corpus.cli.cmd_info", closed)
        monkeypatch.setattr(sys, "stdout", os.fdopen(os.dup(write), "w"))
        assert main(["info", "--processed", str(small_built)]) == 141
    finally:
        os.dup2(saved, 1)
        for fd in (read, write, saved):
            os.close(fd)
    assert "Broken pipe" not in capsys.readouterr().err


def test_info_counts_each_table_and_names_a_folder_without_tables(small_built, tmp_path, capsys):
    assert main(["info", "--processed", str(small_built)]) == 0
    lines = capsys.readouterr().out.splitlines()
    entries = count_rows(live_folder(small_built) / "entries.parquet")
    assert lines[0] == f"liveblog-corpus {__version__}" and entries > 0
    assert f"  entries: {entries} rows" in lines
    assert main(["info", "--processed", str(tmp_path / "none")]) == 2
    assert capsys.readouterr().err == (f"error: {tmp_path / 'none'}: no built tables here: build "
                                       "them with `corpus build`, or give their folder with "
                                       "--processed\n")


def test_verify_calls_a_missing_file_missing(small_built, tmp_path, capsys):
    folder = tmp_path / "data"
    shutil.copytree(live_folder(small_built), folder)
    part = table_files(folder / "figures.parquet")[0]
    part.unlink()
    assert main(["verify", str(folder)]) == 1
    err = capsys.readouterr().err
    assert f"missing: {part.relative_to(folder).as_posix()}\n" in err
    assert "differs" not in err


def test_load_says_where_it_looked_and_how_to_point_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CORPUS_DATA", raising=False)
    with pytest.raises(InputError) as caught:
        load("entries")
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'data' / 'processed'}: no data folder here")
    for way in ("path=", "CORPUS_DATA", "version=", "CORPUS_RELEASE_URL"):
        assert way in message
    with pytest.raises(InputError, match="no such folder or zip"):
        load("entries", path=tmp_path / "nowhere")


def test_load_by_version_without_a_release_url_names_the_variable(monkeypatch):
    monkeypatch.delenv("CORPUS_RELEASE_URL", raising=False)
    with pytest.raises(InputError, match="set CORPUS_RELEASE_URL to the address"):
        load("entries", version="0.1.0")
