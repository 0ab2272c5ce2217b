"""Evidence for one word's type from the roles and reporters around it: a party's or body's
member or voice ("a Kaldor MP", "Labour leader Ana Rees"), a company's organ after its possessive
("Ostrel's chief executive"), a small town's name used as a party's ("the ruling Harmony party")
or an outlet's ("witnesses told Meriden"), and a person's role set off by commas.
"""

from __future__ import annotations

from corpus.extract.lexicons import SOURCE_CUES, TITLES, given_names
from corpus.extract.name_context import demonym
from corpus.extract.name_evidence import ARTICLES
from corpus.extract.place_context import context_places, nations
from corpus.extract.reference import populated_places
from corpus.extract.wordlists import words

ORG_ROLES_AFTER = words("name_evidence_org_roles_after")  # "a Kaldor MP"
PARTY_PLURALS = words("name_evidence_party_plurals")  # "the Kent Greens"
PARTY_NOUNS = frozenset(("party", "parties"))  # "the ruling Harmony party"
SMALL_PLACE = 100_000  # a town this small named like a party's word ("Green") yields to a role
COMPANY_ROLES = words("name_evidence_company_roles")  # "Ostrel's chief executive"
PUBLISHED_BY = words("name_evidence_published_by")  # "reported by Nordpost"
STAFF_AT = words("name_evidence_staff_at")  # "engineers at Tarnco"
POSSESSIVE = ("'s", "’s")


def org_role(ctx, a: int, sentence_start: bool) -> bool:
    """One unknown word that a role around it makes a party, company or outlet: a party's or
    body's member or voice after it ("a Kaldor MP", "a Brimwell spokesperson", "Kaldera news
    agency"), a company's organ after its possessive ("Ostrel's chief executive", allowed at a
    sentence's start), "reported by X", "members of X"."""
    prev, nxt = ctx.before(a), ctx.after(a + 1)
    if nxt in POSSESSIVE:
        return ctx.after(a + 2) in COMPANY_ROLES
    if sentence_start:
        return False
    if nxt in ORG_ROLES_AFTER:
        return prev not in TITLES
    if prev == "by":
        return ctx.before(a, 2) in PUBLISHED_BY
    if prev == "at":
        return ctx.before(a, 2) in STAFF_AT
    return prev == "of" and ctx.before(a, 2) in ("members", "member")


def party_plural(word: str) -> bool:
    """A capitalised plural naming a party's members: listed, or ending in -ists or -crats
    ("Socialists", "Democrats")."""
    return word in PARTY_PLURALS or word[:1].isupper() and word.endswith(("ists", "crats"))


def party_cue(ctx, a: int) -> bool:
    """One capitalised word before "party" after "the" or a lower-case modifier ("the ruling
    Harmony party", "the opposition Grace party"): a party's name, even a given name's."""
    prev = ctx.before(a)
    return (
        ctx.after(a + 1) in PARTY_NOUNS
        and prev not in TITLES
        and (prev in ARTICLES or prev.isalpha() and ctx.words[a - 1].islower())
    )


def role_modifier(ctx, a: int, sentence_start: bool) -> bool:
    """One word before a lower-case member or role noun of a body ("the Labour leader", "a Union
    spokesman"); at a sentence's start only where a capitalised name follows the role ("Green
    co-leader Tamsin Orley")."""
    role, k = ctx.after(a + 1), a + 2
    if ctx.after(k) == "-":  # "co-leader": the tokenizer splits at the hyphen
        role, k = role + "-" + ctx.after(k + 1), k + 2
    if role not in ORG_ROLES_AFTER or not ctx.words[a + 1].islower():
        return False
    if sentence_start:
        return ctx.words[k][:1].isupper() if k < len(ctx.words) else False
    return ctx.before(a) not in TITLES


def small_place(name: str) -> bool:
    """Whether the most populous place of that name has fewer than SMALL_PLACE people."""
    places = populated_places().get(name, ())
    return not places or places[0].population < SMALL_PLACE


