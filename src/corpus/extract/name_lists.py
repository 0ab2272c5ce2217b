"""Places in a list share a type: an unknown name in a list of places the text types by evidence
is a place too ("Caldas de Orvane, Tarnel, Casel and Orvo", "hotels in Praia da Tarvo and
Orvel"). A list is three items or more ("A, B and C"; two joined by a comma are as often a name
and its apposition), or two joined by "and" after a preposition of place. Never a person's name
or a body's (a list of surnames is as common as one of towns; "Health, Labour and Welfare" sits
inside a ministry's name), nor from a town found by its name alone ("Rogers, Clarke and
Smith"), nor a given name, a word a possessive follows, or a list before a noun ("Iraqi,
Kelby and Tarn officials").
"""

from __future__ import annotations

from corpus.extract.lexicons import given_names
from corpus.extract.name_context import Name
from corpus.extract.place_evidence import PLACE_AT, before_a_noun, context_regions

LIST_WORDS = frozenset((",", "and", "or"))
LIST_OPENERS = frozenset((":", "•"))  # a list after a colon or a bullet opens a sentence
WEAK = frozenset(("capitalised",))  # a run typed by its capitals alone may take the list's type
POSSESSIVE = frozenset(("'s", "’s"))


def is_place(words: list[str], name: Name) -> bool:
    """Whether a name in the list is a place by more than its capitals: a one-word GeoNames
    place only when it is a country or a region (a town's name, even a city's, is as often a
    surname: "Henderson, Wilshere, Milner")."""
    s, e, kind, method = name
    if kind != "PLACE" or method in WEAK:
        return False
    return not (method.startswith("geonames") and e - s == 1 and words[s] not in context_regions())


def items(words: list[str], by_start: dict, by_end: dict, a: int, b: int) -> list:
    """The list of (start, end) names that the run a to b belongs to, in order: names joined by
    list words (`by_start`, `by_end`: every name and run by its first token and its end)."""
    found, s = [(a, b)], a
    while s > 1 and words[s - 1] in LIST_WORDS and s - 1 in by_end:
        found.insert(0, by_end[s - 1])
        s = found[0][0]
    e = b
    while e + 1 < len(words) and words[e] in LIST_WORDS and e + 1 in by_start:
        found.append(by_start[e + 1])
        e = found[-1][1]
    return found


def listed(words: list[str], group: list[tuple[int, int]]) -> bool:
    """Whether the names make a list: three or more, or two joined by "and" after a preposition
    of place."""
    if len(group) > 2:
        return True
    a = group[0][0]
    return (
        len(group) == 2
        and words[group[0][1]] in ("and", "or")
        and a > 0
        and words[a - 1].lower() in PLACE_AT
    )


def coordinated(words: list[str], names: list[Name], runs: list[tuple[int, int, bool]]) -> list:
    """`names` with the untyped or weakly typed runs (start, end, opens a sentence) that a list
    of places types as places."""
    if not any(
        b < len(words) and words[b] in LIST_WORDS or a > 0 and words[a - 1] in LIST_WORDS
        for a, b, _ in runs
    ):
        return names  # no run in a list (most texts)
    found = {(s, e): (s, e, t, m) for s, e, t, m in names}
    candidates = [
        (a, b)
        for a, b, sentence in runs
        if ((a, b) not in found or found[a, b][3] in WEAK)
        and (not sentence or a > 0 and words[a - 1] in LIST_OPENERS)
        and words[a] not in given_names()
        and (b >= len(words) or words[b] not in POSSESSIVE)
        and not before_a_noun(words, b)
    ]
    members = [*found, *((a, b) for a, b, _ in runs)]
    by_start = {s: (s, e) for s, e in members}
    by_end = {e: (s, e) for s, e in members}
    typed = {k for k, n in found.items() if is_place(words, n)}
    changed = True
    while changed and candidates:
        changed = False
        for a, b in list(candidates):
            group = items(words, by_start, by_end, a, b)
            if listed(words, group) and any(g in typed for g in group):
                found[a, b] = (a, b, "PLACE", "context")
                typed.add((a, b))
                candidates.remove((a, b))
                changed = True
    return sorted(found.values())
