"""Markup roles of text inside an update that is not the update's own: visually hidden text,
image captions and credits, 'Updated ...' lines. The class names and words are data, in
``roles.yaml`` beside this module."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml
from lxml import etree

HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


@lru_cache(maxsize=1)
def data() -> dict:
    text = resources.files("corpus.parse").joinpath("roles.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@lru_cache(maxsize=1)
def words() -> dict[str, tuple[str, ...]]:
    """The word lists of roles.yaml, lower-cased."""
    return {key: tuple(str(v).lower() for v in values)
            for key, values in data().items() if isinstance(values, list)}


def words_map(name: str) -> dict[str, str]:
    """A mapping of roles.yaml (word -> value), keys lower-cased."""
    return {str(k).lower(): str(v) for k, v in data()[name].items()}


def class_tokens(el: etree._Element) -> list[str]:
    return (el.get("class") or "").lower().split() if isinstance(el.tag, str) else []


def names_role(token: str, names: tuple[str, ...], parts: bool) -> bool:
    if token in names or any(token.endswith(("-" + n, "_" + n)) for n in names):
        return True
    return parts and any(p in names for p in re.split(r"[-_]+", token))


def is_hidden(el: etree._Element) -> bool:
    """An element a browser does not show: the hidden attribute, an inline style hiding it, or
    a class that hides it visually (for screen readers)."""
    if not isinstance(el.tag, str):
        return False
    if el.get("hidden") is not None or HIDDEN_STYLE.search(el.get("style") or ""):
        return True
    return any(names_role(t, words()["hidden_classes"], False) for t in class_tokens(el))


def is_caption(el: etree._Element) -> bool:
    """An image caption or credit: <figcaption>, or a caption or credit class."""
    if not isinstance(el.tag, str):
        return False
    return el.tag == "figcaption" or any(names_role(t, words()["caption_classes"], True)
                                         for t in class_tokens(el))


def within(el: etree._Element, test, stop=None) -> bool:
    """Whether el or an ancestor (up to ``stop``, excluded) passes test."""
    for anc in (el, *el.iterancestors()):
        if anc is stop:
            return False
        if test(anc):
            return True
    return False


@lru_cache(maxsize=1)
def updated_line() -> re.Pattern:
    """An 'Updated ...' line: one of the words, then optionally 'at', 'on' or ':'."""
    alts = "|".join(re.escape(w) for w in sorted(words()["updated_words"], key=len, reverse=True))
    return re.compile(rf"^\s*(?:{alts})\b\s*(?:(?:at|on|um|à|alle|a las)\b)?\s*:?\s*",
                      re.IGNORECASE)


def is_updated_line(text: str) -> bool:
    """A short line saying when something was updated, with a time or date in it."""
    found = updated_line().match(text)
    return bool(found) and len(text) <= 100 and any(c.isdigit() for c in text[found.end():])
