"""Markup roles of text inside an update that is not the update's own: visually hidden text,
image captions and credits, 'Updated ...' lines. The class names and words are data, in
``roles.yaml`` beside this module."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

import yaml
from lxml import etree

MAX_CAPTION = 400  # characters: a caption or credit is short
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


@lru_cache(maxsize=1)
def data() -> dict:
    text = resources.files("corpus.parse").joinpath("roles.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@lru_cache(maxsize=1)
def words() -> dict[str, tuple[str, ...]]:
    """The word lists of roles.yaml, lower-cased."""
    return {
        key: tuple(str(v).lower() for v in values)
        for key, values in data().items()
        if isinstance(values, list)
    }


def words_map(name: str) -> dict[str, str]:
    """A mapping of roles.yaml (word -> value), keys lower-cased."""
    return {str(k).lower(): str(v) for k, v in data()[name].items()}


@lru_cache(maxsize=4)
def class_pattern(name: str, parts: bool) -> re.Pattern:
    """A class token that is one of the names or ends with one after '-' or '_' (with ``parts``,
    holds one as any '-'/'_'-separated part)."""
    alts = "|".join(re.escape(n) for n in sorted(words()[name], key=len, reverse=True))
    after = r"(?=$|\s|[-_])" if parts else r"(?=$|\s)"
    return re.compile(rf"(?:^|\s|[-_])(?:{alts}){after}", re.IGNORECASE)


def is_hidden(el: etree._Element) -> bool:
    """An element a browser does not show: the hidden attribute, an inline style hiding it, or
    a class that hides it visually (for screen readers)."""
    if not isinstance(el.tag, str):
        return False
    if el.get("hidden") is not None or HIDDEN_STYLE.search(el.get("style") or ""):
        return True
    names = el.get("class")
    return bool(names) and class_pattern("hidden_classes", False).search(names) is not None


def is_caption(el: etree._Element) -> bool:
    """An image caption or credit: <figcaption>, or a caption or credit class."""
    if not isinstance(el.tag, str):
        return False
    if el.tag == "figcaption":
        return True
    names = el.get("class")
    if not names or class_pattern("caption_classes", True).search(names) is None:
        return False
    return len("".join(el.itertext())) <= MAX_CAPTION  # not a whole update 'with-caption'


def within(el: etree._Element, test, stop=None) -> bool:
    """Whether el or an ancestor (up to ``stop``, excluded) passes test."""
    for anc in (el, *el.iterancestors()):
        if anc is stop:
            return False
        if test(anc):
            return True
    return False


class Inherited:
    """A value an element takes from the nearest of itself and its ancestors that has one
    (``own(el)`` truthy), else from ``default``: for many elements of one page, each element's
    ``own`` is computed once."""

    def __init__(self, own: Callable[[etree._Element], object], default: object = False):
        self.own, self.default = own, default
        self.known: dict[etree._Element, object] = {}

    def __call__(self, el: etree._Element) -> object:
        chain, node = [], el
        while node is not None and node not in self.known:
            chain.append(node)
            node = node.getparent()
        value = self.known[node] if node is not None else self.default
        for node in reversed(chain):
            value = self.own(node) or value
            self.known[node] = value
        return value


@lru_cache(maxsize=1)
def updated_line() -> re.Pattern:
    """An 'Updated ...' line: one of the words, then optionally 'at', 'on' or ':'."""
    alts = "|".join(re.escape(w) for w in sorted(words()["updated_words"], key=len, reverse=True))
    return re.compile(
        rf"^\s*(?:{alts})\b\s*(?:(?:at|on|um|à|alle|a las)\b)?\s*:?\s*", re.IGNORECASE
    )


def is_updated_line(text: str) -> bool:
    """A short line saying when something was updated, with a time or date in it."""
    found = updated_line().match(text)
    return found is not None and len(text) <= 100 and any(c.isdigit() for c in text[found.end() :])
