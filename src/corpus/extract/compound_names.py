"""Runs of capitalised words that hold a listed place and more, or a lower-case particle: one
name, typed by its first word and the words around it.

* A particle inside ("Caldas de Monchique", "Maria do Carmo Neves"): a person's name after a
  given name, a place's after a place's lead word ("São", "Vila"), a listed place, "the" or a
  preposition of place.
* A listed place opening a longer run ("Kelby Brandt", "Chelsea Orrin"): a body where the words
  around it say so (`person_evidence.org_cue`: "the auditing firm Kelby Brandt"), a person after
  a title or an occupation ("backbencher Chelsea Orrin").
"""

from __future__ import annotations

from corpus.extract.lexicons import (
    NAME_PARTICLES,
    ORG_HEADS,
    PLACE_HEADS,
    PLACE_LEADS,
    given_names,
)
from corpus.extract.name_context import Context, Known, Name, Segment, single_name
from corpus.extract.name_heads import ATTACHED, by_head
from corpus.extract.person_evidence import org_cue, person_cue
from corpus.extract.place_context import nations
from corpus.extract.place_evidence import place_cue_before


def particle_inside(words: list[str], a: int, b: int) -> bool:
    """A lower-case name particle between the run's first and last words ("de", "da", "do")."""
    return any(words[i] in NAME_PARTICLES and words[i].islower() for i in range(a + 1, b - 1))


def compound_name(seg: Segment, ctx: Context, inside: list[Known]) -> list[Name] | None:
    """The run as one name, when a particle or a listed place opening it says what it is (see
    the module's docstring); None when the run's other evidence decides."""
    words, a, b = ctx.words, seg.start, seg.end
    first, last = words[a], words[b - 1]
    if b - a < 2 or last in ORG_HEADS or last in PLACE_HEADS or by_head(words, a, b) == "ORG":
        return None  # "Charles de Gaulle Airport", "Delta Air Lines": its head words decide
    if any(k.type != "PLACE" for k in inside):
        return None  # a listed body or person inside: its own rules
    opens = bool(inside) and inside[0].start == a
    if particle_inside(words, a, b):
        if first in given_names() and first not in PLACE_LEADS:
            return [(a, b, "PERSON", "given-name")]  # "Maria do Carmo Neves"
        if (
            first in PLACE_LEADS
            or opens
            or place_cue_before(ctx, a)
            or ctx.before(a) in ("the", "of")
        ):
            return [(a, b, "PLACE", "head-word")]  # "Caldas de Monchique", "São Marcos da Serra"
        return None
    rest = words[inside[0].end : b] if opens else []
    if not rest or first in nations() or not all(single_name(w) or w in ATTACHED for w in rest):
        return None
    if org_cue(ctx, a, b):
        return [(a, b, "ORG", "context")]  # "the auditing firm Kelby Brandt", "shares in .."
    if seg.title_before or person_cue(ctx, a, b):
        return [(a, b, "PERSON", "context")]  # "backbencher Chelsea Orrin"
    return None
