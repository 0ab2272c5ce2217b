"""Entities: people, organisations and places, offline and deterministic.

spaCy's blank English tokenizer with a PhraseMatcher over the gazetteer and
GeoNames names, and a Matcher for names the gazetteer lacks:

* a title or role before a capitalised name ("Defence Minister Oleksii Reznikov");
* a capitalised name in apposition to a role ("Serhiy Popko, the head of ...");
* a capitalised name next to a speech verb ("Florencia Soto Nino said", "said Andriy Yermak");
* an organisation head noun after capitalised words ("Kiev City Military Administration",
  "Russia's Defence Ministry", "Ministry of Internal Affairs");
* a surname alone, after the full name in the same entry ("Kirby added").

Where spans overlap the longest wins. Demonyms ("Russian") are never entities.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, NamedTuple

import numpy
import spacy
from spacy.attrs import IDS, LOWER
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from corpus.extract.candidates import Known, merge
from corpus.extract.entry_context import is_sport, is_team, short_forms
from corpus.extract.model import add_model_mentions
from corpus.extract.reference import (Reference, context_countries, gazetteer, geonames_cities,
                                      geonames_places, nations, qualifier, resolve_place)

TITLES = ["president", "governor", "spokesperson", "spokesman", "spokeswoman", "commander", "speaker", "minister",
          "chancellor", "mayor", "secretary", "general", "ambassador", "senator", "envoy", "adviser", "advisor",
          "chief", "colonel", "admiral", "lieutenant", "director", "chairman", "chairwoman", "leader", "king",
          "queen", "pope", "prince", "judge", "prosecutor", "sen.", "rep.", "gen.", "col.", "lt.", "dr.", "ceo",
          "premier", "head", "official", "deputy", "negotiator", "aide", "gen", "col", "lt", "mr", "mrs", "ms"]
ROLES = ["head", "commander", "governor", "spokesperson", "spokesman", "spokeswoman", "minister", "chief", "leader",
         "director", "president", "mayor", "secretary", "adviser", "advisor", "official", "ambassador", "deputy",
         "chairman", "founder", "member", "envoy", "general", "representative"]
SPEECH = ["said", "says", "told", "added", "announced", "stated", "wrote", "warned", "claimed", "noted", "insisted"]
ORG_HEADS = ["Ministry", "Council", "Administration", "Fleet", "Agency", "Committee", "Commission", "Office",
             "Department", "Party", "Army", "Navy", "Service", "Guard", "Corps", "Court", "Parliament", "Bank",
             "Fund", "Institute", "University", "Forces", "Organisation", "Organization", "Union", "Assembly",
             "Directorate", "Command", "Brigade", "Battalion", "Regiment", "Duma", "Rada", "Cabinet"]
CALENDAR = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
            "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
NOT_NAMES = {t.capitalize() for t in TITLES} | {t.upper() for t in ("ceo",)} | set(ORG_HEADS) | set(CALENDAR) | {
    "The", "A", "An", "In", "On", "At", "But", "And", "He", "She", "It", "They", "We", "I", "His", "Her", "This",
    "That", "Secretary-General", "Moscow-backed", "Kremlin", "Western", "Thursday's", "God"}

# Every word test of the patterns is a property of the word alone, so each is a lexeme flag: computed
# once per distinct word when the vocabulary first meets it, then checked by the Matcher in C.
# (As Python predicates -- IN, NOT_IN, REGEX -- they took most of the recogniser's time.)
CAPITALISED = re.compile(r"^[A-Z][\w'’.-]*$")
TITLE_SET, ROLE_SET, SPEECH_SET = set(TITLES), set(ROLES), set(SPEECH)
WORD_CLASSES = {
    "title": lambda w: w.lower() in TITLE_SET,
    "role": lambda w: w.lower() in ROLE_SET,
    "speech": lambda w: w.lower() in SPEECH_SET,
    "have": lambda w: w.lower() in ("has", "had", "have"),
    "name": lambda w: w.istitle() and w not in NOT_NAMES,  # "Kirby", not "GB" or "The"
    "capitalised": lambda w: CAPITALISED.match(w) is not None and w not in NOT_NAMES,
    "org-head": lambda w: w in ORG_HEADS,
    "org-lead": lambda w: w[:1].isascii() and w[:1].isupper() and (w not in NOT_NAMES or w in ORG_HEADS),
    "possessive": lambda w: w in ("'s", "’s"),
    "clause-end": lambda w: w in (",", ".", ";", ":"),
    "trigger": lambda w: w.lower() in TITLE_SET | ROLE_SET | SPEECH_SET or w in ORG_HEADS,
    "comma": lambda w: w == ",",
    "of": lambda w: w.lower() == "of",
}
FIRST_FLAG = 30  # spaCy's free lexeme flags are FLAG19 to FLAG63
FLAG = {name: f"FLAG{FIRST_FLAG + i}" for i, name in enumerate(WORD_CLASSES)}
BIT = {name: 1 << i for i, name in enumerate(WORD_CLASSES)}  # a token's classes as one int (`Tokens.bits`)


def word(cls: str, **op) -> dict:
    """A token pattern for a word of the class; `yes=False` for a word outside it."""
    return {FLAG[cls]: op.pop("yes", True), **op}


NAME_1_3 = [word("name", OP="{1,3}")]
NAME_2_3 = [word("name", OP="{2,3}")]
MATCH_PATTERNS = {
    "title": [[word("title"), *NAME_1_3]],
    "apposition": [[*NAME_2_3, {"ORTH": ","}, {"LOWER": "the", "OP": "?"},
                    word("clause-end", yes=False, OP="{0,3}"), word("role")]],
    "role-apposition": [[word("role"), {"ORTH": ","}, *NAME_2_3, {"ORTH": ","}]],
    "speech": [[*NAME_2_3, word("have", OP="?"), word("speech")],
               [word("speech"), *NAME_2_3]],
    "organisation": [[word("org-lead", OP="{0,1}"), word("possessive", OP="?"),
                      word("capitalised", OP="{1,3}"), word("org-head")],
                     [word("org-head"), {"LOWER": "of"}, word("capitalised", OP="{1,3}")]],
}


# spaCy's tokenizer caches 10,000 distinct chunks by default; past that (the names alone are ~40,000)
# every new word takes the slow path and tokenizing runs ~9x slower. Half a million costs ~50 MB.
TOKENIZER_CACHE_SIZE = 500_000

PATTERN_LABELS = frozenset(MATCH_PATTERNS)
# Methods of mentions that a short form of a name found in the entry outranks ("Morvane said").
WEAK = frozenset(("context", "place-context", "source-context", "capitalised"))


class Mention(NamedTuple):
    start: int
    end: int
    text: str
    type: str
    canonical_name: str
    wikidata_id: str | None
    geonames_id: int | None
    latitude: float | None
    longitude: float | None
    method: str


class Found(NamedTuple):
    """A labelled token span (what spaCy's `filter_spans` needs of a Span, without making one)."""

    start: int
    end: int
    label: str


PAD = 8  # tokens of no class either side of a doc's: as far as match_window looks from a trigger


class Tokens:
    """The tokens of a doc as the patterns see them: where the trigger words are, and each token's
    word classes (`BIT`, kept per orth id in `known`, where `classes_of` adds words not there yet)."""

    def __init__(self, doc: Doc, known: dict[int, int], classes_of: Callable[[int], int]) -> None:
        columns = doc.to_array(["ORTH", FLAG["trigger"], "SPACY"])
        self.triggers: list[int] = numpy.flatnonzero(columns[:, 1]).tolist()
        orths: list[int] = columns[:, 0].tolist()
        self.orths, self.spaces = orths, columns[:, 2].tolist()
        for orth in set(orths).difference(known):
            known[orth] = classes_of(orth)
        # Each token's classes, with PAD tokens of none either side (windows reach past the ends).
        self.padded: list[int] = [0] * PAD + [known[o] for o in orths] + [0] * PAD

    def __len__(self) -> int:
        return len(self.padded) - 2 * PAD

    def bits(self, i: int) -> int:
        """The word classes of the token at i (none outside the doc)."""
        return self.padded[i + PAD] if -PAD <= i < len(self) + PAD else 0

    def around(self, t: int, before: int, after: int) -> list[int]:
        """The classes of tokens t - before to t + after (before, after at most PAD)."""
        return self.padded[t + PAD - before:t + PAD + after + 1]

    def has(self, i: int, cls: str) -> bool:
        return bool(self.bits(i) & BIT[cls])


def trim(tokens: Tokens, label: str, start: int, end: int) -> Found:
    """The name inside a pattern match: without its title, role, comma or speech verb."""
    if label in ("title", "speech") and (tokens.has(start, "title") or tokens.has(start, "speech")):
        start += 1
    if label == "speech" and tokens.has(end - 1, "speech"):
        end -= 2 if tokens.has(end - 2, "have") else 1
    if label == "organisation":  # "Russia's Defence Ministry": the ministry is "Defence Ministry"
        start += 1 if tokens.has(start, "possessive") else 2 * tokens.has(start + 1, "possessive")
    if label == "role-apposition":  # "prime minister, Rishi Sunak,"
        return Found(start + 2, end - 1, "apposition")
    if label == "apposition":
        end = next(i for i in range(start, end) if tokens.has(i, "comma"))
    return Found(start, end, label)


def match_window(tokens: Tokens, t: int) -> tuple[int, int] | None:
    """The tokens (start, end) that hold every match of a pattern whose trigger word is the one at t,
    or None when no pattern can match there: each pattern's trigger needs certain words right next
    to it, and a match reaches at most so far from its trigger (see MATCH_PATTERNS)."""
    near = tokens.around(t, 7, 3)

    def at(offset: int, cls: str) -> bool:
        return bool(near[7 + offset] & BIT[cls])

    def names(*offsets: int) -> bool:
        return all(at(o, "name") for o in offsets)

    reach = []
    if at(0, "title") and names(1):  # title name{1,3}
        reach.append((0, 4))
    if at(0, "role"):
        if any(at(c, "comma") and names(c - 1, c - 2) for c in range(-5, 0)):  # name{2,3} , the? w{0,3} role
            reach.append((-8, 1))
        if at(1, "comma") and names(2, 3):  # role , name{2,3} ,
            reach.append((0, 6))
    if at(0, "speech"):
        if names(-1, -2) or at(-1, "have") and names(-2, -3):  # name{2,3} have? speech
            reach.append((-4, 1))
        if names(1, 2):  # speech name{2,3}
            reach.append((0, 4))
    if at(0, "org-head"):
        if at(-1, "capitalised"):  # org-lead? 's? capitalised{1,3} org-head
            reach.append((-5, 1))
        if at(1, "of") and at(2, "capitalised"):  # org-head of capitalised{1,3}
            reach.append((0, 5))
    if not reach:
        return None
    return max(0, t + min(a for a, _ in reach)), min(len(tokens), t + max(b for _, b in reach))


class Recogniser:
    """Built once: the tokenizer, the name lists and the patterns."""

    def __init__(self, gazetteer_rows: list[tuple[Reference, tuple[str, ...]]] | None = None) -> None:
        self.nlp = spacy.blank("en")
        self.nlp.tokenizer.max_cache_size = TOKENIZER_CACHE_SIZE
        # spaCy computes every lexical attribute of a word when it first meets it (67,000 words in the
        # name lists alone); the patterns read only the text, its lower case and the flags below.
        self.nlp.vocab.lex_attr_getters = {LOWER: self.nlp.vocab.lex_attr_getters[LOWER]}
        for cls, test in WORD_CLASSES.items():  # first: add_flag walks every lexeme already in the vocabulary
            self.nlp.vocab.add_flag(test, flag_id=IDS[FLAG[cls]])
        self.names = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.refs: dict[str, Reference] = {}
        self.by_name: dict[str, Reference] = {}  # the first reference listed under a name
        self.people_by_surname: dict[str, tuple[Reference, frozenset[str]]] = {}
        for i, (ref, names) in enumerate(gazetteer() if gazetteer_rows is None else gazetteer_rows):
            self.add_names(f"gazetteer:{i}", ref, names)
            if ref.type == "PERSON":
                words = frozenset(w for n in (ref.canonical_name, *names) for w in n.split())
                for name in (ref.canonical_name, *names):
                    self.people_by_surname.setdefault(name.split()[-1], (ref, words))
        for name, ref in geonames_places().items():
            self.add_names(f"geonames:{name}", ref, (name,))
        self.patterns = Matcher(self.nlp.vocab, validate=False)  # the schema does not know FLAG attributes
        for label, patterns in MATCH_PATTERNS.items():
            self.patterns.add(label, patterns)
        self.word_bits: dict[int, int] = {}  # orth id -> the word's classes as BIT bits
        self.texts: dict[int, str] = {}  # orth id -> the word

    def classes_of(self, orth: int) -> int:
        word = self.nlp.vocab.strings[orth]
        return sum(bit for cls, bit in BIT.items() if WORD_CLASSES[cls](word))

    def tokens(self, doc: Doc) -> Tokens:
        return Tokens(doc, self.word_bits, self.classes_of)

    def add_names(self, key: str, ref: Reference, names) -> None:
        self.refs[key] = ref
        for name in names:
            self.by_name.setdefault(name, ref)
        self.names.add(key, list(self.nlp.tokenizer.pipe(names)))

    def spans(self, doc: Doc, tokens: Tokens) -> list[Found]:
        """Gazetteer and GeoNames names first, then patterns; the longest of overlapping spans wins."""
        vocab = self.nlp.vocab.strings
        named = [Found(s, e, vocab[k]) for k, s, e in self.names(doc)]
        named.sort(key=lambda s: (s.start, not s.label.startswith("gazetteer")))
        patterned = [trim(tokens, vocab[k], s, e) for k, s, e in self.pattern_matches(doc, tokens)]
        known_ends = {s.end for s in named if s.label.startswith("gazetteer")}
        # A known organisation keeps its own name: "Russia's Black Sea Fleet" is "Black Sea Fleet".
        patterned = [p for p in patterned
                     if p.end > p.start and not (p.label == "organisation" and p.end in known_ends)]
        return filter_spans(named + patterned)

    def pattern_matches(self, doc: Doc, tokens: Tokens) -> list[tuple[int, int, int]]:
        """The Matcher's matches, found only in the windows where `match_window` puts the matches of
        each trigger word (every pattern holds one).

        Each window holds every match of its trigger, and a match in a window is one in the whole
        document (no pattern looks beyond its own tokens), so the matches are those of the whole
        document; the Matcher just skips the text where none can be.
        """
        windows: list[list[int]] = []
        for t in tokens.triggers:
            window = match_window(tokens, t)
            if window is None:
                continue
            a, b = window
            if windows and a <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], b)
            else:
                windows.append([a, b])
        return [(k, s + a, e + a) for a, b in windows for k, s, e in self.patterns(doc[a:b])]

    def kind(self, label: str) -> str:
        """The type of a span found from the lists or patterns."""
        ref = self.refs.get(label)
        return ref.type if ref is not None else "ORG" if label == "organisation" else "PERSON"

    def mention(self, span: tuple[int, int, str, str], doc: Doc, source: str,
                countries: frozenset[str]) -> Mention:
        first, last = doc[span[0]], doc[span[1] - 1]
        start, end = first.idx, last.idx + len(last)
        text, kind, label = source[start:end], span[2], span[3]
        ref = self.refs.get(label)
        if ref is not None and ref.source == "geonames" and ref.geonames_id in geonames_cities():
            place = resolve_place(text, countries, qualifier(source, end))  # "Naples, Florida"
            ids = (place.geonames_id, place.latitude, place.longitude) if place else (None,) * 3
            return Mention(start, end, text, ref.type, ref.canonical_name, None, *ids, ref.source)
        if ref is not None:
            return Mention(start, end, text, ref.type, ref.canonical_name, ref.wikidata_id,
                           ref.geonames_id, ref.latitude, ref.longitude, ref.source)
        method = f"{label}-pattern" if label in PATTERN_LABELS else label
        known = self.known_person(text) if kind == "PERSON" else None
        if known is not None:  # "Volodymyr Zelenskiy": a known person under another spelling
            return Mention(start, end, text, kind, known.canonical_name, known.wikidata_id,
                           None, None, None, method)
        place = resolve_place(text, countries, qualifier(source, end)) if kind == "PLACE" else None
        if place is not None:
            return Mention(start, end, text, kind, text, None, place.geonames_id, place.latitude,
                           place.longitude, method)
        return Mention(start, end, text, kind, text, None, None, None, None, method)

    def known_person(self, name: str) -> Reference | None:
        """The gazetteer person a pattern-found name spells: its last word is one of that person's
        surnames and every other word is in their name or aliases ("Volodymyr Zelenskiy")."""
        words = name.split()
        found = self.people_by_surname.get(words[-1]) if len(words) > 1 else None
        if found is None or not all(w in found[1] for w in words[:-1]):
            return None
        return found[0]

    def link(self, name: str) -> Reference | None:
        """The gazetteer's (else GeoNames') reference for a name written exactly so."""
        return self.by_name.get(name)

    def entry_mentions(self, fields: dict[str, str], model=None) -> dict[str, list[Mention]]:
        """Mentions per field of one entry; lone surnames resolve to full names found in any field;
        with a spaCy pipeline (`model`), its entities where the rules found none."""
        docs = {f: self.nlp.make_doc(t) for f, t in fields.items() if t}
        spans, vocabulary = {}, set()
        for f, doc in docs.items():
            tokens = self.tokens(doc)
            known = [Known(s.start, s.end, self.kind(s.label), s.label)
                     for s in self.spans(doc, tokens)]
            texts, strings = self.texts, self.nlp.vocab.strings
            words = [texts.get(o) or texts.setdefault(o, strings[o]) for o in tokens.orths]
            spans[f] = merge(words, tokens.spaces, known)
            vocabulary.update(words)
        countries = context_countries(self.refs[s[3]].canonical_name for ss in spans.values()
                                      for s in ss if s[3] in self.refs)
        found = {f: [self.mention(s, docs[f], fields[f], countries) for s in spans[f]]
                 for f in docs}
        if is_sport({w.lower() for w in vocabulary}):  # "England beat Colombia": the teams
            teams = nations()
            found = {f: [m._replace(type="ORG", method="context")
                         if m.type == "PLACE" and m.canonical_name in teams
                         and is_team(fields[f], m.start, m.end) else m
                         for m in ms] for f, ms in found.items()}
        short = short_forms(m for ms in found.values() for m in ms)
        names = sorted(short, reverse=True)
        for f, doc in docs.items():
            found[f] = [m for m in found[f] if not (m.method in WEAK and m.text in short)]
            taken = {i for m in found[f] for i in range(m.start, m.end)}
            for start, name in whole_words(names, fields[f]) if names else ():
                end = start + len(name)
                if start in taken or doc.char_span(start, end) is None:
                    continue
                full = short[name]
                method = "surname" if full.type == "PERSON" else "context"
                found[f].append(Mention(start, end, name, full.type, full.canonical_name,
                                        full.wikidata_id, None, None, None, method))
            found[f].sort(key=lambda m: m.start)
        if model is not None:
            found = add_model_mentions(found, fields, model, self.link, Mention)
        return found


