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
from dataclasses import dataclass
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import IDS
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from corpus.extract.reference import Reference, gazetteer, geonames_places

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
}
FIRST_FLAG = 30  # spaCy's free lexeme flags are FLAG19 to FLAG63
FLAG = {name: f"FLAG{FIRST_FLAG + i}" for i, name in enumerate(WORD_CLASSES)}


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

# Every pattern holds a trigger word, at most REACH_BEFORE tokens after the match's start and
# REACH_AFTER before its end ("Serhiy Popko Petrenko, the head of the ... governor": 8 before).
REACH_BEFORE, REACH_AFTER = 8, 6


@dataclass(frozen=True)
class Mention:
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


def trim(doc: Doc, label: str, start: int, end: int) -> Span:
    """The name inside a pattern match: without its title, role, comma or speech verb."""
    tokens = doc[start:end]
    if label in ("title", "speech") and tokens[0].lower_ in TITLES + SPEECH:
        start += 1
    if label == "speech" and doc[end - 1].lower_ in SPEECH:
        end -= 2 if doc[end - 2].lower_ in ("has", "had", "have") else 1
    if label == "role-apposition":  # "prime minister, Rishi Sunak,"
        return Span(doc, start + 2, end - 1, label="apposition")
    if label == "apposition":
        end = next(t.i for t in tokens if t.text == ",")
    return Span(doc, start, end, label=label)


class Recogniser:
    """Built once: the tokenizer, the name lists and the patterns."""

    def __init__(self, gazetteer_rows: list[tuple[Reference, tuple[str, ...]]] | None = None) -> None:
        self.nlp = spacy.blank("en")
        self.nlp.tokenizer.max_cache_size = TOKENIZER_CACHE_SIZE
        for cls, test in WORD_CLASSES.items():  # first: add_flag walks every lexeme already in the vocabulary
            self.nlp.vocab.add_flag(test, flag_id=IDS[FLAG[cls]])
        self.names = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.refs: dict[str, Reference] = {}
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

    def add_names(self, key: str, ref: Reference, names) -> None:
        self.refs[key] = ref
        self.names.add(key, list(self.nlp.tokenizer.pipe(names)))

    def spans(self, doc: Doc) -> list[Span]:
        """Gazetteer and GeoNames names first, then patterns; the longest of overlapping spans wins."""
        vocab = self.nlp.vocab.strings
        named = [Span(doc, s, e, label=vocab[k]) for k, s, e in self.names(doc)]
        named.sort(key=lambda s: (s.start, not s.label_.startswith("gazetteer")))
        patterned = [trim(doc, vocab[k], s, e) for k, s, e in self.pattern_matches(doc)]
        known_ends = {s.end for s in named if s.label_.startswith("gazetteer")}
        # A known organisation keeps its own name: "Russia's Black Sea Fleet" is "Black Sea Fleet".
        patterned = [p for p in patterned if len(p) and not (p.label_ == "organisation" and p.end in known_ends)]
        return filter_spans(named + patterned)

    def pattern_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The Matcher's matches, found only in windows around trigger words (every pattern holds one).

        A window reaches as far as the longest pattern can from its trigger, so the matches are
        those of the whole document; the Matcher just skips the text where none can start.
        """
        token_at = numpy.flatnonzero(doc.to_array(FLAG["trigger"]))
        windows: list[list[int]] = []
        for t in token_at.tolist():
            a, b = max(0, t - REACH_BEFORE), min(len(doc), t + REACH_AFTER + 1)
            if windows and a <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], b)
            else:
                windows.append([a, b])
        return [(k, s + a, e + a) for a, b in windows for k, s, e in self.patterns(doc[a:b])]

    def mention(self, span: Span, source: str) -> Mention:
        text = source[span.start_char:span.end_char]  # Span.text would walk the tokens again
        ref = self.refs.get(span.label_)
        if ref is not None:
            return Mention(span.start_char, span.end_char, text, ref.type, ref.canonical_name, ref.wikidata_id,
                           ref.geonames_id, ref.latitude, ref.longitude, ref.source)
        kind = "ORG" if span.label_ == "organisation" else "PERSON"
        known = self.known_person(text) if kind == "PERSON" else None
        if known is not None:  # "Volodymyr Zelenskiy": a known person under another spelling
            return Mention(span.start_char, span.end_char, text, kind, known.canonical_name, known.wikidata_id,
                           None, None, None, f"{span.label_}-pattern")
        return Mention(span.start_char, span.end_char, text, kind, text, None, None, None, None,
                       f"{span.label_}-pattern")

    def known_person(self, name: str) -> Reference | None:
        """The gazetteer person a pattern-found name spells: its last word is one of that person's
        surnames and every other word is in their name or aliases ("Volodymyr Zelenskiy")."""
        words = name.split()
        found = self.people_by_surname.get(words[-1]) if len(words) > 1 else None
        if found is None or not all(w in found[1] for w in words[:-1]):
            return None
        return found[0]

    def entry_mentions(self, fields: dict[str, str]) -> dict[str, list[Mention]]:
        """Mentions per field of one entry; lone surnames resolve to full names found in any field."""
        docs = {f: self.nlp.make_doc(t) for f, t in fields.items() if t}
        found = {f: [self.mention(s, fields[f]) for s in self.spans(doc)] for f, doc in docs.items()}
        people = {m.canonical_name.split()[-1]: m for ms in found.values() for m in ms
                  if m.type == "PERSON" and " " in m.canonical_name}
        surnames = any_word(tuple(sorted(people, reverse=True))) if people else None
        for f, doc in docs.items():
            taken = {i for m in found[f] for i in range(m.start, m.end)}
            for match in surnames.finditer(fields[f]) if surnames else ():
                if match.start() in taken or doc.char_span(match.start(), match.end()) is None:
                    continue
                full = people[match.group(0)]
                found[f].append(Mention(match.start(), match.end(), match.group(0), "PERSON", full.canonical_name,
                                        full.wikidata_id, None, None, None, "surname"))
            found[f].sort(key=lambda m: m.start)
        return found


@lru_cache(maxsize=4096)  # entries of a blog tend to name the same people; re's own cache is smaller
def any_word(words: tuple[str, ...]) -> re.Pattern:
    """A pattern for any of the words, whole."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")


@lru_cache(maxsize=1)
def recogniser() -> Recogniser:
    return Recogniser()
