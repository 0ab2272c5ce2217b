"""Cheap pre-tests that let the figure extractor skip text before running its regexes: a
lookahead for the words' first letters, a search of the lower-case form of ASCII text, and a scan
opening at any ASCII non-word character.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from corpus.extract.units import trie_alternation


def opening_words(words: list[str], letters: int = 4) -> str:
    """A lookahead for the first letters of the words (a quick test that most places fail)."""
    return f"(?={trie_alternation(sorted({w[:letters] for w in words}))})"


# Any character but an ASCII word character: a bitmap test, where [^\w] looks up each character's
# Unicode category (2x slower to scan for); `after_non_word` skips a non-ASCII word character.
NOT_ASCII_WORD = "[^0-9A-Z_a-z]"


def after_non_word(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    r"""The matches pattern.finditer(text) would give if pattern opened with [^\w] (or [^\w-])
    where it opens with NOT_ASCII_WORD (or [^-0-9A-Z_a-z]): a match opening with a non-ASCII word
    character ("é") is dropped and the search resumes at the next character."""
    pos, search = 0, pattern.search
    while (m := search(text, pos)) is not None:
        if text[m.start()].isalnum():
            pos = m.start() + 1
            continue
        yield m
        pos = m.end()


def may_hold(window: str, lower_case: re.Pattern) -> bool:
    """Whether an IGNORECASE search of window may match, by a search of its lower-case form for
    what each match holds: exact for ASCII; in other text lower() and IGNORECASE can disagree
    ("ſ" matches "s"), which is searched in full."""
    return not window.isascii() or lower_case.search(window.lower()) is not None


def lower_case_form(pattern: re.Pattern) -> re.Pattern:
    """An IGNORECASE pattern as a case-sensitive one for lower-case ASCII text, where it matches as
    the IGNORECASE pattern matches the text before lower() (the same spans and groups): its letters
    must be lower case, none with a case outside ASCII."""
    plain = re.sub(r"\\[sSwWdDbBAZ]|\(\?P<\w+>", "", pattern.pattern)  # classes, group names
    plain = re.sub(r"\\([^0-9A-Za-z])", r"\1", plain)  # an escaped "." is a "."
    if "\\" in plain or any(
        c != c.lower() or not c.isascii() and c.lower() != c.upper() for c in plain
    ):
        raise ValueError(f"not a lower-case pattern: {pattern.pattern}")
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


def search_lower(
    pattern: re.Pattern, lower: re.Pattern, text: str, pos: int = 0
) -> re.Match | None:
    """pattern.search(text, pos) by its `lower_case_form` in ASCII text (2-4x faster: the regex
    engine compares letters without folding their case); the match then reads text.lower()."""
    if text.isascii():
        return lower.search(text.lower(), pos)
    return pattern.search(text, pos)