def whole_words(words: list[str], text: str) -> list[tuple[int, str]]:
    """(start, word) of each occurrence of any of the words, whole, as `\\b(?:w1|w2|...)\\b` finds them:
    leftmost first, the earlier word of the list where several start at one place, none overlapping."""
    starts = sorted((start, rank) for rank, w in enumerate(words) for start in word_starts(w, text))
    found, end = [], 0
    for start, rank in starts:
        if start >= end:
            found.append((start, words[rank]))
            end = start + len(words[rank])
    return found


def is_word_char(char: str) -> bool:
    """Whether `\\w` matches the character (in a str pattern: alphanumeric or the underscore)."""
    return char.isalnum() or char == "_"


def word_starts(word: str, text: str) -> list[int]:
    """Where the word occurs whole in text, as `\\b` bounds it (occurrences may overlap): found with
    str.find, far quicker than a pattern per word, which the regex engine cannot search for as text."""
    starts, size = [], len(word)
    first, last = is_word_char(word[0]), is_word_char(word[-1])
    i = text.find(word)
    while i >= 0:
        # \b holds where a word character meets a non-word one; beyond the text counts as non-word.
        if (i > 0 and is_word_char(text[i - 1])) != first \
                and (i + size < len(text) and is_word_char(text[i + size])) != last:
            starts.append(i)
        i = text.find(word, i + 1)
    return starts


@lru_cache(maxsize=1)
def recogniser() -> Recogniser:
    return Recogniser()
