"""Whether an unknown run of capitalised words is a person or a body, from what the sentence does
with it. A speech verb is no evidence of a person (bodies say things too); these are:

* a body: "the" before it where it acts ("The Hallam Retail Forum said"), a noun for a kind of
  body before it ("the utility Orvessa Power"), the same noun set off by commas before it ("The
  group, Velden Aktion, said"), after "of" or "at" following a company's officer ("chief executive
  of Tarvo Freight"), after "shares in" ("shares in Halvard Homes"), or a first word that is a
  plural no given name is ("Citizens Watch");
* a person: a noun for a person's occupation just before it ("shopkeeper Ilse Varga", "driver
  Tomas Reyn"), or an age set off by commas after it ("Ilse Varga, 78, said").
"""

from __future__ import annotations

import re

from corpus.extract.lexicons import ORG_NOUNS, SOURCE_CUES, STOP, TITLES, given_names
from corpus.extract.wordlists import words

ARTICLES = frozenset(("the", "a", "an", "its", "their"))
# Officers of a company or body whose "of"/"at" names it ("chief executive of X").
OFFICERS = words("person_evidence_officers")
# Endings of nouns for a person's occupation ("shopkeeper", "meteorologist", "firefighter").
OCCUPATION = re.compile(r"(?:er|ist|or|ian|man|woman|person|ant|ent|eer|ee)$")
STAKES = frozenset(("shares", "stake", "stakes", "stock", "bonds"))  # "shares in X": a company
AGE = re.compile(r"\d{1,3}")


def org_cue(ctx, a: int, b: int) -> bool:
    """Whether the words around tokens a to b (or its first word) say it is a body, not a
    person (see the module's docstring)."""
    words = ctx.words
    first, prev = words[a], ctx.before(a)
    if first in given_names():
        return False
    if prev in ORG_NOUNS or prev == "the" and acts(ctx, b):
        return True
    if prev == "," and ctx.before(a, 2) in ORG_NOUNS and ctx.before(a, 3) in ARTICLES:
        return True  # "The group, Velden Aktion, said"
    if prev in ("of", "at") and ctx.before(a, 2) in OFFICERS:
        return True  # "chief executive of Tarvo Freight", "economist at Holm Partners"
    if prev in ("in", "of") and ctx.before(a, 2) in STAKES:
        return True  # "shares in Halvard Homes"
    return b - a > 1 and plural_word(first)


ACTING = frozenset("has had have is was will would 's ’s".split())


def acts(ctx, b: int) -> bool:
    """Whether the name ending before b acts: a speech or source verb, an auxiliary or a
    possessive after it ("the Hallam Retail Forum said", "... has warned")."""
    return ctx.speech_after(b) or ctx.after(b) in SOURCE_CUES or ctx.after(b) in ACTING


def plural_word(word: str) -> bool:
    """A capitalised plural that no given name is ("Citizens", "Doctors"), not a surname-like
    "Voss" or "Barros": longer than five letters, ending in -s but not -ss, -us, -is, -os, -as or
    -es (nor "Anders", a given name the census list lacks: -ers)."""
    return (
        len(word) > 5
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "os", "as", "es", "ers"))
        and word not in given_names()
    )


def occupation_before(ctx, a: int) -> bool:
    """A lower-case noun for a person's occupation just before the name ("shopkeeper Ilse
    Varga"), not a noun for a body ("lender", "operator") nor a stop word."""
    prev = ctx.words[a - 1] if a > 0 else ""
    lower = prev.lower()
    return (
        prev.isalpha()
        and prev.islower()
        and len(prev) > 4
        and lower not in ORG_NOUNS
        and lower not in STOP
        and (lower in TITLES or OCCUPATION.search(lower) is not None)
    )


def age_after(ctx, b: int) -> bool:
    """An age set off by commas after the name ("Ilse Varga, 78, said")."""
    return (
        ctx.after(b) == ","
        and AGE.fullmatch(ctx.after(b, 1)) is not None
        and ctx.after(b, 2) in (",", ".")
    )


def person_cue(ctx, a: int, b: int) -> bool:
    """Whether the words around tokens a to b say it is a person (see the module's docstring)."""
    return occupation_before(ctx, a) or age_after(ctx, b)
