"""What the typing of a name reads: a run of capitalised words (`Segment`), the spans already
found inside it (`Known`), the words around it (`Context`), and whether a word can be a word of a
name (`single_name`).
"""

from __future__ import annotations

from typing import NamedTuple

from corpus.extract.entry_context import is_sport
from corpus.extract.lexicons import (
    CALENDAR,
    DIRECTIONS,
    NOT_NAME_HEADS,
    NOT_NAME_WORDS,
    ORG_HEADS,
    PLACE_HEADS,
    SOURCE_CUES,
    SPEECH,
    STOP,
    TITLES,
    is_demonym,
    name_cased,
)

Name = tuple[int, int, str, str]  # tokens start to end, type, method (or the known span's label)


class Known(NamedTuple):
    """A span found from the reference lists or patterns: tokens start to end, type and label."""

    start: int
    end: int
    type: str
    label: str


class Segment(NamedTuple):
    start: int
    end: int
    sentence_start: bool  # its first word opens a sentence (capitalised whatever it is)
    title_before: bool  # a title or role word stands just before it ("Coach", "minister")


class Context:
    """What a segment's neighbours say: the words before and after it."""

    def __init__(self, words: list[str], sport: bool | None = None) -> None:
        self.words = words
        self._sport = sport  # when the caller knows it already

    @property
    def sport(self) -> bool:
        """Whether the text reports a match (two sports words)."""
        if self._sport is None:
            self._sport = is_sport({w.lower() for w in self.words})
        return self._sport

    def before(self, i: int, k: int = 1) -> str:
        return self.words[i - k].lower() if i - k >= 0 else ""

    def after(self, i: int, k: int = 0) -> str:
        return self.words[i + k].lower() if i + k < len(self.words) else ""

    def speech_after(self, end: int) -> bool:
        nxt = self.after(end)
        return nxt in SPEECH or nxt in ("has", "had") and self.after(end, 1) in SPEECH

    def speech_before(self, start: int) -> bool:
        """A speech verb just before the name ("said Ilse Varga")."""
        return self.before(start) in SPEECH

    def source(self, seg: Segment) -> bool:
        return (
            self.before(seg.start) == "to"
            and self.before(seg.start, 2) == "according"
            or self.after(seg.end) in SOURCE_CUES
        )


def single_name(word: str) -> bool:
    """Whether a word can be a word of a name: capitalised, not a stop, title, head or calendar
    word (computed once per word)."""
    found = NAME_WORDS.get(word)
    if found is None:
        found = NAME_WORDS[word] = (
            len(word) > 1
            and (word[1:].islower() or name_cased(word))
            and word not in STOP
            and word not in CALENDAR
            and word not in NOT_NAME_WORDS
            and word not in DIRECTIONS
            and word.lower() not in TITLES
            and word not in ORG_HEADS
            and word not in PLACE_HEADS
            and word not in NOT_NAME_HEADS
        )
    return found


NAME_WORDS: dict[str, bool] = {}  # single_name per word, once met


def demonym(word: str) -> bool:
    """`is_demonym`, computed once per word."""
    found = DEMONYMS.get(word)
    if found is None:
        found = DEMONYMS[word] = is_demonym(word)
    return found


DEMONYMS: dict[str, bool] = {}
