"""`corpus hydrate`: a release's raw files fetched again from their web-archive captures (or live
addresses), checked against the release's sha256, registered, built, and the built tables
compared with the release's, column by column and each entry's text by its digest.

The release's `sources.csv` is untrusted input: a row naming a path that leaves the raw folder,
an address that is not http(s) or carries credentials, a size over the raw-file limit or a blog
listed twice is refused by its row; the other rows are restored. A file already registered with
the right sha256 is not fetched again, so a run stopped midway continues where it was."""

from __future__ import annotations

import csv
import io
import logging
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from corpus.build import BuildOptions
from corpus.build.run import build
from corpus.collect import addresses, fetch, raw_registry, registry_file
from corpus.collect.addresses import UnsafeAddress
from corpus.collect.client import FetchError, PoliteClient
from corpus.dataset.releases import ReleaseFiles, verify
from corpus.dataset.store import live_folder, read_table, table_dir_name
from corpus.errors import InputError
from corpus.release import sources
from corpus.schema import TABLES, TEXT_COLUMNS

log = logging.getLogger(__name__)
SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass
class Outcome:
    """What became of each blog: restored, or why not (one line each)."""

    restored: list[str] = field(default_factory=list)
    problems: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, blog, line)
    changed: list[str] = field(default_factory=list)  # blogs built from changed bytes
    fetched: int = 0
    total: int = 0

    def fail(self, kind: str, blog: str, why: str) -> None:
        self.problems.append((kind, blog, why))

    @property
    def complete(self) -> bool:
        return not self.problems and not self.changed and len(self.restored) == self.total

    def lines(self) -> list[str]:
        kinds = Counter(kind for kind, _, _ in self.problems)
        summary = (
            f"restored {len(self.restored):,}/{self.total:,} blogs; "
            f"{kinds['bytes differ']} bytes differ; {kinds['unavailable']} unavailable; "
            f"{kinds['build differs']} build differs; {kinds['refused']} refused"
            + (f"; {len(self.changed)} built from changed bytes" if self.changed else "")
            + f" ({self.fetched} fetched)"
        )
        return (
            [f"not restored {blog}: {kind}: {why}" for kind, blog, why in self.problems]
            + [
                f"changed {blog}: built from bytes that differ from the release"
                for blog in self.changed
            ]
            + [summary]
        )


def read_sources(files: ReleaseFiles, where: str) -> list[dict[str, str]]:
    if sources.SOURCES_NAME not in files.names():
        raise InputError(
            where, f"no {sources.SOURCES_NAME}: not a release this version of corpus can hydrate"
        )
    text = files.read(sources.SOURCES_NAME).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def checked_row(
    row: dict[str, str], raw_dir: Path, max_bytes: int, live: bool, archive: str
) -> tuple[str, Path]:
    """The address to fetch for a source row and the file it goes to; UnsafeAddress naming why
    the row is refused, LookupError when it has no address to fetch."""
    path = addresses.confined(raw_dir, row.get("raw_path") or "")
    if not SHA256.match(row.get("sha256") or ""):
        raise UnsafeAddress("no 64-hex sha256")
    size = row.get("n_bytes") or "0"
    if not size.isdigit() or int(size) > max_bytes:
        raise UnsafeAddress(f"size {size[:20]} is over the raw-file limit of {max_bytes:,} bytes")
    for name in ("url", "archive_url"):
        if row.get(name):
            addresses.checked_host(row[name])
            if addresses.has_userinfo(row[name]):
                raise UnsafeAddress(f"credentials in the {name}")
    if live and row.get("url"):
        return row["url"], path
    capture = addresses.capture_address(row.get("archive_url") or "")
    if capture is None:
        raise LookupError(
            "no archive capture (--live fetches the live address, which may have changed)"
        )
    base = archive.rstrip("/") if archive else capture.archive
    return f"{base}/web/{capture.timestamp}id_/{capture.original}", path


