"""The blind evaluation set (bench/blind) is well-formed; its scores are not tested."""
import csv
import hashlib
import importlib.util
import json
import re
from pathlib import Path

import pytest

BLIND = Path(__file__).resolve().parents[1] / "bench" / "blind"
GOLDS = sorted((BLIND / "gold").glob("*.json"))
TYPES = {"PERSON", "ORG", "PLACE"}
CATEGORIES = {"killed", "injured", "missing", "arrested", "prisoners", "people", "weapons",
              "money", "distance", "duration", "percent", "other"}
QUALIFIERS = {"exact", "about", "at_least", "more_than", "up_to", "less_than", "range", "vague"}
STAMP = re.compile(r"^\d{3,4} GMT$")


def recipe():
    path = BLIND / "gold" / "text_updates.py"
    spec = importlib.util.spec_from_file_location("blind_recipe", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def words(s):
    return re.sub(r"\s+", " ", s or "").strip()


def test_three_blogs_of_45_to_60_updates():
    assert len(GOLDS) == 3
    n = sum(len(json.loads(p.read_text(encoding="utf-8"))["updates"]) for p in GOLDS)
    assert 45 <= n <= 60


def test_registry_lists_each_page_with_its_sha256():
    rows = list(csv.DictReader(open(BLIND / "raw" / "registry.csv", encoding="utf-8")))
    pages = {json.loads(p.read_text(encoding="utf-8"))["page"] for p in GOLDS}
    assert {r["path"] for r in rows} == pages
    for r in rows:
        data = (BLIND / "raw" / r["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == r["sha256"], r["path"]


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: p.name)
def test_annotation_matches_its_page(path):
    g = json.loads(path.read_text(encoding="utf-8"))
    ups = recipe().updates(BLIND / "raw" / g["page"])
    assert [u["index"] for u in g["updates"]] == list(range(len(ups)))
    for u, up in zip(g["updates"], ups):
        where = f"{path.name} #{u['index']}"
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
