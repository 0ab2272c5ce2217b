"""Evidence for a name's type beyond its head word: organisation words in any position or language
("Deutsche Bahn", "the Jordanian Red Crescent"), sports clubs and the verbs of a match, roads
("the A14"; a street's own head word: name_heads.py), lowercase place nouns after a name ("the
Tarvo bridge"), what makes an all-capital word an organisation ("the FBI said", not "the GST
rate"), and a noun for a kind of body after a name or in an apposition ("the Hands Off Our Coast
movement", "Zentra, a rights group, said"). The roles and reporters around one word:
role_evidence.py.
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
ARTICLES = ("a", "an", "the")
MEMBERS_OF = words("name_evidence_members_of")  # "supporters of the KRF"


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
