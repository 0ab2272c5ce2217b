"""Command line: `corpus build | add | fetch | validate | release | diff | verify | cite | info`.

Bad input ends in one line, no traceback. Library code logs; this module sets up logging (`-v`,
`-q`) and prints what a command produced. Reading commands work on the core install; the
commands that collect, build and release (cli_build.py) need the `[build]` extra.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from corpus import stopping
from corpus.dataset import metadata
from corpus.dataset.releases import verify
from corpus.dataset.store import count_rows, table_dir_name
from corpus.errors import InputError
from corpus.release import diff
from corpus.schema import ALL_TABLES
from corpus.validate import ValidationFailed
from corpus.version import __version__

try:  # the [build] extra: without it, only the reading commands are offered
    from corpus import cli_build
except ModuleNotFoundError as missing:
    if (missing.name or "corpus").split(".")[0] == "corpus":
        raise
    cli_build = None  # type: ignore[assignment]
    BUILD_MISSING = missing.name


def cmd_diff(args: argparse.Namespace) -> int:
    changes = diff.diff_releases(diff.source_path(args.old), diff.source_path(args.new))
    print(diff.render(changes, args.format, args.limit), end="")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    problems = verify(Path(args.path))
    for problem in problems:
        print(f"differs: {problem}", file=sys.stderr)
    print(f"{args.path}: " + ("verified" if not problems else f"{len(problems)} problem(s)"))
    return 1 if problems else 0


def cmd_cite(args: argparse.Namespace) -> int:
    path = Path(args.cff)
    if not path.is_file():
        raise InputError(str(path), "no CITATION.cff here (pass --cff PATH)")
    print(metadata.cite(metadata.read_citation(path), args.format), end="")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    print(f"liveblog-corpus {__version__}")
    for name in ALL_TABLES:
        path = Path(args.processed) / table_dir_name(name)
        rows = count_rows(path) if path.exists() else "missing"
        print(f"  {name}: {rows} rows")
    return 0


def needs_build(args: argparse.Namespace) -> int:
    raise InputError(args.command, "needs the [build] extra: pip install 'liveblog-corpus[build]'")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="corpus", description="Build and use the liveblog-corpus dataset.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("-v", "--verbose", action="store_true", help="also say what each step does")
    p.add_argument("-q", "--quiet", action="store_true", help="errors only, no warnings")
    sub = p.add_subparsers(dest="command", required=True)
    if cli_build is not None:
        cli_build.add_commands(sub)
    else:
        for name in ("build", "add", "fetch", "validate", "release"):
            sub.add_parser(name, help=f"(needs pip install 'liveblog-corpus[build]': "
                                      f"{BUILD_MISSING} is missing)").set_defaults(func=needs_build)

    d = sub.add_parser("diff", help="rows added, removed and changed per table between two "
                                    "releases (exit 0)")
    d.add_argument("old", help="release folder or zip, data folder, or published version")
    d.add_argument("new", help="release folder or zip, data folder, or published version")
    d.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    d.add_argument("--limit", type=int, default=None,
                   help="keys listed per kind and table (text, markdown)")
    d.set_defaults(func=cmd_diff)

    f = sub.add_parser("verify", help="check a release folder or zip (exit 1 naming every file that differs)")
    f.add_argument("path")
    f.set_defaults(func=cmd_verify)

    c = sub.add_parser("cite", help="print the citation of the current version")
    c.add_argument("--format", choices=("bibtex", "apa", "cff"), default="apa")
    c.add_argument("--cff", default="CITATION.cff")
    c.set_defaults(func=cmd_cite)

    i = sub.add_parser("info", help="version and row counts of the built tables")
    i.add_argument("--processed", default="data/processed")
    i.set_defaults(func=cmd_info)
    return p


def stopped(stop: BaseException, exit_now: bool) -> int:
    """Say so in one line; the exit status. With exit_now (a command-line run), exit at once:
    what a stopped build leaves was already removed, and no thread is waited for."""
    terminated = isinstance(stop, stopping.Terminated)
    name, code = ("SIGTERM", 143) if terminated else ("Ctrl-C", 130)
    print(f"stopped by {name}: nothing was written; the previous tables are as they were",
          file=sys.stderr)
    if exit_now:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


class OneLine(logging.Formatter):
    """'warning: <message>', as the command's own messages read."""

    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname.lower()}: {record.getMessage()}"


def setup_logging(verbose: bool, quiet: bool) -> None:
    """Library messages on stderr, one line each: warnings by default, steps too with -v."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(OneLine())
    logger = logging.getLogger("corpus")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.ERROR if quiet else logging.INFO if verbose else logging.WARNING)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    setup_logging(args.verbose, args.quiet)
    try:
        with stopping.on_signals():
            return args.func(args)
    except (KeyboardInterrupt, stopping.Terminated) as stop:
        return stopped(stop, exit_now=argv is None)
    except InputError as err:
        for one in getattr(err, "errors", [err]):
            print(f"error: {one}", file=sys.stderr)
        return 2
    except ValidationFailed as err:
        print(f"error: {err}; nothing was written", file=sys.stderr)
        for check in err.report.failures:
            print(f"  {check.describe()}", file=sys.stderr)
        return 1
    except OSError as err:
        print(f"error: {err.filename or ''}: {err.strerror or err}", file=sys.stderr)
        return 2
