"""Figures: reported numbers with their category, subject, qualifier and claimant.

numbers.py finds the number expressions (values, ranges, qualifiers, units);
categories.py says what each counts; claimants.py who the text credits with it.
Spelled-out and vague numbers become figures only when they count something
("two main principles", "several ports"; a bare "one" only a known noun such as
"one death"); years never do. A conversion in brackets is linked to the figure
it restates.
"""

from __future__ import annotations

import bisect
import math
import re
from typing import NamedTuple

from corpus.extract.categories import classify
from corpus.extract.claimants import Claimants
from corpus.extract.counted import noun_phrase
from corpus.extract.numbers import Number, find_numbers
from corpus.extract.wordlists import words

ABBREVIATIONS = words("figures_abbreviations")
BOUNDARY = re.compile(r"[.!?\n][\"”’)]*\s*")  # a sentence ends after its first character
NEXT_STARTS = re.compile(r"[\"“‘(]?[A-Z0-9]")
LAST_WORD = re.compile(r"([\w.]+)\.[\"”’)]*$")
PARAGRAPH = re.compile(r"\n\s*\n")
# Vague determiners count only a noun: "several districts", not "several killed" (a participle).
DETERMINERS = frozenset(
    ("several", "multiple", "a few", "a number of", "numerous", "a couple of", "a handful of")
)
PARTICIPLES = words("figures_participles")
NOT_ONE = re.compile(
    r"\b(?:no|any|every|each|the only|only|this|that|which|no-)\s?$", re.IGNORECASE
)
AND_OR = re.compile(r"\s(?:[A-Z][\w'’-]+\s)?(?:and|or)\s")
COMPOUND = re.compile(r"-[A-Za-z]")
ENDS_SENTENCE = re.compile(r"[.!?][\"”]?\s*$")
OPEN_BRACKET = re.compile(r"\s?\(")


class Figure(NamedTuple):
    start: int
    end: int
    text: str
    value: float
    value_max: float | None
    unit: str | None
    category: str
    is_approximate: bool
    qualifier: str
    subject: str | None
    claimant: str | None
    converts: int | None = None  # index (in this field's list) of the figure this one converts


def spans(text: str, boundary: re.Pattern, abbreviations: bool = False) -> list[tuple[int, int]]:
    """(start, end) of the sentences (or paragraphs) of text."""
    out, start = [], 0
    for m in boundary.finditer(text):
        cut = m.start()
        ends = m.group(0)[-1].isspace() and NEXT_STARTS.match(text, m.end())
        if text[cut] != "\n" and not ends:
            continue  # "3.5 km", "e.g. this"
        if abbreviations and text[cut] != "\n":
            cut += 1  # after the full stop
            word = LAST_WORD.search(text, max(0, cut - 12), cut)
            if word and (word.group(1).lower() in ABBREVIATIONS or len(word.group(1)) == 1):
                continue  # "Dr. Varden", "J. Smith"
        out.append((start, cut))
        start = m.end()
    out.append((start, len(text)))
    return [s for s in out if s[1] > s[0]]


def holding(spans_: list[tuple[int, int]], position: int) -> int:
    """The index of the span holding position (or of the nearest before it)."""
    return max(0, bisect.bisect_right(spans_, (position, math.inf)) - 1)


def shared_noun(text: str, n: Number, later: Number) -> bool:
    """'230 Ukrainian and 248 Russian prisoners': the first number shares the second's noun."""
    return bool(AND_OR.fullmatch(text[n.end : later.start]))


def millions(text: str, n: Number) -> Number:
    """'5m people': a bare 'm' before a counted noun means million, not metres."""
    if n.unit == "m" and text[n.end - 1 : n.end] == "m" and noun_phrase(text, n.end)[1] is not None:
        return n._replace(value=n.value * 1e6, unit=None, dimension=None, scale=1e6)
    return n


# A part of the count before it: "23 people, including nine children, were killed", "37 treated,
# three of them firefighters"; it is of the same kind (a casualty) as that count.
PART_BEFORE = re.compile(r"\b(?:including|among them|among whom)\s$", re.IGNORECASE)
PART_AFTER = re.compile(r"\s+of\s+(?:them|whom)\b")
CASUALTIES = ("killed", "injured", "missing", "arrested", "prisoners")


