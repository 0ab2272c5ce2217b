"""Who the subject of an attribution is: the source written before its verb ("Marton city hall
said", "Serhiy Popko, the head of the city administration, said", "Police in Orvo said", "a
witness told"), or the one named right after an inverted verb ("..., said the ministry", "said
paramedic Tomas Ulvik"); the subject that opens a clause is opening_subjects.py's. claimants.py
reads a sentence's attributions with these.
"""

from __future__ import annotations

import re

from corpus.extract.lexicons import given_names
from corpus.extract.sources import (
    BODY_HEADS,
    HEAD_IN_PLACE,
    LIST_END,
    LISTED_NAME,
    ROLE_THEN_NAME,
)
from corpus.extract.wordlists import words

VERBS = (
    "said|says|say|estimate|told|tells|tell|added|adds|announced|announces|reported|"
    "reports|reporting|report|stated|states|wrote|writes|claimed|claims|confirmed|confirms|"
    "confirming|revealed|reveals|noted|notes|estimated|estimates|tweeted|posted|warned|warns|"
    "explained|insisted|disclosed|disclosing|quoted|announcing|saying|showed|show|shows|"
    "heard|was told|adding|noting|claiming|warning|stating|reporting|estimating|learned|"
    "learnt|"
    "suggest|suggests|suggested|indicated|indicates|expects|forecasts|projects|recorded|records"
)
HEADS = words("claimants_heads")
SKIP_BACK = words("claimants_skip_back")
PRONOUNS = words("claimants_pronouns")
# Capitalised sentence openers that are no source: "Two confirmed dead", "Some reported ...".
NOT_SOURCES = words("claimants_not_sources")
CLAUSE_WORDS = words("claimants_clause_words")
CONNECTORS = words("claimants_connectors")
CAPITAL_RUN = re.compile(r"[A-Z][\w'’&.-]+(?:\s[A-Z][\w'’&.-]+){0,3}")
TOKEN = re.compile(r"[A-Za-z][\w’'.&-]*|[,;:\"“”()—–]|\S")
VERB_WORDS = frozenset(VERBS.split("|"))
BOUNDARIES = frozenset(("", ",", ";", ":", '"', "“", "”", "—", "–"))
PASSIVE = re.compile(r"\s+(?:was|were|is|are|been|being|be)\b")
APPOSITION = re.compile(r"(?<=\w),[^,;\"“”]{1,80},\s*$")
BRACKET = re.compile(r"\s*\([^()]{1,40}\)\s*(?:has |have |had )?$")
INVERTED = re.compile(
    r"\s+(?:the\s+)?((?:[A-Z][\w’'.&-]*\s?|of\s|and\s|for\s)+|"
    r"(?:[a-z]+\s){0,3}[a-z]+)(?=[\s.,;]|$)"
)
DIGIT = re.compile(r"\d")
# "Police in X said", "local police in X said", "medical staff at X Hospital said": a source noun
# (with up to two lower-case modifiers) before the name of where it is.
HEAD_BEFORE_PLACE = re.compile(
    r"(?<![\w'’])(?P<head>(?:[A-Za-z][a-z]+\s){0,2}[A-Za-z]+)\s(?P<prep>in|at)\s$"
)
# A participle phrase between a subject and its verb: "Residents reached by phone said".
PARTICIPLES = "reached contacted interviewed questioned polled surveyed speaking".split()
PARTICIPLE_WORD = re.compile("|".join(PARTICIPLES))  # a quick test first (2x faster than `in`s)
PARTICIPLE_AFTER = re.compile(
    r"\s(?:reached|contacted|interviewed|questioned|polled|surveyed|speaking)\s"
    r"(?:by|on|in|at|to|from|with)\s[^,;:.!?\"“”]{1,40}$"
)
PREPOSITIONS = frozenset("in on at by via through from with during after before".split())
NAME = r"[A-Z][a-z][\w'’-]*"
NAME_RUN = re.compile(rf"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s)?{NAME}(?:\s(?:{NAME}|[A-Z]\.)){{1,3}}")
MEMBER_OF = re.compile(rf"(?P<name>{NAME}(?:\s{NAME}){{1,2}}),?\s(?:of|from|at)\s(?:the\s)?$")
NAMED_AFTER = re.compile(r",\s(?P<who>(?:[A-Z][\w'’.&-]*\s?)+)(?=[.;]|$)")
ARTICLE_START = re.compile(r"^(?:the|a|an)\s+(?=[A-Z])")


