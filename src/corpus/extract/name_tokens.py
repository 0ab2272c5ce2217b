"""The token texts of the recogniser's names (about 40,000 gazetteer and GeoNames names), as
spaCy's tokenizer splits them: the PhraseMatcher's input. Tokenizing them took half of the
recogniser's set-up, in every build process; a build keeps the splits in its cache
(`corpus.build.places`) and hands them back here through a `SplitStore`, so that a later process
sets up without tokenizing them again. A name the store lacks is tokenized (and the store told).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

Splits = dict[str, tuple[str, ...]]


class SplitStore(Protocol):
    """Where set-up finds the splits of names tokenized before (a build's cache)."""

    def load(self) -> Mapping[str, Sequence[str]] | None: ...

    def save(self, splits: Splits) -> None: ...


STORE: list[SplitStore | None] = [None]  # a build points this at its cache


def keep_splits_in(store: SplitStore | None) -> None:
    """Have `name_splits` read (and keep) the names' splits in store (None: tokenize them)."""
    STORE[0] = store


def name_splits(tokenizer, names: Iterable[str]) -> Splits:
    """Each distinct name's token texts as `tokenizer` splits it: from the store where it holds
    them, the others tokenized now (and then all of them saved in the store)."""
    wanted = list(dict.fromkeys(names))
    store = STORE[0]
    stored = (store.load() if store is not None else None) or {}
    splits = {name: tuple(stored[name]) for name in wanted if name in stored}
    missing = [name for name in wanted if name not in splits]
    for name, doc in zip(missing, tokenizer.pipe(missing)):
        splits[name] = tuple(token.text for token in doc)
    if missing and store is not None:
        store.save({name: splits[name] for name in wanted})
    return splits
