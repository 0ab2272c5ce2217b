"""The figure extractor's quick tests before its case-insensitive searches (issue 30): each holds
wherever the search it guards matches, so the figures are the same with and without it."""

import random
import re

import pytest

from corpus.extract import categories, claimants, number_masks
from corpus.extract.counted import noun_category
from corpus.extract.quick_search import lower_case_form, may_hold, search_lower


def top_level(alternation: str) -> list[str]:
    """The alternatives of a regex alternation, split at its top level."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(alternation):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            parts.append(alternation[start:i])
            start = i + 1
    return [*parts, alternation[start:]]


def literal_prefix(alternative: str) -> str:
    return re.split(r"[\[(\\?]", alternative)[0]


def random_case(rng, text):
    return "".join(c.upper() if rng.random() < 0.3 else c for c in text)


def invented(rng, phrases, n=3000):
    pieces = [*phrases, " ", "  ", "\n", "the ", "at least ", "“", '"', ", ", "x", "5 "]
    return [
        random_case(rng, "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))))
        for _ in range(n)
    ]


def test_may_hold_searches_ascii_in_lower_case_and_passes_other_text():
    assert may_hold("The Death TOLL rose to", categories.TOTAL_LOWER)
    assert not may_hold("Rain fell on the city", categories.TOTAL_LOWER)
    assert may_hold("Rain fell on the ſity", categories.TOTAL_LOWER)  # not ASCII: searched in full


def test_every_left_verb_holds_a_stem():
    for _, verbs in categories.LEFT_VERBS:
        for verb in top_level(verbs):
            low = literal_prefix(verb).lower()
            assert any(stem in low for stem in categories.LEFT_STEMS), verb


def test_left_verbs_and_totals_are_searched_where_their_guards_hold():
    rng = random.Random(6)
    verbs = [literal_prefix(v) for _, p in categories.LEFT_VERBS for v in top_level(p)]
    endings = [" ", " at least ", '" ', "” “", " \n", " some ", "x "]
    endings_of_verbs = [
        random_case(rng, rng.choice(["", "the army ", "é "]) + verb + rng.choice(endings))
        for verb in verbs
        for _ in range(20)
    ]
    assert sum(bool(categories.LEFT_VERB.search(b)) for b in endings_of_verbs) > 500
    for before in endings_of_verbs + invented(rng, [*verbs, "death toll rose to ", "number of "]):
        tail = max(0, len(before) - categories.LEFT_VERB_LONGEST)
        if categories.LEFT_VERB.search(before, tail):
            assert may_hold(before[tail:], categories.LEFT_STEM), before
        if categories.TOTAL.search(before):
            assert may_hold(before, categories.TOTAL_LOWER), before
    text = "Police ARRESTED 12 people"
    n = categories.Number(text.index("12"), text.index("12") + 2, 12)
    assert categories.left_category(text, n, 0) == "arrested"
    text = "The Death Toll Rose To 32"
    assert categories.classify(text, categories.Number(text.index("32"), len(text), 32))[0] == (
        "killed"
    )


def test_according_to_is_searched_where_its_phrases_are():
    rng = random.Random(7)
    phrases = ["according to ", "figures from ", "a report by ", "data  from ", "cited by "]
    phrases += ["the ministry", "Velmark Times", " by ", " from "]
    for sentence in invented(rng, phrases):
        if claimants.ACCORDING.search(sentence):
            assert may_hold(sentence, claimants.ACCORDING_LOWER), sentence
    found = claimants.attributions("32 died, According to the Velmark Health Agency.")
    assert found == [(9, "according", "Velmark Health Agency")]


def test_noun_category_reads_each_word_alike():
    assert [noun_category(w) for w in ("civilians", "Civilians", "Americans", "table")] == [
        noun_category("civilians"),
        "people",
        "people",
        None,
    ]
    assert noun_category("civilians") is not None


def test_lower_case_forms_match_as_the_case_insensitive_patterns_do():
    rng = random.Random(8)
    verbs = [literal_prefix(v) for _, p in categories.LEFT_VERBS for v in top_level(p)]
    words = [*verbs, *number_masks.LABEL_WORDS, "have died", "were injured", "went missing", "x"]
    checks = [
        (categories.LEFT_VERB, categories.LEFT_VERB_LOWER),
        (number_masks.LABEL_BEFORE, number_masks.LABEL_LOWER),
        *zip(categories.VERB_AFTER, categories.VERB_AFTER_LOWER),
    ]
    pieces = [*words, " ", "  ", '" ', "- ", "at least ", "\n", ", ", "5"]
    for _ in range(3000):
        text = random_case(rng, "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))))
        pos = rng.randint(0, len(text))
        for pattern, lower in checks:
            mine, theirs = search_lower(pattern, lower, text, pos), pattern.search(text, pos)
            assert (mine and (mine.span(), mine.lastgroup)) == (
                theirs and (theirs.span(), theirs.lastgroup)
            ), (pattern.pattern[:30], text, pos)
            mine = lower.match(text.lower()) if text.isascii() else pattern.match(text)
            theirs = pattern.match(text)
            assert (mine and (mine.span(), mine.lastgroup)) == (
                theirs and (theirs.span(), theirs.lastgroup)
            ), text


def test_lower_case_form_takes_lower_case_patterns_only():
    assert lower_case_form(re.compile(r"\bkill(?P<ed>ed)\s", re.IGNORECASE)).flags & re.I == 0
    for pattern in (r"Killed", r"\u212a", "[A-Z]"):  # an upper-case letter, the Kelvin sign
        with pytest.raises(ValueError):
            lower_case_form(re.compile(pattern, re.IGNORECASE))
    # ASCII text is searched in lower case; other text with the pattern itself
    assert search_lower(categories.LEFT_VERB, categories.LEFT_VERB_LOWER, "KILLING ")
    assert search_lower(categories.LEFT_VERB, categories.LEFT_VERB_LOWER, "ſearching for ")


def test_toll_at_and_headline_sources_are_searched_where_their_signs_are():
    plain_at = re.compile(r"\sat\s")
    rng = random.Random(9)
    pieces = ["at", " ", "\n", "that", "x", "Police", ": ", " — ", " - ", "–", "Health Agency"]
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        assert bool(claimants.AT.search(text)) == bool(plain_at.search(text)), text
        if claimants.HEADLINE_SOURCE.search(text):
            assert any(mark in text for mark in claimants.HEADLINE_MARKS), text
        if claimants.HEADLINE_PREFIX.match(text):
            assert ":" in text, text
    assert claimants.Claimants("Nine arrested after march - Police", [], True).headline_source
    assert claimants.Claimants("Police: nine arrested", [], True).headline_source == "Police"
