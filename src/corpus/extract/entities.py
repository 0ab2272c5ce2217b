"""Entities: people, organisations and places, offline and deterministic.

spaCy's blank English tokenizer with a PhraseMatcher over the gazetteer and
GeoNames names, and a Matcher for names the gazetteer lacks:

* a title or role before a capitalised name ("Defence Minister Oleksii Reznikov");
* a capitalised name in apposition to a role ("Serhiy Popko, the head of ...");
* a capitalised name next to a speech verb ("Florencia Soto Nino said", "said Andriy Yermak");
* an organisation head noun after capitalised words ("Kiev City Military Administration",
  "Russia's Defence Ministry", "Ministry of Internal Affairs");
* a surname alone, after the full name in the same entry ("Kirby added").

The patterns and their word classes are in `patterns`; names found by the text's other evidence
in `candidates`; a found span's names and ids in `mentions`. Where spans overlap the longest
wins. Demonyms ("Russian") are never entities.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from functools import lru_cache
from operator import itemgetter
from typing import Any, cast

import spacy
from spacy.attrs import IDS
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from corpus.extract.candidates import Known, merge
from corpus.extract.entry_context import is_sport, is_team, short_forms
from corpus.extract.lexicons import ORG_HEADS, PLACE_HEADS
from corpus.extract.mentions import Mention, mention
from corpus.extract.model import add_model_mentions
from corpus.extract.name_tokens import name_splits
from corpus.extract.patterns import (
    BIT,
    FLAG,
    MATCH_PATTERNS,
    WORD_CLASSES,
    Found,
    Lexicon,
    Tokens,
    longest_first,
    match_window,
    trim,
)
from corpus.extract.place_context import context_countries, context_places, nations
from corpus.extract.place_evidence import placed, town_named_like
from corpus.extract.reference import Reference, gazetteer, geonames_places, setting_up
from corpus.extract.word_search import whole_words as whole_words

log = logging.getLogger(__name__)

# spaCy's tokenizer caches 10,000 distinct chunks by default; past that (the names alone are
# ~40,000) every new word takes the slow path and tokenizing runs ~9x slower. Half a million
# costs ~50 MB.
TOKENIZER_CACHE_SIZE = 500_000

# Methods of mentions that a short form of a name found in the entry outranks ("Morvane said").
WEAK = frozenset(("context", "place-context", "source-context", "capitalised"))
START = itemgetter(0)  # a Mention's start
FLAG_IDS = {cls: IDS[flag] for cls, flag in FLAG.items()}  # each word class's lexeme flag


class Recogniser:
    """Built once: the tokenizer, the name lists and the patterns."""

    def __init__(
        self, gazetteer_rows: list[tuple[Reference, tuple[str, ...]]] | None = None
    ) -> None:
        self.nlp: Any = cast(Any, spacy.blank("en"))  # (spaCy's Language is typed only in part)
        self.nlp.tokenizer.max_cache_size = TOKENIZER_CACHE_SIZE
        # spaCy computes every lexical attribute of a word when it first meets it (67,000 words in
        # the name lists alone, and the PhraseMatcher's 40,000 keys); the patterns read only the
        # text, its lower case and the word-class flags, which `classes_of` sets on a word's
        # lexeme when a doc first holds it (no getters: a name never read costs nothing).
        self.nlp.vocab.lex_attr_getters = {}
        self.names = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.labels: dict[int, tuple[str, bool]] = {}
        self.refs: dict[str, Reference] = {}
        self.by_name: dict[str, Reference] = {}  # the first reference listed under a name
        self.people_by_surname: dict[str, tuple[Reference, frozenset[str]]] = {}
        rows = gazetteer() if gazetteer_rows is None else gazetteer_rows
        listed: list[tuple[str, Reference, tuple[str, ...]]] = []  # (key, reference, its names)
        for i, (ref, names) in enumerate(rows):
            listed.append((f"gazetteer:{i}", ref, names))
            if ref.type == "PERSON":
                words = frozenset(w for n in (ref.canonical_name, *names) for w in n.split())
                for name in (ref.canonical_name, *names):
                    self.people_by_surname.setdefault(name.split()[-1], (ref, words))
        ambiguous = context_places()
        self.ambiguous: set[str] = set()  # labels of names that are places only in context
        for name, ref in geonames_places().items():
            if name in ORG_HEADS or name in PLACE_HEADS:
                continue  # "Bank", "Union", "Airport": a head word alone is a common noun
            listed.append((f"geonames:{name}", ref, (name,)))
            if name in ambiguous:
                self.ambiguous.add(f"geonames:{name}")
        # the names' tokens: kept in a build's cache, tokenized only when it lacks them
        splits = name_splits(self.nlp.tokenizer, (n for _, _, names in listed for n in names))
        for key, ref, names in listed:
            self.add_names(key, ref, names, splits)
        # validate=False: the schema does not know FLAG attributes
        self.patterns = Matcher(self.nlp.vocab, validate=False)
        for label, patterns in MATCH_PATTERNS.items():
            self.patterns.add(label, patterns)
        self.lexicon = Lexicon(self.nlp.vocab, self.classes_of)  # the words met, with classes

    def classes_of(self, orth: int) -> int:
        """A word's classes as BIT bits, also set as its lexeme's flags (for the Matcher), with
        its lower case (for the Matcher's LOWER and `Token.lower_`)."""
        lexeme = self.nlp.vocab[orth]
        word, bits = lexeme.orth_, 0
        lexeme.lower_ = word.lower()  # what spaCy's getter gives, spaCy's own words included
        for cls, test in WORD_CLASSES.items():
            if test(word):
                bits |= BIT[cls]
                lexeme.set_flag(FLAG_IDS[cls], True)
        return bits

    def tokens(self, doc: Doc) -> Tokens:
        return Tokens(doc, self.lexicon)

    def add_names(
        self, key: str, ref: Reference, names, splits: Mapping[str, tuple[str, ...]] | None = None
    ) -> None:
        """Names of one reference for the PhraseMatcher, as their token texts' ids (`splits`:
        each name's token texts, as the tokenizer splits it; without them, tokenized now)."""
        self.refs[key] = ref
        # the PhraseMatcher's match id -> (the label, False for the gazetteer's: before GeoNames')
        strings = self.nlp.vocab.strings
        self.labels[strings.add(key)] = (key, not key.startswith("gazetteer"))
        for name in names:
            self.by_name.setdefault(name, ref)
        if splits is None:
            splits = {
                n: tuple(t.text for t in d) for n, d in zip(names, self.nlp.tokenizer.pipe(names))
            }
        # each name as its tokens' ids, which the PhraseMatcher takes as it takes a Doc's
        keywords: list = [tuple(strings.add(text) for text in splits[n]) for n in names]
        self.names.add(key, keywords)

    def spans(self, doc: Doc, tokens: Tokens) -> list[Found]:
        """Gazetteer and GeoNames names first, then patterns; the longest of overlapping spans
        wins (as spaCy's `filter_spans` picks, see `longest_first`)."""
        labels, known_ends = self.labels, set()
        ranked: list[tuple] = []  # (minus length, start, list first, ..., label)
        for i, (k, s, e) in enumerate(self.names(doc)):
            label, geonames = labels[k]
            # by start, the gazetteer's first (else in the PhraseMatcher's order)
            ranked.append((s - e, s, 0, geonames, i, label))
            if not geonames:
                known_ends.add(e)  # the gazetteer's
        vocab = self.nlp.vocab.strings
        for j, (k, s, e) in enumerate(self.pattern_matches(doc, tokens)):
            p = trim(tokens, vocab[k], s, e)
            # A known organisation keeps its own name: "Russia's Black Sea Fleet" is "Black Sea
            # Fleet".
            if p.end > p.start and not (p.label == "organisation" and p.end in known_ends):
                ranked.append((p.start - p.end, p.start, 1, j, p.label))
        return longest_first(ranked)

    def pattern_matches(self, doc: Doc, tokens: Tokens) -> list[tuple[int, int, int]]:
        """The Matcher's matches, found only in the windows where `match_window` puts the
        matches of each trigger word (every pattern holds one).

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

    def link(self, name: str) -> Reference | None:
        """The gazetteer's (else GeoNames') reference for a name written exactly so."""
        return self.by_name.get(name)

    def entry_mentions(self, fields: dict[str, str], model=None) -> dict[str, list[Mention]]:
        """Mentions per field of one entry; lone surnames resolve to full names found in any field;
        with a spaCy pipeline (`model`), its entities where the rules found none."""
        docs = {f: self.nlp.make_doc(t) for f, t in fields.items() if t}
        spans, sport_words, tokens, listed = {}, set(), {}, {}
        for f, doc in docs.items():
            tokens[f] = self.tokens(doc)
            listed[f] = self.spans(doc, tokens[f])
        countries = context_countries(
            self.refs[s.label].canonical_name
            for ss in listed.values()
            for s in ss
            if s.label in self.refs and s.label not in self.ambiguous
        )
        for f, doc in docs.items():
            known = [
                Known(s.start, s.end, self.kind(s.label), s.label)
                for s in listed[f]
                if s.label not in self.ambiguous or placed(doc, s, fields[f], countries)
            ]
            words = tokens[f].words
            own_sport = {words[i].lower() for i in tokens[f].sport}
            spans[f] = merge(
                words, tokens[f].spaces, known, tokens[f].capitals, is_sport(own_sport)
            )
            sport_words.update(own_sport)
        refs, people = self.refs, self.people_by_surname
        found = {
            f: [mention(s, tokens[f], fields[f], countries, refs, people) for s in spans[f]]
            for f in docs
        }
        if is_sport(sport_words):  # "England beat Colombia": the teams
            teams = nations()
            found = {
                f: [
                    m._replace(type="ORG", method="context")
                    if m.type == "PLACE"
                    and m.canonical_name in teams
                    and is_team(fields[f], m.start, m.end)
                    else m
                    for m in ms
                ]
                for f, ms in found.items()
            }
        short = short_forms(m for ms in found.values() for m in ms)
        names = sorted(short, reverse=True)
        for f, doc in docs.items():
            found[f] = [
                m
                for m in found[f]
                if m.text not in short
                or m.method not in WEAK
                and not town_named_like(m, short, fields[f])
            ]
            occurrences = whole_words(names, fields[f]) if names else ()
            taken = [(m.start, m.end) for m in found[f]] if occurrences else []
            for start, name in occurrences:
                end = start + len(name)
                if any(a <= start < b for a, b in taken) or doc.char_span(start, end) is None:
                    continue
                full = short[name]
                method = "surname" if full.type == "PERSON" else "context"
                found[f].append(
                    Mention(
                        start,
                        end,
                        name,
                        full.type,
                        full.canonical_name,
                        full.wikidata_id,
                        None,
                        None,
                        None,
                        method,
                    )
                )
            found[f].sort(key=START)
        if model is not None:
            found = add_model_mentions(found, fields, model, self.link, Mention)
        return found


@lru_cache(maxsize=1)
def recogniser() -> Recogniser:
    """The recogniser of this process, set up on first use (seconds; logged, with -v)."""
    started = time.perf_counter()
    with setting_up():
        made = Recogniser()
    log.info("entity recogniser set up in %.2f s", time.perf_counter() - started)
    return made
