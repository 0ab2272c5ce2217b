from datetime import date

import pytest

from corpus.errors import InputError
from corpus.parse.model import BOILERPLATE_ROLE
from corpus.parse.text import parse


def test_seed_header(seed_text):
    blog = parse("seed.txt", seed_text)
    assert blog.title == "DPRK supplied Russia with missiles for Ukraine attacks — US"
    assert blog.subtitle == "Russia-Ukraine war rages on, now in its 680th day."
    assert blog.blog_date == date(2024, 1, 4)
    assert (blog.entry_source, blog.outlet) == ("text", None)  # the text names no publisher


def test_seed_entries(seed_text):
    entries = parse("seed.txt", seed_text).entries
    assert [e.time_label for e in entries][:3] == ["1927 GMT", "1806 GMT", "1803 GMT"]
    assert len(entries) == 12
    assert entries[0].headline is None
    assert entries[0].body.startswith("North Korea has provided Russia with ballistic missiles")
    assert entries[0].body.endswith('The time for Congress to act is now," he said.')
    assert entries[1].headline == "Putin speeds up a citizenship path for foreigners who enlist in the Russian military"
    assert entries[-1].body.endswith('misuse by the Ukrainian military," the official said.')
    assert all(e.local_minutes == int(e.time_label[:2]) * 60 + int(e.time_label[2:4]) for e in entries)


def test_boilerplate_stays_out_of_bodies(seed_text):
    bodies = "\n".join(e.body for e in parse("seed.txt", seed_text).entries)
    for junk in ("Read More", "Loading...", "More updates", "Route 6", "click here", "Photo: AP",
                 "Growing military ties between Russia and North Korea"):
        assert junk not in bodies


def test_every_non_blank_line_is_accounted_for(seed_text):
    blog = parse("seed.txt", seed_text)
    non_blank = {n: line.strip() for n, line in enumerate(seed_text.split("\n"), 1) if line.strip()}
    assert {lr.line: lr.text for lr in blog.lines} == non_blank
    entry_text = "\n".join(f"{e.time_label} {e.headline or ''}\n{e.body}" for e in blog.entries)
    for lr in blog.lines:
        if lr.role in ("body",):
            assert lr.text in entry_text
    kinds = {lr.text: lr.kind for lr in blog.lines if lr.role == BOILERPLATE_ROLE}
    assert kinds == {
        "Russia Ukraine war / Photo: AP": "photo-caption",
        "AP": "photo-credit",
        "Read More": "read-more",
        "Growing military ties between Russia and North Korea 'dangerous': Blinken": "related-link",
        "More updates 👇": "more-updates",
        "Loading...": "loading",
        "For our live updates from Wednesday, January 3, click here.": "previous-day-link",
        "Route 6": "footer",
    }
    chars = blog.chars_by_role()
    assert sum(chars.values()) == sum(len(t) for t in non_blank.values())


MINIMAL = """Live blog: Something happens
A standfirst.
Monday, March 4, 2024
1200 GMT — First headline
First body.
1100 GMT Body without a headline.
"""


def test_minimal_blog_parses():
    blog = parse("m.txt", MINIMAL)
    assert blog.title == "Something happens"
    assert [(e.headline, e.body) for e in blog.entries] == [
        ("First headline", "First body."), (None, "Body without a headline.")]


@pytest.mark.parametrize("text, line, message", [
    (MINIMAL.replace("Monday, March 4, 2024\n", ""), 1, "no date line"),
    (MINIMAL.replace("1100 GMT", "2561 GMT"), 6, "impossible time '2561 GMT'"),
    (MINIMAL.replace("1100 GMT", "1163 GMT"), 6, "impossible time '1163 GMT'"),
    (MINIMAL.replace("Monday, March 4", "Monday, March 34"), 3, "impossible date"),
    (MINIMAL.replace("Body without a headline.\n", "Body cut off in the mid"), 6, "mid-sentence"),
    (MINIMAL + "1000 GMT — A headline and nothing else\n", 7, "cut off mid-entry"),
    (MINIMAL.replace("First body.\n", ""), 4, "no body text"),
    ("Live blog: x\nMonday, March 4, 2024\nNothing timestamped.\n", None, "no timestamped entries"),
    (MINIMAL.replace("A standfirst.", "A standfirst.\nA second stray line."), 3, "unrecognised header line"),
])
def test_bad_input_names_file_and_line(text, line, message):
    with pytest.raises(InputError) as caught:
        parse("bad.txt", text)
    assert caught.value.path == "bad.txt"
    assert caught.value.line == line
    assert message in str(caught.value)
    assert str(caught.value).startswith("bad.txt")
