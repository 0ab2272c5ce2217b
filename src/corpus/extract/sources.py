"""Who a claimant names: a lone surname, an acronym, a role word or a pronoun resolved to the
full name the text gives ("Varden" -> "Ilse Varden", "VHA" -> "Velmark Health
Agency", "the minister" -> "Jonas Ek" after "Health Minister Jonas Ek", "she" -> the person
named last before her), an acronym by the initials of a name in the text ("NVT" -> "Northern
Valley Times"), a lower-case body by the name given in full; and the forms a source takes that
claimants.py reads ("according to a survey by X", "said paramedic X", "police in X").
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from corpus.extract.lexicons import TITLES, given_names
from corpus.extract.wordlists import words

COUNTRY_NAMES = frozenset(c.name for c in pycountry.countries)
ACRONYM = re.compile(r"[A-Z]{2,6}")
SURNAME = re.compile(r"[A-Z][a-z][\w'’-]*")
NAME = r"[A-Z][a-z][\w'’-]*"
# A person's name: two to four capitalised words, each a word of a name (not "The", "In").
PERSON = re.compile(rf"\b{NAME}(?:\s(?:{NAME}|[A-Z]\.|(?:de|van|von|al|bin|el)\s{NAME})){{1,3}}")
NAME_PARTS = words("sources_name_parts")
# A capitalised name run, with the small words names hold ("Agency for Coastal Defence").
CAPITAL_NAME = re.compile(r"[A-Z][\w'’-]*(?:\s(?:(?:of|and|for|the|on)\s)*[A-Z][\w'’-]*)+")
PERSON_PRONOUNS = frozenset(("he", "she"))
# Forms of a source that claimants.py reads.
FIGURES_OF = r"['’]s\s+(?:own\s+)?(?:figures|data|estimates|count|tally|statistics)"
CLAUSE_AFTER = re.compile(
    r"\s+(?:on|in(?!\s(?:the\s)?[A-Z])|at(?!\s(?:the\s)?[A-Z])|via|over|that|which|who|show|shows|showed|suggest|"
    r"suggests|said|says|found|finds|put|puts|estimated|estimates|recorded|"
    r"counted|gave|gives|predicted|predicts|projected)\b.*$"
)
ARTICLE = re.compile(r"^(?:the|The|a|A)\s+")
POSSESSIVE_END = re.compile(rf"{FIGURES_OF}$")
# "according to a survey of 2,104 voters by the Lakeside Institute": the one it is by
BY_SOURCE = re.compile(r"^.*?\bby\s+(?:the\s+)?(?=[A-Z])")
# "according to the NVT report", "a Velmark Times tally": the source, not its document
DOCUMENT_TAIL = re.compile(
    r"(?<=[A-Za-z])\s+(?:report|reports|survey|poll|tally|count|analysis|study|data|figures|"
    r"estimate|estimates|statement|statistics)$"
)
ROLE_THEN_NAME = re.compile(
    rf"\s+(?:the\s+)?(?P<role>(?:[a-z]+\s){{1,2}})(?P<name>{NAME}(?:\s(?:{NAME}|[A-Z]\.)){{1,3}})"
    r"(?=[\s.,;]|$)"
)
HEAD_IN_PLACE = re.compile(
    r"\s+(?:the\s+)?(?P<who>(?P<head>[a-z]+)\s(?:in|of|for)\s(?:the\s)?"
    r"[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*){0,3})(?=[\s.,;]|$)"
)
# A name whose "of" takes a list ("Ministry of Transport, Energy and Water"): its first part, and
# the part after the comma ("Energy and Water").
LISTED_NAME = re.compile(r"\b[A-Z][\w'’-]*\s(?:[A-Z][\w'’-]*\s)*of\s[A-Z][a-z]+,\s$")
LIST_END = re.compile(r"(?:[A-Z][a-z]+,\s)*[A-Z][a-z]+,?\s(?:and|&)\s[A-Z][a-z]+")


@lru_cache(maxsize=4096)
def name_patterns(who: str) -> tuple[re.Pattern, ...]:
    """Patterns finding the full name of a lone surname or the name an acronym abbreviates."""
    if ACRONYM.fullmatch(who):
        return (re.compile(rf"((?:[A-Z][\w'’-]*\s(?:(?:of|and|for|the)\s)?)+)\(\s*{who}\s*\)"),)
    return (
        re.compile(rf"\b(?:{NAME}\s){{1,2}}{re.escape(who)}\b(?![\s-]+[A-Z])"),
        re.compile(rf"(?<![\w’'])\b{re.escape(who)}\s{NAME}\b(?!\s+[A-Z])"),
    )


@lru_cache(maxsize=256)
def role_patterns(role: str) -> tuple[re.Pattern, ...]:
    """Patterns finding the person a role word stands for: "Minister Jonas Ek", "Jonas Ek, the
    regional minister", "the minister, Jonas Ek,"."""
    person = rf"({NAME}(?:\s{NAME}){{1,2}})"
    return (
        re.compile(rf"\b(?i:{role})\s{person}\b"),
        re.compile(rf"{person},\s(?:the\s|a\s)?(?:[\w'’-]+\s){{0,4}}?(?i:{role})\b"),
    )


