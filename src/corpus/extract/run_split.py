"""Cutting a run of capitalised words (`name_runs.segments`) into names (`split`): at title and
calendar words, without leading stop words or trailing connectors.
"""

from __future__ import annotations

from corpus.extract.lexicons import (
    CALENDAR,
    CONNECTORS,
    NAME_PARTICLES,
    ORG_HEADS,
    ORG_LEADS,
    PLACE_HEADS,
    STOP,
    TITLE_MODIFIERS,
    TITLES,
    given_names,
    is_capitalised,
)
from corpus.extract.name_context import Segment
from corpus.extract.name_heads import ATTACHED, SURNAME_HEADS

SENTENCE_BREAKS = frozenset('. ! ? : ; “ " ‘ ( — – … •'.split())
POSSESSIVE = frozenset(("'s", "’s"))
CAPITAL_ROLES = frozenset(("PM", "MEP", "MSP", "MLA", "CFO", "COO", "CTO"))  # besides TITLES

# What `split` asks of a word, as bits (`split_classes`): a title word (not in capitals), one in
# any case, a title modifier, a calendar word, a word dropped where a name opens or ends.
TITLE, ANY_TITLE, MODIFIER, CALENDAR_WORD, LEADING, TRAILING = (1 << i for i in range(6))
SPLIT_CLASSES: dict[str, int] = {}


def split_classes(word: str) -> int:
    """The word's classes for `split` (computed once per word)."""
    found = SPLIT_CLASSES.get(word)
    if found is None:
        lower = word.lower()
        found = (
            (lower in TITLES and not word.isupper()) * TITLE
            | (lower in TITLES) * ANY_TITLE
            | (lower in TITLE_MODIFIERS) * MODIFIER
            | (word in CALENDAR) * CALENDAR_WORD
            | (word in STOP or lower in CONNECTORS) * LEADING
            | (lower in CONNECTORS or word in NAME_PARTICLES) * TRAILING
        )
        SPLIT_CLASSES[word] = found
    return found


def opens_sentence(words: list[str], i: int) -> bool:
    return i == 0 or words[i - 1] in SENTENCE_BREAKS or words[i - 1].isspace()


def capital_role(word: str) -> bool:
    """Whether a word is a role written in capitals ("MP", "CEO", "PM")."""
    return word.isupper() and (word.lower() in TITLES or word in CAPITAL_ROLES)


def split(words: list[str], start: int, end: int) -> list[Segment]:
    """A run cut at title and calendar words, without leading stop words or trailing connectors;
    a run named by its head word ("Princess Margaret Hospital") is not cut at titles, and a role
    in capitals before a name is no part of it ("MP Jordan Tapsell", "CEO Tom Rask")."""
    if end - start == 1:  # a one-word run (most of them): what the loops below make of it
        c = split_classes(words[start])
        if (
            c & (CALENDAR_WORD | LEADING | TRAILING)
            or c & TITLE
            and not c & MODIFIER
            and not is_named(words, start, end)
        ):
            return []
        if start == 0:
            return [Segment(start, end, True, False)]
        previous = words[start - 1]  # (`opens_sentence`)
        return [
            Segment(
                start,
                end,
                previous in SENTENCE_BREAKS or previous.isspace(),
                split_classes(previous) & ANY_TITLE != 0,
            )
        ]
    for k in range(start, end - 1):
        if capital_role(words[k]) and words[k + 1][1:].islower():
            before = split(words, start, k + 1) if k > start else []  # "Labour MP": its party
            return before + [
                s._replace(title_before=s.start == k + 1) for s in split(words, k + 1, end)
            ]
    title = start > 0 and words[start - 1].lower() in TITLES
    out, a = [], start
    sentence = opens_sentence(words, start)
    named = is_named(words, start, end)
    for k in range(start, end + 1):
        c = split_classes(words[k]) if k < end else 0
        title_word = (
            c & TITLE != 0
            and (c & MODIFIER == 0 or k + 1 < end and split_classes(words[k + 1]) & ANY_TITLE != 0)
            and not (k > start and words[k - 1] in ATTACHED and words[k - 2] in ORG_HEADS)
        )  # "Directorate-General": a body's head, not a title
        if k < end and not (title_word and not named or c & CALENDAR_WORD):
            continue
        b = k
        if a < end and words[a] in POSSESSIVE:
            title = False  # "the Minister's Questions": the title is no part of what follows
        while a < b and split_classes(words[a]) & LEADING and not given_stop(words, a, b, sentence):
            a += 1
        while b > a and split_classes(words[b - 1]) & TRAILING:
            b -= 1
        if a < b:
            out.append(Segment(a, b, sentence and a == start, title))
        title, a, sentence = k < end and title_word, k + 1, False
    return out


MODALS = frozenset(("will", "may", "might", "can", "shall", "must"))  # stop words, and names


def given_stop(words: list[str], a: int, b: int, sentence: bool) -> bool:
    """Whether a capitalised stop word is a given name opening a person's name: a modal verb
    before another name inside a sentence ("said Will Orrin"), where a verb would not be
    capitalised."""
    return (
        not sentence
        and b - a > 1
        and words[a].lower() in MODALS
        and words[a] in given_names()
        and words[a][1:].islower()
        and is_capitalised(words[a + 1])
        and words[a + 1] not in STOP
    )


def is_named(words: list[str], start: int, end: int) -> bool:
    """Whether a run is named by its head word ("Princess Margaret Hospital"): `split` does not cut
    it at titles."""
    return (
        words[end - 1] in ORG_HEADS
        or words[end - 1] in PLACE_HEADS
        and not (words[end - 1] in SURNAME_HEADS and words[end - 2] in given_names())
        or end - start > 2
        and words[start] in ORG_LEADS
        and words[start + 1] in ("of", "for")
    )