def party_place(ctx, a: int, label: str, sentence_start: bool) -> bool:
    """A one-word known place (`label`) that a party cue after it makes a party ("the ruling
    Harmony party"), or a small town's name before a member or role noun ("Green co-leader
    Tamsin Orley"): never a listed country, a given name or a larger city ("a Bristol MP")."""
    w = ctx.words[a]
    if not label.startswith("geonames") or demonym(w):
        return False
    if party_cue(ctx, a):
        return True
    return (
        w not in given_names()
        and w not in context_places()
        and small_place(w)
        and role_modifier(ctx, a, sentence_start)
    )


TOLD = frozenset(("told", "tells", "telling"))  # "told Kestrel": an outlet; "told the X": no person
POLLS = frozenset(("poll", "polls", "survey", "surveys"))  # "a poll for Kestrel": its outlet


def outlet(ctx, a: int) -> bool:
    """One word that a reporter's verb makes an outlet: after "told" with no second name after it
    ("witnesses told Kestrel") or after a poll "for" it ("a final poll for Kestrel")."""
    nxt = ctx.words[a + 1] if a + 1 < len(ctx.words) else ""
    if ctx.before(a) in TOLD:
        return not nxt[:1].isupper() and nxt not in POSSESSIVE
    return ctx.before(a) == "for" and ctx.before(a, 2) in POLLS


def outlet_place(ctx, a: int, label: str) -> bool:
    """A small town's name (a GeoNames one, never a country or a region) used as an outlet's:
    "witnesses told Meriden", "Meriden reported that"; a place is seldom told or reporting."""
    w = ctx.words[a]
    if not label.startswith("geonames"):
        return False
    places = populated_places().get(w, ())
    return (
        w not in given_names()
        and w not in nations()
        and bool(places)
        and places[0].population < SMALL_PLACE
        and (outlet(ctx, a) or ctx.after(a + 1) in SOURCE_CUES)
    )


PARTY_ROLES = words("name_evidence_party_roles")  # "Kaldor's new MP", "Labour leader X"


def party_member(ctx, a: int) -> bool:
    """One word before a party member's role, after its possessive and perhaps one lower-case
    word ("Kaldor's new MP Ana Rees", "Kaldor's candidate"), or before the role and a name at a
    sentence's start ("Labour leader Ana Rees")."""
    k = a + 1
    if ctx.after(k) in POSSESSIVE:
        between = ctx.words[k + 1] if k + 1 < len(ctx.words) else ""
        return ctx.after(k + 1) in PARTY_ROLES or (
            between.isalpha() and between.islower() and ctx.after(k + 2) in PARTY_ROLES
        )
    role, k = ctx.after(a + 1), a + 2
    if ctx.after(k) == "-":  # "co-leader": the tokenizer splits at the hyphen
        role, k = role + "-" + ctx.after(k + 1), k + 2
    return (
        role in PARTY_ROLES
        and ctx.words[a + 1].islower()
        and k < len(ctx.words)
        and ctx.words[k][:1].isupper()
    )


def role_apposition(ctx, a: int, b: int) -> bool:
    """A name set off by commas after a person's role: "a former county commissioner, Walt
    Orrin, was charged"."""
    return ctx.before(a) == "," and ctx.before(a, 2) in TITLES and ctx.after(b) in (",", ".")


def role_after_possessive(ctx, b: int) -> bool:
    """A party's or company's role after the name's possessive, perhaps after one lower-case
    word ("Reform Chile's deputy leader", "Orvo Air's chief executive")."""
    if ctx.after(b) not in POSSESSIVE:
        return False
    roles = PARTY_ROLES | COMPANY_ROLES | ORG_ROLES_AFTER
    between = ctx.words[b + 1] if b + 1 < len(ctx.words) else ""
    return ctx.after(b, 1) in roles or between.isalpha() and ctx.after(b, 2) in roles
