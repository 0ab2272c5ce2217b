"""One capitalised word that no list knows, typed only by strong evidence around it: an
initialism acting as a body ("the FBI said"), a camel-case brand, a road, a place noun or
preposition of place, a party's or body's role after it, a speech verb or title for a person.
"""

from __future__ import annotations

from corpus.extract.initialisms import camel_case, initialism_is_org
from corpus.extract.lexicons import (
    ORG_HEADS,
    ORG_NOUNS,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
    STOP,
    given_names,
    is_initialism,
)
from corpus.extract.name_context import Context, Name, Segment, demonym, single_name
from corpus.extract.name_evidence import (
    ROAD,
    ROAD_WORDS,
    adjective,
    in_place_list,
    org_apposition,
    org_evidence,
    place_after,
    road,
    team_cue,
)
from corpus.extract.name_heads import street
from corpus.extract.place_context import context_places
from corpus.extract.place_evidence import (
    listed_with_towns,
    place_cue_before,
    placed_name,
)
from corpus.extract.role_evidence import (
    org_role,
    outlet,
    party_cue,
    party_member,
    role_modifier,
    small_place,
)
from corpus.extract.wordlists import words

ALONG = frozenset(("along", "alongside"))  # "along the Vessa overnight": a river or a coast
CHAMBERS = words("chambers")  # "the House", "the Commons"
# Prepositions of place before "the" and a name: a region, a river, a range ("in the Orvane",
# "along the Vessa", "above the Tarn"); not "at the" (a venue or a body) nor "to the".
AROUND_THE = frozenset(
    "in near across throughout around along alongside above below beyond off".split()
)


# What `single` asks of the word itself, as bits (`word_classes`): an initialism, camel case, a
# road's shape, a street's name, a word of a name, a demonym, an adjective of a people, lower case
# after its capital, and a body's head so written ("Labour").
INITIALISM, CAMEL, ROAD_LIKE, STREET, NAME, DEMONYM, ADJECTIVE, LOWER, ORG_HEAD = (
    1 << i for i in range(9)
)
WORD_CLASSES: dict[str, int] = {}


def word_classes(word: str) -> int:
    """The word's classes for `single` (computed once per word)."""
    found = WORD_CLASSES.get(word)
    if found is None:
        lower = word[1:].islower()
        found = WORD_CLASSES[word] = (
            is_initialism(word) * INITIALISM
            | camel_case(word) * CAMEL
            | (word in ROAD_WORDS or ROAD.fullmatch(word) is not None) * ROAD_LIKE
            | street(word) * STREET
            | single_name(word) * NAME
            | demonym(word) * DEMONYM
            | adjective(word) * ADJECTIVE
            | lower * LOWER
            | (lower and word in ORG_HEADS) * ORG_HEAD
        )
    return found


def single(seg: Segment, ctx: Context) -> list[Name]:
    """One capitalised word: typed only by strong evidence around it."""
    a = seg.start
    w = ctx.words[a]
    c = word_classes(w)
    if c & INITIALISM:  # "the FBI said", not "the GST rate"
        return [(a, a + 1, "ORG", "initialism")] if initialism_is_org(ctx, a) else []
    if c & CAMEL:  # "SkyLink", "CityNews": a brand or a site, not a person or place
        return [(a, a + 1, "ORG", "head-word")]
    if c & ROAD_LIKE and road(ctx, a):
        return [(a, a + 1 + ctx.after(a + 1).isdigit(), "PLACE", "place-context")]  # "the A14"
    if (
        c & STREET
        or not seg.sentence_start
        and c & (NAME | ADJECTIVE) == NAME
        and (place_after(ctx, a + 1) or in_place_list(ctx.words, a, a + 1))
    ):
        return [(a, a + 1 + (place_after(ctx, a + 1) == 2), "PLACE", "place-context")]
    if c & (LOWER | DEMONYM) == LOWER and party_cue(ctx, a):
        return [(a, a + 1, "ORG", "context")]  # "the ruling Harmony party"
    if c & ORG_HEAD and not seg.sentence_start and role_modifier(ctx, a, False):
        return [(a, a + 1, "ORG", "context")]  # "the Labour leader", not "Police spokesman X"
    if c & ORG_HEAD and seg.sentence_start and party_member(ctx, a):
        return [(a, a + 1, "ORG", "context")]  # "Labour leader Ana Rees said"
    if c & (DEMONYM | NAME) == DEMONYM | NAME and placed_name(ctx, a, seg.sentence_start):
        return [(a, a + 1, "PLACE", "place-context")]  # "near Zalingei in March"
    if c & (NAME | DEMONYM) != NAME:
        return []
    person_or_place = w in given_names() or w in context_places()  # "a Bristol MP": a place
    if not person_or_place and (
        org_role(ctx, a, seg.sentence_start)
        or org_apposition(ctx, a + 1)
        or outlet(ctx, a)
        or seg.sentence_start
        and role_modifier(ctx, a, True)
    ):
        return [(a, a + 1, "ORG", "context")]  # "a Kaldor MP", "Ostrel's chief executive"
    if w not in given_names() and party_member(ctx, a) and small_place(w):
        return [(a, a + 1, "ORG", "context")]  # "Kaldor's new MP", not "Bristol's new MP"
    if seg.sentence_start:
        return []
    if not ctx.sport and not ctx.speech_after(a + 1) and listed_with_towns(ctx.words, a, a + 1):
        return [(a, a + 1, "PLACE", "capitalised")]  # "won Rongora and Dunedin North": weak
    if ctx.source(seg):
        return [(a, a + 1, "ORG", "source-context")]
    prev = ctx.before(a)
    if ctx.sport and team_cue(ctx, a, a + 1):
        return [(a, a + 1, "ORG", "context")]
    if org_evidence(ctx, a, a + 1, given_names()):
        return [(a, a + 1, "ORG", "head-word")]
    nxt = ctx.after(a + 1)
    if prev == "the" and w in CHAMBERS:
        return [(a, a + 1, "ORG", "context")]  # "in the House", "the Commons voted"
    if (
        prev == "the"
        and ctx.before(a, 2) in AROUND_THE
        and not ctx.speech_after(a + 1)
        and (
            ctx.before(a, 2) in ALONG
            or not (nxt.isalpha() and ctx.words[a + 1].islower() and nxt not in STOP)
        )
    ):
        return [(a, a + 1, "PLACE", "place-context")]  # "in the Orvane", not "in the X community"
    if prev == "the" and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return [(a, a + 1, "ORG", "context")]  # "the Lionesses", "the Greens said"
    if prev in ORG_NOUNS:
        return [(a, a + 1, "ORG", "context")]  # "news agency Xinhua", "the utility Orvessa said"
    if prev == "the" and ctx.speech_after(a + 1) and not seg.title_before:
        return [(a, a + 1, "ORG", "context")]  # "The Exchequer said": no person follows "the"
    if (seg.title_before or ctx.speech_after(a + 1)) and prev not in PLACE_PREPOSITIONS:
        return [(a, a + 1, "PERSON", "context")]
    if prev in PLACE_NOUNS or prev == "of" and ctx.before(a, 2) in PLACE_NOUNS:
        return [(a, a + 1, "PLACE", "place-context")]  # "the island of Kinmen"
    if place_cue_before(ctx, a) and not nxt.startswith(("'", "’")) and not nxt[:1].isdigit():
        return [(a, a + 1, "PLACE", "place-context")]
    return []
