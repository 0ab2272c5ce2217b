"""The type of a run of capitalised words, from its own words and the words around it: a head word
("Council", "Street"), a given name, an initialism, a title before it, a speech verb after it, a
place preposition ("in X"), a source cue ("X reports", "according to X"). A run that is exactly
one known span is retyped in known_runs.py.
"""

from __future__ import annotations

from corpus.extract.compound_names import compound_name
from corpus.extract.initialisms import acronym_after
from corpus.extract.known_runs import known_run
from corpus.extract.lexicons import (
    DIRECTIONS,
    NAME_PARTICLES,
    NOT_NAME_HEADS,
    ORG_HEADS,
    ORG_NOUNS,
    PLACE_HEADS,
    STOP,
    TITLES,
    given_names,
    is_initialism,
)
from corpus.extract.name_context import Context, Known, Name, Segment, demonym, single_name
from corpus.extract.name_evidence import (
    adjective,
    body_after,
    club,
    in_place_list,
    org_evidence,
    place_after,
)
from corpus.extract.name_heads import ATTACHED, LINKS, SURNAME_HEADS, advocacy, by_head, facility
from corpus.extract.name_runs import named_after_the
from corpus.extract.person_evidence import org_cue, person_cue
from corpus.extract.place_context import nations
from corpus.extract.place_evidence import compass_district, listed_with_towns, place_cue_before
from corpus.extract.role_evidence import (
    ORG_ROLES_AFTER,
    TOLD,
    party_plural,
    role_after_possessive,
    role_apposition,
)
from corpus.extract.run_split import given_stop
from corpus.extract.single_word import single
from corpus.extract.wordlists import words

PLACE_AT = words("name_types_place_at")  # "in X"
PERSON_LABELS = frozenset(("title", "apposition", "speech"))  # entities.MATCH_PATTERNS' labels
STATE_WORDS = frozenset(("Republic", "Kingdom", "Emirates", "Federation"))  # after a demonym