def is_apposed_name(inner: str) -> bool:
    """A name set off by commas before the verb ("The city's utility, CityLink, said"): capitalised
    words only, none a pronoun, connector or sentence opener ("However")."""
    return bool(CAPITAL_RUN.fullmatch(inner)) and not any(
        w.lower() in PRONOUNS | NOT_SOURCES | CONNECTORS | CLAUSE_WORDS | SKIP_BACK
        for w in inner.split()
    )


def bounded_subject(text: str, tokens: list[tuple[int, int, str]]) -> tuple[int, str] | None:
    """The whole noun phrase between a clause boundary (the sentence's start, a comma, a colon or
    a quotation mark) and the verb, when it is one to four words and none a pronoun, clause word,
    verb or number: "Marton city hall said", "..., insurer says" (a headline drops articles)."""
    words: list[tuple[int, int, str]] = []
    for token in reversed(tokens):
        if not token[2][0].isalpha():
            break
        words.insert(0, token)
    if not words or len(words) > 4:
        return None
    boundary = tokens[len(tokens) - len(words) - 1][2] if len(words) < len(tokens) else ""
    if boundary not in BOUNDARIES or not boundary and text[: words[0][0]].strip():
        return None
    if PASSIVE.search(text, words[-1][1], words[-1][1] + 12):
        return None  # "79 new cases were confirmed": what is counted, not who counted it
    bad = PRONOUNS | CLAUSE_WORDS | VERB_WORDS | NOT_SOURCES | SKIP_BACK
    inner = [w for _, _, w in words[1:-1]]
    if any(w.lower() in bad for _, _, w in (words[0], words[-1])) or any(
        w.lower() in bad - CONNECTORS for w in inner
    ):
        return None
    if any(DIGIT.search(w) for _, _, w in words):
        return None
    return words[0][0], text[words[0][0] : words[-1][1]]


def is_head(word: str) -> bool:
    """A noun that names a source, singular or plural ("teams", "police")."""
    low = word.lower()
    return low in HEADS or low[-1:] == "s" and low[:-1] in HEADS


def subject_before(text: str, end: int) -> tuple[int, str] | None:
    """(start, phrase) of the attributed source written just before position end, past an
    apposition ("Serhiy Popko, the head of the city administration, said")."""
    window = text[max(0, end - 100) : end]
    # a plain test first: an apposition ends the text before the verb with a comma
    apposition = APPOSITION.search(window) if window.rstrip().endswith(",") else None
    if apposition:
        inner = apposition.group(0).strip(" ,")
        bare = ARTICLE_START.sub("", inner)
        inner = bare if is_apposed_name(bare) else inner  # "their employer, the Orvo Trust,"
        if NAME_RUN.fullmatch(inner) or is_apposed_name(inner):  # "The governor, Tomas Brevik,"
            start = max(0, end - 100) + apposition.start() + apposition.group(0).index(inner)
            return start, inner
        end = max(0, end - 100) + apposition.start()
    window = text[max(0, end - 60) : end]
    participle = (
        PARTICIPLE_AFTER.search(text, max(0, end - 60), end)
        if PARTICIPLE_WORD.search(window)
        else None
    )
    if participle:
        end = participle.start()  # "Residents reached by phone said": the residents
    window = text[max(0, end - 60) : end] if participle else window
    bracket = BRACKET.search(window) if ")" in window else None
    if bracket:
        end = max(0, end - 60) + bracket.start()  # "Velmark Health Agency (VHA) reported"
    found = TOKEN.finditer(text, max(0, end - 80), end)
    tokens = [(m.start(), m.end(), m[0]) for m in found]
    while tokens and tokens[-1][2].lower() in SKIP_BACK:
        tokens.pop()
    if len(tokens) >= 2 and tokens[-2][2].lower() in ("on", "in") and tokens[-1][2][:1].isupper():
        tokens = tokens[:-2]  # "X on Wednesday said"
    if not tokens:
        return None
    last = tokens[-1][1]
    if len(tokens) >= 3 and tokens[-2][2] == "of" and is_head(tokens[-3][2]):
        tokens = tokens[:-2]  # "the ministry of health"
    head = tokens[-1][2]
    capital = head[0].isupper()
    if not capital and not is_head(head):
        return bounded_subject(text, tokens)
    if (
        head.lower() in PRONOUNS | NOT_SOURCES
        and not head.isupper()
        or capital
        and head.lower() in CONNECTORS
    ):
        return None
    i = len(tokens) - 1
    while i > 0 and len(tokens) - i < 9:
        word = tokens[i - 1][2]
        low = word.lower()
        if not word[0].isalpha():
            break
        of_the = (  # "Ministry of the Interior", not "Lisa Moran of the Tidal Institute"
            low == "the"
            and i > 2
            and tokens[i - 2][2] == "of"
            and (is_head(tokens[i - 3][2]) or tokens[i - 3][2].lower() in BODY_HEADS)
        )
        if not (capital and low in CONNECTORS and (low != "the" or of_the)):  # "Health and ..."
            if low in CLAUSE_WORDS or low in VERB_WORDS or low in SKIP_BACK or low in PRONOUNS:
                break
            if capital and word[0].islower():
                break  # "ministry spokesman Liu Wen": the person, after the role word
        i -= 1
    while i < len(tokens) - 1 and tokens[i][2].lower() in CONNECTORS:
        i += 1
    start = tokens[i][0]
    listed = LISTED_NAME.search(text, max(0, start - 60), start) if capital else None
    if listed and LIST_END.fullmatch(text[start:last]):
        start = listed.start()  # "the Ministry of Transport, Energy and Water": one name
    near = text[max(0, start - 9) : start]
    member = (
        MEMBER_OF.search(text, max(0, start - 50), start)
        if " of " in near or " from " in near or " at " in near
        else None
    )
    if member and member["name"].split()[0] in given_names():
        return member.start("name"), member["name"]  # "Lisa Moran of the Tidal Institute said"
    local = HEAD_BEFORE_PLACE.search(text, max(0, start - 40), start) if capital else None
    where = local and source_before_place(local["head"], local["prep"])
    if local and where:  # "Police in Orvo said", "medical staff at Orvo Hospital said"
        begin = local.start("head") + len(local["head"]) - len(where)
        return begin, text[begin:last]
    return start, text[start:last]


