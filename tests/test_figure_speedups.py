"""The figure extractor's quick tests and rewritten patterns (issue 30) decide exactly what the
patterns they stand for decide: each is checked here against the plain form it replaced, on
invented strings."""

import random
import re
from re import _parser

import pytest

from corpus.extract import categories, claimants, number_masks, numbers
from corpus.extract.figures import extract
from invented_text import invented

# The plain forms the faster ones replaced: the specification they must agree with.
TIME_SIGN = re.compile(
    rf"\d[:.]\d|\d\s?(?:[ap]\.?m\b|[AP]\.?M\b|{number_masks.ZONES})|[a-z] [012]\d\d\d\b"
)
PHONE_SIGN = re.compile(r"\d[ -]\(?\d|\+\d")
AGE_SIGN = re.compile(r"\d,|\bage")
PIECES = [
    "1",
    "2",
    "0",
    "5",
    "19",
    "2024",
    ":",
    ".",
    ",",
    " ",
    "-",
    "(",
    "+",
    "/",
    "a",
    "ge",
    "age",
    "page",
    "m",
    "pm",
    "a.m",
    "PM",
    "GMT",
    "EST",
    "x",
    "at ",
    "\n",
    "Q",
]


@pytest.mark.parametrize("index, plain", [(2, TIME_SIGN), (3, PHONE_SIGN), (4, AGE_SIGN)])
def test_mask_signs_find_what_their_plain_forms_find(index, plain):
    sign = number_masks.MASKS[index][0]
    for text in invented(PIECES, index, 3000, 1, 14):
        assert bool(sign.search(text)) == bool(plain.search(text)), text


def test_label_words_match_as_an_alternation_of_the_words_does():
    plain = re.compile(
        rf"\b(?:{'|'.join(re.escape(w) for w in number_masks.LABEL_WORDS)})[- ]?$", re.IGNORECASE
    )
    endings = [
        "the ",
        "on level",
        "on levels ",
        "No. ",
        "nos.",
        "Vol.",
        "a page-",
        "paged ",
        "platform\n",
        "airline ",
        "Route",
        "pages",
        "figure ",
        "disfigure ",
        "row-",
    ]
    for before in endings:
        assert bool(number_masks.LABEL_BEFORE.search(before)) == bool(plain.search(before)), before


def test_qualifier_tree_reads_the_same_qualifier():
    plain = re.compile(rf"(?:^|\W)({'|'.join(re.escape(q) for q in numbers.QUALIFIERS)})\s?$")
    for q in numbers.QUALIFIERS:
        for before in (f"{q} ", f"killed {q} ", f"x{q}", f"({q}"):
            mine, theirs = numbers.QUALIFIER_BEFORE.search(before), plain.search(before)
            assert (mine and mine.group(1)) == (theirs and theirs.group(1)), before


def test_stem_trees_find_a_stem_where_a_test_per_stem_does():
    rng = random.Random(3)
    letters = "abcdefghiklmnoprstuvwy "
    for _ in range(3000):
        low = "".join(rng.choice(letters) for _ in range(rng.randint(0, 30)))
        low += rng.choice(["", " kill", " evacu", " touch", " leave", " di"])
        for tree, stems in (
            (categories.VERB_STEM, categories.VERB_STEMS),
            (categories.LEFT_STEM, categories.LEFT_STEMS),
        ):
            assert bool(tree.search(low)) == any(s in low for s in stems), low


def test_left_verb_is_searched_in_a_window_holding_its_longest_match():
    longest = _parser.parse(categories.LEFT_VERB.pattern, categories.LEFT_VERB.flags)
    assert longest.getwidth()[1] + 1 <= categories.LEFT_VERB_LONGEST  # + 1: "$" before "\n"
    assert extract("Crews lost contact with another 12 climbers on the ridge.")[0].category == (
        "missing"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The agency raised the death toll to 41 on Monday.",
        "Officials put the number of displaced at 3,000.",
        "The ministry placed losses at $2bn.",
        "Rescuers, who revised the count, found 9 more.",
        "The regional office updated the tally to 17.",
        "It gave the figure as 80, and lowered the toll to 70.",
    ],
)
def test_toll_setters_hold_the_quick_sign(sentence):
    found = list(claimants.TOLL_SETTER.finditer(sentence))
    assert found and all(claimants.TOLL_VERB_SIGN.search(m.group(0)) for m in found)


@pytest.mark.parametrize(
    "before",
    [
        "the death toll rose to ",
        "the total number of cases reached ",
        "The TALLY stands at ",
        "a casualty toll of ",
        "the figure for arrests hit ",
    ],
)
def test_totals_hold_the_quick_word(before):
    m = categories.TOTAL.search(before)
    assert m and categories.TOTAL_WORD.search(m.group(0))


def test_among_guard_keeps_both_forms():
    assert extract("Among the dead were two medics.")[0].category == "killed"
    assert extract("Police held 112 people, among them 37 minors.")[0].category == "people"
    assert extract("112 wounded since Tuesday, among them 37 children.")[1].category == "injured"


def test_a_class_word_is_resolved_where_it_stands_in_one_text():
    filler = " The roads were quiet and the shops stayed shut all day." * 5
    text = (
        "The state utility Orvo said 40 homes lost power. The company said 6 lines were down."
        + filler
        + " The firm Kestrel said 12 depots closed. The company said 30 crews were out."
    )
    claimed = [f.claimant for f in extract(text)]
    assert claimed == ["Orvo", "Orvo", "Kestrel", "Kestrel"]
