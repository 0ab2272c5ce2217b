"""The Matcher's patterns for names the gazetteer lacks, and the word classes they test.

Each word class is a spaCy lexeme flag, computed once per distinct word; `Tokens` holds a doc's
classes as bits, and `match_window` says where a trigger word's matches can be, so the Matcher runs
only there.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from operator import itemgetter
from typing import NamedTuple

import numpy
from spacy.attrs import IDS
from spacy.tokens import Doc
from spacy.util import OOV_RANK

from corpus.extract.entry_context import SPORT_WORDS
from corpus.extract.lexicons import name_cased
from corpus.extract.wordlists import words

TITLES = sorted(words("patterns_titles"))
ROLES = sorted(words("patterns_roles"))
SPEECH = sorted(words("patterns_speech"))
ORG_HEADS = sorted(words("patterns_org_heads"))
CALENDAR = sorted(words("patterns_calendar"))
NOT_NAMES = (
    {t.capitalize() for t in TITLES}
    | {"CEO"}
    | set(ORG_HEADS)
    | set(CALENDAR)
    | words("patterns_not_names")
)

# Every word test of the patterns is a property of the word alone, so each is a lexeme flag:
# computed once per distinct word when a doc first holds it (`Tokens`, through `classes_of`),
# then checked by the Matcher in C.
# (As Python predicates -- IN, NOT_IN, REGEX -- they took most of the recogniser's time.)
CAPITALISED = re.compile(r"^[A-Z][\w'’.-]*$")
TITLE_SET, ROLE_SET, SPEECH_SET = set(TITLES), set(ROLES), set(SPEECH)
WORD_CLASSES = {
    "title": lambda w: w.lower() in TITLE_SET,
    "role": lambda w: w.lower() in ROLE_SET,
    "speech": lambda w: w.lower() in SPEECH_SET,
    "have": lambda w: w.lower() in ("has", "had", "have"),
    "name": lambda w: (w.istitle() or name_cased(w)) and w not in NOT_NAMES,  # not "GB", "The"
    "capitalised": lambda w: CAPITALISED.match(w) is not None and w not in NOT_NAMES,
    "org-head": lambda w: w in ORG_HEADS,
    "org-lead": lambda w: (
        w[:1].isascii() and w[:1].isupper() and (w not in NOT_NAMES or w in ORG_HEADS)
    ),
    "possessive": lambda w: w in ("'s", "’s"),
    "clause-end": lambda w: w in (",", ".", ";", ":"),
    "trigger": lambda w: w.lower() in TITLE_SET | ROLE_SET | SPEECH_SET or w in ORG_HEADS,
    "comma": lambda w: w == ",",
    "of": lambda w: w.lower() == "of",
    # not the patterns': where candidates.segments looks for names, and sports words, read as
    # columns (Tokens)
    "upper-initial": lambda w: w[:1].isupper(),
    "sport": lambda w: w.lower() in SPORT_WORDS,  # entry_context.is_sport's words
}
FIRST_FLAG = 30  # spaCy's free lexeme flags are FLAG19 to FLAG63
FLAG = {name: f"FLAG{FIRST_FLAG + i}" for i, name in enumerate(WORD_CLASSES)}
# a token's classes as one int (`Tokens.bits`)
BIT = {name: 1 << i for i, name in enumerate(WORD_CLASSES)}
# the classes match_window reads
TITLE_BIT, ROLE_BIT, SPEECH_BIT, HAVE_BIT, NAME_BIT, CAPITALISED_BIT, ORG_HEAD_BIT = (
    BIT[c] for c in ("title", "role", "speech", "have", "name", "capitalised", "org-head")
)
COMMA_BIT, OF_BIT, POSSESSIVE_BIT = BIT["comma"], BIT["of"], BIT["possessive"]


def word(cls: str, **op) -> dict:
    """A token pattern for a word of the class; `yes=False` for a word outside it."""
    return {FLAG[cls]: op.pop("yes", True), **op}


NAME_1_3 = [word("name", OP="{1,3}")]
NAME_2_3 = [word("name", OP="{2,3}")]
MATCH_PATTERNS = {
    "title": [[word("title"), *NAME_1_3]],
    "apposition": [
        [
            *NAME_2_3,
            {"ORTH": ","},
            {"LOWER": "the", "OP": "?"},
            word("clause-end", yes=False, OP="{0,3}"),
            word("role"),
        ]
    ],
    "role-apposition": [[word("role"), {"ORTH": ","}, *NAME_2_3, {"ORTH": ","}]],
    "speech": [[*NAME_2_3, word("have", OP="?"), word("speech")], [word("speech"), *NAME_2_3]],
    "organisation": [
        [
            word("org-lead", OP="{0,1}"),
            word("possessive", OP="?"),
            word("capitalised", OP="{1,3}"),
            word("org-head"),
        ],
        [word("org-head"), {"LOWER": "of"}, word("capitalised", OP="{1,3}")],
    ],
}


class Found(NamedTuple):
    """A labelled token span (what spaCy's `filter_spans` needs of a Span, without making one)."""

    start: int
    end: int
    label: str


PAD = 8  # tokens of no class either side of a doc's: as far as match_window looks from a trigger


class Lexicon:
    """Every word the recogniser has met, by a dense index kept as its lexeme's rank (spaCy's
    "sequential ID of the lexeme's lexical type, used to index into tables"; a blank pipeline has
    no vectors to index): a doc's ranks (`Doc.to_array`) index the words' texts and classes as
    numpy columns, with no Python loop per token. A word not met yet has spaCy's OOV_RANK."""

    def __init__(self, vocab, classes_of: Callable[[int], int]) -> None:
        self.vocab, self.classes_of = vocab, classes_of
        self.texts = numpy.empty(1024, dtype=object)  # rank -> the word
        self.bits = numpy.zeros(1024, dtype=numpy.int64)  # rank -> its classes as BIT bits
        self.size = 0

    def add(self, orth: int) -> int:
        """The word's rank, given it (and its classes) when first met."""
        lexeme = self.vocab[orth]
        if lexeme.rank != OOV_RANK:
            return lexeme.rank
        rank = self.size
        if rank == len(self.bits):
            self.texts = numpy.concatenate([self.texts, numpy.empty(rank, dtype=object)])
            self.bits = numpy.concatenate([self.bits, numpy.zeros(rank, dtype=numpy.int64)])
        self.bits[rank] = self.classes_of(orth)  # before the Matcher reads the flags it sets
        self.texts[rank] = lexeme.orth_
        lexeme.rank, self.size = rank, rank + 1
        return rank


COLUMNS = [IDS["ID"], IDS["SPACY"], IDS["IDX"]]  # Doc.to_array's columns (ID: the rank)


class Tokens:
    """The tokens of a doc as the patterns see them: each token's text, word classes (`BIT`),
    trailing space and first character, where the trigger words are and where the words with an
    upper-case initial, read from the `Lexicon` as numpy columns."""

    def __init__(self, doc: Doc, lexicon: Lexicon) -> None:
        columns = doc.to_array(COLUMNS)
        ranks = columns[:, 0].astype(numpy.intp)
        for i in (columns[:, 0] == OOV_RANK).nonzero()[0].tolist():  # words met the first time
            ranks[i] = lexicon.add(doc[i].orth)
        self.spaces: list[int] = columns[:, 1].tolist()
        self.starts: list[int] = columns[:, 2].tolist()  # each token's first character
        self.words: list[str] = lexicon.texts[ranks].tolist()
        bits = lexicon.bits[ranks]
        # Each token's classes, with PAD tokens of none either side (windows reach past the ends).
        self.padded: list[int] = [0] * PAD + bits.tolist() + [0] * PAD
        self.triggers: list[int] = (bits & BIT["trigger"]).nonzero()[0].tolist()
        # the tokens whose first character is upper case
        self.capitals: list[int] = (bits & BIT["upper-initial"]).nonzero()[0].tolist()
        # the words of a sports report (SPORT_WORDS)
        self.sport: list[int] = (bits & BIT["sport"]).nonzero()[0].tolist()

    def __len__(self) -> int:
        return len(self.padded) - 2 * PAD

    def bits(self, i: int) -> int:
        """The word classes of the token at i (none outside the doc)."""
        return self.padded[i + PAD] if -PAD <= i < len(self) + PAD else 0

    def around(self, t: int, before: int, after: int) -> list[int]:
        """The classes of tokens t - before to t + after (before, after at most PAD)."""
        return self.padded[t + PAD - before : t + PAD + after + 1]

    def has(self, i: int, cls: str) -> bool:
        return bool(self.bits(i) & BIT[cls])


def longest_first(ranked: list[tuple]) -> list[Found]:
    """The spans spaCy's `filter_spans` keeps, by start: each span that overlaps none kept before
    it, the longer first, then the earlier, then the earlier listed. A span comes as (start - end,
    start, *its place in the list, label)."""
    ranked.sort()
    kept, seen = [], set[int]()
    for span in ranked:
        start = span[1]
        end = start - span[0]
        if start not in seen and end - 1 not in seen:
            kept.append(Found(start, end, span[-1]))
            seen.update(range(start, end))
    kept.sort(key=itemgetter(0))  # by start, as filter_spans's stable sort
    return kept


def trim(tokens: Tokens, label: str, start: int, end: int) -> Found:
    """The name inside a pattern match: without its title, role, comma or speech verb."""
    padded = tokens.padded

    def bits(i: int) -> int:  # within PAD of the match
        return padded[i + PAD]

    if label in ("title", "speech") and bits(start) & (TITLE_BIT | SPEECH_BIT):
        start += 1
    if label == "speech" and bits(end - 1) & SPEECH_BIT:
        end -= 2 if bits(end - 2) & HAVE_BIT else 1
    if label == "organisation":  # "Russia's Defence Ministry": the ministry is "Defence Ministry"
        start += 1 if bits(start) & POSSESSIVE_BIT else 2 * bool(bits(start + 1) & POSSESSIVE_BIT)
    if label == "role-apposition":  # "prime minister, Rishi Sunak,"
        return Found(start + 2, end - 1, "apposition")
    if label == "apposition":
        end = next(i for i in range(start, end) if bits(i) & COMMA_BIT)
    return Found(start, end, label)


def match_window(tokens: Tokens, t: int) -> tuple[int, int] | None:
    """The tokens (start, end) that hold every match of a pattern whose trigger word is the one at
    t, or None when no pattern can match there: each pattern's trigger needs certain words right
    next to it, and a match reaches at most so far from its trigger (see MATCH_PATTERNS)."""
    near = tokens.around(t, 7, 3)  # near[7 + offset]: the classes of the token at t + offset
    here, reach = near[7], []
    if here & TITLE_BIT and near[8] & NAME_BIT:  # title name{1,3}
        reach.append((0, 4))
    if here & ROLE_BIT:
        # name{2,3} , the? w{0,3} role
        if any(
            near[7 + c] & COMMA_BIT and near[6 + c] & near[5 + c] & NAME_BIT for c in range(-5, 0)
        ):
            reach.append((-8, 1))
        if near[8] & COMMA_BIT and near[9] & near[10] & NAME_BIT:  # role , name{2,3} ,
            reach.append((0, 6))
    if here & SPEECH_BIT:
        # name{2,3} have? speech
        if near[6] & near[5] & NAME_BIT or near[6] & HAVE_BIT and near[5] & near[4] & NAME_BIT:
            reach.append((-4, 1))
        if near[8] & near[9] & NAME_BIT:  # speech name{2,3}
            reach.append((0, 4))
    if here & ORG_HEAD_BIT:
        if near[6] & CAPITALISED_BIT:  # org-lead? 's? capitalised{1,3} org-head
            reach.append((-5, 1))
        if near[8] & OF_BIT and near[9] & CAPITALISED_BIT:  # org-head of capitalised{1,3}
            reach.append((0, 5))
    if not reach:
        return None
    return max(0, t + min(a for a, _ in reach)), min(len(tokens), t + max(b for _, b in reach))
