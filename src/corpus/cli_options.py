"""The options of the commands that collect, build and release (`corpus build | add | fetch |
validate | release | hydrate`): parsed on the core install, run by cli_build.py and cli_collect.py
(which need the `[build]` extra)."""

from __future__ import annotations

import os
from datetime import date

from corpus.build.options import DEFAULT_CACHE, ENGINE_NAMES
from corpus.dataset.store import PART_ROWS


def default_cache() -> str:
    """The build cache `build` and `prune-cache` use without --cache."""
    return os.environ.get("CORPUS_BUILD_CACHE", str(DEFAULT_CACHE))


def add_polite_options(p) -> None:
    """How `fetch` and `hydrate` download: delays, retries, timeouts, limits, User-Agent."""
    p.add_argument(
        "--delay",
        type=float,
        default=1.0,
        help="seconds between requests to one host (default: %(default)s)",
    )
    p.add_argument(
        "--retries",
        type=int,
        default=3,
        help="retries after a 429, a 5xx or a timeout (default: %(default)s)",
    )
    p.add_argument(
        "--backoff",
        type=float,
        default=2.0,
        help="seconds before the first retry, doubled for each next; a longer "
        "Retry-After wins (default: %(default)s)",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=30.0,
        help="seconds to wait for an answer (default: %(default)s)",
    )
    p.add_argument(
        "--max-bytes",
        type=int,
        default=50_000_000,
        help="largest page downloaded, in bytes (default: %(default)s)",
    )
    p.add_argument(
        "--max-seconds",
        type=float,
        default=600.0,
        help="longest a whole download may take, however slowly the bytes come "
        "(default: %(default)s)",
    )
    p.add_argument(
        "--contact",
        default="",
        metavar="EMAIL_OR_URL",
        help="added to the User-Agent, so that a site can reach whoever runs the fetch",
    )


def add_hydrate_command(sub) -> None:
    h = sub.add_parser(
        "hydrate",
        help="restore a release's text: fetch its sources (archive "
        "captures), check their sha256, build and compare every "
        "table with the release (exit 0 when all are restored)",
    )
    h.add_argument("release", help="release folder or zip, or a published version")
    h.add_argument("--raw", required=True, help="raw folder to fetch into (made if missing)")
    h.add_argument("--out", required=True, help="data folder to build into")
    h.add_argument(
        "--archive",
        default="",
        help="fetch captures from this Wayback-compatible archive instead of the "
        "one each source names",
    )
    h.add_argument(
        "--live",
        action="store_true",
        help="fetch the live addresses (pages change: expect bytes that differ)",
    )
    h.add_argument(
        "--accept-changed",
        action="store_true",
        help="build files whose bytes differ from the release (listed as changed)",
    )
    add_polite_options(h)
    h.set_defaults(func=None)


