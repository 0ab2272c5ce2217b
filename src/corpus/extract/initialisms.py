"""All-capital and mixed-case words as names of bodies: an initialism is an organisation only
with evidence around it ("NATO said", "2,000 KGR officers", "the markets authority, AFX,");
a capital inside a word makes a brand's or a body's name ("TransLink", "BaFin"), not a surname's
("McKenzie"); initials in brackets after a name define a body's ("... System (OFIS)").
"""

from __future__ import annotations

import re

from corpus.extract.lexicons import NOT_INITIALISMS, SOURCE_CUES, STOP, TITLES
from corpus.extract.name_evidence import ACTING, BEFORE_ORG, KIND_OF_BODY, MEMBERS_OF
from corpus.extract.role_evidence import ORG_ROLES_AFTER
from corpus.extract.wordlists import words

# Members or staff after an all-capital word, a source's nouns before a verb of showing.
MEMBERS_AFTER = words("name_evidence_members_after")  # "2,000 KGR officers"
SOURCE_NOUNS = frozenset(("data", "figures", "analysis", "survey", "research", "estimates"))
SHOWED = frozenset(("showed", "shows", "show", "suggested", "suggests", "found"))
CAMEL = re.compile(r"[A-Z][a-z]{2,}(?:[A-Z][a-z]+)+")
NAME_PREFIXES = (
    "Mc",
    "Mac",
    "Fitz",
    "De",
    "Di",
    "Da",
    "Du",
    "La",
    "Le",
    "Van",
    "Von",
    "Al",
    "El",
    "Abu",
    "Ben",
    "Bin",
)


# "BaFin", "AfD"; "UKHealth": an initialism and a word
MIXED = re.compile(r"[A-Z]+[a-z]+[A-Z][A-Za-z]*|[A-Z]{2,}[a-z]{2,}(?:[A-Z][a-z]+)*")
PLURAL_INITIALISM = re.compile(r"[A-Z]+s")  # "MPs", "NGOs": plurals of common nouns


def camel_case(word: str) -> bool:
    """A word with a capital inside ("TransLink", "CityNews", "BaFin", "AfD", "UKHealth"): a
    brand's or a body's name, not a surname such as "McKenzie" or "DeSantis", a plural such as
    "MPs" or a degree such as "PhD"."""
    return (
        (CAMEL.fullmatch(word) is not None or MIXED.fullmatch(word) is not None)
        and PLURAL_INITIALISM.fullmatch(word) is None
        and word not in NOT_INITIALISMS
        and not any(
            word.startswith(p) and word[len(p) : len(p) + 1].isupper() for p in NAME_PREFIXES
        )  # "AlmaRail" is no "Al" name: a capital must follow the prefix
    )


def initialism_is_org(ctx, a: int) -> bool:
    """An all-capital word is an organisation only with evidence: a speech or source verb after
    it ("NATO said"), an article or organisation noun before it with no noun after it ("the
    FBI has"), a possessive, members or staff after it ("KGR officers"), its data showing
    something, a verb in the past opening a sentence with it ("KRF accused"), commas setting it
    off after a kind of body ("the authority, AFX, said"), or a definition in brackets after a
    name ("Fire Service (RFS)")."""
    prev, nxt = ctx.before(a), ctx.after(a + 1)
    if ctx.speech_after(a + 1) or nxt in SOURCE_CUES or nxt in ("'s", "’s"):
        return True
    if prev in BEFORE_ORG and (nxt in ACTING or nxt in STOP or not nxt[:1].isalpha()):
        return True
    if nxt in KIND_OF_BODY or ctx.after(a + 2) in KIND_OF_BODY and nxt.isalpha():
        return True  # "the SBU security service", "the NVA news agency"
    if nxt in ORG_ROLES_AFTER:
        return True  # "the KDP leader", "an MDC lawmaker", "VDP candidates"
    if nxt.isalpha() and ctx.words[a + 1].islower() and ctx.after(a + 2) in TITLES:
        return True  # "WRF country director Ana Rees": a body's officer
    if prev == "the" and ctx.before(a, 2) in ("of", "from") and ctx.before(a, 3) in MEMBERS_OF:
        return True  # "supporters of the KRF", "fighters from the SNA"
    if nxt in MEMBERS_AFTER or nxt in SOURCE_NOUNS and ctx.after(a + 2) in SHOWED:
        return True  # "2,000 KGR officers", "LSX data showed"
    if nxt.endswith("ed") and ctx.words[a + 1].islower() and ctx.before(a) in ("", "."):
        return True  # "KRF accused the army": a subject that acts
    if prev == "," and nxt == "," and ctx.before(a, 2) in KIND_OF_BODY:
        return True  # "the markets authority, AFX, said"
    return (
        prev == "("
        and nxt == ")"
        and ctx.before(a, 2)[:1].isalpha()
        and ctx.words[a - 2][:1].isupper()
    )


def acronym_after(ctx, b: int) -> bool:
    """An initialism in brackets after the name ("... Information System (OFIS)"): a body's
    name defined, as a place's seldom is."""
    return (
        ctx.after(b) == "("
        and ctx.after(b, 2) == ")"
        and b + 1 < len(ctx.words)
        and ctx.words[b + 1].isupper()
        and ctx.words[b + 1].isalpha()
        and len(ctx.words[b + 1]) > 1
    )
