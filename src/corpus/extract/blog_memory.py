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

from corpus.extract.blog_names import body_heads, company_stems, surnames, typed_names
from corpus.extract.lexicons import SPEECH
from corpus.extract.place_evidence import town_named_like

WEAK = frozenset(("capitalised", "model"))  # methods that guess: the blog's evidence retypes them
# Mentions a longer name the blog types by evidence replaces where it covers them ("Keller
# Brandt" over the GeoNames town "Keller"): not the gazetteer's.
PARTS = WEAK | frozenset(("geonames", "pycountry", "context", "place-context", "surname"))
# Context alone ("Brightline said", "shares in Brightline") yields to a company's full name.
STEM_OVERRIDES = frozenset(("context", "place-context"))
WORD = re.compile(r"\w+")
START = attrgetter("start")


def after_the(text: str, start: int, end: int) -> bool:
    """Whether a word stands after "the" and before no "of", "for" or capitalised word: "the
    Commission said", not "the Commission of Inquiry" or "the Commission Vote"."""
    rest = text[end:].lstrip().split(" ", 1)[0]
    return text[:start].endswith(("the ", "The ")) and not (
        rest in ("of", "for") or rest[:1].isupper()
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
