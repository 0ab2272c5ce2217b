"""The recogniser's quicker paths give what the slower ones they replace did."""

import random

import spacy
from spacy.util import filter_spans

from corpus.extract.blog_memory import overlaps
from corpus.extract.patterns import Found, longest_first


def test_longest_first_keeps_what_filter_spans_keeps():
    doc = spacy.blank("en").make_doc(" ".join(f"w{i}" for i in range(12)))
    rng = random.Random(3)
    for _ in range(500):
        listed = []
        for _ in range(rng.randint(0, 9)):
            start = rng.randint(0, 10)
            listed.append((start, rng.randint(start + 1, min(12, start + 4)), rng.choice("abc")))
        ranked = [(s - e, s, i, label) for i, (s, e, label) in enumerate(listed)]
        expected = filter_spans([doc[s:e] for s, e, _ in listed])
        kept = longest_first(ranked)
        assert [(k.start, k.end) for k in kept] == [(s.start, s.end) for s in expected]
        # of equal spans, the first listed
        assert [k.label for k in kept] == [
            next(label for s, e, label in listed if (s, e) == (k.start, k.end)) for k in kept
        ]


def test_longest_first_worked_examples():
    # "Black Sea Fleet" (0-3) over "Black Sea" (0-2); of the two "Kyiv" (4-5), the first listed
    ranked = [(-2, 0, 0, "geonames:Black Sea"), (-3, 0, 1, "organisation"), (-1, 4, 2, "g:1"),
              (-1, 4, 3, "g:2"), (-2, 5, 4, "title")]
    assert longest_first(ranked) == [
        Found(0, 3, "organisation"), Found(4, 5, "g:1"), Found(5, 7, "title")
    ]
    assert longest_first([]) == []


class M:
    def __init__(self, start, end):
        self.start, self.end = start, end


def test_overlaps_is_a_shared_character():
    ms = [M(0, 5), M(10, 14), M(20, 20)]
    assert overlaps(ms, 4, 8) and overlaps(ms, 12, 13) and overlaps(ms, 8, 11)
    assert not overlaps(ms, 5, 10) and not overlaps(ms, 14, 30) and not overlaps([], 0, 3)


def test_mention_row_is_the_ids_then_the_mention_as_a_dict():
    from corpus.extract.mentions import Mention
    from corpus.extract.rows import mention_row

    m = Mention(10, 14, "Kyiv", "PLACE", "Kyiv", "Q1899", 703448, 50.45, 30.52, "gazetteer")
    row = mention_row(m, "3-1-mb00010", "3-1", "body")
    expected = {"mention_id": "3-1-mb00010", "entry_id": "3-1", "field": "body", **m._asdict()}
    assert row == expected and list(row) == list(expected)


def test_trim_takes_the_name_out_of_each_pattern_match():
    from corpus.extract.entities import recogniser
    from corpus.extract.patterns import trim

    r = recogniser()
    doc = r.nlp.make_doc("Defence Minister Oleksii Reznikov has said Russia's Defence Ministry")
    tokens = r.tokens(doc)
    assert trim(tokens, "title", 1, 4) == Found(2, 4, "title")
    assert trim(tokens, "speech", 2, 6) == Found(2, 4, "speech")  # without "has said"
    assert trim(tokens, "organisation", 6, 10) == Found(8, 10, "organisation")
    assert trim(tokens, "organisation", 7, 10) == Found(8, 10, "organisation")
    assert trim(tokens, "organisation", 8, 10) == Found(8, 10, "organisation")
    text = "Serhiy Popko, the head of the city, said the prime minister, Rishi Sunak,"
    doc = r.nlp.make_doc(text)
    tokens = r.tokens(doc)
    assert trim(tokens, "apposition", 0, 5) == Found(0, 2, "apposition")
    assert trim(tokens, "role-apposition", 12, 17) == Found(14, 16, "apposition")
