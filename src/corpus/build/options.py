"""The build's options: one frozen object, made by the command line (or a caller) and passed
down to every step, so that a new option is one field here and one use where it matters."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from corpus.dataset.store import PART_ROWS

ENGINE_NAMES = ("local", "dask")
DEFAULT_CACHE = Path(".cache") / "corpus-build"


@dataclass(frozen=True)
class BuildOptions:
    """What to build from where, and how.

    raw_dir, out_dir: the raw folder (files and registry.csv) and the data folder written.
    keep_going: bad raw files are left out and reported instead of stopping the build.
    jobs: processes over raw files (and parts); the tables are identical for any number.
    engine, scheduler: 'local' processes, or 'dask' (a cluster at scheduler, else a local one).
    cache_dir: per-file results kept between builds; None keeps them only for this build.
    part_rows: rows (all tables) validated and written at a time; bounds memory.
    citation: the CITATION.cff describing the dataset (title, licence) in datapackage.json;
    None describes it by the package's name and version alone.
    """

    raw_dir: Path = Path("data/raw")
    out_dir: Path = Path("data/processed")
    keep_going: bool = False
    jobs: int = 1
    engine: str = "local"
    scheduler: str | None = None
    cache_dir: Path | None = None
    part_rows: int = PART_ROWS
    citation: Path | None = None

    def problems(self) -> list[tuple[str, str]]:
        """(option, what is wrong) for each option out of its range."""
        found = []
        if self.jobs < 1:
            found.append(("--jobs", "needs a whole number of at least 1"))
        if self.part_rows < 1:
            found.append(("--part-rows", "needs a whole number of at least 1"))
        if self.engine not in ENGINE_NAMES:
            found.append(("--engine", f"is one of {', '.join(ENGINE_NAMES)}"))
        if self.scheduler and self.engine != "dask":
            found.append(("--scheduler", "is for --engine dask"))
        return found
