"""Extractors: entities and figures from entry rows, each row traceable to its character span.

Importing this package is light: its extractors (spaCy, the word lists: about a second) load on
first use of `entity_rows`, `figure_rows` or a submodule reached as an attribute
(`extract.reference`), so that a build with nothing to extract never imports them (issue 30)."""

from __future__ import annotations

import importlib
import importlib.util
from typing import TYPE_CHECKING, Any

from corpus.extract.compiled import use_sources_if_stale

if TYPE_CHECKING:  # what the attributes below give, for type checkers only
    from corpus.extract import reference
    from corpus.extract.rows import entity_rows, figure_rows

__all__ = ["EXTRACTOR_LANGUAGES", "entity_rows", "figure_rows", "reads_language", "reference"]

EXTRACTOR_LANGUAGES = ("en",)  # the patterns, gazetteer and number words are English
LOADED_FROM = {"entity_rows": "rows", "figure_rows": "rows"}  # attribute -> module holding it

use_sources_if_stale(__name__)  # compiled modules (`make compiled`) older than their sources


def reads_language(tag: str) -> bool:
    """Whether the extractors apply to a blog in this language ('und' is read as English)."""
    return tag == "und" or tag.split("-")[0].lower() in EXTRACTOR_LANGUAGES


def __getattr__(name: str) -> Any:
    """`entity_rows`, `figure_rows` and the submodules, loaded when first asked for (PEP 562)."""
    if name in LOADED_FROM:
        return getattr(importlib.import_module(f"{__name__}.{LOADED_FROM[name]}"), name)
    spec = None if name.startswith("_") else importlib.util.find_spec(f"{__name__}.{name}")
    if spec is not None and spec.origin is not None:  # a module, not a folder (`data`)
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
