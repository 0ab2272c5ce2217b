"""The committed tables against the hand-made reference annotation of the seed (tests/fixtures/gold)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROCESSED_DIR

GOLD = Path(__file__).parent / "fixtures" / "gold"


@pytest.fixture(scope="module")
def scores():
    out = subprocess.run([sys.executable, str(GOLD / "score.py"), str(PROCESSED_DIR),
                          str(GOLD / "seed_trtworld_2024-01-04.json"), "--json"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def test_entries_match_the_reference(scores):
    for measure in ("n_entries", "times_exact", "headlines_exact", "bodies_bounded", "out_of_order_flags"):
        assert scores[measure] == "12/12", measure
    assert scores["blog_title"] is True and scores["blog_date"] is True


def test_figures_precision_and_recall(scores):
    assert scores["figures_precision"] >= 0.9
    assert scores["figures_recall"] >= 0.9


def test_entities_precision_recall_and_links(scores):
    assert scores["entities_precision"] >= 0.9
    assert scores["entities_recall"] >= 0.9
    ok, total = map(int, scores["entities_wikidata_ok"].split("/"))
    assert total > 0 and ok >= 0.9 * total
