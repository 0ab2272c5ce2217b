"""The web reader's shortcuts (issue: parsing 28% slower after round 3) give what the plain
computations give, on every invented page."""
from collections import Counter
from pathlib import Path

import pytest

from corpus.parse import roles, stamps
from corpus.parse.dom import element_text, load, short_text, visible_elements, visible_segments
from corpus.parse.stream import text_lengths

PAGES = sorted((Path(__file__).parent / "fixtures" / "pages").glob("*.html"))


def plain_text_lengths(segments):
    """Each segment's length added to its owner and every ancestor (the obvious way)."""
    text_len, tail_len, link_len = Counter(), Counter(), Counter()
    for seg in segments:
        if seg.is_tail:
            tail_len[seg.source] += len(seg.text)
        chain = (seg.owner, *seg.owner.iterancestors())
        linked = any(el.tag == "a" for el in chain)
        for el in chain:
            text_len[el] += len(seg.text)
            link_len[el] += len(seg.text) if linked else 0
    return text_len, tail_len, link_len


def page(path: Path):
    return load(path.name, path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", PAGES, ids=[p.stem for p in PAGES])
def test_text_lengths_sum_each_elements_text_as_the_plain_way(path):
    root = page(path)
    segments = visible_segments(root)
    fast, plain = text_lengths(segments), plain_text_lengths(segments)
    for got, want in zip(fast, plain):
        assert {el: n for el, n in got.items() if n} == {el: n for el, n in want.items() if n}


@pytest.mark.parametrize("path", PAGES, ids=[p.stem for p in PAGES])
def test_inherited_roles_and_short_texts_match_the_plain_tests(path):
    root = page(path)
    hidden, caption = roles.Inherited(roles.is_hidden), roles.Inherited(roles.is_caption)
    for el in root.iter():
        assert hidden(el) == roles.within(el, roles.is_hidden)
        assert caption(el) == roles.within(el, roles.is_caption)
        if isinstance(el.tag, str):
            text = element_text(el)
            assert short_text(el, 40) == (text if len(text) <= 40 else None)


def test_page_stamps_remember_what_printed_gives():
    found = Counter()
    for path in PAGES:
        root = page(path)
        language = root.get("lang")
        known = stamps.PageStamps(language)
        for match in (True, False, True):  # the reader's passes, in any order
            for el in visible_elements(root):
                assert known.printed(el, match) == stamps.printed(el, language, match)
                found[match] += known.printed(el, match) is not None
                assert known.is_stamp(el, match) == stamps.is_stamp(el, language, match)
    assert found[False] > 50 and found[True] > 20  # clock stamps, and match minutes or overs


def test_short_text_counts_words_not_spaces():
    root = load("t.html", "<p id=a>  Thursday,\n\n   4   January  </p><p id=b>x" + " y" * 30)
    assert short_text(root.get_element_by_id("a"), 20) == "Thursday, 4 January"
    assert short_text(root.get_element_by_id("b"), 40) is None
    assert short_text(root.get_element_by_id("b"), 61) == element_text(root.get_element_by_id("b"))
