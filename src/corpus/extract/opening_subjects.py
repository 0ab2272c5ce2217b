"""The subject that opens a clause: the source of an attribution whose verb comes later ("The
Velmark Times published a report, saying ..."), and the subject an "and <verb>" shares with its
clause ("In Bamako, the Ministry of Commerce capped the price ... and said"). claimants.py reads a
sentence's attributions with these and with subjects.py's.
"""

from __future__ import annotations

import re

from corpus.extract.sources import strip_titles
from corpus.extract.subjects import NOT_SOURCES, PRONOUNS, is_head

OPENING = re.compile(
    r"\s*(?:[Tt]he\s|[Aa]\s)?"
    r"(?P<who>(?:[A-Z][\w'’.&-]*\s(?:(?:of|for|and)\s)?)+|"
    r"(?:[a-z]+\s){0,2}[a-z]+\s)(?=[a-z])"
)
# "X capped the price at 875 and said ...": the verb after "and" shares the clause's subject.
COORDINATED = re.compile(r"\sand\s(?:then\s|also\s|later\s)?$")
# A role opening a sentence with a name set off by commas: "An army spokesman, Nabil Kheiri, ..."
APPOSED_OPENING = re.compile(
    r"\s*(?:(?:[Tt]he|[Aa]n?)\s)?(?:[\w'’-]+\s){0,3}[a-z]+,\s"
    r"(?P<name>(?:[A-Z][\w'’.-]*\s){1,4}?[A-Z][\w'’-]*),\s"
)
INDEFINITE = re.compile(r"^\s*(?:An?)\s(?=[a-z])")  # "An army unit ...": not a name "An"
# A phrase opening a sentence before its subject: "In Bamako, the ministry ...".
INTRO = re.compile(
    r"(?:In|On|At|After|Before|Earlier|Later|Meanwhile|Separately|Elsewhere)\b[^,.;:]{0,40},\s"
)


def opening_subject(clause: str) -> tuple[int, str] | None:
    """The subject that opens a clause ("The Velmark Times published a report, saying ..."): a
    capitalised name or a noun phrase ending in a source noun, before its first verb."""
    m = OPENING.match(clause)
    if m is None or m["who"].split()[0].lower() in NOT_SOURCES | PRONOUNS:
        return None
    who = m["who"].strip()
    return (m.start("who"), who) if who[0].isupper() or is_head(who.split()[-1]) else None


def coordinated_subject(sentence: str, verb_start: int, found: list) -> str | None:
    """The subject an "and <verb>" shares with its clause: the source of an earlier attribution
    of the sentence ("X said A and added B"), else the subject opening the sentence, past an
    opening phrase ("In Bamako, the Ministry of Commerce capped the price ... and said"; "The
    league named him ... and said")."""
    if not COORDINATED.search(sentence, max(0, verb_start - 12), verb_start):
        return None
    said = [who for p, kind, who in found if kind in ("verb", "data") and p < verb_start]
    if said:
        return said[-1]
    intro = INTRO.match(sentence)
    clause = sentence[intro.end() if intro else 0 : verb_start]
    apposed = APPOSED_OPENING.match(clause)
    if apposed:  # "An army spokesman, Brig Gen Nabil Kheiri, denied it and said ..."
        return strip_titles(apposed["name"])
    clause = INDEFINITE.sub("", clause)
    m = OPENING.match(clause)
    if m is None or m["who"].split()[0].lower() in NOT_SOURCES | PRONOUNS:
        return None
    who = m["who"].strip()
    if who[0].isupper():
        return who
    words = who.split()  # lower case: to its last source noun, or a definite noun alone
    heads = [i for i, w in enumerate(words) if is_head(w)]
    if heads:
        return " ".join(words[: heads[-1] + 1])
    return words[0] if clause.lstrip()[:4] in ("The ", "the ") else None  # "The league named"