def is_person(name: str) -> bool:
    """A capitalised run that names a person: a given name first (after Dr, Mr, ...)."""
    words = [w for w in name.split() if w.rstrip(".") not in NAME_PARTS]
    return len(words) >= 2 and words[0] in given_names()


def full_name(text: str, who: str, at: int | None = None) -> str:
    """A lone surname resolved to the full name the text gives ('Varden' -> 'Ilse Varden'), an
    acronym to the name it abbreviates, a person's role word to the person the text names in it,
    a body's class word to the one body of that class the text names ("the bank" -> "Kauri
    Bank"; a company after its class word only in the BODY_WINDOW characters before `at`)."""
    if ACRONYM.fullmatch(who):
        m = name_patterns(who)[0].search(text)
        return ARTICLE.sub("", m.group(1).strip()) if m else (initials_name(text, who) or who)
    if who.split()[-1].islower() and len(who.split()) >= 3:
        return named_in_full(text, who)
    if who in BODY_WORDS:
        return body_name(text, who, len(text) if at is None else at) or who
    if who.islower() and who.split()[-1] in TITLES:
        return role_name(text, who.split()[-1]) or who
    if not SURNAME.fullmatch(who) or who in COUNTRY_NAMES:
        return who
    before, after = name_patterns(who)
    m = before.search(text)
    if m:
        return m.group(0)
    for m in after.finditer(text):  # "Liu Wen", after no capitalised word ("spokesman Liu")
        word = text[max(0, m.start() - 30) : m.start()].split()[-1:]
        if not word or not word[0][:1].isupper():
            return m.group(0)
    return who


BRACKETED = re.compile(r",?\s\(([A-Z]{2,6})\)")  # "... (IFS)" after a name


def with_acronym(text: str, name: str) -> str:
    """A body's name with the acronym the text gives it, so that a body is one claimant whether
    a sentence names it in full or by its initials: "Institute for Fiscal Studies (IFS)" where the
    text writes the name with "(IFS)" after it, or uses "IFS", the initials of its capitalised
    words; the name alone otherwise, and always for a person or a one-word name."""
    words = name.split()
    if len(words) < 2 or "(" in name or ACRONYM.fullmatch(words[-1]) or is_person(name):
        return name
    at = text.find(name)
    while at >= 0:  # plain searches first: most names have no acronym
        m = BRACKETED.match(text, at + len(name))
        if m:
            return f"{name} ({m.group(1)})"
        at = text.find(name, at + 1)
    initials = "".join(w[0] for w in words if w[0].isupper())
    if 3 <= len(initials) <= 6 and initials in text and re.search(rf"\b{initials}\b", text):
        return f"{name} ({initials})"
    return name


def initials_name(text: str, acronym: str) -> str | None:
    """The name a three-to-six-letter acronym abbreviates when the text spells it out without
    brackets: its capitalised words' initials hold the acronym's letters in order, first letter
    first, with at most one word more, inside or after ("NVT" -> "Northern Valley Times",
    "ECD" -> "Estan's Agency for Coastal Defence")."""
    if len(acronym) < 3:
        return None
    for m in CAPITAL_NAME.finditer(text):
        words = m.group(0).split()
        capitals = [i for i, w in enumerate(words) if w[0].isupper()]
        for k, first in enumerate(capitals):
            rest = capitals[k:]
            if words[first][0] != acronym[0] or not len(acronym) <= len(rest) <= len(acronym) + 1:
                continue
            letters = iter(words[i][0] for i in rest)
            if all(letter in letters for letter in acronym):
                return " ".join(words[first:])
    return None


def named_in_full(text: str, who: str) -> str:
    """A lower-case body ("Velmark's ministry of health") as the text names it in full elsewhere
    ("the Ministry of Health, Labour and Welfare"): the capitalised form of the same words,
    with the list of words that follows them in the name."""
    tail = who.split("'s ")[-1].split("’s ")[-1]
    pattern = re.compile(
        rf"\b{re.escape(tail)}(?:,\s[A-Z][a-z]+)*(?:,?\s(?:and|&)\s[A-Z][a-z]+)?", re.IGNORECASE
    )
    for m in pattern.finditer(text):
        found = m.group(0)
        if found[0].isupper() and len(found) > len(tail):
            return who[: len(who) - len(tail)] + found  # "Velmark's" kept: whose body it is
    return who


def role_name(text: str, role: str) -> str | None:
    """The person the text names in a role ("minister" -> "Jonas Ek"), if it names one."""
    for pattern in role_patterns(role):
        m = pattern.search(text)
        if (
            m
            and m.group(1).split()[0] not in TITLES
            and m.group(1).split()[0].lower() not in TITLES
            and (pattern is role_patterns(role)[0] or is_person(m.group(1)))
        ):  # "Harlow General Hospital, a hospital spokeswoman": no person
            return m.group(1)
    return None


