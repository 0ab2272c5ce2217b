"""The commands that collect raw files (`corpus add | fetch | hydrate`): one file registered, live
blogs or their archived captures downloaded and registered, a release's sources fetched again and
built to restore its text. They need the `[build]` extra (lxml, httpx ...)."""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

from tqdm import tqdm

from corpus import parse
from corpus.collect import outlets, raw_registry, raw_text, registry_file, values
from corpus.collect.addresses import strip_userinfo
from corpus.collect.client import PoliteClient, Settings, make_user_agent
from corpus.collect.fetch import Collector
from corpus.collect.fetch_jobs import check_url, read_url_list
from corpus.collect.fetch_report import dry_run
from corpus.collect.wayback import DEFAULT_ARCHIVE
from corpus.dataset.releases import fetch as fetch_release
from corpus.errors import InputError, naming, unexpected
from corpus.release.hydrate import Hydrator

OPTIONS = {
    "outlet": ("--outlet", "outlet"),
    "url": ("--url", "url"),  # field: option, attr
    "retrieved_date": ("--retrieved", "retrieved"),
    "rights": ("--rights", "rights"),
}


def check_options(args: argparse.Namespace, fields: tuple[str, ...]) -> None:
    """Refuse an option's value that the registry may not hold (collect/values.py)."""
    given = {field: getattr(args, OPTIONS[field][1]) or "" for field in fields}
    for field, problem in values.problems(given):
        raise InputError(OPTIONS[field][0], f"{given[field]!r} {problem}")


def cmd_add(args: argparse.Namespace) -> int:
    if args.text_redistributable is None:
        raise InputError(
            "add",
            "say whether the file's text may be republished: "
            "--text-redistributable yes|no (nothing is assumed)",
        )
    raw_dir, source = Path(args.raw), Path(args.file)
    check_options(args, ("outlet", "url", "retrieved_date", "rights"))
    if not source.is_file():
        raise InputError(str(source), "no such file")
    target = source if source.resolve().is_relative_to(raw_dir.resolve()) else raw_dir / source.name
    rel_path = target.resolve().relative_to(raw_dir.resolve()).as_posix()
    registry = raw_registry.read_registry(raw_dir) or []
    if any(e.path == rel_path for e in registry):
        raise InputError(rel_path, "already registered")
    if target.exists() and target != source:
        raise InputError(str(target), "a different file of that name is already in the raw folder")
    data = source.read_bytes()
    try:  # only pages that read cleanly are registered
        content = raw_text.decode(str(source), data)
        fmt = raw_text.detect_format(str(source), content)
        blog = parse.parse(str(source), fmt, content)
    except InputError:
        raise
    except Exception as exc:  # whatever a malformed page makes a reader raise: one line
        raise unexpected(str(source), exc) from None
    unusable = values.web_address(blog.url or "") if not args.url else ""
    if unusable:
        raise InputError(str(source), f"the page's address {blog.url!r} {unusable}: give --url")
    duplicate = raw_registry.registered_duplicate(
        registry, raw_text.sha256_of(data), args.url or blog.url or ""
    )
    if duplicate:
        raise InputError(str(source), duplicate)
    if target != source:
        try:  # a new corpus's raw folder, as `corpus fetch` makes it
            raw_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(str(raw_dir), f"cannot make the raw folder: {exc.strerror}") from None
        shutil.copyfile(source, target)
    entry = raw_registry.RegistryEntry(
        path=rel_path,
        sha256=raw_text.sha256_of(data),
        format=fmt,
        outlet=args.outlet,
        url=strip_userinfo(args.url or blog.url or ""),
        language=args.language or blog.language or "und",
        retrieved_date=args.retrieved,
        rights=args.rights,
        text_redistributable=args.text_redistributable,
    )
    with naming(raw_dir / raw_registry.REGISTRY_NAME):
        registry_file.write_registry(raw_dir, [*registry, entry])
    print(
        f"registered {rel_path} ({fmt}, {len(blog.entries)} entries, language {entry.language}, "
        f"sha256 {entry.sha256[:12]}...)"
    )
    warn_without_rights(args.rights, raw_dir)
    return 0


