"""Data Docs pages made deterministic (no load times or ids), and the index of every part's site."""

from __future__ import annotations

import re
from pathlib import Path

# GX stamps a cache-busting time on its logo URL, the wall-clock batch load time
# and random UUIDs on collapsible sections; all are replaced so that the same
# data gives the same HTML.
LOGO_STAMP = re.compile(r"\?d=\d{8}T\d{6}\.\d+Z")
LOAD_TIME = re.compile(r"(ge_load_time</span>.{0,400}?>)\d{8}T\d{6}\.\d+Z(<)", re.DOTALL)
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
UNUSED_STATIC = ("fonts", "images")  # 4 MB of GX branding; pages read fine without them


def normalise_page(text: str) -> str:
    text = LOAD_TIME.sub(r"\1not recorded\2", LOGO_STAMP.sub("", text))
    seen: dict[str, str] = {}
    return UUID.sub(
        lambda m: seen.setdefault(m.group(0), f"{len(seen):08x}-0000-4000-8000-000000000000"), text
    )


def is_unused_static(path: Path, site: Path) -> bool:
    parts = path.relative_to(site).parts
    return len(parts) > 2 and parts[0] == "static" and parts[1] in UNUSED_STATIC
