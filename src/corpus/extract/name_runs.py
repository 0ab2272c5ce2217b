"""Runs of capitalised words that may be names (`segments`): a run goes on over name particles,
hyphenated parts, "of"/"for"/"and" inside an organisation's or place's name and a possessive inside
a body's ("Sheriff's Office"); `run_split.split` then cuts it into names.
"""

from __future__ import annotations

from corpus.extract.lexicons import (
    CALENDAR,
    NAME_PARTICLES,
    ORG_HEADS,
    ORG_LEADS,
    ORG_WORDS,
    PLACE_HEADS,
    PLACE_LEADS,
    STOP,
    TITLES,
    given_names,
    is_capitalised,
)
from corpus.extract.name_context import Segment
from corpus.extract.name_heads import ATTACHED
from corpus.extract.run_split import POSSESSIVE, split
from corpus.extract.wordlists import words

PLURAL_APOSTROPHES = frozenset(("'", "’"))  # "the Workers' Union"
# Words before a possessive inside an organisation's or place's name ("Sheriff's Office").
OWNERS = TITLES | words("candidates_owners")
COMPOUND_ENDS = words("candidates_compound_ends")  # "Soviet-era": an adjective, not a name
# Words joining a lead word to the rest of a name, and articles after them ("Council on Arctic
# Security", "Movement for a Better Varnia", "Centre for the Return of Prisoners").
LINKS = frozenset(("of", "for", "on"))
ARTICLES = frozenset(("the", "a"))
SAINTS = frozenset(("St", "Saint"))  # a saint's name owns what follows it
CONNECTING = LINKS | {"and", "&"}  # the only words `connects` can find joining a name (lower case)


def upper_initials(words: list[str]) -> list[int]:
    """Positions of the words whose first character is upper case."""
    return [i for i, w in enumerate(words) if w[:1].isupper()]


def segments(
    words: list[str], spaces: list[int], capitals: list[int] | None = None
) -> list[Segment]:
    """Runs of capitalised words (with name particles, hyphenated parts and 'of'/'for' inside an
    organisation's name), split at title words, calendar words and leading stop words;
    `capitals`: upper_initials(words), when known already."""
    found, n, i = [], len(words), 0
    for start in upper_initials(words) if capitals is None else capitals:
        if start < i:
            continue  # inside the last run
        first = words[start]
        if first in STOP and not (start + 1 < n and words[start + 1][:1].isupper()):
            continue  # "The", "He": a capitalised word that opens no name
        if (
            not is_capitalised(first)
            or start
            and words[start - 1] in ("#", "@", "/")
            and not spaces[start - 1]
        ):
            continue  # a hashtag, a handle, a link's path
        j, linked = start + 1, False
        while j < n:
            w = words[j]
            c = RUN_CLASSES.get(w)
            if c is None:
                c = run_classes(w)
            if c & CAPITAL and spaces[j - 1]:
                j += 1  # (no capitalised word is ATTACHED: the first test below)
            elif not c & LINKING:
                break  # no test below holds for it
            elif (
                not spaces[j - 1]
                and w in ATTACHED
                and j + 1 < n
                and not spaces[j]
                and words[j + 1][:1].isalpha()
            ):
                if (
                    words[j + 1] in COMPOUND_ENDS
                    or words[j + 1].endswith("ed")
                    or j == start + 1
                    and words[j + 1].islower()
                ):
                    break  # "Moscow-backed", "Soviet-era", "Ex-friends": an adjective or noun
                j += 2  # "Ka-Hin", "Shuk-kwan"
            elif (
                w in NAME_PARTICLES
                and j + 2 < n
                and (is_capitalised(words[j + 1]) or words[j + 1] in NAME_PARTICLES)
            ):
                j += 1
            elif w in NAME_PARTICLES and hyphened_particle(words, spaces, j):
                j += 3  # "Ahmed al-Omda", "Abu Bakr al-Fadl": the particle and its name
            elif w.lower() in CONNECTING and connects(words, start, j, linked):
                linked = True
                j += 2 if words[j + 1] in ARTICLES else 1
            elif (
                w in POSSESSIVE
                and not spaces[j - 1]
                and (words[j - 1].lower() in OWNERS or words[start] in SAINTS)
                and j + 1 < n
                and is_capitalised(words[j + 1])
            ):
                j += 1  # "Sheriff's Office", "Children's Hospital", "St Mary's Hospital"
            elif w in PLURAL_APOSTROPHES and plural_possessive(words, spaces, j):
                j += 1  # "the Workers' Union", "Farmers' Federation"
            else:
                break
        found += split(words, start, j)
        i = j
    return found


# What `segments` asks of a word that may carry a run on, as bits (`run_classes`): capitalised,
# or one of the words that may join a run (hyphen, particle, connector, possessive, apostrophe).
CAPITAL, LINKING = 1, 2
RUN_CLASSES: dict[str, int] = {}


