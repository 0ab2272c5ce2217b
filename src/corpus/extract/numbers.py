"""Find number expressions in text: digits, words, vague quantities, ranges,
qualifiers, currencies and units, with exact character spans.

Dates, clock times, years, ordinals, phone numbers and parts of names such
as "F-16" are not numbers here. Vague quantities follow ACLED's convention
where it has one: "dozens" = 12, "hundreds" = 100; and "several" = 3,
"thousands" = 1,000, "tens of thousands" = 10,000, "hundreds of thousands" =
100,000, "millions" = 1,000,000.
"""
from __future__ import annotations

import re
from typing import NamedTuple

UNITS_1_19 = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
              "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORD_VALUES = {w: i + 1 for i, w in enumerate(UNITS_1_19)} | {w: 20 + 10 * i for i, w in enumerate(TENS)}
WORD_VALUES |= {"a dozen": 12, "dozen": 12, "a hundred": 100, "a thousand": 1000}
VAGUE_VALUES = {"hundreds of thousands": 100_000, "tens of thousands": 10_000, "dozens": 12, "hundreds": 100,
                "thousands": 1000, "millions": 1_000_000, "several": 3, "scores": 20}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9}
CURRENCY_SYMBOLS = {"us$": "USD", "$": "USD", "€": "EUR", "£": "GBP"}
QUALIFIERS = {  # phrase before a number -> (qualifier, is_approximate)
    "more than": ("more_than", True), "over": ("more_than", True), "at least": ("at_least", True),
    "up to": ("up_to", True), "as many as": ("up_to", True), "at most": ("at_most", True),
    "less than": ("less_than", True), "fewer than": ("less_than", True), "under": ("less_than", True),
    "about": ("about", True), "around": ("about", True), "approximately": ("about", True),
    "roughly": ("about", True), "nearly": ("about", True), "almost": ("about", True), "some": ("about", True),
    "an estimated": ("about", True), "estimated": ("about", True),
}
UNITS = {  # unit word after a number -> (normalised unit, dimension)
    "km": ("km", "distance"), "kilometres": ("km", "distance"), "kilometers": ("km", "distance"),
    "kilometre": ("km", "distance"), "kilometer": ("km", "distance"), "miles": ("mi", "distance"),
    "mile": ("mi", "distance"), "metres": ("m", "distance"), "meters": ("m", "distance"),
    "kg": ("kg", "mass"), "tonnes": ("t", "mass"), "tons": ("t", "mass"),
    "%": ("%", "percent"), "percent": ("%", "percent"), "per cent": ("%", "percent"),
    "dollars": ("USD", "money"), "euros": ("EUR", "money"), "hryvnias": ("UAH", "money"),
    "roubles": ("RUB", "money"), "rubles": ("RUB", "money"),
    "hours": ("hours", "duration"), "days": ("days", "duration"), "weeks": ("weeks", "duration"),
    "months": ("months", "duration"), "years": ("years", "duration"), "minutes": ("minutes", "duration"),
    "hour": ("hours", "duration"), "day": ("days", "duration"), "week": ("weeks", "duration"),
    "month": ("months", "duration"), "year": ("years", "duration"),
}


def trie_alternation(words: list[str]) -> str:
    """A regex matching exactly the words, their common prefixes factored out ("t(?:en|wo)", not
    "ten|two"): the regex engine then tries one branch per letter instead of every word in turn.
    Where one word is a prefix of another, the longer is tried first."""
    trie: dict = {}
    for w in words:
        node = trie
        for char in w:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        if "" not in node:
            return body
        return f"(?:{body})?" if len(branches) > 1 or len(branches[0]) > 1 else f"{body}?"

    return pattern(trie)


WORD_NUM = (rf"{trie_alternation(TENS)}(?:-{trie_alternation(UNITS_1_19[:9])})?|a (?:dozen|hundred|thousand)|dozen|"
            + trie_alternation(UNITS_1_19))
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
WORD_NUM_FIRST_LETTERS = "".join(sorted({w[0] for w in [*WORD_VALUES, *TENS]}))
# The lookahead on the characters a number can start with lets the regex engine skip to them (1.4x faster).
ATOM = re.compile(
    rf"(?=[\d$€£U{WORD_NUM_FIRST_LETTERS}])(?<![\w.,\-/])(?<![A-Za-z]-)(?:(?P<cur>US\$|\$|€|£)\s?)?"
    rf"(?P<num>{DIGITS}|\b(?:{WORD_NUM})\b)"
    rf"(?:\s?(?P<scale>thousand|million|billion|trillion|bn)\b)?(?![\w]|,\d|\.\d)", re.IGNORECASE)
# The lookahead on first letters lets the regex engine skip ahead (2x faster); keep it in step with VAGUE_VALUES.
VAGUE = re.compile(rf"(?=[{''.join(sorted({w[0] for w in VAGUE_VALUES}))}])\b(?:{'|'.join(VAGUE_VALUES)})\b",
                   re.IGNORECASE)
MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?")
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
MASKS = [
    re.compile(rf"\b{MONTH}\s+{DAY}(?:\s*(?:to|-|–|and)\s*{DAY})?(?:,?\s+\d{{4}})?\b"),  # January 9 to 19, 2024
    re.compile(rf"\b{DAY}(?:\s*(?:to|-|–|and)\s*{DAY})?\s+{MONTH}(?:,?\s+\d{{4}})?"),  # 9-19 January 2024
    re.compile(rf"\b{MONTH}\s+\d{{4}}\b"),  # February 2022
    re.compile(r"\b(?:in|since|until|by|from|of|early|late|mid|before|after|during|year|summer|winter|spring|"
               r"autumn|fall)[ -](?:1[89]|20)\d\d(?:s)?\b", re.IGNORECASE),  # in 2022
    re.compile(r"\b\d{1,2}[:.]\d{2}\s?(?:am|pm|a\.m\.|p\.m\.)?(?!\d)", re.IGNORECASE),  # 10:30, 9.05pm
    re.compile(r"\b\d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.)", re.IGNORECASE),  # 9pm
    re.compile(r"\b\d{3,4}\s?(?:GMT|UTC|BST|CET|CEST|EST|EDT|ET|IST)\b"),  # 1927 GMT
    re.compile(r"\+?\(?\d{2,4}\)?(?:[ -]\d{2,4}){2,}"),  # phone-like
]
YEAR = re.compile(r"(?:1[89]|20)\d\d")
RANGE_JOIN = re.compile(r"^\s?(?:to|-|–|and)\s?$", re.IGNORECASE)
AGE_SUFFIX = re.compile(r"^-(hour|day|week|month|year)s?-old\b", re.IGNORECASE)


class Number(NamedTuple):
    start: int
    end: int
    value: float
    value_max: float | None = None
    unit: str | None = None
    dimension: str | None = None  # distance, money, percent, duration, mass; None for counts
    qualifier: str = "exact"
    is_approximate: bool = False
    is_word: bool = False  # spelled out ("five") or vague ("dozens"), not digits
    is_year_like: bool = False


def atom_value(match: re.Match) -> float:
    text = match["num"].lower()
    value = float(text.replace(",", "")) if text[0].isdigit() else word_value(text)
    return value * SCALES.get((match["scale"] or "").lower(), 1)


def word_value(text: str) -> float:
    if "-" in text:
        tens, unit = text.split("-")
        return WORD_VALUES[tens] + WORD_VALUES[unit]
    return WORD_VALUES[text]


MASK_WINDOW = 40  # characters either side of a number searched for a date, time or phone number


def is_masked(text: str, start: int) -> bool:
    """Whether the number at start is part of a date, clock time, year or phone number."""
    lo = max(0, start - MASK_WINDOW)
    window = text[lo:start + MASK_WINDOW]
    return any(m.start() <= start - lo < m.end() for pattern in MASKS for m in pattern.finditer(window))


def atoms(text: str) -> list[Number]:
    found = []
    for m in ATOM.finditer(text):
        if m["num"][0].isdigit() and is_masked(text, m.start("num")):
            continue
        number = m["num"]
        unit, dimension = (CURRENCY_SYMBOLS[m["cur"].lower()], "money") if m["cur"] else (None, None)
        year_like = YEAR.fullmatch(number) is not None and not m["cur"] and not m["scale"]
        found.append(Number(m.start() if m["cur"] else m.start("num"), m.end(), atom_value(m), unit=unit,
                            dimension=dimension, is_word=not number[0].isdigit(), is_year_like=year_like))
    for m in VAGUE.finditer(text):
        if not any(n.start <= m.start() < n.end for n in found):
            found.append(Number(m.start(), m.end(), float(VAGUE_VALUES[m.group(0).lower()]), qualifier="vague",
                                is_approximate=True, is_word=True))
    return sorted(found, key=lambda n: n.start)


def join_ranges(text: str, numbers: list[Number]) -> list[Number]:
    """'10 to 15', 'between 20 and 30', '10-15' become one number with value_max."""
    out: list[Number] = []
    for n in numbers:
        prev = out[-1] if out else None
        if prev and prev.value_max is None and prev.qualifier != "vague" and n.qualifier != "vague" \
                and RANGE_JOIN.match(text[prev.end:n.start]) and n.value > prev.value:
            between = text[max(0, prev.start - 8):prev.start].lower().endswith("between ")
            joiner = text[prev.end:n.start].strip().lower()
            if joiner != "and" or between:
                start = prev.start - 8 if between else prev.start
                out[-1] = prev._replace(start=start, end=n.end, value_max=n.value, unit=prev.unit or n.unit,
                                        dimension=prev.dimension or n.dimension, qualifier="range",
                                        is_year_like=False)
                continue
        out.append(n)
    return out


QUALIFIER_BEFORE = re.compile(rf"(?:^|\W)({'|'.join(QUALIFIERS)})\s$")


def attach_qualifier(text: str, n: Number) -> Number:
    m = QUALIFIER_BEFORE.search(text[max(0, n.start - 16):n.start].lower())
    if m is None:
        return n
    qualifier, approx = QUALIFIERS[m.group(1)]
    return n._replace(start=n.start - len(m.group(1)) - 1, qualifier=qualifier, is_approximate=approx)


def attach_unit(text: str, n: Number) -> Number:
    after = text[n.end:n.end + 24]
    age = AGE_SUFFIX.match(after)
    if age:
        unit = UNITS[age.group(1).lower() + "s"][0]
        return n._replace(end=n.end + age.end(), unit=unit, dimension="duration", is_year_like=False)
    m = re.match(r"^\s?(per cent|%|[a-z]+)\b|^%", after, re.IGNORECASE)
    word = (m.group(1) or m.group(0)).strip().lower() if m else ""
    if word in UNITS and n.dimension is None:
        unit, dimension = UNITS[word]
        return n._replace(end=n.end + m.end(), unit=unit, dimension=dimension, is_year_like=False)
    return n


def find_numbers(text: str) -> list[Number]:
    """Every number expression in text, in order, with qualifiers and units attached."""
    numbers = join_ranges(text, atoms(text))
    return [attach_unit(text, attach_qualifier(text, n)) for n in numbers]