def describe_page(path: str, fmt: str, text: str) -> tuple[str | None, str | None]:
    """The outlet and language a fetched page states (read by the build's parser)."""
    blog = parse.parse(path, fmt, text)
    return blog.outlet, blog.language


def fetch_settings(args: argparse.Namespace) -> Settings:
    if (
        min(args.delay, args.retries, args.backoff) < 0
        or args.timeout <= 0
        or args.max_bytes <= 0
        or args.max_seconds <= 0
    ):
        raise InputError(
            "fetch",
            "--delay, --retries and --backoff cannot be negative, "
            "--timeout, --max-bytes and --max-seconds must be above 0",
        )
    return Settings(
        delay=args.delay,
        retries=args.retries,
        backoff=args.backoff,
        timeout=args.timeout,
        max_bytes=args.max_bytes,
        deadline=args.max_seconds,
        user_agent=make_user_agent(args.contact),
    )


def warn_without_rights(rights: str, raw_dir: Path) -> None:
    """Say at once, not at release time, that a registered file has no rights note."""
    if not rights.strip():
        print(
            f"warning: no --rights given: fill in the `rights` cell in "
            f"{raw_dir / raw_registry.REGISTRY_NAME} (its licence, or whose copyright it is); "
            "`corpus release` refuses files without one",
            file=sys.stderr,
        )


def cmd_fetch(args: argparse.Namespace) -> int:
    check_options(args, ("outlet", "rights"))
    urls = [check_url(u, "URL") for u in args.urls]
    invalid: list[tuple[int, str]] = []
    if args.url_file:
        listed, invalid = read_url_list(Path(args.url_file))
        urls += listed
    if not urls and not invalid and not args.wayback:
        raise InputError("fetch", "give addresses, --urls FILE or --wayback URL_OR_PREFIX")
    for option, value in (("--from", args.start), ("--to", args.end), ("--latest", args.latest)):
        if value and not args.wayback:
            raise InputError(option, "goes with --wayback")
    for option, value in (("--from", args.start), ("--to", args.end)):
        if value and not re.fullmatch(r"\d{4,14}", value):
            raise InputError(option, f"expects YYYYMMDD (4 to 14 digits), not {value!r}")
    archive = check_url(args.archive, "--archive") if args.archive else DEFAULT_ARCHIVE
    settings = fetch_settings(args)
    warn_without_rights(args.rights, Path(args.raw))
    if args.dry_run:
        for line in dry_run(urls, invalid, args.url_file or "URL", Path(args.raw), args.delay):
            print(line)
        return 0
    for number, why in invalid:
        print(f"invalid {args.url_file}:{number}: {why} (skipped)", file=sys.stderr)
    names = outlets.known_outlets(Path(args.outlets) if args.outlets else None)
    with PoliteClient(settings) as client:
        collector = Collector(
            Path(args.raw),
            client,
            args.outlet,
            args.rights,
            args.refresh,
            describe=describe_page,
            outlet_names=names,
        )
        summary = collector.collect(
            urls,
            args.wayback,
            args.start,
            args.end,
            archive,
            lambda jobs: tqdm(jobs, desc="fetching", unit="page", file=sys.stderr, disable=None),
            latest=args.latest,
        )
    *problems, total = summary.lines(Path(args.raw))
    for line in problems:
        print(line, file=sys.stderr)
    print(total)
    return 130 if summary.interrupted else 1 if summary.failed else 0


def cmd_hydrate(args: argparse.Namespace) -> int:
    release = Path(args.release)
    if not release.exists():
        if not re.fullmatch(r"\d+\.\d+\.\d+\S*", args.release):
            raise InputError(args.release, "no such release folder or zip, nor a version")
        release = fetch_release(args.release)
    archive = check_url(args.archive, "--archive") if args.archive else ""
    with PoliteClient(fetch_settings(args)) as client:
        hydrator = Hydrator(
            release,
            Path(args.raw),
            Path(args.out),
            client,
            live=args.live,
            archive=archive,
            accept_changed=args.accept_changed,
        )
        outcome = hydrator.run(
            lambda rows: tqdm(rows, desc="restoring", unit="blog", file=sys.stderr, disable=None)
        )
    *problems, summary = outcome.lines()
    for line in problems:
        print(line, file=sys.stderr)
    print(f"{summary} -> {args.out}")
    return 0 if outcome.complete else 1
