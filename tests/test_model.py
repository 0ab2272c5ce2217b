"""The optional spaCy pipeline (extract/model.py): only the components its recogniser reads run."""
import spacy

from corpus.extract.model import unneeded


class Embedding:
    """A stand-in for a shared embedding layer and the components listening to it."""

    def __init__(self, listeners):
        self.listening_components = listeners


def test_only_ner_and_the_embedding_it_listens_to_are_needed():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("ner")
    assert unneeded(nlp) == ["sentencizer"]
    pipeline = [("tok2vec", Embedding(["tagger", "ner"])), ("tagger", object()), ("ner", object())]
    shared = type("Pipeline", (), {"pipeline": pipeline})()
    assert unneeded(shared) == ["tagger"]
    shared.pipeline = [("tok2vec", Embedding(["tagger"])), ("tagger", object()), ("ner", object())]
    assert unneeded(shared) == ["tok2vec", "tagger"]  # a "ner" with its own embedding
