"""An installed spaCy pipeline's entities, merged with the rules' (`build --ner-model NAME`).

The pipeline is named by $CORPUS_NER_MODEL (the command line sets it, so that worker processes see
it too): a package such as en_core_web_sm or a pipeline folder. Its PERSON, ORG and GPE/LOC/FAC
entities are added where the rules found nothing, linked through the same gazetteer, with method
"model". Without the variable nothing here loads spaCy's models.
"""

from __future__ import annotations

import os
from functools import lru_cache

from corpus.errors import InputError

ENV = "CORPUS_NER_MODEL"
TYPES = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
}


def model_name() -> str | None:
    return os.environ.get(ENV) or None


@lru_cache(maxsize=2)
def pipeline(name: str):
    """The spaCy pipeline of this name, loaded once; a clear error when it is not installed."""
    import spacy

    try:
        nlp = spacy.load(name, exclude=["parser", "lemmatizer", "textcat"])
    except (OSError, ImportError, ValueError) as err:
        first = str(err).splitlines()[0]
        raise InputError("--ner-model", f"cannot load spaCy pipeline {name!r}: {first}") from None
    if "ner" not in nlp.pipe_names:
        raise InputError("--ner-model", f"spaCy pipeline {name!r} has no 'ner' component")
    nlp.select_pipes(disable=unneeded(nlp))
    return nlp


def unneeded(nlp) -> list[str]:
    """The components the entity recogniser does not read: all but "ner" and an embedding layer
    it listens to (en_core_web_sm's "ner" has its own, and runs 2.2x faster alone, with the
    same entities)."""
    return [
        name
        for name, component in nlp.pipeline
        if name != "ner" and "ner" not in getattr(component, "listening_components", ())
    ]


def metadata() -> dict[str, str]:
    """The model's name and version for the dataset's metadata; empty without a model."""
    name = model_name()
    if name is None:
        return {}
    meta = pipeline(name).meta
    named = f"{meta.get('lang', '')}_{meta.get('name', '')}" if os.path.isdir(name) else name
    return {
        "ner_model": named,
        "ner_model_version": str(meta.get("version", "")),
        "ner_model_source": name,
    }


def spans(nlp, text: str) -> list[tuple[int, int, str]]:
    """(start, end, type) of the pipeline's entities of the scored types, by character offset."""
    return [
        (e.start_char, e.end_char, TYPES[e.label_]) for e in nlp(text).ents if e.label_ in TYPES
    ]


def add_model_mentions(found: dict, fields: dict[str, str], nlp, link, mention_type) -> dict:
    """Each field's mentions with the pipeline's entities that overlap none of the rules' added.

    `link(text)` is the gazetteer's Reference for a name or None; `mention_type` makes a
    Mention."""
    for f, ms in found.items():
        taken = [(m.start, m.end) for m in ms]
        added = []
        for start, end, kind in spans(nlp, fields[f]):
            text = fields[f][start:end]
            if any(s < end and start < e for s, e in taken) or not text.strip():
                continue
            ref = link(text)
            if ref is not None and ref.type == kind:
                added.append(
                    mention_type(
                        start,
                        end,
                        text,
                        kind,
                        ref.canonical_name,
                        ref.wikidata_id,
                        ref.geonames_id,
                        ref.latitude,
                        ref.longitude,
                        "model",
                    )
                )
            else:
                added.append(
                    mention_type(start, end, text, kind, text, None, None, None, None, "model")
                )
        found[f] = sorted(ms + added, key=lambda m: m.start)
    return found