def source_before_place(phrase: str, preposition: str) -> str | None:
    """The source in a noun phrase before "in"/"at" and a name, with its modifiers ("local
    police", "medical staff"), if its last word names a source; after "at", only a body of people
    ("staff", "doctors"), not one person ("a spokesman at Orvo Bank" is the bank's)."""
    words = phrase.split()
    head = words[-1]
    if not is_head(head) or preposition == "at" and not (head.endswith("s") or head == "staff"):
        return None
    stop = CLAUSE_WORDS | VERB_WORDS | SKIP_BACK | PRONOUNS | CONNECTORS | PREPOSITIONS
    while len(words) > 1 and (words[0].lower() in stop or words[0] in ("the", "a", "an")):
        words.pop(0)
    return " ".join(words)


def subject_after(text: str, start: int) -> str | None:
    """The source named right after an inverted verb: '..., said the ministry.'"""
    role = ROLE_THEN_NAME.match(text, start)
    if role and not (set(role["role"].lower().split()) & (CLAUSE_WORDS | SKIP_BACK | PRONOUNS)):
        return role["name"]  # "said paramedic Tomas Ulvik": the person, not the role
    m = INVERTED.match(text[start : start + 80])
    if m is None:
        return None
    local = HEAD_IN_PLACE.match(text, start)
    if local and is_head(local["head"]):
        return local["who"]  # "said police in Upper Varna"
    who = m.group(1).strip()
    if who.split()[0] in PREPOSITIONS:
        return None  # "..., said in a statement": how, not who
    named = NAMED_AFTER.match(text, start + m.end())
    if named and not who[:1].isupper():
        return named["who"].rstrip(".")  # "said the grid operator, Orlo Power"
    last = who.split()[-1] if who.split() else ""
    return who if who and (who[0].isupper() or is_head(last)) else None


NOT_ROLE_WORDS = CLAUSE_WORDS | PRONOUNS | VERB_WORDS  # "a man who said": no role


def is_role(phrase: str) -> bool:
    """Whether "a/an <phrase>" before a verb names a source: one word ("a witness told"), or an
    adjective and a source noun ("a local resident said"; not "a severance payment reported")."""
    words = phrase.split()
    if set(words) & NOT_ROLE_WORDS:
        return False
    return len(words) == 1 or is_head(words[-1]) or is_head(words[-1] + "s")