def run_classes(word: str) -> int:
    """The word's classes for `segments` (computed once per word)."""
    found = RUN_CLASSES[word] = (
        is_capitalised(word) * CAPITAL
        | (
            word in ATTACHED
            or word in NAME_PARTICLES
            or word.lower() in CONNECTING
            or word in POSSESSIVE
            or word in PLURAL_APOSTROPHES
        )
        * LINKING
    )
    return found


def hyphened_particle(words: list[str], spaces: list[int], j: int) -> bool:
    """Whether the particle at j is joined by a hyphen to a capitalised name ("al-Omda",
    "el-Sayed") after a space, so both belong to the name before it."""
    return (
        j + 2 < len(words)
        and bool(spaces[j - 1])
        and not spaces[j]
        and not spaces[j + 1]
        and words[j + 1] in ("-", "‐")
        and is_capitalised(words[j + 2])
    )


def plural_possessive(words: list[str], spaces: list[int], j: int) -> bool:
    """Whether the apostrophe at j joins a plural to the rest of a body's or place's name: a
    plural before it, a space after it, and capitalised words ending in a head word after it
    ("the Workers' Union", "the Teachers' Council"), not "the Smiths' car"."""
    if words[j] not in PLURAL_APOSTROPHES or spaces[j - 1] or not spaces[j]:
        return False
    if not words[j - 1].endswith("s") or words[j - 1].endswith(("ss", "us", "is")):
        return False
    k = j + 1
    while k < len(words) and is_capitalised(words[k]) and spaces[k - 1]:
        k += 1
    return k > j + 1 and (words[k - 1] in ORG_HEADS or words[k - 1] in PLACE_HEADS)


def connects(words: list[str], start: int, j: int, linked: bool) -> bool:
    """Whether the connector at j carries on the organisation's or place's name begun at start:
    "of"/"for" (and "of the") right after a lead word that opens the name or follows one modifier
    ("Council of Europe", "Korean Centers for Disease Control"), then "and" unless an organisation
    of its own follows ("Ministry of Health and Welfare", not "... and Hospital Authority")."""
    w = words[j].lower()
    nxt = j + 2 if j + 2 < len(words) and words[j + 1] in ARTICLES and w in LINKS else j + 1
    if nxt >= len(words) or not is_capitalised(words[nxt]) or words[nxt] in CALENDAR:
        return False
    while start < j and words[start] in STOP:
        start += 1  # "The Colorado Department of ..."
    if w in LINKS and not linked:
        if w == "for" and j - start == 1 and words[start].endswith("s"):
            return words[start][-2:] not in ("ss", "us", "is")  # "Citizens for Fair Roads"
        apostrophes = sum(words[i] in PLURAL_APOSTROPHES for i in range(start, j))
        hyphened = j - start == 3 and words[j - 2] in ATTACHED  # "Directorate-General of"
        if (j - start - apostrophes <= 2 or hyphened) and (  # "the Workers' Party of Varnia"
            words[j - 1 - 2 * hyphened] in ORG_LEADS or words[j - 1] in PLACE_LEADS
        ):
            return True
        return w == "of" and named_after_the(words, start, j)
    if w == "&":
        return True  # "Harlow & Finch"
    if w == "of":  # "Centre for the Return of Captives", not "... of the Department of Health"
        return linked and words[nxt] not in ORG_LEADS
    if w != "and":
        return False
    k = nxt
    while k < len(words) and is_capitalised(words[k]):
        k += 1
    if linked:  # "Ministry of Health and Social Care", not "... and Orvo Hospital"
        return words[k - 1] not in ORG_HEADS and not new_name(words, nxt, k)
    # "Kent Fire and Rescue Service": one name when only the part after "and" ends in a head,
    # not "Kelby Airport and Tasca Energy", where a place's name ends before it
    return (
        words[k - 1] in ORG_HEADS
        and words[j - 1] not in ORG_HEADS
        and k - nxt <= 3
        and not (words[j - 1] in PLACE_HEADS and j - start > 1 and new_name(words, nxt, k))
    )


def named_after_the(words: list[str], start: int, j: int) -> bool:
    """Whether two capitalised words after "the" and before "of" open a body's name ("the
    Economic Union of Varnian States", "the Deposit Scheme of Private Banks"): no title, given
    name or calendar word among them (not "the Prime Minister of Varnia")."""
    return (
        j - start == 2
        and start > 0
        and words[start - 1].lower() == "the"
        and not any(
            w.lower() in TITLES or w in given_names() or w in CALENDAR or w in STOP
            for w in words[start:j]
        )
    )


def new_name(words: list[str], start: int, end: int) -> bool:
    """Whether capitalised words start to end are a name of their own: two or more, ending in a
    head word and opening with a word that is none ("Orvo Hospital", "Tasca Energy")."""
    return (
        end - start > 1
        and (words[end - 1] in ORG_HEADS or words[end - 1] in PLACE_HEADS)
        and words[start] not in ORG_WORDS
        and words[start] not in PLACE_HEADS
    )
