"""The faster scans of the figure extractor (issue 30) find exactly what the plain patterns they
replaced find: each is checked here against its plain form, on invented strings that hold
non-ASCII letters, digits and symbols."""

import re

from corpus.extract import claimants, number_masks, numbers, subjects, units
from corpus.extract.quick_search import after_non_word, opening_words
from corpus.extract.subjects import VERBS
from corpus.extract.units import trie_alternation
from invented_text import invented

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
    for text in invented(PIECES, 1, 4000, 0, 12):
        padded = " " + text
        assert spans(after_non_word(numbers.WORD_AT, padded)) == spans(plain.finditer(padded)), text


def test_attribution_verbs_are_found_where_the_plain_pattern_finds_them():
    plain = re.compile(rf"[^\w](?P<verb>{trie_alternation(VERBS.split('|'))})\b")
    for text in invented(PIECES, 2, 4000, 0, 12):
        padded = " " + text
        assert spans(after_non_word(claimants.VERB, padded)) == spans(plain.finditer(padded)), text


def test_digit_starts_are_those_of_the_plain_pattern():
    plain = re.compile(rf"[\d{re.escape(units.SYMBOLS)}][\d,.]*")
    assert all(not s.isascii() or s == "$" for s in units.SYMBOLS)  # the set's bitmap holds them
    for text in invented(PIECES, 3, 4000, 0, 12):
        assert [m.span() for m in numbers.DIGIT_START.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], text


def test_the_slashed_sign_and_the_apposed_age_find_what_their_plain_forms_find():
    plain_sign, plain_age = re.compile(r"\d/\d"), re.compile(r"(?<=[A-Za-z]), \d{1,3}(?=,)")
    sign, age = number_masks.MASKS[5][0], number_masks.AGES[0]
    pieces = ["5", "12", "/", ", ", ",", "a", "Ivanov", " ", "٣", "é"]
    for text in invented(pieces, 4, 4000, 0, 10):
        assert bool(sign.search(text)) == bool(plain_sign.search(text)), text
        assert [m.span() for m in age.finditer(text)] == [
            m.span() for m in plain_age.finditer(text)
        ], text


def test_subject_guards_hold_wherever_their_patterns_match():
    """subject_before searches for an apposition, a participle phrase and a bracket only where a
    plain test says one may be (a comma at the end, a participle word, a ")")."""
    pieces = [
        " ",
        ", ",
        ",",
        ",\n",
        "Tomas Brevik",
        "the governor",
        "reached",
        " by ",
        "phone",
        "(VHA)",
        ")",
        "(",
        " has ",
        "\n",
        "“",
        "é",
        "x",
    ]
    for w in invented(pieces, 5, 4000, 0, 10):
        if subjects.APPOSITION.search(w):
            assert w.rstrip().endswith(","), w
        if subjects.BRACKET.search(w):
            assert ")" in w, w
        if subjects.PARTICIPLE_AFTER.search(w):
            assert subjects.PARTICIPLE_WORD.search(w), w
    for text, verb, expected in [
        ("Serhiy Popko, the head of the city, said", "said", (0, "Serhiy Popko")),
        ("Residents reached by phone said", "said", (0, "Residents")),
        ("Velmark Health Agency (VHA) reported", "reported", (0, "Velmark Health Agency")),
    ]:
        assert subjects.subject_before(text, text.index(verb)) == expected
