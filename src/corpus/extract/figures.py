"""Figures: reported numbers with their category, subject, qualifier and claimant.

A number's category comes from its unit (distance, money, percent, duration),
then from the words around it: a casualty verb before it ("killing five"), a
death toll rising to it, or the counted noun after it ("10 incoming missiles",
"30 others were injured"). Spelled-out and vague numbers become figures only
when they count something recognised; years and bare "one" never do.
"""
from __future__ import annotations

import bisect
import math
import re
from typing import NamedTuple

from corpus.extract.numbers import Number, find_numbers

CATEGORY_WORDS = [  # (category, pattern of the counted noun or verb after the number), first match wins
    ("killed", r"(?:people |civilians |soldiers |others |more )?(?:were |have been |had been |are |was )?"
               r"(?:killed|dead|deaths|died|dying|fatalities|bodies|lives)\b"),
    ("injured", r"(?:people |civilians |soldiers |others |more )?(?:were |have been |had been |are |was )?"
                r"(?:injured|wounded|hurt|injuries|hospitali[sz]ed|receiving medical (?:care|treatment))\b"),
    ("prisoners", r"(?:prisoners(?: of war)?|pows|captives|detainees|hostages|prisoner)\b"),
    ("weapons", r"(?:missiles?|drones?|rockets?|shells|tanks|aircraft|jets|launchers|warheads|munitions|bombs|"
                r"artillery|howitzers|helicopters|warships|vessels|guns|air defen[cs]e systems)\b"),
    ("attacks", r"(?:attacks?|strikes|air ?strikes|raids|targets|explosions|assaults|sorties)\b"),
    ("people", r"(?:people|persons|civilians|soldiers|troops|servicemen|reservists|residents|refugees|children|"
               r"women|men|migrants|republicans|democrats|lawmakers|officials|members|workers|fighters|"
               r"personnel|families|volunteers|journalists|doctors|patients|passengers|students|voters|"
               r"mercenaries|recruits|conscripts|evacuees|others|inhabitants)\b"),
]
ADJECTIVE = r"(?:[A-Za-z'’-]+ ){0,3}?"  # up to three words between number and noun ("Russian military")
COUNTED = [(category, re.compile(rf"\s{ADJECTIVE}(?P<noun>{pattern})", re.IGNORECASE))
           for category, pattern in CATEGORY_WORDS]
NOT_ADJECTIVES = re.compile(r"\d|\b(?:and|or|but|with|to|from|of|in)\b")  # between a number and its noun
LEFT_VERBS = [  # (category, pattern of the words just before the number)
    ("killed", re.compile(r"\b(?:killing|killed|deaths of)\s$", re.IGNORECASE)),
    ("injured", re.compile(r"\b(?:injuring|wounding)\s$", re.IGNORECASE)),
    ("killed", re.compile(r"\b(?:death toll|toll)\b[^.;]{0,80}?\b(?:to|at|of|reached|hit)\s$", re.IGNORECASE)),
]
REPORTING = r"(?:said|says|added|told|announced|reported|stated|wrote|claimed|confirmed|noted)"
CLAIMANT_PATTERNS = [
    re.compile(r":\s(?P<who>[A-Z][\w'’ .-]{1,40})$"),  # headline convention "Toll rises to 32: Ukraine"
    re.compile(r"\baccording to (?P<who>[^,.;:\"”]{2,80})"),
    re.compile(rf"[,\"”]\s*(?P<who>[^,.;\"“”]{{2,80}}?)(?:,[^\"“”]{{0,120}}?,)?\s+{REPORTING}\b"),
    # The lookahead on the letters a match can start with lets the regex engine skip ahead (1.7x faster).
    re.compile(rf"(?=[A-Zalmoprtu])(?P<who>(?:the |[Ll]ocal |[Uu]krainian |[Rr]ussian )?(?:[A-Z][\w'’.-]*\s)*"
               rf"(?:[A-Z][\w'’.-]*|authorities|officials|police|ministry|military))\s+(?:has |had |have )?"
               rf"{REPORTING}\b"),
]
SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[\"”]?|$)")
NAME_RUN = re.compile(r"(?:[A-Z][\w'’.-]+\s)*[A-Z][\w'’.-]+$")


