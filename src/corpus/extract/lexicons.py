"""Word lists that type a capitalised name by its own words: head nouns of organisations and
places, given names (US Census, public domain), demonym endings, words that are never names.

Each list holds words of a kind any English news text uses, never a particular page's names.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

from spacy.lang.en.stop_words import STOP_WORDS

from corpus.extract.wordlists import words

# The last word of an organisation's name ("Cork County Council", "Delta Airlines").
ORG_HEADS = words("org_heads")
# Words in another language or of a trade that make a run an organisation wherever they stand
# ("Deutsche Bahn", "Red Crescent"), and endings of such words ("Gewerkschaft", "Robotics", a
# compound of a head word: "Sparbank", "Bürgerforum").
ORG_WORDS = ORG_HEADS | words("org_words")
ORG_ENDINGS = re.compile(
    r"(?:schaft|ung|ics|tions|verband|bund|amt|werk|werke|tech|soft|corp|bank|forum)$"
)
# Sports clubs' words: "Hartley United", "FC Romsey", "Real Velmark".
CLUB_WORDS = words("club_words")
# The first word of an organisation's name followed by "of" or "for" ("Ministry of Health").
ORG_LEADS = ORG_HEADS | words("org_leads")
# The last word of a place's name ("Princes Street", "Keelung River", "Tokyo Haneda Airport").
PLACE_HEADS = words("place_heads")
# Endings of one-word street names in German and Dutch ("Zeppelinstrasse", "Kurfürstendamm").
STREET_ENDINGS = re.compile(
    r"(?:stra(?:ss|ß)e|strasse|platz|gasse|allee|damm|ufer|weg|straat|"
    r"gracht|plein)$"
)
# Lowercase nouns after a name that make it a place ("the Tarvo bridge", "Orvo airport");
# the first set join the name, the second follow it ("Kamrup district").
PLACE_AFTER_JOINED = words("place_after_joined")
PLACE_AFTER = PLACE_AFTER_JOINED | words("place_after")
# The first word of a place's name ("Stadium Australia", "Lake Como", "Gulf of Mexico").
PLACE_LEADS = words("place_leads")
# Words that are the name of a thing done or made, not of a person ("World Cup", "Euro 2024").
NOT_NAME_HEADS = words("not_name_heads")
# Words of page furniture and greetings, never in a name ("Play Video", "Morning Simon").
NOT_NAME_WORDS = words("not_name_words")
CALENDAR = words("calendar")
# Person titles and roles that stand before a name ("Coach Talia Morvane", "Dr Lio").
TITLES = words("titles")
# Words that make a title only before another ("Health Minister", not "Health Protection").
TITLE_MODIFIERS = words("title_modifiers")
SPEECH = words("speech")
PLACE_PREPOSITIONS = words("place_prepositions")
SOURCE_CUES = words("source_cues")
# All-capital words that are not organisations ("GMT", "PM", "COVID").
NOT_INITIALISMS = words("not_initialisms")
DIRECTIONS = words("directions")
# Endings of words for a people or a language ("Ukrainian", "Chinese"): adjectives, not names.
DEMONYM = re.compile(r"(?:ians?|eans?|ese|ish|ans?|is?|ic|ch|ss|ek|ais?)$")
# Particles inside a person's name ("Ursula von der Leyen", "Bashar al-Assad").
NAME_PARTICLES = words("name_particles")
CONNECTORS = words("connectors")
# Nouns for a kind of organisation or place, before a name ("news agency Xinhua", "city of Wuhan").
ORG_NOUNS = words("org_nouns")
PLACE_NOUNS = words("place_nouns")
STOP = frozenset(w.capitalize() for w in STOP_WORDS) | frozenset(STOP_WORDS)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Given names of the 1990 US Census (public domain): 'Jennifer', 'Miguel'."""
    text = files("corpus.extract").joinpath("data/given_names.txt").read_text(encoding="utf-8")
    names = (n for line in text.splitlines() if not line.startswith("#") for n in line.split())
    return frozenset(names) - CALENDAR  # (the comment lines' words are no names)


def is_demonym(word: str) -> bool:
    """Whether a capitalised word looks like a demonym or a language ('Ukrainians', 'Chinese')."""
    return len(word) > 3 and DEMONYM.search(word) is not None and word not in given_names()


@lru_cache(maxsize=1)
def lexicon_words() -> frozenset[str]:
    """Every word of the word lists and given names, in lower case: English words and names, so
    a long all-capital one is shouted, not an acronym ('UPDATE', 'POLICE', 'ANDREW')."""
    folder = files("corpus.extract").joinpath("data/words")
    names = sorted(f.name.removesuffix(".txt") for f in folder.iterdir() if f.name.endswith(".txt"))
    listed = (words(name) for name in names)
    return frozenset(w.lower() for found in (*listed, given_names(), STOP) for w in found)


def is_initialism(word: str) -> bool:
    """'RAF', 'VHA', 'UNICEF': two to five capitals, or six to eight that are no word of the
    lexicons, not a time zone, a title or a shouted word ('F16' is a model)."""
    return (
        2 <= len(word) <= 8
        and word.isupper()
        and word.isalpha()
        and word not in NOT_INITIALISMS
        and (len(word) <= 5 or word.lower() not in lexicon_words())
    )


# A surname's prefix before a capital ("McKenzie", "MacLeod", "FitzGerald", "O'Brien"): the
# word is cased as a name, not as a brand ("TransLink").
SURNAME_PREFIX = re.compile(r"(?:Mc|Mac|Fitz|O['’])[A-Z][a-z]+")


def name_cased(word: str) -> bool:
    """Whether a word is cased as a name: a capital then lower case, or a surname's prefix and
    a capital ("McCrindle")."""
    return word[:1].isupper() and (word[1:].islower() or SURNAME_PREFIX.fullmatch(word) is not None)


CAPITALISED: dict[str, bool] = {}  # is_capitalised per word, once met


def is_capitalised(word: str) -> bool:
    """Whether a word opens with a capital and holds a letter (once per word: `CAPITALISED`)."""
    found = CAPITALISED.get(word)
    if found is None:
        found = CAPITALISED[word] = word[:1].isupper() and (
            word.isalpha() or any(c.isalpha() for c in word)
        )
    return found
