"""Names a blog repeats: a blog is one text, so what one update says of a name holds in the others.

* A surname alone ("Okafor") in any update of a blog that names the person in full ("Grace
  Okafor") elsewhere is that person (method "surname").
* The stem of a company's full name ("Brightline" of "Brightline Energy Ltd", "Orvessa" of
  "Orvessa Bank") is that company
  wherever it stands alone in the blog, even before a speech verb (method "context").
* A body's head word after "the" ("the Commission") in a blog that names one body with that
  head in full ("the Electoral Commission") is that body (method "context").
* A name typed by evidence in one update (a head word, a title, a speech verb, "according to")
  keeps that type where it stands alone in another update ("Brimley" after "Brimley said"):
  a mention found only by its capitals is retyped, and an occurrence not found is added
  (method "context"), opening a sentence only where an organisation acts ("Kaldor has won").

A name the blog types two ways equally often by evidence, or a surname two people share, is
left alone.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from operator import attrgetter

from corpus.extract.entry_context import BRAND_HEADS
from corpus.extract.lexicons import (
    CALENDAR,
    ORG_HEADS,
    SPEECH,
    STOP,
    TITLES,
    given_names,
    is_demonym,
    lexicon_words,
)
from corpus.extract.place_evidence import town_named_like
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
WEAK = frozenset(("capitalised", "model"))
# Mentions a longer name the blog types by evidence replaces where it covers them ("Keller
# Brandt" over the GeoNames town "Keller"): not the gazetteer's.
PARTS = WEAK | frozenset(("geonames", "pycountry", "context", "place-context", "surname"))
LEGAL_FORMS = words("blog_memory_legal_forms")  # "Ltd", "Holdings": a company's full name
# Context alone ("Brightline said", "shares in Brightline") yields to a company's full name.
STEM_OVERRIDES = frozenset(("context", "place-context"))
SHORT_HEADS = words("blog_memory_short_heads")  # "the Commission" for "the Electoral Commission"
WORD = re.compile(r"\w+")
START = attrgetter("start")


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


def after_the(text: str, start: int, end: int) -> bool:
    """Whether a word stands after "the" and before no "of", "for" or capitalised word: "the
    Commission said", not "the Commission of Inquiry" or "the Commission Vote"."""
    rest = text[end:].lstrip().split(" ", 1)[0]
    return text[:start].endswith(("the ", "The ")) and not (
        rest in ("of", "for") or rest[:1].isupper()
    )


def usable(name: str) -> bool:
    """A name that can stand alone: not a stop, title, calendar word or demonym."""
    return (
        len(name) > 2
        and name not in STOP
        and name not in CALENDAR
        and name.lower() not in TITLES
        and not is_demonym(name)
    )


def remember(found: list[dict], texts: list[dict[str, str]], whole_words) -> list[dict]:
    """Each update's mentions (field -> list), with what the rest of the blog says of its names:
    another occurrence of a name is its known mention's, moved there (with how it is known).

    `texts` holds each update's fields; `whole_words(words, text)` finds (start, word) of the
    words, whole and not overlapping."""
    names, short, stems = typed_names(found), surnames(found), company_stems(found)
    for stem, m in list(stems.items()):
        ref = names.get(stem)
        if ref is None or ref.method in WEAK | STEM_OVERRIDES:
            names[stem] = m  # "Brightline said" after "Brightline Energy Ltd": the company
            short.pop(stem, None)
        else:
            del stems[stem]
    for name in set(names) & set(short):
        if names[name].type != "PERSON":
            del short[name]  # "Marsh" a person's surname and a place: neither
    heads = {h: m for h, m in body_heads(found).items() if h not in names and h not in short}
    known = {
        **{h: (m, "context") for h, m in heads.items()},
        **{n: (m, "context") for n, m in names.items()},
        **{s: (m, "surname") for s, m in short.items() if s not in names},
    }
    if not known:
        return found
    by_first: dict[str, list[str]] = defaultdict(list)  # names by their first word
    for name in sorted(known, key=lambda w: (-len(w), w)):
        first = WORD.match(name)
        if first is not None:  # (always: a name is a word or more)
            by_first[first.group(0)].append(name)
    out = []
    for fields, text in zip(found, texts):
        updated = {}
        for f, ms in fields.items():
            ms = [
                m  # a name the blog says nothing more of
                if m.text not in names and m.text not in short
                else retype(m, names.get(m.text), m.text in stems)
                if m.text not in short or not town_named_like(m, short, text[f])
                else surname_of(m, short[m.text])
                for m in ms
            ]
            firsts = [w for w in by_first if w in text[f]]  # whole or not: whole_words checks
            words = []
            if firsts:
                seen = Counter(m.text for m in ms)  # names found wherever the text has them: done
                words = sorted(
                    (
                        n
                        for w in firsts
                        for n in by_first[w]
                        if n not in seen or text[f].count(n) > seen[n]
                    ),
                    key=lambda w: (-len(w), w),
                )
            for start, word in whole_words(words, text[f]) if words else ():
                end = start + len(word)
                ref, method = known[word]
                inner = [m for m in ms if start <= m.start and m.end <= end and m.text != word]
                if " " in word and inner and all(m.method in PARTS for m in inner):
                    ms = [m for m in ms if m not in inner]  # "Keller Brandt" over "Keller"
                if (
                    overlaps(ms, start, end)
                    or word in heads
                    and not after_the(text[f], start, end)
                    or method == "context"
                    and " " not in word
                    and opens_sentence(text[f], start)
                    and not (ref.type == "ORG" and acts(text[f], end))
                ):
                    continue  # a one-word name opening a sentence needs a person's surname
                ms.append(ref._replace(start=start, end=end, text=word, method=method))
            ms.sort(key=START)  # a new list already
            updated[f] = ms
        out.append(updated)
    return out


def overlaps(mentions: list, start: int, end: int) -> bool:
    """Whether any of the mentions shares a character with text[start:end] (start < end); the
    mentions added from the blog's names never overlap a later one's place."""
    return any(m.start < end and start < m.end and m.start < m.end for m in mentions)


def surname_of(m, person):
    """The mention as the surname of the person named in full elsewhere in the blog."""
    return m._replace(
        type="PERSON",
        canonical_name=person.canonical_name,
        wikidata_id=person.wikidata_id,
        geonames_id=None,
        latitude=None,
        longitude=None,
        method="surname",
    )


def retype(m, ref, stem: bool = False):
    """A mention found by its capitals alone takes the type the blog's evidence gives its name;
    a company's stem typed by the words around it alone ("Brightline said") is the company."""
    if ref is None or ref.type == m.type:
        return m
    if stem and m.method in STEM_OVERRIDES:
        return m._replace(type=ref.type, canonical_name=ref.canonical_name, method="context")
    if m.method not in WEAK:
        return m
    return m._replace(type=ref.type, method="context")


ACTS = SPEECH | frozenset("'s ’s has had have is was will would".split())


def acts(text: str, end: int) -> bool:
    """Whether the word ending at end is a subject that acts: an auxiliary, a speech verb or a
    possessive after it ("Kaldor has moved ahead", "Kaldor's supporters")."""
    rest = text[end:]
    if rest.startswith(("'s ", "’s ")):
        return True
    nxt = rest.split(" ", 2)[1] if rest.startswith(" ") and len(rest.split(" ", 2)) > 1 else ""
    return nxt in ACTS


def opens_sentence(text: str, start: int) -> bool:
    """Whether a word at start opens a sentence (its capital is then no evidence of a name)."""
    before = text[:start].rstrip()
    return not before or before[-1] in '.!?:;"“‘(—–•'
