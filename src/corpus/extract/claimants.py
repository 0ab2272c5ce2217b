"""Whom a text credits with a number: the claimant of a figure.

Attribution forms read, in the order they win within a sentence: "according to
X"; the nearest "X said/told/reported/is reporting/announced/confirmed..." before
the number ("X said 79 new cases were confirmed") or else after it ("..., police
said"; "..., said the ministry"); "X's figures show", "figures from X"; "the
court heard"; "X raised the death toll to ...", "X cut its forecast to ...", "X put
the crowd at about ..."; "X did Y and said ..." (the verb after "and" shares X);
a verb of data ("recorded") only where no one speaks. X is a capitalised name run
("China's National Health Commission"; a person after a lower-case role word:
"ministry spokesman Liu Wen" -> "Liu Wen") or a lower-case noun phrase
whose head names a source ("local authorities", "Chinese state media"). A lone
surname is resolved to the full name the text gives earlier or later ("Varden" ->
"Ilse Varden"), a body carries the acronym the text gives it ("Institute for Fiscal
Studies (IFS)", whichever form the sentence used). A pronoun or "the <role>" ("she
said", "the striker said") takes the claimant of the nearest earlier attributed
sentence of the text; a number inside a quotation with no attribution in its
sentence takes that of the nearest attributed sentence of its paragraph. A headline's ": Source" or
" — Source" suffix credits the headline's numbers.
"""

from __future__ import annotations

import re

from corpus.extract.claim_choice import choose, in_quote
from corpus.extract.lexicons import NOT_NAME_WORDS
from corpus.extract.opening_subjects import coordinated_subject, opening_subject
from corpus.extract.quick_search import NOT_ASCII_WORD, after_non_word, may_hold, opening_words
from corpus.extract.sources import (
    ACRONYM,
    BODY_WORDS,
    FIGURES_OF,
    PERSON_PRONOUNS,
    according_source,
    full_name,
    person_before,
    tidy,
    with_acronym,
)
from corpus.extract.subjects import (
    DIGIT,
    HEADS,
    PRONOUNS,
    VERBS,
    is_head,
    is_role,
    subject_after,
    subject_before,
)
from corpus.extract.units import trie_alternation

SAID_COMMA = re.compile(rf"\b(?:{VERBS})\s*,\s*$")  # "X said, adding that ..."
# In " " + sentence, after a character that is no word character (`after_non_word`).
VERB = re.compile(
    rf"{NOT_ASCII_WORD}{opening_words(VERBS.split('|'))}"
    rf"(?P<verb>{trie_alternation(VERBS.split('|'))})\b"
)
FROM_SOURCES = "figures data estimates statement report".split()
BY_DOCUMENTS = "report study survey poll analysis count tally estimate".split()
BY_VERBS = (
    "reported confirmed announced released published issued provided given estimated compiled "
    "cited quoted"
).split()
ACCORDING = re.compile(
    rf"(?=[a-gipqrstA-GIPQRST])\b(?:according to|(?:{'|'.join(FROM_SOURCES)})\s+from|"
    rf"(?:{'|'.join(BY_DOCUMENTS)})\s+by|(?:{'|'.join(BY_VERBS)})\s+by)\s+"
    r"(?P<who>(?:[^,.;:\"“”()]|(?<=\d)[,.](?=\d)){2,80})",
    re.IGNORECASE,
)
# Each match holds one of these phrases: searched for first in a lower-case sentence (`may_hold`),
# as a letter tree ("\s+" for each space).
ACCORDING_LOWER = re.compile(
    trie_alternation(
        sorted(
            [
                "according to",
                *(f"{w} from" for w in FROM_SOURCES),
                *(f"{w} by" for w in BY_DOCUMENTS + BY_VERBS),
            ]
        )
    ).replace(r"\ ", r"\s+")
)
# Who sets a number: "raised the death toll", "cut its growth forecast", "put the crowd at about
# 2,000", "capped the price at 875 francs".
TOLL_SETTER = re.compile(
    r"\b(?:(?:raised|put|puts|revised|updated|lowered|raises|gave)\s+the\s+"
    r"(?:death\s+)?(?:toll|count|tally|number|figure)\b|"
    r"(?:cut|cuts|raised|raises|revised|lowered|trimmed|upgraded|downgraded)\s+(?:its|their)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:forecast|estimate|projection|outlook)s?\b|"
    r"(?:put|puts|putting|placed|capped|caps|capping|pegged)\s+(?:[\w'’-]+\s+){1,5}?at\s+"
    r"(?:(?:about|around|roughly|some|nearly|almost|least|more|than|over|up|to)\s+){0,2}\S*\d)"
)
# Every TOLL_SETTER match holds one of these (a cheap search first: 4x faster on most sentences).
TOLL_VERB_SIGN = re.compile("rais|put|revis|updat|lower|gave|plac|cut|trim|grad|cap|peg")
TOLL_OBJECTS = "toll count tally number figure forecast estimate projection outlook".split()
AT = re.compile(r"at(?<=\sat)\s")  # "\sat\s", led by its letters (which the engine skips to)
# Verbs of data rather than of speech: "The station recorded 45C ..., the institute said" is the
# institute's figure; such a verb credits a number only in a sentence with no speech verb.
DATA_VERBS = frozenset(
    "recorded records showed show shows suggest suggests suggested indicated indicates".split()
)
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
HEADLINE_MARKS = (":", "—", "–", "-")  # every HEADLINE_SOURCE match holds one
HEADLINE_PREFIX = re.compile(
    rf"(?P<who>(?:{SOURCE_WORD})"
    rf"(?:\s(?:{SOURCE_WORD}|of|and|the)){{0,4}}):\s"
)
ROLE = re.compile(
    r"\b(?:(?i:he|she|they|it|we)|[Tt]he ([a-z]+)|[Aa]n? ((?:[a-z]+\s)?[a-z]+))\s+"
    r"(?:has |had |also |later )?$"
)
RELATIVE_END = re.compile(r",\s+(?:who|which)\s+(?:[a-z]+\s+)?$")
PROGRESSIVE = re.compile(r"\b(?:is|are|was|were|be|been)\s$")  # "were adding to"
ARTICLE_BEFORE = re.compile(r"(?:^|\s)(?:an|the|a)\s$", re.IGNORECASE)  # "an estimated 80"


