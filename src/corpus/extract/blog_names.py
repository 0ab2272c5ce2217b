"""What a whole blog says of its names, read from every update's mentions: the names its evidence
types one way, the surname of each person it names in full, the stem of each company it names with
a legal form or a brand's head word, and the head word of each body it names in full.
blog_memory.py applies them to each update.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from corpus.extract.entry_context import BRAND_HEADS
from corpus.extract.lexicons import (
    CALENDAR,
    ORG_HEADS,
    STOP,
    TITLES,
    given_names,
    is_demonym,
    lexicon_words,
)
from corpus.extract.reference import geonames_places
from corpus.extract.wordlists import words

# Methods whose type is evidence the rest of the blog may use; gazetteer and GeoNames names are
# found wherever they stand anyway, and "capitalised" and "model" are guesses.
EVIDENCE = frozenset(
    (
        "title-pattern",
        "apposition-pattern",
        "speech-pattern",
        "organisation-pattern",
        "head-word",
        "given-name",
        "initialism",
        "context",
        "place-context",
        "source-context",
    )
)
LEGAL_FORMS = words("blog_memory_legal_forms")  # "Ltd", "Holdings": a company's full name
SHORT_HEADS = words("blog_memory_short_heads")  # "the Commission" for "the Electoral Commission"


def typed_names(found: list[dict]) -> dict:
    """Name -> the mention that types it, for names typed one way only by the blog's evidence."""
    types: dict[str, Counter] = defaultdict(Counter)
    first: dict[tuple[str, str], object] = {}
    for fields in found:
        for ms in fields.values():
            for m in ms:
                if m.method in EVIDENCE and m.text == m.canonical_name:
                    types[m.text][m.type] += 1
                    first.setdefault((m.text, m.type), m)
    return {
        name: first[name, kinds.most_common(1)[0][0]]
        for name, kinds in types.items()
        if usable(name)
        and (len(kinds) == 1 or kinds.most_common(2)[0][1] > kinds.most_common(2)[1][1])
    }


def surnames(found: list[dict]) -> dict:
    """Surname -> the mention of the one person the blog names in full with it."""
    people: dict[str, dict[str, object]] = defaultdict(dict)
    for fields in found:
        for ms in fields.values():
            for m in ms:
                words = m.canonical_name.split()
                if m.type == "PERSON" and len(words) > 1 and m.method != "surname":
                    people[words[-1]].setdefault(m.canonical_name, m)
    return {
        last: next(iter(full.values()))
        for last, full in people.items()
        if len(full) == 1 and usable(last) and last[1:].islower()
    }


def company_stems(found: list[dict]) -> dict:
    """Stem -> the mention of the one company the blog names in full with a legal form: the
    words before its trade and legal words ("Brightline" of "Brightline Energy Ltd"); or with a
    brand's head word after one word that no word list or GeoNames knows ("Orvessa" of "Orvessa
    Bank")."""
    companies: dict[str, dict[str, object]] = defaultdict(dict)
    for fields in found:
        for ms in fields.values():
            for m in ms:
                parts = m.canonical_name.split()
                if m.type != "ORG" or len(parts) < 2:
                    continue
                if parts[-1] not in LEGAL_FORMS and not brand_stem(parts):
                    continue
                while parts and (parts[-1] in LEGAL_FORMS or parts[-1] in ORG_HEADS):
                    parts.pop()
                if (
                    parts
                    and parts[0] not in given_names()
                    and all(p[:1].isupper() and p not in STOP for p in parts)
                ):
                    companies[" ".join(parts)].setdefault(m.canonical_name, m)
    return {
        stem: next(iter(full.values()))
        for stem, full in companies.items()
        if len(full) == 1 and usable(stem)
    }


def brand_stem(parts: list[str]) -> bool:
    """Whether a company's name is a coined word and a brand's head word ("Orvessa Bank"): the
    coined word, alone, is that company ("Orvessa said"); not "Kelby Bank" of a town, nor
    "Central Bank" of a word."""
    stem = parts[0]
    return (
        len(parts) == 2
        and parts[1] in BRAND_HEADS
        and stem[1:].islower()
        and stem.lower() not in lexicon_words()
        and stem not in geonames_places()
    )


def body_heads(found: list[dict]) -> dict:
    """Head word -> the mention of the one body the blog names in full with it ("Commission" of
    "Electoral Commission")."""
    bodies: dict[str, dict[str, object]] = defaultdict(dict)
    for fields in found:
        for ms in fields.values():
            for m in ms:
                parts = m.canonical_name.split()
                if m.type == "ORG" and len(parts) > 1 and parts[-1] in SHORT_HEADS:
                    bodies[parts[-1]].setdefault(m.canonical_name, m)
    return {head: next(iter(full.values())) for head, full in bodies.items() if len(full) == 1}


def usable(name: str) -> bool:
    """A name that can stand alone: not a stop, title, calendar word or demonym."""
    return (
        len(name) > 2
        and name not in STOP
        and name not in CALENDAR
        and name.lower() not in TITLES
        and not is_demonym(name)
    )