class Hydrator:
    """Restores one release into a raw folder and a data folder."""

    def __init__(
        self,
        release: Path,
        raw_dir: Path,
        out: Path,
        client: PoliteClient,
        live: bool = False,
        archive: str = "",
        accept_changed: bool = False,
    ):
        problems = verify(release)
        if problems:
            raise InputError(str(release), f"release does not verify ({problems[0]})")
        self.files, self.release = ReleaseFiles(release), release
        self.raw_dir, self.out, self.client = raw_dir, out, client
        self.live, self.archive, self.accept_changed = live, archive, accept_changed
        self.outcome = Outcome()

    def run(self, progress=lambda rows: rows) -> Outcome:
        rows = read_sources(self.files, str(self.release))
        self.outcome.total = len(rows)
        registry = fetch.open_registry(self.raw_dir)
        seen: set[str] = set()
        wanted: list[tuple[dict[str, str], bool]] = []  # (row, bytes as released)
        for row in progress(rows):
            blog = row.get("blog_id") or "?"
            if blog in seen or any(row.get("raw_path") == r.get("raw_path") for r, _ in wanted):
                self.outcome.fail("refused", blog, "listed twice in sources.csv")
                continue
            seen.add(blog)
            same = self.restore_file(row, registry)
            if same is not None:
                wanted.append((row, same))
        if wanted:
            self.build_and_compare(wanted)
        return self.outcome

    def restore_file(self, row: dict[str, str], registry: list[raw_registry.RegistryEntry]):
        """Fetch and register one source; True when its bytes are the release's, False when
        they differ and are accepted, None when it is not restored."""
        blog = row.get("blog_id") or "?"
        try:
            source, target = checked_row(
                row, self.raw_dir, self.client.settings.max_bytes, self.live, self.archive
            )
        except UnsafeAddress as err:
            self.outcome.fail("refused", blog, str(err))
            return None
        except LookupError as err:
            self.outcome.fail("unavailable", blog, str(err))
            return None
        rel = target.relative_to(os.path.realpath(self.raw_dir)).as_posix()
        known = next((e for e in registry if e.path == rel), None)
        if known is not None:
            return known.sha256 == row["sha256"]
        try:
            download = self.client.download(source, target.parent)
        except FetchError as err:
            self.outcome.fail("unavailable", blog, f"{source}: {err}")
            return None
        try:
            same = download.sha256 == row["sha256"]
            if not same and not self.accept_changed:
                self.outcome.fail(
                    "bytes differ",
                    blog,
                    f"{source}: sha256 {download.sha256[:12]}"
                    f"... is not the release's {row['sha256'][:12]}...",
                )
                return None
            os.replace(download.temp_path, target)
        finally:
            download.temp_path.unlink(missing_ok=True)
        self.outcome.fetched += 1
        registry.append(registry_entry(row, rel, download.sha256, source))
        registry_file.write_registry(self.raw_dir, registry)
        return same

    def build_and_compare(self, wanted: list[tuple[dict[str, str], bool]]) -> None:
        result = build(BuildOptions(self.raw_dir, self.out, keep_going=True))
        for err in result.skipped:
            log.warning("build skipped %s", err)
        digests = sources.read_digests(self.files.read(sources.TEXT_DIGESTS_NAME).decode())
        released = {name: self.files.table(name) for name in TABLES}
        folder = live_folder(self.out)
        built = {name: read_table(folder / table_dir_name(name)) for name in TABLES}
        for row, same in wanted:
            blog = row["blog_id"]
            differs = compare_blog(blog, released, built, digests)
            if not same:
                self.outcome.changed.append(blog)
            elif differs:
                self.outcome.fail("build differs", blog, differs)
            else:
                self.outcome.restored.append(blog)


def registry_entry(
    row: dict[str, str], rel: str, sha256: str, source: str
) -> raw_registry.RegistryEntry:
    """The registry row of a restored file: what the release says of it."""
    return raw_registry.RegistryEntry(
        path=rel,
        sha256=sha256,
        format=row.get("format") or "",
        outlet=row.get("outlet") or "",
        url=row.get("url") or "",
        language=row.get("language") or "und",
        retrieved_date=row.get("retrieved_date") or "",
        rights=row.get("rights") or "",
        final_url=source,
        archive_url=row.get("archive_url") or "",
        captured_at=row.get("captured_at") or "",
        text_redistributable=row.get("text_redistributable") or "",
    )


def rows_of(table: pa.Table, blog: str, entry_ids: pa.Array) -> pa.Table:
    """A blog's rows: by blog_id, or by the blog's entries for tables keyed on entries."""
    if "blog_id" in table.column_names:
        return table.filter(pc.equal(table["blog_id"], blog))
    return table.filter(pc.is_in(table["entry_id"], value_set=entry_ids))


def compare_blog(
    blog: str, released: dict[str, pa.Table], built: dict[str, pa.Table], digests: dict[str, str]
) -> str:
    """'' when the blog's rows are the release's in every table and column (text by its
    digest), else the first difference as 'table.column' words."""
    entries = released["entries"]
    entry_ids = entries.filter(pc.equal(entries["blog_id"], blog))["entry_id"].combine_chunks()
    for name, table in released.items():
        mine = rows_of(built[name], blog, entry_ids)
        theirs = rows_of(table, blog, entry_ids)
        if mine.num_rows != theirs.num_rows:
            return f"{name}: {mine.num_rows} rows built, {theirs.num_rows} released"
        for column in theirs.column_names:
            if name == "entries" and column in TEXT_COLUMNS:
                continue
            if not mine[column].combine_chunks().equals(theirs[column].combine_chunks()):
                return f"{name}.{column} differs"
        if name == "entries":
            text = mine.select(["entry_id", *TEXT_COLUMNS]).to_pydict()
            for entry_id, headline, body in zip(*text.values()):
                if digests.get(entry_id) != sources.text_digest(headline, body):
                    return f"entries text of {entry_id} differs from its digest"
    return ""
