"""Which of a sentence's attributions credits one of its numbers: "according to X" first, unless
it credits an earlier clause; then the nearest attribution before the number, then the nearest
after it; and whether a number stands inside a quotation (its speaker may be in another
sentence).
"""

from __future__ import annotations


def choose(
    found: list[tuple[int, str, str]], position: int, sentence: str = ""
) -> tuple[str, str] | None:
    """(kind, source) crediting the number at position: 'according to' first, unless it stands
    in an earlier clause of the sentence (`sentence`) than the number, then the nearest
    attribution before the number, then the nearest after it. A verb of data ("recorded")
    credits a number only in a sentence where no one speaks ("The station recorded 45C, the
    institute said": the institute)."""
    if any(kind == "data" for _, kind, _ in found):
        if any(kind == "verb" for _, kind, _ in found):
            found = [f for f in found if f[1] != "data"]
        found = [(pos, "verb" if kind == "data" else kind, who) for pos, kind, who in found]
    for pos, kind, who in found:
        if kind == "according" and who and not earlier_clause(sentence, found, pos, position):
            return kind, who
    if sentence:
        found = [f for f in found if f[1] != "according"]  # each credits an earlier clause
    before = [(kind, who) for pos, kind, who in found if pos < position]
    after = [(kind, who) for pos, kind, who in found if pos >= position]
    return before[-1] if before else (after[0] if after else None)


def earlier_clause(sentence: str, found: list, pos: int, position: int) -> bool:
    """Whether an attribution at pos credits an earlier clause than the number at position:
    another attribution stands between them ("according to X, and Y said 40 were stranded"),
    or a new clause opens between them (", and", ";") that an attribution after the number
    credits ("according to X, and forced 12 million from their homes, Y says")."""
    if not sentence or pos >= position:
        return False
    if any(kind == "verb" and pos < p < position for p, kind, _ in found):
        return True
    between = sentence[pos:position]
    new_clause = ", and " in between or "; " in between
    return new_clause and any(kind == "verb" and p > position for p, kind, _ in found)


def in_quote(paragraph: str, offset: int) -> bool:
    before = paragraph[:offset]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1
