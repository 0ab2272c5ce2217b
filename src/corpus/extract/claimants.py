"""Whom a text credits with a number: the claimant of a figure.

Attribution forms read, in the order they win within a sentence: "according to
X"; the nearest "X said/told/reported/is reporting/announced/confirmed..." before
the number ("X said 79 new cases were confirmed") or else after it ("..., police
said"; "..., said the ministry"); "X's figures show", "figures from X"; "the
court heard"; "X raised the death toll to ...". X is a capitalised name run
("China's National Health Commission"; a person after a lower-case role word:
"ministry spokesman Liu Wen" -> "Liu Wen") or a lower-case noun phrase
whose head names a source ("local authorities", "Chinese state media"). A lone
surname is resolved to the full name the text gives earlier or later ("Varden" ->
"Ilse Varden"). A pronoun or "the <role>" ("she said", "the striker said")
takes the claimant of the nearest earlier attributed sentence of the text; a
number inside a quotation with no attribution in its sentence takes that of the
nearest attributed sentence of its paragraph. A headline's ": Source" or
" — Source" suffix credits the headline's numbers.
"""

from __future__ import annotations

import re

from corpus.extract.claim_choice import choose, in_quote
from corpus.extract.lexicons import NOT_NAME_WORDS, given_names
from corpus.extract.numbers import trie_alternation
from corpus.extract.sources import (
    BODY_WORDS,
    FIGURES_OF,
    HEAD_IN_PLACE,
    LIST_END,
    LISTED_NAME,
    PERSON_PRONOUNS,
    ROLE_THEN_NAME,
    according_source,
    full_name,
    person_before,
    tidy,
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
SAID_COMMA = re.compile(rf"\b(?:{VERBS})\s*,\s*$")  # "X said, adding that ..."
VERB = re.compile(rf"[^\w](?P<verb>{trie_alternation(VERBS.split('|'))})\b")  # in " " + sentence
ACCORDING = re.compile(
    r"(?=[a-gipqrstA-GIPQRST])\b(?:according to|"
    r"(?:figures|data|estimates|statement|report)\s+from|"
    r"(?:report|study|survey|poll|analysis|count|tally|estimate)\s+by|"
    r"(?:reported|confirmed|announced|released|published|issued|provided|given|"
    r"estimated|compiled|cited|quoted)\s+by)\s+"
    r"(?P<who>(?:[^,.;:\"“”()]|(?<=\d)[,.](?=\d)){2,80})",
    re.IGNORECASE,
)
TOLL_SETTER = re.compile(
    r"\b(?:(?:raised|put|puts|revised|updated|lowered|raises|gave)\s+the\s+"
    r"(?:death\s+)?(?:toll|count|tally|number|figure)\b|"
    r"(?:put|puts|putting|placed)\s+(?:[\w'’-]+\s+){1,5}?at\s+"
    r"\S*\d)"
)
# Every TOLL_SETTER match holds one of these (a cheap search first: 4x faster on most sentences).
TOLL_VERB_SIGN = re.compile("rais|put|revis|updat|lower|gave|plac")
POSSESSIVE_SOURCE = re.compile(
    rf"(?P<who>(?:[A-Z][\w.&-]*\s)*[A-Z][\w.&-]*){FIGURES_OF}\s+"
    r"(?:show|showed|suggest|put)"
)
POSSESSIVE_TAIL = re.compile(rf"{FIGURES_OF}\b")
SOURCE_WORD = rf"[A-Z][\w'’.&-]*|{'|'.join(sorted(HEADS))}"
HEADLINE_SOURCE = re.compile(
    rf"(?::|\s[—–-])\s(?P<who>(?:{SOURCE_WORD})"
    rf"(?:\s(?:{SOURCE_WORD}|of|and|the)){{0,5}})\s*$"
)
HEADLINE_PREFIX = re.compile(
    rf"(?P<who>(?:{SOURCE_WORD})"
    rf"(?:\s(?:{SOURCE_WORD}|of|and|the)){{0,4}}):\s"
)
APPOSITION = re.compile(r"(?<=\w),[^,;\"“”]{1,80},\s*$")
BRACKET = re.compile(r"\s*\([^()]{1,40}\)\s*(?:has |have |had )?$")
INVERTED = re.compile(
    r"\s+(?:the\s+)?((?:[A-Z][\w’'.&-]*\s?|of\s|and\s|for\s)+|"
    r"(?:[a-z]+\s){0,3}[a-z]+)(?=[\s.,;]|$)"
)
ROLE = re.compile(
    r"\b(?:(?i:he|she|they|it|we)|[Tt]he ([a-z]+)|[Aa]n? ([a-z]+))\s+"
    r"(?:has |had |also |later )?$"
)
DIGIT = re.compile(r"\d")
HEAD_BEFORE_PLACE = re.compile(r"(?<![\w'’])(?P<head>[A-Za-z]+)\sin\s$")  # "Police in X said"
PREPOSITIONS = frozenset("in on at by via through from with during after before".split())
NAME = r"[A-Z][a-z][\w'’-]*"
NAME_RUN = re.compile(rf"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s)?{NAME}(?:\s(?:{NAME}|[A-Z]\.)){{1,3}}")
MEMBER_OF = re.compile(rf"(?P<name>{NAME}(?:\s{NAME}){{1,2}}),?\s(?:of|from|at)\s(?:the\s)?$")
OPENING = re.compile(
    r"\s*(?:[Tt]he\s|[Aa]\s)?"
    r"(?P<who>(?:[A-Z][\w'’.&-]*\s(?:(?:of|for|and)\s)?)+|"
    r"(?:[a-z]+\s){0,2}[a-z]+\s)(?=[a-z])"
)
NAMED_AFTER = re.compile(r",\s(?P<who>(?:[A-Z][\w'’.&-]*\s?)+)(?=[.;]|$)")
RELATIVE_END = re.compile(r",\s+(?:who|which)\s+(?:[a-z]+\s+)?$")
PROGRESSIVE = re.compile(r"\b(?:is|are|was|were|be|been)\s$")  # "were adding to"
ARTICLE_START = re.compile(r"^(?:the|a|an)\s+(?=[A-Z])")
ARTICLE_BEFORE = re.compile(r"(?:^|\s)(?:an|the|a)\s$", re.IGNORECASE)  # "an estimated 80"


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
    apposition = APPOSITION.search(text[max(0, end - 100) : end])
    if apposition:
        inner = apposition.group(0).strip(" ,")
        bare = ARTICLE_START.sub("", inner)
        inner = bare if is_apposed_name(bare) else inner  # "their employer, the Orvo Trust,"
        if NAME_RUN.fullmatch(inner) or is_apposed_name(inner):  # "The governor, Tomas Brevik,"
            start = max(0, end - 100) + apposition.start() + apposition.group(0).index(inner)
            return start, inner
        end = max(0, end - 100) + apposition.start()
    bracket = BRACKET.search(text[max(0, end - 60) : end])
    if bracket:
        end = max(0, end - 60) + bracket.start()  # "Velmark Health Agency (VHA) reported"
    found = TOKEN.finditer(text, max(0, end - 80), end)
    tokens = [(m.start(), m.end(), m.group(0)) for m in found]
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
        if not (capital and low in CONNECTORS and low != "the"):  # "Ministry of Health and ..."
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
    local = HEAD_BEFORE_PLACE.search(text, max(0, start - 30), start) if capital else None
    if local and is_head(local["head"]):
        return local.start("head"), text[local.start("head") : last]  # "Police in Orvo said"
    return start, text[start:last]


def opening_subject(clause: str) -> tuple[int, str] | None:
    """The subject that opens a clause ("The Velmark Times published a report, saying ..."): a
    capitalised name or a noun phrase ending in a source noun, before its first verb."""
    m = OPENING.match(clause)
    if m is None or m["who"].split()[0].lower() in NOT_SOURCES | PRONOUNS:
        return None
    who = m["who"].strip()
    return (m.start("who"), who) if who[0].isupper() or is_head(who.split()[-1]) else None


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


def attributions(sentence: str) -> list[tuple[int, str, str]]:
    """(position, kind, source) of every attribution in a sentence; kind is 'according', 'verb' or
    'pronoun' (a pronoun or role word to resolve from an earlier sentence)."""
    found = (
        [(m.start(), "according", according_source(m["who"])) for m in ACCORDING.finditer(sentence)]
        if "ccording" in sentence or " by " in sentence or " from " in sentence
        else []
    )
    if "s " in sentence and POSSESSIVE_TAIL.search(sentence):
        found += [(m.start(), "verb", tidy(m["who"])) for m in POSSESSIVE_SOURCE.finditer(sentence)]
    for m in VERB.finditer(" " + sentence):
        verb_start, verb_end = m.start("verb") - 1, m.end() - 1
        if ARTICLE_BEFORE.search(sentence, max(0, verb_start - 5), verb_start):
            continue  # "an estimated 80", "the reported figure": an adjective
        if sentence.startswith(" to ", verb_end) and PROGRESSIVE.search(sentence, 0, verb_start):
            continue  # "releases were adding to the flooding": no one speaks
        before = subject_before(sentence, verb_start)
        if m["verb"].endswith("ing") and sentence[:verb_start].rstrip().endswith(","):
            said = [who for _, kind, who in found if kind == "verb"]
            # "..., the air force said, adding that ...": the speaker carries over
            if said and SAID_COMMA.search(sentence, 0, verb_start):
                found.append((verb_start, "verb", said[-1]))
                continue
            before = opening_subject(sentence[:verb_start]) or before  # "X did Y, saying ..."
        if before:
            found.append((verb_start, "verb", tidy(before[1])))
        elif sentence[:verb_start].rstrip()[-1:] in (",", '"', "”") and subject_after(
            sentence, verb_end
        ):
            found.append((verb_start, "verb", tidy(subject_after(sentence, verb_end))))
        else:
            role = ROLE.search(sentence, max(0, verb_start - 40), verb_start)
            if role and role.group(2):
                found.append((verb_start, "verb", role.group(2)))  # "a witness told": a new source
            elif role:
                word = role.group(1) or role.group(0).split()[0].lower()
                found.append((verb_start, "pronoun", word))
    toll = " the " in sentence and TOLL_VERB_SIGN.search(sentence)
    for m in TOLL_SETTER.finditer(sentence) if toll else ():
        before = subject_before(sentence, m.start())
        if before:
            found.append((m.start(), "verb", tidy(before[1])))
        elif RELATIVE_END.search(sentence, 0, m.start()):
            named = [(p, who) for p, kind, who in found if kind != "pronoun" and p < m.start()]
            if named:  # "..., said police in Varna, who put the toll at six": the one said
                found.append((m.start(), "verb", max(named)[1]))
    return sorted(found)


class Claimants:
    """Claimants of the numbers of one text, its sentences' attributions read once and only where
    needed (the number's sentence, earlier ones for a pronoun, its paragraph for a quotation)."""

    def __init__(self, text: str, sentences: list[tuple[int, int]], headline: bool):
        self.text, self.sentences = text, sentences
        self.found: dict[int, list] = {}
        self.resolved: dict[int, str | None] = {}
        self.names: dict[tuple[str, int | None], str] = {}
        m = HEADLINE_SOURCE.search(text) if headline else None
        ok = m is not None and not DIGIT.search(m["who"])  # built only for a text with numbers
        self.headline_source = tidy(m["who"]) if ok else None
        m = HEADLINE_PREFIX.match(text) if headline and not ok else None
        if (
            m
            and m["who"].split()[0] not in NOT_NAME_WORDS
            and (is_head(m["who"].split()[-1]) or m["who"][0].isupper())
        ):
            self.headline_source = m["who"]  # "Police: nine arrested after march"

    def full_name(self, who: str, at: int) -> str:
        """`sources.full_name` of who in this text, read once per name (and position, for a
        body's class word, whose answer depends on it)."""
        key = (who, at if who in BODY_WORDS else None)
        if key not in self.names:
            self.names[key] = full_name(self.text, who, at)
        return self.names[key]

    def attributions(self, i: int) -> list:
        if i not in self.found:
            start, end = self.sentences[i]
            self.found[i] = attributions(self.text[start:end])
        return self.found[i]

    def sentence_claimant(self, i: int) -> str | None:
        """The claimant a sentence gives; a pronoun or role takes the nearest earlier one."""
        if i not in self.resolved:
            found, who = self.attributions(i), None
            if any(k != "pronoun" for _, k, _ in found):
                kinds = [k for _, k, _ in found]
                best = "according" if "according" in kinds else "verb"  # as `choose` ranks them
                who = next(w for _, k, w in found if k == best)
                who = self.full_name(who, self.sentences[i][1])
            elif found:
                who = self.pronoun_claimant(i, found[-1][2])
            self.resolved[i] = who
        return self.resolved[i]

    def pronoun_claimant(self, i: int, word: str) -> str | None:
        """Whom a pronoun or role word in sentence i stands for: "she", the person named last
        before it; a role, the person the text names in it ("the minister" -> "Jonas Ek"); else
        the claimant of the nearest earlier attributed sentence; else the role word itself."""
        if word in PERSON_PRONOUNS:
            person = person_before(self.text, self.sentences[i][0])
            if person:
                return person
        elif word and word not in ("it", "they", "we"):
            named = self.full_name(word, self.sentences[i][1])
            if named != word:
                return named
        earlier = (self.sentence_claimant(j) for j in range(i - 1, max(-1, i - 12), -1))
        return next((w for w in earlier if w), None) or (word if word not in PRONOUNS else None)

    def at(self, i: int, position: int, paragraph: tuple[int, int]) -> str | None:
        """The claimant of the number at position (offset in text) in sentence i."""
        start = self.sentences[i][0]
        chosen = choose(
            self.attributions(i), position - start, self.text[start : self.sentences[i][1]]
        )
        if chosen and chosen[0] != "pronoun":
            return self.full_name(chosen[1], position)
        if chosen:  # "she said": the person named last before the number, else the sentence's
            person = person_before(self.text, position) if chosen[1] in PERSON_PRONOUNS else None
            return person or self.sentence_claimant(i)
        if in_quote(self.text[paragraph[0] : paragraph[1]], position - paragraph[0]):
            # its paragraph's speaker, else the nearest one around it ("X said:" / a quote)
            near = sorted(
                (not paragraph[0] <= s < paragraph[1], abs(j - i), j)
                for j, (s, _) in enumerate(self.sentences)
                if j != i and abs(j - i) <= 3
            )
            return next((w for w in (self.sentence_claimant(j) for *_, j in near) if w), None)
        return self.headline_source
