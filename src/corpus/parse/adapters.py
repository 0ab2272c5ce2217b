"""Outlet adapters read from ``adapters.yaml``: XPath selectors for one template's updates.

The general reader is the default; an adapter is used only for a page it matches (by address
or by an XPath that finds something). See the YAML file's header for the fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from lxml import etree

FIELDS = ("name", "url", "xpath", "container", "stamp", "headline", "body", "zone", "notes")


@dataclass(frozen=True)
class Adapter:
    name: str
    container: str
    url: str | None = None
    xpath: str | None = None
    stamp: str | None = None
    headline: str | None = None
    body: str | None = None
    zone: str | None = None
    notes: str | None = None


def parse_adapters(text: str, source: str = "adapters.yaml") -> tuple[Adapter, ...]:
    """Adapters from YAML text; a ValueError names the entry and field that is wrong."""
    data = yaml.safe_load(text) or {}
    out = []
    for i, row in enumerate(data.get("adapters") or [], start=1):
        unknown = set(row) - set(FIELDS) if isinstance(row, dict) else {"(not a mapping)"}
        if unknown or not row.get("name") or not row.get("container"):
            raise ValueError(
                f"{source}: adapter {i}: needs name and container; unknown fields {sorted(unknown)}"
            )
        if not (row.get("url") or row.get("xpath")):
            raise ValueError(f"{source}: adapter {row['name']}: needs url or xpath to match pages")
        for key in ("xpath", "container", "stamp", "headline", "body"):
            if row.get(key):
                try:
                    etree.XPath(row[key])
                except etree.XPathSyntaxError as exc:
                    raise ValueError(
                        f"{source}: adapter {row['name']}: bad {key} XPath ({exc})"
                    ) from None
        out.append(Adapter(**{k: str(v) for k, v in row.items() if v is not None}))
    return tuple(out)


@lru_cache(maxsize=1)
def bundled() -> tuple[Adapter, ...]:
    text = resources.files("corpus.parse").joinpath("adapters.yaml").read_text(encoding="utf-8")
    return parse_adapters(text)


def matching(
    root: etree._Element, url: str | None, adapters: tuple[Adapter, ...] | None = None
) -> Adapter | None:
    for adapter in bundled() if adapters is None else adapters:
        if adapter.url and url and re.search(adapter.url, url):
            return adapter
        if adapter.xpath and root.xpath(adapter.xpath):
            return adapter
    return None


def first(el: etree._Element, xpath: str | None) -> etree._Element | None:
    found = el.xpath(xpath) if xpath else []
    return next((f for f in found if isinstance(f, etree._Element)), None)
