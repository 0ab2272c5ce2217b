"""The counted noun phrase after a number and the category its head noun names: looked up in
data/counted_nouns.csv (plural and singular), else read from its form and modifiers (a noun for a
person such as "cyclists" or "gunmen", a capitalised plural demonym such as "Americans", a weapon
by its modifier such as "armoured vehicles"). categories.py weighs this against the verbs around
the number.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

from corpus.extract.wordlists import words

UNIT_NOUNS = ("duration", "money")  # counted nouns that are units ("years", "patacas")


def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


@lru_cache(maxsize=1)
def rows() -> tuple[tuple[str, str], ...]:
    """(category, noun) rows of data/counted_nouns.csv."""
    text = resources.files("corpus.extract").joinpath("data/counted_nouns.csv").read_text("utf-8")
    lines = (line for line in text.splitlines() if line and not line.startswith("#"))
    return tuple((category, noun) for category, noun in csv.reader(lines))


@lru_cache(maxsize=1)
def listed() -> frozenset[str]:
    """The nouns as data/counted_nouns.csv lists them (plurals, and words without a plural)."""
    return frozenset(noun for _, noun in rows())


@lru_cache(maxsize=1)
def lexicon() -> dict[str, str]:
    """Counted noun (lower case, plural and singular) -> category, from data/counted_nouns.csv."""
    nouns: dict[str, str] = {}
    for category, noun in rows():
        nouns.setdefault(noun, category)
        if category not in UNIT_NOUNS:  # "the 2019 tax year": a unit's singular counts nothing
            nouns.setdefault(singular(noun), category)
    return nouns


WORD = re.compile(r"\s*([A-Za-z][\w'’.-]*)")
STOP = words("categories_stop")
DEMONYM = re.compile(r"[A-Z][a-z]+(?:ans|[lqnt]is|ons)$")  # Americans, Israelis, Iraqis, Britons


# Plural endings of nouns for people: -ists, -ians, -men, -eers ("cyclists", "gunmen").
# ... and compounds of agent nouns: "holidaymakers", "bondholders", "peacekeepers", "seekers".
PERSON_ENDING = re.compile(
    r"(?:[a-z]{4}ists|[a-z]{3}ians|[a-z]{3}(?<!i)men|[a-z]{3}eers|"
    r"[a-z]{3}(?:makers|holders|goers|keepers|seekers|dwellers))$"
)
# Vehicles (data/words/categories_vehicles.txt) are weapons only where an armed side holds them
# (categories.py reads the context); VEHICLE marks them until then.
VEHICLES = words("categories_vehicles")
VEHICLE = "vehicle"
PLURAL = re.compile(r"[^su]s$|ies$")
OF_NOUN = re.compile(r"\s+of\s+(?:the\s+)?([a-z]+)\b")
WEAPON_MODIFIERS = words("categories_weapon_modifiers")
AIR_DEFENCE = re.compile(r"\b(?:air|missile)[ -]defen[cs]e\b", re.IGNORECASE)


def noun_phrase(text: str, pos: int) -> tuple[int, str | None, str | None]:
    """(end, category or None, head noun) of the counted noun phrase starting at pos: up to five
    words, to the first known noun, else to the last plain lower-case word (the head of an unknown
    noun phrase: "two main principles"); the category is None for a noun not in the lexicon."""
    nouns, end, head = lexicon(), pos, None
    for _ in range(5):
        m = WORD.match(text, end)
        if m is None:
            break
        word = m.group(1).rstrip(".")
        low = word.lower()
        if low in ("and", "or") and head and not PLURAL.search(head[1].lower()):
            joined = noun_phrase(text, m.end())  # "refinery and depot workers": the workers
            if joined[1] is not None and joined[1] != VEHICLE:
                return joined
        if low in STOP:
            break
        if low in nouns or singular(low) in nouns:
            end = m.start(1) + len(word)
            after = WORD.match(text, end)
            if (
                low not in listed()
                and after
                and after.group(1).islower()
                and after.group(1) not in STOP
            ):
                head = (end, word)  # a singular noun modifies the next: "member states"
                continue
            return end, nouns.get(low) or nouns[singular(low)], word
        if DEMONYM.match(word):
            return m.start(1) + len(word), "people", word
        if low.endswith(("ed", "ing", "ly")) and head:
            break  # a verb after the noun: "five trains carrying passengers"
        end = m.start(1) + len(word)
        plain = not low.endswith(("ed", "ing", "ly"))
        if not word[0].isupper() and text[end : end + 1] != "-" and plain:
            head = (end, word)
            if PLURAL.search(low):
                break  # a plural ends the phrase: "forty mountaineers set off"
    if head is None:
        return pos, None, None
    return head[0], unlisted_category(text, pos, *head), head[1]


def unlisted_category(text: str, pos: int, end: int, head: str) -> str | None:
    """The category of a counted noun not in the lexicon, from its form and modifiers: a noun
    for a person ("cyclists", "technicians", "gunmen", "mountaineers", "the 40 nurses who ..."),
    a weapon by its modifier ("armoured vehicles", "tear gas canisters"), a vehicle (VEHICLE)."""
    if PERSON_ENDING.search(head.lower()) or text.startswith(" who ", end):
        return "people"
    if not WEAPON_MODIFIERS.isdisjoint(text[pos:end].lower().split()):
        return "weapons"
    if AIR_DEFENCE.search(text, pos, end):
        return "weapons"  # "12 more air defence systems", "four missile-defence batteries"
    if head.lower() in VEHICLES or singular(head.lower()) in VEHICLES:
        return VEHICLE
    of = OF_NOUN.match(text, end)  # "3,000 rounds of ammunition", "two groups of protesters"
    return noun_category(of.group(1)) if of else None


@lru_cache(maxsize=1 << 16)  # per distinct word: sentences repeat their words
def noun_category(word: str) -> str | None:
    nouns, low = lexicon(), word.lower()
    demonym = "people" if DEMONYM.match(word) else None
    return nouns.get(low) or nouns.get(singular(low)) or demonym
