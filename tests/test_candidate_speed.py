"""The per-word classes the candidate stage computes once per word (extract/name_runs.py,
extract/name_context.py, extract/single_word.py): each must say what the tests it replaces say."""
import pytest

from corpus.extract.lexicons import is_demonym
from corpus.extract.name_context import Context, Known, Segment, demonym, single_name
from corpus.extract.name_runs import CAPITAL, LINKING, run_classes, segments
from corpus.extract.name_types import type_segment, type_word
from corpus.extract.single_word import (
    ADJECTIVE,
    CAMEL,
    DEMONYM,
    INITIALISM,
    LOWER,
    NAME,
    ORG_HEAD,
    ROAD_LIKE,
    STREET,
    word_classes,
)


@pytest.mark.parametrize("word, classes", [
    ("Kelby", CAPITAL),
    ("McKenzie", CAPITAL),
    ("A14", CAPITAL),
    ("-", LINKING),  # a hyphen inside a name
    ("'s", LINKING),  # a possessive
    ("’", LINKING),  # a plural's apostrophe
    ("al", LINKING),  # a particle
    ("of", LINKING),  # a connector, in any case
    ("And", CAPITAL | LINKING),
    ("said", 0),
    (",", 0),
    ("2024", 0),
])
def test_run_classes(word, classes):
    assert run_classes(word) == classes
    assert run_classes(word) == classes  # the second time from the table


@pytest.mark.parametrize("word, expected", [
    ("Kelby", True), ("McCrindle", True), ("Ukrainian", True),
    ("The", False), ("Monday", False), ("Minister", False), ("Council", False), ("X", False),
    ("NATO", False),
])
def test_single_name_once_per_word(word, expected):
    assert single_name(word) is expected
    assert single_name(word) is expected


@pytest.mark.parametrize("word", ["Ukrainians", "Chinese", "Kelby", "Brian", "Irish", "Sam"])
def test_demonym_is_is_demonym(word):
    assert demonym(word) == is_demonym(word)
    assert demonym(word) == is_demonym(word)


@pytest.mark.parametrize("word, classes", [
    ("FBI", INITIALISM),
    ("TransLink", CAMEL),
    ("A14", ROAD_LIKE),
    ("Zeppelinstrasse", STREET | NAME | LOWER),
    ("Kelby", NAME | LOWER),
    ("Mexican", NAME | DEMONYM | ADJECTIVE | LOWER),
    ("Labour", ORG_HEAD | LOWER),
    ("Monday", LOWER),
    ("McKenzie", NAME),
])
def test_word_classes(word, classes):
    assert word_classes(word) == classes
    assert word_classes(word) == classes


@pytest.mark.parametrize("words, at, sentence, title, inside, expected", [
    # a kind of body before the word
    (["the", "operator", "TarnRail", "said"], 2, False, False, [],
     [(2, 3, "ORG", "context")]),
    # a title before it: a person
    (["Coach", "Orrin", "said"], 1, False, True, [], [(1, 2, "PERSON", "context")]),
    # a place noun after it joins it
    (["near", "the", "Tarvo", "bridge"], 2, False, False, [],
     [(2, 4, "PLACE", "place-context")]),
    # a known span that is the whole word keeps its type and label
    (["in", "Kelby", "today"], 1, False, False,
     [Known(1, 2, "PLACE", "gazetteer:Kelby")], [(1, 2, "PLACE", "gazetteer:Kelby")]),
    # an event's head word alone: no name
    (["the", "Summit"], 1, False, False, [], []),
    # nothing around it at a sentence's start: no name
    (["Orrin", "arrived"], 0, True, False, [], []),
])
def test_type_word(words, at, sentence, title, inside, expected):
    seg = Segment(at, at + 1, sentence, title)
    assert type_word(seg, Context(words, False), inside) == expected
    assert type_segment(seg, Context(words, False), inside) == expected


@pytest.mark.parametrize("words, expected", [
    # one-word runs: after a title word, at a sentence's start after a full stop, "May" no name
    (["The", "minister", "Orrin", "met", "Kelby", "officials", ".", "Tarvo", "won", "in", "May",
      "."],
     [(2, 3, False, True), (4, 5, False, False), (7, 8, True, False)]),
    # a title alone is no run; a role in capitals before a name; a dash opens a sentence
    (["Senator", "Kelby", "and", "MP", "Jordan", "Tapsell", "said", "—", "Orvo", "left"],
     [(1, 2, False, True), (4, 6, False, True), (8, 9, True, False)]),
])
def test_segments_of_one_word_and_more(words, expected):
    assert [tuple(s) for s in segments(words, [1] * len(words))] == expected
