"""Evidence from the whole entry: a name's short form after its full form ("Morvane" after
"Talia Morvane", "Kestrel" after "Kestrel Airlines"), and a country named as a sports team.
"""

from __future__ import annotations

from typing import Any

from corpus.extract.lexicons import DIRECTIONS, PLACE_PREPOSITIONS, STOP, TITLES, is_demonym
from corpus.extract.wordlists import words

# Words of a report on a match: two of them make an entry a sports one.
SPORT_WORDS = words("entry_context_sport_words")
# Heads of names whose first word is a brand ("Delta Airlines" -> "Delta"), not a place.
BRAND_HEADS = words("entry_context_brand_heads")


def is_sport(words: set[str]) -> bool:
    """Whether the entry's words (lower case) are a sports report's (two of SPORT_WORDS)."""
    return len(words & SPORT_WORDS) >= 2


def is_team(text: str, start: int, end: int) -> bool:
    """Whether a country name at text[start:end] of a sports entry stands for its team: not after a
    place preposition ("in Australia") and not before a title ("Australia Prime Minister")."""
    before = text[max(0, start - 12) : start].split()
    after = text[end : end + 12].split()
    return not (
        before and before[-1].lower() in PLACE_PREPOSITIONS or after and after[0].lower() in TITLES
    )


def short_forms(mentions) -> dict[str, Any]:
    """Short form -> the mention of the full name it stands for: a person's last word, and the
    first word of an organisation named after a brand ("Kestrel Airlines")."""
    short: dict[str, Any] = {}
    for m in mentions:
        words = m.canonical_name.split()
        if len(words) < 2 or m.method == "initialism":
            continue
        if m.type == "PERSON":
            short.setdefault(words[-1], m)
        elif (
            m.type == "ORG"
            and m.text.split()[0] == words[0]
            and words[0][1:].islower()
            and words[-1] in BRAND_HEADS
            and not is_demonym(words[0])
            and words[0] not in DIRECTIONS
            and words[0] not in STOP
        ):
            short.setdefault(words[0], m)
    return short