def may_set_toll(sentence: str) -> bool:
    """Whether TOLL_SETTER can match: every match holds what is set (a toll, a forecast, or "at"
    before a number) and one of its verbs; plain tests first (most sentences hold neither)."""
    if not (any(w in sentence for w in TOLL_OBJECTS) or AT.search(sentence)):
        return False
    return bool(TOLL_VERB_SIGN.search(sentence))


def attributions(sentence: str) -> list[tuple[int, str, str]]:
    """(position, kind, source) of every attribution in a sentence; kind is 'according', 'verb',
    'data' (a verb of data, such as "recorded", that credits a number only where no one speaks)
    or 'pronoun' (a pronoun or role word to resolve from an earlier sentence)."""
    found = (
        [(m.start(), "according", according_source(m["who"])) for m in ACCORDING.finditer(sentence)]
        if ("ccording" in sentence or " by " in sentence or " from " in sentence)
        and may_hold(sentence, ACCORDING_LOWER)
        else []
    )
    if "s " in sentence and POSSESSIVE_TAIL.search(sentence):
        found += [(m.start(), "verb", tidy(m["who"])) for m in POSSESSIVE_SOURCE.finditer(sentence)]
    for m in after_non_word(VERB, " " + sentence):
        verb_start, verb_end = m.start("verb") - 1, m.end() - 1
        if ARTICLE_BEFORE.search(sentence, max(0, verb_start - 5), verb_start):
            continue  # "an estimated 80", "the reported figure": an adjective
        if sentence.startswith(" to ", verb_end) and PROGRESSIVE.search(sentence, 0, verb_start):
            continue  # "releases were adding to the flooding": no one speaks
        kind = "data" if m["verb"] in DATA_VERBS else "verb"
        before = subject_before(sentence, verb_start)
        if before is None:
            shared = coordinated_subject(sentence, verb_start, found)
            before = (verb_start, shared) if shared else None
        if m["verb"].endswith("ing") and sentence[:verb_start].rstrip().endswith(","):
            said = [who for _, kind, who in found if kind == "verb"]
            # "..., the air force said, adding that ...": the speaker carries over
            if said and SAID_COMMA.search(sentence, 0, verb_start):
                found.append((verb_start, "verb", said[-1]))
                continue
            before = opening_subject(sentence[:verb_start]) or before  # "X did Y, saying ..."
        if before:
            found.append((verb_start, kind, tidy(before[1])))
        elif sentence[:verb_start].rstrip()[-1:] in (",", '"', "”") and (
            after := subject_after(sentence, verb_end)
        ):
            found.append((verb_start, kind, tidy(after)))
        else:
            role = ROLE.search(sentence, max(0, verb_start - 40), verb_start)
            if role and role.group(2) and is_role(role.group(2)):
                # "a witness told", "A local resident said": a new source
                found.append((verb_start, kind, role.group(2)))
            elif role:
                word = role.group(1) or role.group(0).split()[0].lower()
                found.append((verb_start, "pronoun", word))
    for m in TOLL_SETTER.finditer(sentence) if may_set_toll(sentence) else ():
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
        marked = headline and any(mark in text for mark in HEADLINE_MARKS)  # a quick test first
        m = HEADLINE_SOURCE.search(text) if marked else None
        ok = m is not None and not DIGIT.search(m["who"])  # built only for a text with numbers
        self.headline_source = tidy(m["who"]) if m is not None and ok else None
        m = HEADLINE_PREFIX.match(text) if headline and not ok and ":" in text else None
        if (
            m
            and m["who"].split()[0] not in NOT_NAME_WORDS
            and (is_head(m["who"].split()[-1]) or m["who"][0].isupper())
        ):
            self.headline_source = m["who"]  # "Police: nine arrested after march"

    def full_name(self, who: str, at: int) -> str:
        """`sources.full_name` of who in this text, with the acronym the text gives the body
        ("Institute for Fiscal Studies (IFS)", whether the sentence wrote the name or "IFS"); read
        once per name (and position, for a body's class word, whose answer depends on it)."""
        key = (who, at if who in BODY_WORDS else None)
        if key not in self.names:
            name = full_name(self.text, who, at)
            acronym = ACRONYM.fullmatch(who) and name != who
            self.names[key] = f"{name} ({who})" if acronym else with_acronym(self.text, name)
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
                kinds = [k for _, k, _ in found]  # ranked as `choose` ranks them
                best = next(k for k in ("according", "verb", "data") if k in kinds)
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
