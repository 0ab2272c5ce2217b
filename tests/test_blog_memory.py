"""Round 6: what a blog says of a name holds in its other updates (extract/blog_memory.py,
extract/blog_names.py, extract/place_evidence.town_named_like): a person's surname outranks a
town named like it, and a coined word before a brand's head word is that company wherever it
stands. People, companies and sentences are invented; the towns are real GeoNames ones
("Thorne", "Green")."""

import pytest

from conftest import found
from corpus.extract import entity_rows
from corpus.extract.blog_names import brand_stem


def blog_rows(*bodies):
    entries = [{"entry_id": f"e{i}", "headline": None, "body": b} for i, b in enumerate(bodies)]
    return [(r["entry_id"], r["text"], r["type"], r["method"]) for r in entity_rows(entries)]


def test_a_surname_outranks_a_town_in_the_same_entry():
    assert found("Chancellor Ann Thorne spoke first. Later, Thorne said she would not resign.") == [
        ("Ann Thorne", "PERSON"),
        ("Thorne", "PERSON"),
    ]


def test_a_surname_outranks_a_town_in_another_update():
    rows = blog_rows("Chancellor Ann Thorne set out the plan.", "Unions struck after Thorne spoke.")
    assert ("e1", "Thorne", "PERSON", "surname") in rows


def test_a_town_after_a_preposition_of_place_stays_a_town():
    rows = blog_rows("Chancellor Ann Thorne set out the plan.", "Pits closed in Thorne in 1990.")
    assert ("e1", "Thorne", "PLACE", "geonames") in rows


def test_a_country_is_never_a_surname():
    rows = blog_rows("Envoy Lena Jordan arrived.", "Jordan said the border would open.")
    assert ("e1", "Jordan", "PLACE", "geonames") in rows


def test_a_coined_word_before_a_brand_head_is_that_company_across_the_blog():
    rows = blog_rows(
        "Regulators took control of Orvessa Bank on Friday.",
        "Customers queued outside Orvessa branches.",
        "The cost of insuring Orvessa's debt tripled.",
    )
    assert [(e, t, ty) for e, t, ty, _ in rows if t == "Orvessa"] == [
        ("e1", "Orvessa", "ORG"),
        ("e2", "Orvessa", "ORG"),
    ]


@pytest.mark.parametrize(
    "name, stem",
    [
        ("Orvessa Bank", True),
        ("Leeds Bank", False),
        ("Central Bank", False),
        ("Orvessa Regional Bank", False),
        ("Orvessa Fund", False),
    ],
)
def test_brand_stems(name, stem):
    assert brand_stem(name.split()) is stem