def add_build_commands(sub) -> None:
    """The parsers of the commands that collect, build and release."""
    b = sub.add_parser("build", help="build the tables from the raw live blogs")
    b.add_argument("--raw", default="data/raw", help="raw folder (default: data/raw)")
    b.add_argument(
        "--out", default="data/processed", help="output folder (default: data/processed)"
    )
    b.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        help="worker processes over raw files (default: all cores); output is identical for any N",
    )
    b.add_argument(
        "--keep-going",
        action="store_true",
        help="skip bad raw files (unreadable, duplicates, or failing a check of their "
        "own rows), build the rest, list what was skipped in quarantine.json "
        "(exit 1 if any)",
    )
    b.add_argument(
        "--engine",
        choices=ENGINE_NAMES,
        default="local",
        help="local worker processes, or a Dask cluster (default: local)",
    )
    b.add_argument(
        "--scheduler",
        default=None,
        help="with --engine dask: the scheduler's address (default: a local cluster of "
        "--jobs workers)",
    )
    b.add_argument(
        "--cache",
        default=default_cache(),
        help="folder of per-file results reused while a file, its registry entry and "
        "the code are "
        "unchanged (default: $CORPUS_BUILD_CACHE or .cache/corpus-build)",
    )
    b.add_argument(
        "--no-cache", action="store_true", help="process every raw file afresh; write no cache"
    )
    b.add_argument(
        "--part-rows",
        type=int,
        default=PART_ROWS,
        help=f"rows (all tables) validated and written at a time; bounds memory "
        f"(default {PART_ROWS:,})",
    )
    b.add_argument(
        "--ner-model",
        metavar="NAME",
        default=None,
        help="also take the entities of this installed spaCy pipeline (package or "
        "folder), merged with the rules'; its name and version go into the "
        "metadata",
    )
    b.add_argument(
        "--citation",
        default="CITATION.cff",
        help="CITATION.cff describing the dataset in datapackage.json (default: "
        "%(default)s in the current folder; without one, the package's name)",
    )
    b.set_defaults(func=None)

    a = sub.add_parser(
        "add", help="register a raw file (copied into the raw folder) with its sha256"
    )
    a.add_argument("file", help="the page or text file to register")
    a.add_argument("--raw", default="data/raw", help="raw folder (default: %(default)s)")
    a.add_argument(
        "--outlet", default="unknown", help="outlet that published it (default: %(default)s)"
    )
    a.add_argument(
        "--url", default="", help="address of the page (default: the page's canonical link)"
    )
    a.add_argument(
        "--language",
        default="",
        help="BCP 47 tag, e.g. en (default: as the page declares it, else und)",
    )
    a.add_argument(
        "--retrieved", default=date.today().isoformat(), help="retrieval date (default: today)"
    )
    a.add_argument(
        "--rights", default="", help="rights note: licence or 'publisher's copyright, ...'"
    )
    a.add_argument(
        "--text-redistributable",
        choices=("yes", "no"),
        default=None,
        help="required: may the file's text be republished in a release (yes: its "
        "licence allows it; no: releases carry its derived data, not its text)",
    )
    a.set_defaults(func=None)

    g = sub.add_parser(
        "fetch",
        help="download live blogs (or archived copies) into the raw "
        "folder and register them; exit 1 if any address failed",
    )
    g.add_argument("urls", nargs="*", metavar="URL", help="addresses of live blogs to fetch")
    g.add_argument(
        "--urls", dest="url_file", metavar="FILE", help="addresses, one a line ('#' comments)"
    )
    g.add_argument(
        "--wayback",
        metavar="URL_OR_PREFIX",
        default="",
        help="fetch archived captures of a page, or of every page under a prefix ending in '*'",
    )
    g.add_argument(
        "--from", dest="start", default="", metavar="YYYYMMDD", help="first capture date"
    )
    g.add_argument("--to", dest="end", default="", metavar="YYYYMMDD", help="last capture date")
    g.add_argument(
        "--latest",
        action="store_true",
        help="with --wayback: only the last capture of each page in the date range",
    )
    g.add_argument(
        "--archive",
        default="",
        help="web archive with a Wayback CDX API (default: https://web.archive.org)",
    )
    g.add_argument("--raw", default="data/raw", help="raw folder (default: %(default)s)")
    g.add_argument(
        "--outlet",
        default="",
        help="outlet recorded for every fetched file (default: the one the page "
        "names, else the host's in the package's outlets.csv or --outlets)",
    )
    g.add_argument(
        "--outlets",
        default=None,
        metavar="CSV",
        help="more 'host,outlet' rows for pages that do not name their publisher",
    )
    g.add_argument(
        "--dry-run",
        action="store_true",
        help="print what would be fetched (by host, invalid lines, already "
        "registered, time at --delay) without any network access",
    )
    g.add_argument("--rights", default="", help="rights note recorded for every fetched file")
    add_polite_options(g)
    g.add_argument(
        "--refresh",
        action="store_true",
        help="download registered live addresses again (into new files)",
    )
    g.set_defaults(func=None)

    v = sub.add_parser("validate", help="validate built tables (exit 0 when valid, 1 otherwise)")
    v.add_argument(
        "--processed",
        default="data/processed",
        help="built data folder to check (default: %(default)s)",
    )
    v.set_defaults(func=None)

    r = sub.add_parser("release", help="write dist/liveblog-corpus-<version>/ and its zip")
    r.add_argument(
        "--processed",
        default="data/processed",
        help="built data folder to release (default: %(default)s)",
    )
    r.add_argument(
        "--raw",
        default="data/raw",
        help="raw folder it was built from, rebuilt to check (default: %(default)s)",
    )
    r.add_argument("--out", default="dist", help="folder of releases (default: %(default)s)")
    r.add_argument(
        "--project",
        default=".",
        help="folder holding CITATION.cff, CHANGELOG.md and "
        "docs/known-limitations.md (default: the current folder)",
    )
    r.add_argument(
        "--previous",
        default=None,
        help="release folder or zip to compare with (default: the latest earlier one in --out)",
    )
    r.add_argument(
        "--text-free",
        action="store_true",
        help="leave out every blog's headline and body (by default only blogs whose "
        "registry row says text_redistributable=yes keep them)",
    )
    r.set_defaults(func=None)
    add_hydrate_command(sub)