def type_segment(seg: Segment, ctx: Context, inside: list[Known]) -> list[Name]:
    """The names in a segment, given the known spans inside it (one word: `type_word`)."""
    words, a, b = ctx.words, seg.start, seg.end
    if b - a == 1:
        return type_word(seg, ctx, inside)
    last, first = words[b - 1], words[a]
    if b - a > 2 and advocacy(words, a, b):
        return [(a, b, "ORG", "head-word")]  # "Voters for a Fair Deal": no event's name
    if last in NOT_NAME_HEADS or first in ATTACHED:  # an event's name keeps the listed names in it
        return [
            (k.start, k.end, k.type, k.label) for k in inside if k.label.startswith("gazetteer")
        ]
    if (
        1 < b - a <= 3
        and party_plural(last)
        and not demonym(first)
        and all(single_name(w) or w in ATTACHED for w in words[a : b - 1])
    ):
        return [(a, b, "ORG", "head-word")]  # "the Ostrava Democrats", "the Kent Greens"
    if b - a > 1 and last.isupper() and last.lower() in ORG_ROLES_AFTER:  # "a Kaldor MP"
        return type_segment(seg._replace(end=b - 1), ctx, [k for k in inside if k.end < b])
    exact = len(inside) == 1 and (inside[0].start, inside[0].end) == (a, b)
    compound = None if exact or b - a < 2 else compound_name(seg, ctx, inside)
    if compound is not None:
        return compound  # "Caldas de Monchique", "backbencher Chelsea Orrin"
    if (
        b - a > 2
        and seg.sentence_start
        and first not in given_names()
        and words[a + 1] in given_names()
        and all(single_name(w) or w in ATTACHED for w in words[a:b])
        and not any(k.label.startswith("gazetteer") for k in inside)
    ):
        return [(a + 1, b, "PERSON", "given-name")]  # "Commuter Daniel Achterberg": no job word
    if exact and inside[0].label not in PERSON_LABELS:
        return known_run(seg, ctx, inside[0])
    if not inside and b - a > 1 and compass_district(words, a, b):
        return [(a, b, "PLACE", "head-word")]  # "Hamilton West": a district, not a person
    # a listed name inside ("Senate GOP": keep "GOP")
    listed = bool(inside) and any(k.label.startswith("gazetteer") for k in inside)
    # "told the X": "the" before no person
    if b - a > 1 and not listed and ctx.before(a) == "the" and ctx.before(a, 2) in TOLD:
        return [(a, b, "ORG", "context")]  # "told the Marlow Courier": an outlet, no person
    if inside and b - a > 2 and words[a + 1].lower() in LINKS and by_head(words, a, b) == "ORG":
        return [(a, b, "ORG", "head-word")]  # "Council on Arctic Water Security": one name
    if b - a > 1 and demonym(first) and last in STATE_WORDS:
        return [(a, b, "PLACE", "head-word")]  # "the Dominican Republic"
    if ctx.before(a) in ORG_NOUNS and not inside and first not in given_names():
        return [(a, b, "ORG", "context")]  # "operator TarnRail", "water company Orvo-Vodna"
    if b - a > 1 and is_initialism(first) and first.lower() in ORG_NOUNS:
        if words[a + 1] not in given_names() and not any(k.start == a for k in inside):
            return [(a + 1, b, "ORG", "context")]  # "the NGO Zentra": the class word is no part
    if (
        seg.sentence_start
        and first.lower() in ORG_NOUNS
        and b - a > 1
        and not inside
        and words[a + 1] not in LINKS
    ):
        return [(a + 1, b, "ORG", "context")]  # "Utility GridVolt said": the role opens it
    if b - a > 1 and not listed and body_after(ctx, a, b):
        return [(a, b, "ORG", "context")]  # "the Hands Off Our Coast movement"
    if b - a > 1 and (kind := facility(ctx, a, b)):
        return [(a, b, kind, "head-word")]  # "at the Orvo Events Centre"
    if seg.title_before and last not in ORG_HEADS and not inside and by_head(words, a, b) is None:
        return [(a, b, "PERSON", "context")] if b - a > 1 or single_name(last) else []
    if b - a > 1 and not listed and club(words, a, b, ctx.sport):
        return [(a, b, "ORG", "context")]  # "Hartley United", "FC Romsey"
    if b - a == 2 and last in SURNAME_HEADS and first in given_names():
        if place_cue_before(ctx, a):
            return [(a, b, "PLACE", "head-word")]  # "crowds in Helen Park"
        return [(a, b, "PERSON", "given-name")]  # "Helen Park said", "Tom Ridge"
    if b - a > 1 and not inside and last not in PLACE_HEADS and acronym_after(ctx, b):
        return [(a, b, "ORG", "head-word")]  # "the Orvish Fire Information System (OFIS)"
    head = by_head(words, a, b) if b - a > 1 else None
    if head:
        return [(a, b, head, "head-word")]
    if b - a > 1 and not listed and org_evidence(ctx, a, b, given_names()):
        return [(a, b, "ORG", "head-word")]  # "Deutsche Bahn said", "the Jordanian Red Crescent"
    after = place_after(ctx, b) or in_place_list(words, a, b)
    if after and all(single_name(w) or w in ATTACHED for w in words[a:b]) and not adjective(first):
        return [(a, b + (after == 2), "PLACE", "place-context")]  # "Orvo airport"
    if exact:
        return [(a, b, inside[0].type, inside[0].label)]
    if inside:
        return around_known(seg, ctx, inside)
    if is_initialism(first) and all(single_name(w) or w in ORG_HEADS for w in words[a + 1 : b]):
        return [(a, b, "ORG", "initialism")]  # "CTI TV", "BBC News"
    plain = all(
        single_name(w) or i == a and given_stop(words, a, b, seg.sentence_start)  # "Will Orrin"
        for i, w in enumerate(words[a:b], a)
        if w not in ATTACHED and w not in NAME_PARTICLES
    )
    if plain and not ctx.sport and not ctx.speech_after(b) and listed_with_towns(words, a, b):
        return [(a, b, "PLACE", "capitalised")]  # "the airports of Haiphong, Van Kieu and ...":
        # weak evidence (a surname the blog gives outranks it, and the blog does not repeat it)
    if plain and org_cue(ctx, a, b) and not person_cue(ctx, a, b):
        return [(a, b, "ORG", "context")]  # "The Hallam Retail Forum said": no person
    if plain and (
        first in given_names()
        or ctx.speech_after(b)
        or ctx.speech_before(a)
        or role_apposition(ctx, a, b)
        or person_cue(ctx, a, b)
    ):
        return [(a, b, "PERSON", "given-name" if first in given_names() else "context")]
    if b - a > 3 and words[a + 2] == "of" and named_after_the(words, a, a + 2):
        return [(a, b, "ORG", "head-word")]  # "the Economic Union of Varnian States"
    if demonym(first):
        return type_segment(Segment(a + 1, b, False, False), ctx, []) if b - a > 2 else []
    if (
        all(single_name(w) or w in DIRECTIONS for w in words[a:b] if w not in NAME_PARTICLES)
        and not seg.sentence_start
        and place_cue_before(ctx, a)
        and b - a <= 3
        and not demonym(last)
        and single_name(last)
        and not last.endswith("s")
    ):
        return [(a, b, "PLACE", "place-context")]  # "fighting around El Orvana"
    names = [  # the words, a particle and its hyphen apart ("Abu Bakr al-Fadl": three)
        w
        for i, w in enumerate(words[a:b], a)
        if w not in NAME_PARTICLES and not (w in ATTACHED and words[i - 1] in NAME_PARTICLES)
    ]
    if (
        plain
        and 1 < len(names) <= 4 - seg.sentence_start
        and first not in DIRECTIONS
        and not demonym(last)
        and not last.endswith("s")
        and ctx.after(b) not in TITLES
        and ctx.before(a) != "the"
    ):  # "the Grand Orvella": no person follows "the"
        return [(a, b, "PERSON", "capitalised")]
    return []


