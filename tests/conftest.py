import hashlib
import json
import os
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from corpus.build import BuildOptions

REPO = Path(__file__).resolve().parents[1]
RAW_DIR = REPO / "data" / "raw"
PROCESSED_DIR = REPO / "data" / "processed"
SEED_NAME = "000_6d6ba2881843c3f6.txt"
# Real pages of other publishers, for development and tests only: never copied into this repository.
SHARED_DIR = REPO.parent / "shared"
SHARED_SAMPLES = SHARED_DIR / "samples"
SHARED_GOLD = SHARED_DIR / "gold"
# The build cache's HMAC key (corpus.build.seal): the test run's own, never the user's.
os.environ["CORPUS_CACHE_KEY"] = str(Path(tempfile.mkdtemp(prefix="corpus-key-")) / "cache-key")
# Property tests judge values, not speed: a busy shared machine must not fail them on time alone.
settings.register_profile("shared-machine", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("shared-machine")


NOTEBOOKS_DIR = REPO / "notebooks"
STALE_NOTEBOOKS = ("data/processed/ changed since the notebooks ran: run `make notebooks` "
                   "(then commit README.md and notebooks/)")
FINGERPRINT = re.compile(r"^data fingerprint: ([0-9a-f]{16})$", re.MULTILINE)


def stored_fingerprint(notebook: Path) -> str | None:
    """The data fingerprint a notebook printed when its outputs were stored, if it printed one."""
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        for output in cell.get("outputs", []):
            found = FINGERPRINT.search("".join(output.get("text", "")))
            if found:
                return found.group(1)
    return None


def notebooks_are_stale(processed: Path = PROCESSED_DIR, repo: Path = REPO) -> bool:
    """Whether the committed tables differ from those the notebooks' stored outputs and the
    README's headline numbers were computed from (what `make notebooks` refreshes)."""
    from corpus.headline import headline_numbers

    sums = processed / "SHA256SUMS"
    if not sums.is_file():
        return False  # nothing built: the build tests say so
    current = hashlib.sha256(sums.read_bytes()).hexdigest()[:16]
    if stored_fingerprint(repo / "notebooks" / "04-reproduce.ipynb") != current:
        return True
    readme = (repo / "README.md").read_text(encoding="utf-8")
    return any(f"- {line}\n" not in readme for line in headline_numbers(processed))


def pytest_report_header(config) -> list[str]:
    """The first thing `make test` says when the data changed and the notebooks did not."""
    config.stash[STALE_KEY] = stale = notebooks_are_stale()
    return [STALE_NOTEBOOKS] if stale else []


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    if exitstatus and config.stash.get(STALE_KEY, False):  # again, below the failures it explains
        terminalreporter.write_line(STALE_NOTEBOOKS, red=True, bold=True)


STALE_KEY = pytest.StashKey[bool]()


def found(text: str) -> list[tuple[str, str]]:
    """(text, type) of each entity the recogniser finds in a body holding `text`."""
    from corpus.extract.entities import recogniser

    return [(m.text, m.type) for m in recogniser().entry_mentions({"body": text})["body"]]


def shared_absent(what: Path) -> str:
    """The reason a test of the pages beside the repository is skipped."""
    return (f"../shared is absent (no {what}): the sample pages and annotations beside the "
            "repository are needed for this test only")


def shared_cases(cases: list, ids: list[str]) -> list:
    """Parameters read from ../shared; one case skipped with the reason when it is absent (not
    pytest's 'got empty parameter set')."""
    if cases:
        return [pytest.param(case, id=name) for case, name in zip(cases, ids, strict=True)]
    skip = pytest.mark.skip(reason=shared_absent(SHARED_SAMPLES))
    return [pytest.param(None, id="shared-absent", marks=skip)]


@pytest.fixture(scope="session")
def shared_samples() -> Path:
    """The folder of real sample pages beside the repository; skips the test when it is absent."""
    if not (SHARED_SAMPLES / "expected.jsonl").is_file():
        pytest.skip(shared_absent(SHARED_SAMPLES / "expected.jsonl"))
    return SHARED_SAMPLES


@pytest.fixture(scope="session")
def shared_gold() -> Path:
    """The reference annotations beside the repository; skips the test when they are absent."""
    if not (SHARED_GOLD / "score.py").is_file():
        pytest.skip(shared_absent(SHARED_GOLD / "score.py"))
    return SHARED_GOLD


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (RAW_DIR / SEED_NAME).read_text(encoding="utf-8")


@pytest.fixture(scope="session", autouse=True)
def build_cache(tmp_path_factory):
    """Builds in tests share one cache of their own, never the working copy's .cache."""
    folder = tmp_path_factory.mktemp("build-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CORPUS_BUILD_CACHE", str(folder))
        yield folder


# ---------------------------------------------------------------- a small raw folder of our own
# Behaviour tests build from a folder they write themselves (issue #18): the seed plus invented
# blogs in the seed's text format (own sentences, invented places and people), with a registry.

INVENTED_BLOGS = {
    "101_harbour.txt": (
        "Storm closes the harbour at Port Elrin",
        "Ferries stay in port for a second day.",
        "Monday, March 4, 2024",
        [
            (
                "2140 GMT",
                "Harbour to reopen at dawn",
                [
                    "The port authority said 14 ferries would sail again at dawn.",
                    "Mayor Ilse Varden thanked the crews who worked through the night.",
                ],
            ),
            (
                "1815 GMT",
                None,
                ["Winds of about 90 kilometres an hour were measured at the pier."],
            ),
            (
                "1602 GMT",
                "Schools shut early",
                ["At least 30 schools in the district sent pupils home before noon."],
            ),
        ],
    ),
    "102_election.txt": (
        "Count continues in the Velmark council election",
        "Results are due overnight.",
        "Tuesday, May 7, 2024",
        [
            (
                "0012 GMT",
                "First ward declared",
                ["Candidate Oren Pask won the first ward by 212 votes."],
            ),
            ("2355 GMT", None, ["Turnout reached 61 percent, the electoral office said."]),
            ("2231 GMT", None, ["Counting staff began on the postal ballots in Velmark."]),
            ("2104 GMT", "Polls close", ["Polls closed at nine in the evening local time."]),
        ],
    ),
    "103_river.txt": (
        "Flood warnings along the River Caddon",
        "Residents are told to move to higher ground.",
        "Saturday, June 15, 2024",
        [
            (
                "1130 GMT",
                "Bridge closed",
                ["Police closed the old bridge at Tarrow after the water rose by two metres."],
            ),
            (
                "0945 GMT",
                None,
                ["Some 400 people spent the night in the sports hall, officials said."],
            ),
        ],
    ),
    "104_summit.txt": (
        "Ministers meet in Lindqvist for the water summit",
        "Talks run into a second day.",
        "Wednesday, September 11, 2024",
        [
            (
                "1620 GMT",
                "Joint statement agreed",
                ["The ministers agreed to share river data every week, the chair said."],
            ),
            ("1405 GMT", None, ["Delegates from 12 countries joined the afternoon session."]),
            (
                "0930 GMT",
                "Summit opens",
                ["Minister Rhea Doss opened the summit with a call for calm."],
            ),
        ],
    ),
    "105_marathon.txt": (
        "City marathon: live updates",
        "Thousands of runners take to the streets.",
        "Sunday, October 20, 2024",
        [
            (
                "1102 GMT",
                "Winner crosses the line",
                ["Runner Tomas Hale won in two hours and eight minutes."],
            ),
            ("0901 GMT", None, ["About 18,000 runners started in three waves."]),
        ],
    ),
}
INVENTED_OUTLET = "Example Herald"


def text_blog(title: str, standfirst: str, date_line: str, entries: list) -> str:
    """A live blog in the seed's text layout: title, standfirst, date line, then timed entries."""
    lines = [f"Live blog: {title}", "", standfirst, "", date_line, ""]
    for label, headline, paragraphs in entries:
        if headline:
            lines += [f"{label} — {headline}", ""] + [x for p in paragraphs for x in (p, "")]
        else:
            lines += [f"{label} {paragraphs[0]}", ""] + [
                x for p in paragraphs[1:] for x in (p, "")
            ]
    return "\n".join(lines)


SMALL_N_BLOGS = 1 + len(INVENTED_BLOGS)
SMALL_N_ENTRIES = 12 + sum(len(b[3]) for b in INVENTED_BLOGS.values())


def write_small_raw(folder: Path, registry: bool = True) -> Path:
    """The seed and the invented blogs in folder, registered (or a plain folder)."""
    from corpus.collect.raw_registry import REGISTRY_NAME, RegistryEntry
    from corpus.collect.raw_text import sha256_of
    from corpus.collect.registry_file import registry_text

    folder.mkdir(parents=True, exist_ok=True)
    (folder / SEED_NAME).write_bytes((RAW_DIR / SEED_NAME).read_bytes())
    for name, blog in INVENTED_BLOGS.items():
        (folder / name).write_text(text_blog(*blog), encoding="utf-8")
    if registry:
        entries = [
            RegistryEntry(
                name,
                sha256_of((folder / name).read_bytes()),
                "trt-text",
                "TRT World" if name == SEED_NAME else INVENTED_OUTLET,
                "" if name == SEED_NAME else f"https://example.org/live/{name[:-4]}",
                "en",
                "2026-01-01",
                "test input",
            )
            for name in [SEED_NAME, *INVENTED_BLOGS]
        ]
        (folder / REGISTRY_NAME).write_text(registry_text(entries), encoding="utf-8")
    return folder


def write_seed_raw(folder: Path) -> Path:
    """The seed alone in folder, registered in a registry of the committed one's columns (no
    provenance columns; its text redistributable): never a copy of the user's data/raw
    registry, which `corpus add` changes."""
    from corpus.collect.raw_registry import (
        REGISTRY_FIELDS,
        REGISTRY_NAME,
        RIGHTS_FIELDS,
        RegistryEntry,
    )
    from corpus.collect.raw_text import sha256_of
    from corpus.collect.registry_file import registry_text

    folder.mkdir(parents=True, exist_ok=True)
    data = (RAW_DIR / SEED_NAME).read_bytes()
    (folder / SEED_NAME).write_bytes(data)
    entry = RegistryEntry(SEED_NAME, sha256_of(data), "trt-text", "TRT World", "", "en",
                          "2026-11-24", "TRT World; publisher's copyright, kept for research",
                          text_redistributable="yes")
    columns = REGISTRY_FIELDS + RIGHTS_FIELDS
    (folder / REGISTRY_NAME).write_text(registry_text([entry], columns), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def small_raw(tmp_path_factory) -> Path:
    """A registered raw folder of six small blogs (the seed and five invented ones); do not
    modify."""
    return write_small_raw(tmp_path_factory.mktemp("small-raw") / "raw")


@pytest.fixture(scope="session")
def small_built(small_raw, tmp_path_factory) -> Path:
    """The tables built from small_raw; do not modify (copy first)."""
    from corpus.build.run import build

    out = tmp_path_factory.mktemp("small-built") / "processed"
    build(BuildOptions(small_raw, out, jobs=1))
    return out
