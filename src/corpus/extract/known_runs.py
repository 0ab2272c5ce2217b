"""The type of a run that is exactly one known span (a listed or GeoNames name, a pattern's
match), retyped by the words around it: a person after a title ("Dr. Lau"), a club in a sports
report, a small town's name used as a party's or an outlet's, a place a noun after it joins ("the
Tarvo bridge"). name_types.py types the other runs.
"""

from __future__ import annotations

from corpus.extract.name_context import Context, Known, Name, Segment
from corpus.extract.name_evidence import place_after, team_cue
from corpus.extract.role_evidence import outlet_place, party_place


def known_run(seg: Segment, ctx: Context, k: Known) -> list[Name]:
    """A segment that is exactly one known span, not a person pattern's: the span, retyped by the
    words around it."""
    a, b = seg.start, seg.end
    if seg.title_before and k.label.startswith("geonames") and b - a == 1:
        return [(a, b, "PERSON", "context")]  # "Dr. Lau": a person, whatever place is so named
    if k.type != "PLACE":
        return [(a, b, k.type, k.label)]
    if ctx.sport and team_cue(ctx, a, b):
        return [(a, b, "ORG", "context")]  # "Collingwood beat Essendon": the clubs
    if b - a == 1 and k.label.startswith("geonames"):  # (else neither test below holds)
        if party_place(ctx, a, k.label, seg.sentence_start):
            return [(a, b, "ORG", "context")]  # "the ruling Harmony party", "Green co-leader X"
        if outlet_place(ctx, a, k.label):
            return [(a, b, "ORG", "source-context")]  # "witnesses told Meriden": an outlet
    if place_after(ctx, b) == 2:
        return [(a, b + 1, "PLACE", k.label)]  # "the Tarvo bridge"
    return [(a, b, k.type, k.label)]
