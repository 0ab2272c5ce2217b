"""Outlet names by host (collect/data/outlets.csv, extendable with a user's file of the same
two columns): the outlet of a fetched page that does not name its publisher."""

from __future__ import annotations

import csv
import io
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from corpus.errors import InputError

DATA_FILE = "outlets.csv"


def parse_outlets(where: str, text: str) -> dict[str, str]:
    """host -> outlet from a 'host,outlet' CSV ('#' lines are comments)."""
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    reader = csv.reader(io.StringIO("\n".join(lines)))
    header = next(reader, [])
    if [h.strip().lower() for h in header] != ["host", "outlet"]:
        raise InputError(where, "expected the header 'host,outlet'")
    found = {}
    for number, row in enumerate(reader, 2):
        if not row:
            continue
        host, outlet = (row + ["", ""])[:2] if len(row) <= 2 else ("", "")
        host = host.strip().lower().removeprefix("www.")
        if not host or not outlet.strip() or outlet.strip()[0] in "=+-@":
            raise InputError(where, "each row needs a host and a plain outlet name", line=number)
        found[host] = outlet.strip()
    return found


def known_outlets(extra: Path | None = None) -> dict[str, str]:
    """The package's host list, then the user's file (its rows win)."""
    text = resources.files("corpus.collect").joinpath("data", DATA_FILE).read_text("utf-8")
    names = parse_outlets(DATA_FILE, text)
    if extra is not None:
        if not extra.is_file():
            raise InputError(str(extra), "no such file (--outlets)")
        names |= parse_outlets(str(extra), extra.read_text(encoding="utf-8"))
    return names


def outlet_of(url: str, names: dict[str, str]) -> str | None:
    """The outlet of the address's host or of the closest domain above it, else None."""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    labels = host.split(".")
    for i in range(len(labels) - 1):
        name = names.get(".".join(labels[i:]))
        if name:
            return name
    return None
