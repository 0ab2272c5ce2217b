"""The blind evaluation sets (bench/blind, blind2, blind3, blind4) are well-formed.

Their scores are untested.
"""

import csv
import hashlib
import importlib.util
import itertools
import json
import re
from pathlib import Path

import pytest

from corpus.schema import ENTITY_TYPES, FIGURE_CATEGORIES

BENCH = Path(__file__).resolve().parents[1] / "bench"
SETS = [BENCH / "blind", BENCH / "blind2", BENCH / "blind3", BENCH / "blind4"]
BLOGS = {"blind": 3, "blind2": 3, "blind3": 4, "blind4": 4}  # blogs per set
GOLDS = [p for s in SETS for p in sorted((s / "gold").glob("*.json"))]
TYPES = set(ENTITY_TYPES)
CATEGORIES = set(FIGURE_CATEGORIES)
# the annotation conventions' qualifiers (the schema's, but "at_most")
QUALIFIERS = {"exact", "about", "at_least", "more_than", "up_to", "less_than", "range", "vague"}
STAMP = re.compile(r"^\d{3,4} GMT$")


def recipe(set_dir):
    """The sets' one recipe, bench/text_updates.py (each gold file names it as its `recipe`)."""
    path = BENCH / "text_updates.py"
    spec = importlib.util.spec_from_file_location("blind_recipe", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def words(s):
    return re.sub(r"\s+", " ", s or "").strip()


def set_id(path):
    return path.name if path.name.startswith("blind") else f"{path.parents[1].name}/{path.name}"


@pytest.mark.parametrize("set_dir", SETS, ids=set_id)
def test_three_or_four_blogs_of_45_to_60_updates(set_dir):
    golds = sorted((set_dir / "gold").glob("*.json"))
    assert len(golds) == BLOGS[set_dir.name]
    n = sum(len(json.loads(p.read_text(encoding="utf-8"))["updates"]) for p in golds)
    assert 45 <= n <= 60


@pytest.mark.parametrize("set_dir", SETS, ids=set_id)
def test_registry_lists_each_page_with_its_sha256(set_dir):
    golds = sorted((set_dir / "gold").glob("*.json"))
    rows = list(csv.DictReader(open(set_dir / "raw" / "registry.csv", encoding="utf-8")))
    pages = {json.loads(p.read_text(encoding="utf-8"))["page"] for p in golds}
    assert {r["path"] for r in rows} == pages
    for r in rows:
        assert r["format"] == "trt-text", r["path"]
        data = (set_dir / "raw" / r["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == r["sha256"], r["path"]


def openings(set_dir):
    golds = [
        json.loads(p.read_text(encoding="utf-8")) for p in sorted((set_dir / "gold").glob("*.json"))
    ]
    return {g["page"] for g in golds}, {u["starts"] for g in golds for u in g["updates"]}


@pytest.mark.parametrize("older,newer", list(itertools.combinations(SETS, 2)), ids=lambda s: s.name)
def test_the_sets_share_no_page_and_no_update_opening(older, newer):
    """Each later set is new text, not a copy of a set it replaces."""
    (pages1, starts1), (pages2, starts2) = openings(older), openings(newer)
    assert not pages1 & pages2 and not starts1 & starts2


@pytest.mark.parametrize("path", GOLDS, ids=set_id)
def test_annotation_matches_its_page(path):
    set_dir = path.parents[1]
    g = json.loads(path.read_text(encoding="utf-8"))
    ups = recipe(set_dir).updates(set_dir / "raw" / g["page"])
    assert [u["index"] for u in g["updates"]] == list(range(len(ups)))
    for u, up in zip(g["updates"], ups):
        where = f"{set_dir.name}/{path.name} #{u['index']}"
        assert STAMP.match(up["time_label"]) and u["time_label"] == up["time_label"], where
        text = words((up["headline"] or "") + " " + up["body"])
        assert up["body"].strip() and text.startswith(words(u["starts"])), where
        for e in u["entities"]:
            assert e["type"] in TYPES and isinstance(e["optional"], bool), where
            for form in e["text"]:
                assert form in text, f"{where}: entity {form!r} not in the update"
        for f in u["figures"]:
            assert f["text"] in text, f"{where}: figure {f['text']!r} not in the update"
            assert f["category"] in CATEGORIES and f["qualifier"] in QUALIFIERS, where
            assert f["vague"] == (f["qualifier"] == "vague"), where
            assert (f["value"] is None) == f["vague"], where
            assert (f["qualifier"] == "range") == ("value_max" in f), where
            if f["qualifier"] in {"about", "vague", "range"}:
                assert f["approximate"] is True, where