def type_word(seg: Segment, ctx: Context, inside: list[Known]) -> list[Name]:
    """`type_segment` of a one-word segment: only its tests that can hold for one word, in the
    same order."""
    words, a, b = ctx.words, seg.start, seg.end
    w = words[a]
    if w in NOT_NAME_HEADS or w in ATTACHED:
        return [
            (k.start, k.end, k.type, k.label) for k in inside if k.label.startswith("gazetteer")
        ]
    exact = len(inside) == 1 and (inside[0].start, inside[0].end) == (a, b)
    if exact and inside[0].label not in PERSON_LABELS:
        return known_run(seg, ctx, inside[0])
    if ctx.before(a) in ORG_NOUNS and not inside and w not in given_names():
        return [(a, b, "ORG", "context")]  # "operator TarnRail"
    if seg.title_before and w not in ORG_HEADS and not inside and by_head(words, a, b) is None:
        return [(a, b, "PERSON", "context")] if single_name(w) else []
    after = place_after(ctx, b) or in_place_list(words, a, b)
    if after and single_name(w) and not adjective(w) and not seg.sentence_start:
        return [(a, b + (after == 2), "PLACE", "place-context")]  # "Orvo airport"
    if exact:
        return [(a, b, inside[0].type, inside[0].label)]
    if inside:
        return around_known(seg, ctx, inside)
    return single(seg, ctx)


def around_known(seg: Segment, ctx: Context, inside: list[Known]) -> list[Name]:
    """A segment holding known names: the whole of it where its other words make one name with
    them ("Central Asia", "Sands China", "Mackenzie Arnold"), else the known names and the rest
    typed apart."""
    words, a, b = ctx.words, seg.start, seg.end
    k = inside[-1]
    if (
        len(inside) == 1
        and k.start == a
        and k.type == "ORG"
        and b - k.end > 1
        and is_initialism(words[a])
        and words[k.end] not in given_names()
        and all(single_name(w) for w in words[k.end : b])
    ):
        return [(a, b, "ORG", "head-word")]  # "the EU Civil Shelter Mechanism": one body
    if len(inside) == 1 and k.start == a and k.type == "PLACE" and k.end < b:
        if all(w in DIRECTIONS for w in words[k.end : b]):
            return [(a, b, "PLACE", "head-word")]  # "Kelby Central", "Orvo West": a district
        if (
            b - k.end == 1
            and single_name(words[k.end])
            and words[a] not in given_names()
            and place_cue_before(ctx, a)
        ):
            return [(a, b, "PLACE", "head-word")]  # "the village of Dunedin Mare": one place
    if len(inside) == 1 and k.end == b and k.type == "PLACE" and k.start > a:
        prefix = words[a : k.start]
        if all(w in DIRECTIONS for w in prefix):
            return [(a, b, "PLACE", "head-word")]
        person_cue = seg.title_before or len(prefix) > 1 and ctx.speech_after(b)
        if (prefix[0] in given_names() or person_cue and single_name(prefix[0])) and all(
            w in NAME_PARTICLES for w in prefix[1:]
        ):  # "Mia Breda", "Maarten van Breda said": a person named like a place
            return [(a, b, "PERSON", "given-name")]
        country = k.label.startswith("gazetteer") or k.label.split(":")[-1] in nations()
        if (
            country
            and (not seg.sentence_start or role_after_possessive(ctx, b))  # "Reform Chile's MP"
            and not demonym(prefix[0])
            and all(w not in STOP for w in prefix)
        ):
            return [(a, b, "ORG", "capitalised")]  # "Sands China", "Global Affairs Canada"
        if (
            len(prefix) == 1
            and not seg.sentence_start
            and ctx.before(a) in PLACE_AT
            and single_name(prefix[0])
            and not adjective(prefix[0])
        ):
            return [(a, b, "PLACE", "place-context")]  # "at Te Orvo in Kelby": one place
    if len(inside) == 1 and k.type == "PERSON" and not k.label.startswith("gazetteer"):
        return [(a, b, "PERSON", k.label)]  # "Lio Ka" of "Lio Ka-Wen"
    if len(inside) > 1 and all(j.type == "PERSON" for j in inside):
        covered = {i for j in inside for i in range(j.start, j.end)}
        if all(words[i] in ATTACHED for i in range(a, b) if i not in covered):
            return [(a, b, "PERSON", inside[0].label)]  # "Mayor Jean-Luc Fabrin said": one
    out, at = [], a
    for k in inside:
        if k.start > at:
            gap = Segment(at, k.start, seg.sentence_start and at == a, False)
            out += type_segment(gap, ctx, [])
        out.append((k.start, k.end, k.type, k.label))
        at = k.end
    if at < b:
        out += type_segment(Segment(at, b, False, False), ctx, [])
    return out
