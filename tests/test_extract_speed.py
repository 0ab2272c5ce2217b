"""The recogniser's fast paths read what the slow ones did: words and classes by lexeme rank,
one-word runs split without the loop."""

import spacy

from corpus.extract.entry_context import SPORT_WORDS
from corpus.extract.name_context import Segment
from corpus.extract.patterns import BIT, Lexicon, Tokens
from corpus.extract.run_split import split


def initial_classes(vocab):
    """A stand-in for Recogniser.classes_of: the upper-initial class, and the sport class."""

    def classes_of(orth: int) -> int:
        word = vocab.strings[orth]
        return BIT["upper-initial"] * word[:1].isupper() | BIT["sport"] * (word in SPORT_WORDS)

    return classes_of


def test_words_get_dense_ranks_once_and_the_columns_grow_past_their_first_size():
    nlp = spacy.blank("en")
    lexicon = Lexicon(nlp.vocab, initial_classes(nlp.vocab))
    sport = sorted(SPORT_WORDS)[0]
    text = " ".join(f"Word{i} w{i}" for i in range(700)) + f" Word3 {sport} w5"
    doc = nlp.make_doc(text)
    tokens = Tokens(doc, lexicon)
    assert lexicon.size == 1401  # 1,400 words and the sports word; "Word3" and "w5" met before
    assert len(lexicon.bits) >= 1401 > 1024
    assert tokens.words == [t.text for t in doc]
    assert [nlp.vocab[w].rank for w in ("Word0", "w0", "Word1", sport)] == [0, 1, 2, 1400]
    assert tokens.capitals == [i for i, t in enumerate(doc) if t.text[:1].isupper()]
    assert tokens.sport == [1401]
    assert tokens.starts == [t.idx for t in doc]
    assert tokens.spaces == [int(bool(t.whitespace_)) for t in doc]
    again = Tokens(nlp.make_doc("w5 Word3"), lexicon)
    assert lexicon.size == 1401 and again.words == ["w5", "Word3"]
    assert again.capitals == [1] and again.bits(1) == BIT["upper-initial"]


def test_a_one_word_run_is_kept_unless_a_title_calendar_stop_word_or_connector():
    words = ["Minister", "Monday", "The", "of", "Kyiv", "said", "Kyiv"]
    assert [split(words, i, i + 1) for i in range(4)] == [[], [], [], []]
    assert split(words, 4, 5) == [Segment(4, 5, False, False)]
    assert split(words, 6, 7) == [Segment(6, 7, False, False)]
    assert split(["Kyiv"], 0, 1) == [Segment(0, 1, True, False)]  # opens the text
    assert split(["minister", "Ivanova"], 1, 2) == [Segment(1, 2, False, True)]  # after a title
    # a longer run, through the loop: cut at the title word, the stop word dropped
    assert split(["The", "Kyiv", "Minister", "Ivanova"], 0, 4) == [
        Segment(1, 2, False, False),
        Segment(3, 4, False, True),
    ]
