"""The faster scans of the figure extractor (issue 30) find exactly what the plain patterns they
replaced find: each is checked here against its plain form, on invented strings that hold
non-ASCII letters, digits and symbols."""

import random
import re

from corpus.extract import claimants, numbers, units
from corpus.extract.subjects import VERBS
from corpus.extract.units import after_non_word, opening_words, trie_alternation

PIECES = [
    " ",
    "-",
    "é",
    "ß",
    "٣",
    "“",
    "”",
    "’",
    "—",
    "\n",
    "_",
    "x",
    "a",
    "A",
    "said",
    "Said",
    "was told",
    "told",
    "one",
    "Two",
    "twenty",
    "-one",
    "a dozen",
    "dozens",
    "tens of thousands",
    "several",
    "a few",
    "5",
    "12",
    ",",
    ".",
    "$",
    "€",
    "£",
    "US",
]


def invented(seed, n=4000):
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 12))) for _ in range(n)]


def spans(matches):
    return [(m.span(), m.groupdict()) for m in matches]


def test_opening_words_is_a_lookahead_for_the_first_letters():
    ahead = re.compile(opening_words(["twenty", "two", "a few", "ten"], 3))
    assert [bool(ahead.match(s)) for s in ("twelve", "two", "a f", "tea", "ten", "t")] == [
        True,
        True,
        True,
        False,
        True,
        False,
    ]
    assert ahead.match("twenty").end() == 0  # it consumes nothing


def test_after_non_word_skips_a_match_opening_with_a_non_ascii_letter():
    pattern = re.compile(r"[^0-9A-Z_a-z]one\b")
    assert [m.start() for m in after_non_word(pattern, " one éone “one ßone")] == [0, 10]
    # "éa one": the match at "é" is dropped and the one at the space after "a" found
    pattern = re.compile(r"[^0-9A-Z_a-z](?:a one|one)\b")
    assert [m.group(0) for m in after_non_word(pattern, "éa one")] == [" one"]


def test_number_words_are_found_where_the_plain_pattern_finds_them():
    plain = re.compile(
        rf"[^\w-](?:(?P<num>{numbers.WORD_NUM})|"
        rf"(?P<vague>{trie_alternation(numbers.both_cases(numbers.VAGUE_VALUES))}))\b"
    )
    for text in invented(1):
        padded = " " + text
        assert spans(after_non_word(numbers.WORD_AT, padded)) == spans(plain.finditer(padded)), text


def test_attribution_verbs_are_found_where_the_plain_pattern_finds_them():
    plain = re.compile(rf"[^\w](?P<verb>{trie_alternation(VERBS.split('|'))})\b")
    for text in invented(2):
        padded = " " + text
        assert spans(after_non_word(claimants.VERB, padded)) == spans(plain.finditer(padded)), text


def test_digit_starts_are_those_of_the_plain_pattern():
    plain = re.compile(rf"[\d{re.escape(units.SYMBOLS)}][\d,.]*")
    assert all(not s.isascii() or s == "$" for s in units.SYMBOLS)  # the set's bitmap holds them
    for text in invented(3):
        assert [m.span() for m in numbers.DIGIT_START.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], text
