"""Figures: numbers, categories, qualifiers, claimants, and what must never be a figure."""
import random
import re

import pytest

from corpus.extract.figures import extract
from corpus.extract.numbers import UNITS_1_19, find_numbers, trie_alternation


def one(text):
    [figure] = extract(text)
    return figure


def summary(text):
    return [(f.text, f.value, f.value_max, f.unit, f.category, f.qualifier) for f in extract(text)]


@pytest.mark.parametrize("text, expected", [
    ("Russia launched strikes, killing five and injuring dozens.",
     [("five", 5, None, None, "killed", "exact"), ("dozens", 12, None, None, "injured", "vague")]),
    ("The death toll from the strike has risen to 32.", [("32", 32, None, None, "killed", "exact")]),
    ("Death toll rises to 32: Ukraine", [("32", 32, None, None, "killed", "exact")]),
    ("Investigators discovered two more dead.", [("two", 2, None, None, "killed", "exact")]),
    ("32 people were killed and 30 others were injured.",
     [("32", 32, None, None, "killed", "exact"), ("30", 30, None, None, "injured", "exact")]),
    ("while 29 people were receiving medical care", [("29", 29, None, None, "injured", "exact")]),
    ("the exchange of 230 Ukrainian and 248 Russian prisoners of war",
     [("230", 230, None, None, "prisoners", "exact"), ("248", 248, None, None, "prisoners", "exact")]),
    ("destroying 10 incoming missiles over the peninsula", [("10", 10, None, None, "weapons", "exact")]),
    ("a command post more than 200 km from the front",
     [("more than 200 km", 200, None, "km", "distance", "more_than")]),
    ("Biden's $110 billion package", [("$110 billion", 110e9, None, "USD", "money", "exact")]),
    ("a 1.5 million euros fund", [("1.5 million euros", 1.5e6, None, "EUR", "money", "exact")]),
    ("to draft 300,000 reservists", [("300,000", 300000, None, None, "people", "exact")]),
    ("led about 60 fellow Republicans", [("about 60", 60, None, None, "people", "about")]),
    ("between 20 and 30 civilians died", [("between 20 and 30", 20, 30, None, "killed", "range")]),
    ("10 to 15 soldiers were wounded", [("10 to 15", 10, 15, None, "injured", "range")]),
    ("at least 12 drones and up to 5% of them", [("at least 12", 12, None, None, "weapons", "at_least"),
                                                   ("up to 5%", 5, None, "%", "percent", "up_to")]),
    ("a dozen rockets hit the city", [("a dozen", 12, None, None, "weapons", "exact")]),
    ("twenty-five soldiers", [("twenty-five", 25, None, None, "people", "exact")]),
    ("hundreds of civilians fled; tens of thousands of troops",
     [("hundreds", 100, None, None, "people", "vague"), ("tens of thousands", 10000, None, None, "people", "vague")]),
    ("several districts and dozens of reasons", []),
    ("the 22-month-old war", [("22-month-old", 22, None, "months", "duration", "exact")]),
    ("in two attacks within the past week", [("two", 2, None, None, "attacks", "exact")]),
])
def test_categories_values_and_qualifiers(text, expected):
    assert summary(text) == expected


def test_conversion_is_linked_not_a_second_report():
    first, second = extract("missiles with ranges of around 900 kilometres (550 miles) were fired")
    assert (first.text, first.value, first.unit, first.is_approximate) == ("around 900 kilometres", 900, "km", True)
    assert (second.text, second.unit, second.converts, second.is_approximate) == ("550 miles", "mi", 0, True)


@pytest.mark.parametrize("text", [
    "extend the school holidays from January 9 to 19 in several districts",
    "Russian schools close as the country celebrates Orthodox Christmas on January 7.",
    "the consequences of the missile strike on December 29, 2023.",
    "since the early days of the military operation in February 2022",
    "Russia-Ukraine war rages on, now in its 680th day.",
    "the second-largest city",
    "the update came at 1927 GMT, then at 10:30 and 9.05pm",
    "call +44 20 7946 0000 for details",
    "one of the largest prisoner exchanges",
    "F-16 jets and Su-34 bombers",
    "We don't have a plan B. We are confident in plan A",
    "The reforms passed in 2019 were reversed.",
])
def test_not_figures(text):
    assert extract(text) == []


@pytest.mark.parametrize("text, claimant", [
    ('"... discovered two more dead," Serhiy Popko, the head of the Kiev City Military Administration, said. '
     "In all 32 people were killed, Popko added.", "Serhiy Popko"),
    ("The death toll has risen to 32, local authorities said.", "local authorities"),
    ("The toll rose to 30 injured, according to TASS.", "TASS"),
    ("Russia's Defence Ministry said its forces destroyed 10 incoming missiles.", "Russia's Defence Ministry"),
    ("Ranges of 900 km were fired, National Security Council spokesperson John Kirby said.", "John Kirby"),
    ("Biden's $110 billion package for Ukraine.", None),
])
def test_claimant(text, claimant):
    assert extract(text)[-1].claimant == claimant


def test_spans_are_exact_and_values_non_negative():
    text = "About 60 fellow Republicans, $110 billion, between 20 and 30 killed, 900 kilometres (550 miles)."
    for f in extract(text):
        assert text[f.start:f.end] == f.text
        assert f.value >= 0 and (f.value_max is None or f.value <= f.value_max)
    assert all(n.value >= 0 for n in find_numbers(text))


def test_trie_alternation_matches_what_the_plain_alternation_matches():
    words = [*UNITS_1_19, "twenty", "a dozen", "dozen", "s", "se", "seven-up"]
    trie = re.compile(rf"\b{trie_alternation(words)}\b", re.IGNORECASE)
    plain = re.compile(rf"\b(?:{'|'.join(sorted(words, key=len, reverse=True))})\b", re.IGNORECASE)
    rng = random.Random(3)
    texts = [" ".join(words)] + ["".join(rng.choice([*words, " ", "-", "teen", "x"]) for _ in range(12))
                                 for _ in range(2000)]
    for text in texts:
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)], text
    assert trie_alternation(["ten", "two", "twelve"]) == "t(?:en|w(?:elve|o))"
