"""Word lists kept as data beside the code: `data/words/NAME.txt`, words separated by blanks or
new lines, `#` lines are comments (the first says where the list came from). Each list is read
once per process."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def words(name: str) -> frozenset[str]:
    """The words of data/words/<name>.txt."""
    text = files("corpus.extract").joinpath(f"data/words/{name}.txt").read_text(encoding="utf-8")
    return frozenset(
        w for line in text.splitlines() if not line.startswith("#") for w in line.split()
    )
