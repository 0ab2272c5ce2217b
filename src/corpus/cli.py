"""Command line: `corpus build | add | fetch | validate | release | hydrate | diff | verify | cite |
info | prune-cache`.

Bad input ends in one line, no traceback. Library code logs; this module sets up logging (`-v`,
`-q`) and prints what a command produced. Reading commands work on the core install; the
commands that collect, build and release (cli_collect.py, cli_build.py) need the `[build]` extra
(their options, cli_options.py, do not).
"""
from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from corpus import stopping
from corpus.build import prune
from corpus.build.parts import CheckerWorker
from corpus.build.raw_index import changed_raw_files
from corpus.cli_options import add_build_commands, default_cache
from corpus.dataset import metadata
from corpus.dataset.releases import verify
from corpus.dataset.store import count_rows, table_dir_name
from corpus.errors import InputError, printable
from corpus.release import diff, diff_report
from corpus.schema import ALL_TABLES
from corpus.validate import ValidationFailed
from corpus.version import __version__


def build_command(name: str) -> Callable[[argparse.Namespace], int]:
    """A command that collects, builds or releases. Its module is imported only when one runs:
    it needs the [build] extra, and spaCy and Great Expectations take seconds to import, which
    the reading commands (and an install without the extra) never pay."""
    try:
        from corpus import cli_build  # the one deferred import of the package (ARCHITECTURE.md)
    except ModuleNotFoundError as missing:
        if (missing.name or "corpus").split(".")[0] == "corpus":
            raise
        raise InputError(name, f"needs the [build] extra ({missing.name} is not installed): "
                               "pip install 'liveblog-corpus[build]'") from None
    return cli_build.COMMANDS[name]


def cmd_diff(args: argparse.Namespace) -> int:
    changes = diff.diff_releases(diff.source_path(args.old), diff.source_path(args.new))
    print(diff_report.render(changes, args.format, args.limit), end="")
    return 0


def problem_kind(problem: str) -> str:
    """What a problem of `verify` is: a listed file that is missing, or one that differs."""
    return "missing" if problem.endswith(": missing") else "differs"


def cmd_verify(args: argparse.Namespace) -> int:
    problems = verify(Path(args.path))
    for problem in problems:
        kind = problem_kind(problem)
        print(printable(f"{kind}: {problem.removesuffix(': missing')}"), file=sys.stderr)
    verdict = "verified" if not problems else f"{len(problems)} problem(s)"
    print(printable(f"{args.path}: {verdict}"))
    return 1 if problems else 0


def cmd_cite(args: argparse.Namespace) -> int:
    path = Path(args.cff)
    if not path.is_file():
        raise InputError(str(path), "no CITATION.cff here (pass --cff PATH)")
    print(metadata.cite(metadata.read_citation(path), args.format), end="")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    if not Path(args.processed).is_dir():
        raise InputError(args.processed, "no built tables here: build them with `corpus build`, "
                                         "or give their folder with --processed")
    print(f"liveblog-corpus {__version__}")
    for name in ALL_TABLES:
        path = Path(args.processed) / table_dir_name(name)
        rows = count_rows(path) if path.exists() else "missing"
        print(f"  {name}: {rows} rows")
    return 0


def cmd_prune_cache(args: argparse.Namespace) -> int:
    pruned = prune.prune(Path(args.cache), dry_run=args.dry_run)
    for path in pruned.removed if args.dry_run else ():
        print(path)
    print(pruned.summary(args.dry_run))
    return 0



