"""published_at and time_precision agree: published_at is null exactly for the precisions that
schema.py declares without an instant."""
import shutil
from dataclasses import replace

import pandas as pd
import pytest
from tests.test_validate import rewrite, set_value

from corpus.cli import main
from corpus.schema import ENTRIES, TABLES, TIME_PRECISION_INSTANT, NullWhen
from corpus.validate import checks

EXPECTED = "entries.published_at: null_exactly_when_time_precision_in (match-time|none)"


@pytest.fixture
def processed_copy(tmp_path, small_built):
    folder = tmp_path / "processed"
    shutil.copytree(small_built, folder)
    return folder


@pytest.mark.parametrize("column, value", [("published_at", None), ("time_precision", "none")])
def test_published_at_and_time_precision_must_agree(processed_copy, capsys, column, value):
    rewrite(processed_copy, "entries", set_value(column, value))
    assert main(["validate", "--processed", str(processed_copy)]) == 1
    err = capsys.readouterr().err
    assert f"invalid: {EXPECTED}" in err and "Traceback" not in err


def test_each_precision_declares_whether_it_carries_an_instant():
    rule = next(r for r in ENTRIES.null_when if r.column == "published_at")
    assert rule.by == "time_precision"
    assert rule.values == tuple(p for p, has in TIME_PRECISION_INSTANT.items() if not has)
    assert set(TIME_PRECISION_INSTANT) == set(ENTRIES.column("time_precision").values)


def test_a_declared_precision_without_a_clock_may_have_no_instant(monkeypatch):
    """A precision declared without an instant (e.g. a match minute) passes with null
    published_at, and fails with one; a timed precision is held to the opposite."""
    declared = replace(ENTRIES, null_when=(NullWhen("published_at", "time_precision",
                                                    ("none", "match-minute")),))
    monkeypatch.setitem(TABLES, "entries", declared)
    frame = pd.DataFrame({"entry_id": ["a-1", "a-2", "a-3", "a-4"],
                          "published_at": [None, pd.Timestamp("2024-01-04", tz="UTC"), None,
                                           pd.Timestamp("2024-01-04", tz="UTC")],
                          "time_precision": ["match-minute", "minute", "minute",
                                             "match-minute"]})
    [check] = checks.null_when_checks({"entries": frame})
    assert not check.success and check.unexpected_count == 2
    assert [e.split(",")[0] for e in check.examples] == ["entry_id='a-3'", "entry_id='a-4'"]
