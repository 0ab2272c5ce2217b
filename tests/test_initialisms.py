"""Round 6: an all-capital or mixed-case word as a body's name (extract/name_evidence.py):
members or staff after it, its data showing something, a verb in the past opening a sentence
with it, commas setting it off after a kind of body; a capital inside a word ("BaFex", "OrvD",
"UKTravel") names a brand or a body, not a plural ("MPs"), a degree ("PhD") or a link's path.
Every name is invented."""

import pytest

from conftest import found
from corpus.extract.name_evidence import camel_case


@pytest.mark.parametrize(
    "text, name",
    [
        ("He said 2,000 KGR officers would patrol the coast.", "KGR"),
        ("The cost of insuring it tripled, LSX data showed.", "LSX"),
        ("The army denied it. KRFM accused the military of lying.", "KRFM"),
        ("The Orvish markets authority, AFX, said 9,000 savers were hit.", "AFX"),
        ("The opposition asked why BaFex had not acted sooner.", "BaFex"),
        ("The OrvD called for his resignation.", "OrvD"),
        ("UKTravel echoed the warning.", "UKTravel"),
    ],
)
def test_bodies_by_their_capitals_and_cues(text, name):
    assert (name, "ORG") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The GST rate rose to 9%.",
        "Two MPs and three PhD students signed it.",
        "Photos: pic.twitter.com/KsWaQtNlN were shared.",
    ],
)
def test_no_body_without_evidence(text):
    assert [n for n, kind in found(text) if kind == "ORG"] == []


@pytest.mark.parametrize(
    "word, camel",
    [
        ("BaFex", True),
        ("OrvD", True),
        ("UKTravel", True),
        ("TransLink", True),
        ("MPs", False),
        ("PhD", False),
        ("McOrrin", False),
        ("DeVane", False),
        ("NATO", False),
    ],
)
def test_camel_case(word, camel):
    assert camel_case(word) is camel
