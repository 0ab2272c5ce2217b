"""Evidence that a name is a place beyond its head word: a word shaped like a people's that a
preposition or a list of places places ("near Zalingei", "Haizhu and Liwan districts"), a known
place and a compass word ("Dunedin North"), and a name listed with known towns ("the airports of
Haiphong, Van Kieu and Dong Hoi").
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from corpus.extract.lexicons import PLACE_AFTER, PLACE_NOUNS, PLACE_PREPOSITIONS, STOP, given_names
from corpus.extract.name_evidence import in_place_list, place_after
from corpus.extract.patterns import Found
from corpus.extract.place_context import country_codes, nations, qualifier
from corpus.extract.reference import (
    geonames_cities,
    geonames_places,
    populated_places,
    subdivision_codes,
)
from corpus.extract.wordlists import words

PLACE_AT = words("name_types_place_at")  # "near X"
LANGUAGE_USE = words("name_evidence_language_use")  # "known in Maori": a language after "in"
COMPASS = frozenset(("North", "South", "East", "West", "Central"))  # "Dunedin North"
LIST_WORDS = frozenset((",", "and"))
LIST_TOWN = 100_000  # a town this large in a list makes its neighbours places
BEARINGS = frozenset(
    "north south east west northeast northwest southeast southwest north-east north-west "
    "south-east south-west".split()
)  # "30 miles northwest of X"


def placed_name(ctx, a: int, sentence_start: bool) -> bool:
    """A word shaped like a people's ("Zalingei", "Kaliwan") that the sentence makes a place: in
    a list a plural place noun closes ("Haizhu and Kaliwan districts") or with a known town and
    no noun after it, after a preposition of place with no noun after it ("near Zalingei in
    March"; not "in Pakistani custody"), or between such a preposition and a place noun ("on
    Hainan island")."""
    if sentence_start:
        return False
    if in_place_list(ctx.words, a, a + 1):
        return True
    if (
        not ctx.sport
        and listed_with_towns(ctx.words, a, a + 1)
        and not before_a_noun(ctx.words, a + 1)
    ):
        return True  # "won Rongotai and Dunedin North", not "Iraqi and Tamworth officials"
    prev, nxt = ctx.before(a), ctx.after(a + 1)
    if prev == "in" and ctx.before(a, 2) in LANGUAGE_USE:
        return False  # "known in Maori as": a language
    if prev in PLACE_AT or prev == "on":
        if place_after(ctx, a + 1):
            return True  # "on Hainan island", not "on the Indonesian island"
    return prev in PLACE_AT and (not nxt[:1].isalpha() or nxt in STOP) and nxt not in ("and", "or")


def compass_district(words: list[str], a: int, b: int) -> bool:
    """A known place's name and a compass word: a district or an electorate ("Dunedin North",
    "Tamworth Central"), whatever the place's name alone could also be."""
    return b - a > 1 and words[b - 1] in COMPASS and " ".join(words[a : b - 1]) in geonames_places()


def town(name: str) -> bool:
    """A GeoNames city of LIST_TOWN people or more (not a country): a smaller town's name is as
    often a surname ("Rogers", "Wilton")."""
    ref = geonames_places().get(name)
    if ref is None or name in nations():
        return False
    city = geonames_cities().get(ref.geonames_id) if ref.geonames_id is not None else None
    return city is not None and city["population"] >= LIST_TOWN


def listed_with_towns(words: list[str], a: int, b: int) -> bool:
    """A run in a list whose item just before or after it is a known town: "the airports of
    Haiphong, Van Kieu and Dong Hoi", "won Rongora and Dunedin North". A given name opening the
    run needs a list of three ("Sarah and Tamworth" is no list of places)."""
    if b < len(words) and (words[b][:1].isdigit() or words[b] == "("):
        return False  # "Rogers 74, Clarke 5": a scorecard's players
    if not (a >= 2 and words[a - 1] in LIST_WORDS or b + 1 < len(words) and words[b] in LIST_WORDS):
        return False  # no list word next to it (`item_before`, `item_after`)
    before, after = item_before(words, a), item_after(words, b)
    if before and after is None and b < len(words) and words[b] == ",":
        return False  # "its envoy in Nouakchott, Kwame Orrin-Asante, said": an apposition
    near = [x for x in (before, after) if x]
    if not any(town(x) or compass_district(x.split(), 0, len(x.split())) for x in near):
        return False
    if words[a] not in given_names():
        return True
    return before is not None and after is not None


def item_before(words: list[str], a: int) -> str | None:
    """The capitalised run before a list word before position a."""
    if a < 2 or words[a - 1] not in LIST_WORDS:
        return None
    i = a - 1
    while i > 0 and words[i - 1][:1].isupper():
        i -= 1
    return " ".join(words[i : a - 1]) or None


def item_after(words: list[str], b: int) -> str | None:
    """The capitalised run after a list word after position b."""
    if b + 1 >= len(words) or words[b] not in LIST_WORDS:
        return None
    j = b + 1
    while j < len(words) and words[j][:1].isupper():
        j += 1
    return " ".join(words[b + 1 : j]) or None


def before_a_noun(words: list[str], b: int) -> bool:
    """Whether the list that goes on from position b ends before a lower-case word that is no
    stop word: its items are then adjectives ("Iraqi and Tamworth officials")."""
    j = b
    while j < len(words) and (words[j] in LIST_WORDS or words[j][:1].isupper()):
        j += 1
    return j < len(words) and words[j].isalpha() and words[j].islower() and words[j] not in STOP


def place_cue_before(ctx, a: int) -> bool:
    """A preposition of place before position a ("near X"), or "of" after a place noun or a
    bearing ("the village of X", "30 miles northwest of X")."""
    prev = ctx.before(a)
    if prev == "of":
        return ctx.before(a, 2) in PLACE_NOUNS or ctx.before(a, 2) in BEARINGS
    return prev in PLACE_AT


def placed(doc: Doc, span: Found, text: str, countries: frozenset[str]) -> bool:
    """Whether the text places a name that is also a word or a person's name ("Reading",
    "Jackson"): a preposition of place before it ("in Reading"), its state or country after it
    ("Jackson, Mississippi"), a place noun after it ("Reading station"), or its country named in
    the entry."""
    i = span.start - 1
    while (
        i > 0
        and span.start - i < 6
        and (doc[i].text in (",", "and", "or") or doc[i].text[:1].isupper())
    ):
        i -= 1  # "in Bristol and Bath": a list after the preposition
    before = doc[i].lower_ if i >= 0 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    if before in PLACE_PREPOSITIONS or after in PLACE_AFTER or after in PLACE_NOUNS:
        return True
    if qualifier(text, doc[span.end - 1].idx + len(doc[span.end - 1])) is not None:
        return True
    name = doc[span.start : span.end].text
    return any(p.country in countries for p in populated_places().get(name, ()))


@lru_cache(maxsize=1)
def context_regions() -> frozenset[str]:
    """Names of countries and of regions (states, provinces, counties): never a surname's."""
    return frozenset(country_codes()) | frozenset(subdivision_codes())


def town_named_like(m, people: dict, text: str) -> bool:
    """Whether a GeoNames town's mention `m` is rather the surname of a person the text names in
    full (`people`: surname -> that person's mention): "Thorne said" after "Rebecca Thorne", a
    town of that name notwithstanding; not a country or region, and not after a preposition of
    place or "the" ("in Thorne", "the Thorne")."""
    person = people.get(m.text)
    if person is None or person.type != "PERSON" or m.method != "geonames" or " " in m.text:
        return False
    if m.text in nations() or m.text in context_regions():
        return False
    before = text[: m.start].split()
    return not before or before[-1].lower() not in PLACE_PREPOSITIONS | {"the"}
