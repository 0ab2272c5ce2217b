"""The per-word classes the candidate stage computes once per word (extract/name_runs.py,
extract/name_context.py, extract/single_word.py): each must say what the tests it replaces say."""
import pytest

from corpus.extract.lexicons import is_demonym
from corpus.extract.name_context import demonym, single_name
from corpus.extract.name_runs import CAPITAL, LINKING, run_classes
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