class Figure(NamedTuple):
    start: int
    end: int
    text: str
    value: float
    value_max: float | None
    unit: str | None
    category: str
    is_approximate: bool
    qualifier: str
    subject: str | None
    claimant: str | None
    converts: int | None = None  # index (in this field's list) of the figure this one converts


def classify(text: str, n: Number) -> tuple[str, str | None]:
    """(category, subject) of a number from its unit and surrounding words."""
    if n.dimension in ("distance", "money", "percent", "duration", "mass"):
        return n.dimension, None
    after = text[n.end:n.end + 80]
    if n.qualifier == "vague" and after.lower().startswith(" of "):
        after = after[3:]  # "dozens of civilians"
    if after.startswith(("-", "–")):
        return "other", None
    for category, pattern in COUNTED:
        m = pattern.match(after)
        if m and not NOT_ADJECTIVES.search(after[:m.start("noun")]):
            subject = after[1:m.end()].strip()
            return category, (None if category in ("killed", "injured") else subject)
    before = text[max(0, n.start - 120):n.start]
    for category, pattern in LEFT_VERBS:
        if pattern.search(before):
            return category, None
    return "other", None


def shared_noun(text: str, n: Number, later: Number) -> bool:
    """'230 Ukrainian and 248 Russian prisoners': the first number shares the second's noun."""
    return bool(re.fullmatch(r"\s(?:[A-Z][\w'’-]+\s)?(?:and|or)\s", text[n.end:later.start]))


def sentence_at(spans: list[tuple[int, int]], position: int) -> tuple[int, int] | None:
    """The (start, end) of the sentence holding position, given those of every sentence."""
    i = bisect.bisect_right(spans, (position, math.inf)) - 1
    return spans[i] if i >= 0 and position < spans[i][1] else None


def claimant_of(text: str, sentence: str | None) -> str | None:
    """Whom a sentence of text credits, resolving a lone surname within the text."""
    if sentence is None:
        return None
    for pattern in CLAIMANT_PATTERNS:
        found = list(pattern.finditer(sentence))
        if found:
            return full_name(text, tidy_claimant(found[-1]["who"]))
    return None


def tidy_claimant(who: str) -> str:
    who = re.sub(r"^(?:the|The)\s+", "", who.strip())
    names = NAME_RUN.search(who)
    # "National Security Council spokesperson John Kirby" -> the person, after a lower-case role word.
    if names and names.start() > 0 and re.search(r"\b[a-z]+\s$", who[:names.start()]):
        return names.group(0)
    return who


def full_name(text: str, who: str) -> str:
    if re.fullmatch(r"[A-Z][\w'’-]+", who):
        m = re.search(rf"\b((?:[A-Z][\w'’-]+\s)+){re.escape(who)}\b", text)
        if m:
            return (m.group(1) + who).strip()
    return who


def extract(text: str) -> list[Figure]:
    """All figures of one text field, in order."""
    numbers = find_numbers(text)
    sentences = [m.span() for m in SENTENCE.finditer(text)] if numbers else []
    claimants: dict[tuple[int, int] | None, str | None] = {}  # per sentence
    figures: list[Figure] = []
    for i, n in enumerate(numbers):
        category, subject = classify(text, n)
        if category == "other" and i + 1 < len(numbers) and shared_noun(text, n, numbers[i + 1]):
            category, subject = classify(text, numbers[i + 1])
        if category == "other" and (n.is_word or n.is_year_like):
            continue  # "one of the largest", "in 2022", "several districts"
        converts = None
        if figures and n.dimension and re.fullmatch(r"\s?\(", text[figures[-1].end:n.start]) \
                and text[n.end:n.end + 1] == ")" and figures[-1].category == n.dimension:
            converts = len(figures) - 1
        sentence = sentence_at(sentences, n.start)
        if sentence not in claimants:
            claimants[sentence] = claimant_of(text, None if sentence is None else text[slice(*sentence)])
        figures.append(Figure(n.start, n.end, text[n.start:n.end], float(n.value),
                              None if n.value_max is None else float(n.value_max), n.unit, category,
                              n.is_approximate, n.qualifier, subject, claimants[sentence], converts))
    # A conversion is as approximate as the figure it converts: "about 300 km (186 miles)".
    return [f._replace(is_approximate=True) if f.converts is not None and figures[f.converts].is_approximate
            else f for f in figures]
