"""The type a name's own head words give it: the last word of a body's or a place's name
("Council", "Street"), a lead word before "of" or "for" ("Ministry of ..."), a campaign's plural
before "for" ("Parents for Safe Streets"), an airline's lead word ("Air Varnia"), and a facility
that is a venue where a thing happens at it and a body where it speaks ("at the Orvo Centre",
"Kelby General Hospital said").
"""

from __future__ import annotations

from corpus.extract.lexicons import (
    ORG_HEADS,
    ORG_LEADS,
    PLACE_HEADS,
    PLACE_LEADS,
    SOURCE_CUES,
    SPEECH,
    STREET_ENDINGS,
    given_names,
)
from corpus.extract.wordlists import words

SURNAME_HEADS = words("name_types_surname_heads")  # "Helen Park"
LINKS = frozenset(("of", "for", "on"))  # "Council on Arctic Security"
ATTACHED = frozenset("- ‑ '".split())  # inside a word: "Ka-Hin"
# A first word that makes the name a company's of a class: "Air Varnia" (an airline).
ORG_FIRST = words("name_heads_org_first")
# Heads of facilities: a venue after "at", a body when it speaks ("the Orvo Centre said").
VENUE_HEADS = words("name_heads_venues")  # heads that name a body unless a venue cue says place
FACILITY_HEADS = words("name_heads_facilities")  # heads that name a place unless it speaks
STAFF_AT = words("name_evidence_staff_at")  # "analysts at the Orvo Centre": a body
HAVE = frozenset(("has", "have", "had"))


def street(word: str) -> bool:
    """A street's name in German or Dutch: "Zeppelinstrasse", "Landstraße", "Kurfürstendamm"."""
    return len(word) > 6 and word[1:].islower() and STREET_ENDINGS.search(word.lower()) is not None


def by_head(words: list[str], a: int, b: int) -> str | None:
    """ORG or PLACE from the name's own head word, if it has one (PERSON where the head is the
    end of a hyphenated surname after a given name)."""
    last, first = words[b - 1], words[a]
    if advocacy(words, a, b) or first in ORG_LEADS and words[a + 1].lower() in LINKS:
        return "ORG"  # "Citizens for Fair Roads", "Council on Arctic Security"
    if b - a > 2 and words[b - 2] in ATTACHED and first in given_names():
        return "PERSON"  # "Gisele Morrow-Ward": a hyphenated surname, not a ward
    if last in ORG_HEADS:
        return "ORG"
    if last in SURNAME_HEADS and words[b - 2] in given_names() and words[a] not in PLACE_LEADS:
        return None  # "Helen Park", "Sarah Hill": a person
    if last not in PLACE_HEADS and any(
        w in ORG_HEADS and words[i + 1].lower() in ("of", "for")
        for i, w in enumerate(words[a + 1 : b - 1], a + 1)
    ):
        return "ORG"  # "Orvish Institute for Sea and Air": a body's head opens its name
    if street(last):
        return "PLACE"  # "Mainzer Landstraße", "Breite Strasse"
    if last in PLACE_HEADS or any(w in PLACE_HEADS for w in words[a + 1 : b - 1]):
        return "PLACE"  # "Tuen Mun Hospital", "Dursey Island Cable Car"
    if (
        first in ORG_LEADS
        and words[a + 1].lower() in ("of", "for")
        or "&" in words[a:b]
        or any(
            w in ORG_HEADS and words[i + 1].lower() in ("of", "for")
            for i, w in enumerate(words[a + 1 : b - 1], a + 1)
        )
    ):
        return "ORG"  # "Election Commission of Ruritania", "Harlow & Finch"
    if first in PLACE_LEADS:
        return "PLACE"
    if any(
        w in ORG_FIRST and words[i + 1][:1].isupper() for i, w in enumerate(words[a : b - 1], a)
    ):
        return "ORG"  # "Air Varnia", "Kestrel Air Lines": an airline
    return None


def advocacy(words: list[str], a: int, b: int) -> bool:
    """A plural noun, "for" and a name: a campaign's or movement's name ("Parents for Safe
    Streets", "Voters for a Cleaner Coast"), never a person's or a place's."""
    first = words[a]
    return (
        b - a > 2
        and words[a + 1] == "for"
        and first.endswith("s")
        and first[-2:] not in ("ss", "us", "is")
    )


def facility(ctx, a: int, b: int) -> str | None:
    """The type of a facility's name by what the sentence does with it: a body's head word
    ("Centre") names a venue after "at" ("told supporters at the Orvo Centre in Kelby"), not
    where staff work ("analysts at the Orvo Centre"); a place's head word ("Hospital", "Airport")
    names a body where it speaks ("Kelby General Hospital said", "... Airport reported")."""
    last = ctx.words[b - 1]
    if last in VENUE_HEADS:
        k = 2 if ctx.before(a) == "the" else 1
        venue = ctx.before(a, k) == "at" and ctx.before(a, k + 1) not in STAFF_AT
        return "PLACE" if venue else None
    if last in FACILITY_HEADS:
        nxt = ctx.after(b)
        if nxt in SPEECH or nxt in SOURCE_CUES or nxt in HAVE and ctx.after(b, 1) in SPEECH:
            return "ORG"
    return None