def part_of_last(text: str, n: Number, category: str) -> bool:
    """Whether the number counts part of the figure before it (see PART_BEFORE)."""
    if category not in ("people", "other"):
        return False
    if PART_AFTER.match(text, n.end):
        return True
    before = text[max(0, n.start - 16) : n.start]
    low = before.lower()  # a plain test first: most numbers follow neither word
    return ("including" in low or "among" in low) and bool(PART_BEFORE.search(before))


def keep(text: str, n: Number, category: str, head: str | None) -> bool:
    """Whether a number is a figure: words and vague quantities must count something."""
    if n.is_year_like and (category == "other" or not (head or "x")[0].islower()):
        return False  # "in 2022", "the 2024 Paris Olympics"
    if not n.dimension and COMPOUND.match(text[n.end : n.end + 2]):
        return False  # a compound modifier: "a 5-star hotel", "a 10-point plan"
    if not n.is_word or n.dimension:
        return True
    if n.qualifier == "vague" and text[n.start : n.end].lower() in DETERMINERS:
        return bool(head and head.lower() not in PARTICIPLES)
    if n.value == 1 and n.qualifier != "vague":  # "one of the largest", "no one", "one is that"
        return (
            category != "other"
            and not NOT_ONE.search(text[max(0, n.start - 12) : n.start])
            and not text.startswith(" of ", n.end)
        )
    return head is not None


def extract(text: str) -> list[Figure]:
    """All figures of one text field, in order."""
    numbers = [millions(text, n) for n in find_numbers(text)]
    if not numbers:
        return []
    sentences = spans(text, BOUNDARY, abbreviations=True)
    paragraphs = spans(text, PARAGRAPH)
    headline = "\n" not in text.strip() and not ENDS_SENTENCE.search(text)
    claimants = Claimants(text, sentences, headline)
    figures: list[Figure] = []
    for i, n in enumerate(numbers):
        sentence = holding(sentences, n.start)
        category, subject, head = classify(text, n, sentences[sentence][0])
        if head is None and i + 1 < len(numbers) and shared_noun(text, n, numbers[i + 1]):
            category, subject, head = classify(text, numbers[i + 1], sentences[sentence][0])
        if not keep(text, n, category, head):
            continue
        last = figures[-1] if figures else None
        if last and last.start >= sentences[sentence][0] and part_of_last(text, n, category):
            category = last.category if last.category in CASUALTIES else category
        converts = None
        last = figures[-1] if figures else None
        if (
            last
            and n.dimension
            and OPEN_BRACKET.fullmatch(text[last.end : n.start])
            and text[n.end : n.end + 1] == ")"
            and last.unit
            and last.category == category
        ):
            converts = len(figures) - 1
        claimant = claimants.at(sentence, n.start, paragraphs[holding(paragraphs, n.start)])
        value_max = None if n.value_max is None else float(n.value_max)
        figures.append(
            Figure(
                n.start,
                n.end,
                text[n.start : n.end],
                float(n.value),
                value_max,
                n.unit,
                category,
                n.is_approximate,
                n.qualifier,
                subject,
                claimant,
                converts,
            )
        )
    # A conversion is as approximate as the figure it converts: "about 300 km (186 miles)".
    return [
        f._replace(is_approximate=True)
        if f.converts is not None and figures[f.converts].is_approximate
        else f
        for f in figures
    ]


def names_within(short: str, full: str | None) -> bool:
    """Whether a source names part of a fuller one: "China" of "China's National Health
    Commission" (the body names whom in China the headline means), an acronym of the name the
    body gives with it ("IFS" of "Institute for Fiscal Studies (IFS)")."""
    if not full or len(full) <= len(short):
        return False
    return full.lower().startswith(short.lower()) or full.endswith(f"({short})")


def extract_entry(fields: dict[str, str | None]) -> dict[str, list[Figure]]:
    """The figures of an entry's fields (headline, body). A headline figure with no source of its
    own that the body restates (the same value) is credited as the body credits it: the headline
    sums up the body ("Two confirmed dead" over "broadcasters report that two people died"), and
    so is one whose source the body names more fully ("China says" over "China's ... said")."""
    found = {field: extract(text) if text else [] for field, text in fields.items()}
    body, headline = found.get("body", []), found.get("headline", [])
    credited: dict[float, str] = {}
    for f in body:
        if f.claimant:
            credited.setdefault(f.value, f.claimant)
    found["headline"] = [
        f._replace(claimant=credited.get(f.value))
        if f.claimant is None or names_within(f.claimant, credited.get(f.value))
        else f
        for f in headline
    ]
    return found