# Words of TITLES that qualify a title rather than name one ("Foreign Minister", "Acting Mayor"):
# a run that ends its title words with one of these has no title ("Foreign Corrupt Practices").
TITLE_MODIFIERS = frozenset(
    "foreign health finance home defence defense interior former acting deputy vice interim "
    "prime general chief justice executive head".split()
)


def person_before(text: str, end: int) -> str | None:
    """The person named last before position end ("she" after "Dr Amira Haddou described ..."):
    a name that opens with a given name, or two or more names after a title ("Prime Minister
    Henrique Valente", "Dr Halima Toure": the title says a person is meant), none a body's head
    ("General Electric Company" is no person)."""
    for m in reversed(list(PERSON.finditer(text, max(0, end - 600), end))):
        words = m.group(0).split()
        title = ""
        while words and words[0].lower().rstrip(".") in TITLES:
            title = words.pop(0).lower().rstrip(".")  # "Mayor Ilse Varden"
        titled = bool(title) and title not in TITLE_MODIFIERS  # "Foreign ... Act": no title
        name = " ".join(words)
        if is_person(name) or (
            titled and len(words) >= 2 and not any(w.lower() in BODY_WORDS for w in words)
        ):
            return name
    return None


MILITARY_RANKS = frozenset("brig brigadier maj major cpl corporal pte private".split())


def strip_titles(name: str) -> str:
    """A person's name without the titles before it ("Brig Gen Nabil Kheiri" -> "Nabil
    Kheiri"); a name that is titles only is kept."""
    words = name.split()
    while len(words) > 2 and words[0].lower().rstrip(".") in TITLES | MILITARY_RANKS:
        words.pop(0)
    return " ".join(words)


def tidy(who: str) -> str:
    who = ARTICLE.sub("", who.strip())
    who = CLAUSE_AFTER.sub("", who)
    who = POSSESSIVE_END.sub("", who)
    return who.strip(" ,")


def according_source(who: str) -> str:
    """The source of an 'according to' phrase: the one a document is by ("a survey of 2,104
    voters by the Lakeside Institute"), not the document ("the NVT report" -> "NVT")."""
    who = tidy(BY_SOURCE.sub("", who.strip()))
    return DOCUMENT_TAIL.sub("", who) if who[:1].isupper() else who


# A body's class word ("the company said") and the class words and name heads the text may give
# the same body under ("the state utility Orvo", "Orvo Airways").
BUSINESS = (
    "company firm utility operator carrier airline insurer lender manufacturer maker group "
    "haulier supplier retailer shipper developer producer"
)
BODY_CLASSES = {
    **{w: (BUSINESS.split(), ()) for w in ("company", "firm", "utility", "operator", "group")},
    **{
        w: (["airline", "carrier"], ["Airways", "Airlines", "Airline"])
        for w in ("airline", "carrier")
    },
}
BODY_HEADS = words("sources_body_heads")  # "the commission": the one "X Commission" named
BODY_WORDS = frozenset(BODY_CLASSES) | BODY_HEADS
BODY_WINDOW = 250  # "the company": a company named after its class word this close before
NAME_RUN = r"[A-Z][\w'’-]*(?:\s(?:(?:of|and|for|the)\s)*[A-Z][\w'’-]*){0,4}"


@lru_cache(maxsize=64)
def body_patterns(word: str) -> tuple[re.Pattern | None, re.Pattern | None]:
    """The body of a class by its head ("Kauri Bank") and after a class word ("utility Orvo")."""
    nouns, heads = BODY_CLASSES.get(word, ([word], [word.capitalize()]))
    names = "|".join(heads)
    by_head = (  # "Kauri Bank", "Orvan Red Crescent Society"; "Department of Health"
        re.compile(
            rf"\b((?:(?!(?:The|A)\s)[A-Z][\w'’-]*\s){{1,5}}(?:{names})|(?:{names})\s(?:of|for)\s"
            rf"(?:the\s)?[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)*)\b"
        )
        if heads
        else None
    )
    after = (
        re.compile(rf"\b(?:{'|'.join(nouns)}),?\s({NAME_RUN})") if word in BODY_CLASSES else None
    )
    return by_head, after


def body_name(text: str, word: str, at: int) -> str | None:
    """The one body the text names of the class a word names: by its head anywhere ("the bank"
    -> "Kauri Bank"), or after a class word in the BODY_WINDOW characters before position at
    ("the company" -> "Orvo" after "the state utility Orvo said."); None when it names none or
    several."""
    by_head, after = body_patterns(word)
    found: set[str] = set()
    if by_head is not None:
        found |= {m.group(1) for m in by_head.finditer(text)}
    if after is not None:
        found |= {m.group(1) for m in after.finditer(text, max(0, at - BODY_WINDOW), at)}
    found = {ARTICLE.sub("", f) for f in found}
    found = {f for f in found if f and not any(g != f and g.startswith(f) for g in found)}
    return found.pop() if len(found) == 1 else None
