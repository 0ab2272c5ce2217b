"""Evidence for a name's type beyond its head word: organisation words in any position or language
("Deutsche Bahn", "the Jordanian Red Crescent"), sports clubs and the verbs of a match, roads and
streets ("the A14", "Zeppelinstrasse"), lowercase place nouns after a name ("the Tarvo bridge"),
and what makes an all-capital word an organisation ("the FBI said", not "the GST rate").
"""

from __future__ import annotations

import re

from corpus.extract.lexicons import (
    CLUB_WORDS,
    ORG_ENDINGS,
    ORG_HEADS,
    ORG_NOUNS,
    ORG_WORDS,
    PLACE_AFTER,
    PLACE_AFTER_JOINED,
    SOURCE_CUES,
    SPEECH,
    TITLES,
    given_names,
)
from corpus.extract.name_context import demonym
from corpus.extract.place_context import context_places, nations
from corpus.extract.reference import populated_places
from corpus.extract.wordlists import words

# Club words that name a club in any text, and those that do only in a sports report.
CLUB_ALWAYS = CLUB_WORDS - words("club_words_sport_only")
# Verbs of a match between two teams: "Collingwood beat Essendon", "lost to Essendon".
TEAM_VERBS_AFTER = words("name_evidence_team_verbs_after")
TEAM_WORDS_BEFORE = words("name_evidence_team_words_before")
ROAD = re.compile(r"[AMBN]\d{1,4}(?:\(M\))?")
ROAD_WORDS = words("name_evidence_road_words")
# Words after an all-capital word that say it acts or is named: "the FBI has", "the UN's".
ACTING = SPEECH | SOURCE_CUES | frozenset("'s ’s , . ; : ) has had have is was will would".split())
BEFORE_ORG = ORG_NOUNS | words("name_evidence_before_org")
# Lower-case nouns for a kind of body after an initialism: "SBU security service".
KIND_OF_BODY = ORG_NOUNS | frozenset(h.lower() for h in ORG_HEADS if h.isalpha())
ORG_ROLES_AFTER = words("name_evidence_org_roles_after")  # "a Kaldor MP"
PARTY_PLURALS = words("name_evidence_party_plurals")  # "the Kent Greens"
PARTY_NOUNS = frozenset(("party", "parties"))  # "the ruling Harmony party"
SMALL_PLACE = 100_000  # a town this small named like a party's word ("Green") yields to a role
COMPANY_ROLES = words("name_evidence_company_roles")  # "Ostrel's chief executive"
PUBLISHED_BY = words("name_evidence_published_by")  # "reported by Nordpost"
STAFF_AT = words("name_evidence_staff_at")  # "engineers at Tarnco"
ARTICLES = ("a", "an", "the")
MEMBERS_OF = words("name_evidence_members_of")  # "supporters of the KRF"
POSSESSIVE = ("'s", "’s")


ADJECTIVE = re.compile(r"(?:an|ese|ish|ic)$")  # "the Mexican border", not "Hubei province"


def adjective(word: str) -> bool:
    """A word for a people or a language before a noun ("Hawaiian", "Chinese")."""
    return ADJECTIVE.search(word) is not None


def org_word(word: str, given: frozenset[str]) -> bool:
    """A word of an organisation's name, not a person's: 'Bahn', 'Verband', 'Macroeconomics'."""
    if word in given:
        return False
    return word in ORG_WORDS or len(word) > 5 and ORG_ENDINGS.search(word.lower()) is not None


def org_evidence(ctx, a: int, b: int, given: frozenset[str]) -> bool:
    """Whether words a to b name an organisation by their own words, or are a run after "the" with
    no given name before a speech verb ("the Ostwald Verband said"); a title before, or a given
    name first, says person."""
    words = ctx.words
    if words[a] in given or ctx.before(a) in TITLES:
        return False
    if any(org_word(w, given) for w in words[a:b]):
        return True
    return b - a > 1 and ctx.before(a) == "the" and ctx.speech_after(b) and not demonym(words[a])


def club(words: list[str], a: int, b: int, sport: bool) -> bool:
    """A sports club's name: "Hartley United", "FC Romsey" anywhere; "Leicester City" in a
    sports report."""
    return any(w in CLUB_ALWAYS or sport and w in CLUB_WORDS for w in words[a:b])


def team_cue(ctx, a: int, b: int) -> bool:
    """A name next to a verb of a match: "Collingwood beat", "against Essendon"."""
    return (
        ctx.after(b) in TEAM_VERBS_AFTER
        or ctx.before(a) in TEAM_WORDS_BEFORE
        or ctx.after(b).replace("–", "-").count("-") == 1
        and ctx.after(b)[:1].isdigit()
    )


def place_after(ctx, b: int) -> int:
    """2 when a lowercase noun after the name joins it as a place ("the Tarvo bridge"), 1 when
    it makes it a place without joining ("Kamrup district"), else 0."""
    nxt = ctx.words[b] if b < len(ctx.words) else ""
    if nxt in PLACE_AFTER_JOINED:
        return 2
    return 1 if nxt in PLACE_AFTER else 0


def plural(noun: str) -> str:
    return noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else noun + "s"


PLACE_AFTER_PLURAL = frozenset(plural(w) for w in PLACE_AFTER)


def in_place_list(words: list[str], a: int, b: int) -> bool:
    """A name in a list that a plural place noun closes: each of "Marlow, Quenby and Orrin
    counties" or "the Elbe, Mulde and Saale rivers" is a place."""
    linked, i = a >= 2 and words[a - 1] in (",", "and") and words[a - 2][:1].isupper(), b
    while i + 1 < len(words) and words[i] in (",", "and"):
        i += 1 + (words[i] == "," and words[i + 1] == "and")
        if i >= len(words) or not words[i][:1].isupper():
            return False
        while i < len(words) and words[i][:1].isupper():
            i += 1  # "Black Butte"
        linked = True
    return linked and i < len(words) and words[i] in PLACE_AFTER_PLURAL


def road(ctx, a: int) -> bool:
    """ "the A14", "the M25", "Interstate 75"."""
    w = ctx.words[a]
    if w in ROAD_WORDS:
        return ctx.after(a + 1).isdigit()
    return ROAD.fullmatch(w) is not None and ctx.before(a) in ("the", "on", "off", "along", "via")


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


APPOSITION_ENDS = frozenset("of for in at with from who which that".split())


def org_apposition(ctx, b: int) -> bool:
    """A name followed by an apposition whose head is a kind of body: "Zentra, a rights group,
    said", "Tarnco, the state energy firm, said"."""
    if ctx.after(b) != "," or ctx.after(b + 1) not in ARTICLES:
        return False
    for k in range(b + 2, min(b + 11, len(ctx.words))):
        if ctx.after(k) in (",", "."):
            return k > b + 2 and ctx.after(k - 1) in KIND_OF_BODY
        if ctx.after(k) in APPOSITION_ENDS:  # not "the" or "'s": "the country's second union"
            return False  # "Separately, an employee of the ministry": the body is not its head
    return False


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


BODY_AFTER = words("name_evidence_body_after")  # "the Hands Off Our Coast movement"


def body_after(ctx, a: int, b: int) -> bool:
    """A run of capitalised words before a lower-case noun for a kind of body ("the Hands Off
    Our Coast movement", "the Lift the Cap campaign"), not a person's name before it."""
    return (
        ctx.after(b) in BODY_AFTER
        and ctx.words[a] not in given_names()
        and not demonym(ctx.words[a])
        and ctx.before(a) not in TITLES
    )


TOLD = frozenset(("told", "tells", "telling"))  # "told Kestrel": an outlet, not a person
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