def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="corpus",
                                description="Build and use the liveblog-corpus dataset.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("-v", "--verbose", action="store_true", help="also say what each step does")
    p.add_argument("-q", "--quiet", action="store_true", help="errors only, no warnings")
    sub = p.add_subparsers(dest="command", required=True)
    add_build_commands(sub)

    d = sub.add_parser("diff", help="rows added, removed and changed per table between two "
                                    "releases (exit 0)")
    d.add_argument("old", help="release folder or zip, data folder, or published version")
    d.add_argument("new", help="release folder or zip, data folder, or published version")
    d.add_argument("--format", choices=diff_report.FORMATS, default="text",
                   help="output format (default: %(default)s)")
    d.add_argument("--limit", type=int, default=None,
                   help="keys listed per kind and table (text, markdown)")
    d.set_defaults(func=cmd_diff)

    f = sub.add_parser("verify", help="check a release folder or zip (exit 1 naming every file "
                                      "that differs)")
    f.add_argument("path", help="release folder or zip, or built data folder")
    f.set_defaults(func=cmd_verify)

    c = sub.add_parser("cite", help="print the citation of the current version")
    c.add_argument("--format", choices=("bibtex", "apa", "cff"), default="apa",
                   help="citation style (default: %(default)s)")
    c.add_argument("--cff", default="CITATION.cff",
                   help="the citation file to read (default: %(default)s)")
    c.set_defaults(func=cmd_cite)

    i = sub.add_parser("info", help="version and row counts of the built tables")
    i.add_argument("--processed", default="data/processed",
                   help="built data folder (default: %(default)s)")
    i.set_defaults(func=cmd_info)

    c = sub.add_parser("prune-cache", help="remove what no build will read again from the build "
                                           "cache: the tables of raw files since edited or "
                                           "removed, of earlier code versions, of folders gone")
    c.add_argument("--cache", default=default_cache(),
                   help="the cache folder (default: $CORPUS_BUILD_CACHE or .cache/corpus-build)")
    c.add_argument("--dry-run", action="store_true",
                   help="list what would be removed; remove nothing")
    c.set_defaults(func=cmd_prune_cache)
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
    """'warning: <message>', as the command's own messages read; with `timed`, the seconds since
    the command started and the process too ('info: 3.21 s [pid 41]: ...', for -v)."""

    def __init__(self, timed: bool = False) -> None:
        super().__init__()
        self.timed = timed

    def format(self, record: logging.LogRecord) -> str:
        level = record.levelname.lower()
        if self.timed:
            level += f" {record.relativeCreated / 1000:.2f} s [pid {record.process}]"
        return printable(f"{level}: {record.getMessage()}")


def setup_logging(verbose: bool, quiet: bool) -> None:
    """Library messages on stderr, one line each: warnings by default, steps too with -v."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(OneLine(timed=verbose))
    logger = logging.getLogger("corpus")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.ERROR if quiet else logging.INFO if verbose else logging.WARNING)


def early_checker(args: argparse.Namespace) -> CheckerWorker:
    """`corpus build` with --jobs above 1 on this machine, when one raw file is new or changed: the
    worker that will check the parts of that change, forked now, before the build's own imports
    (the extractors': seconds), so that setting up validation (Great Expectations: seconds) runs
    beside them and the extraction (issue 30). The build ends it as soon as it knows it has
    nothing to check. Otherwise the build starts it when it needs it (or never)."""
    checker = CheckerWorker()
    if args.command == "build" and args.jobs > 1 and args.engine == "local" and not args.no_cache:
        if changed_raw_files(Path(args.cache), Path(args.raw)) == 1:  # else none, or many
            checker.start()
    return checker


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    setup_logging(args.verbose, args.quiet)
    try:
        with stopping.on_signals(), early_checker(args) as args.checker:
            func = args.func or build_command(args.command)
            code = func(args)
            sys.stdout.flush()  # a closed pipe shows here, not at the interpreter's exit
        if argv is None and args.command == "build":
            exit_at_once(code)
        return code
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
    except BrokenPipeError:  # the reader went away (`corpus info | head -1`): stop quietly
        return closed_pipe()
    except OSError as err:
        where = f"{err.filename}: " if err.filename is not None else ""
        print(printable(f"error: {where}{err.strerror or err}"), file=sys.stderr)
        return 2


def exit_at_once(code: int) -> None:
    """End a command-line build now: its tables are committed (or it failed, having said so) and
    its workers ended. Python's own exit would first free every object the extractors and Great
    Expectations made (a tenth of a second and more: issue 30's one-blog rebuild), and wait for a
    thread still setting up validation that nothing will use."""
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def closed_pipe() -> int:
    """Exit as a Unix tool does when its output pipe closes: no message, status 141 (SIGPIPE);
    stdout goes to /dev/null so that the interpreter's last flush cannot complain."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 128 + signal.SIGPIPE
