"""What a release says about its sources and its text: `sources.csv` (per blog: address, archive
capture, retrieval date, sha256 and size of the raw bytes, format, outlet, language, rights, and
whether its text is in the release) and `text_digests.csv` (each entry's text digest, so that a
text-free release states exactly which text it was built from and `corpus hydrate` can prove
restored text identical). Blogs whose registry row does not say their text may be republished are
text-free: their entries keep every column but `headline` and `body` (null)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from corpus.collect import raw_registry
from corpus.collect.addresses import strip_userinfo
from corpus.schema import TEXT_COLUMNS

SOURCES_NAME = "sources.csv"
TEXT_DIGESTS_NAME = "text_digests.csv"
SOURCE_FIELDS = (
    "blog_id",
    "raw_path",
    "url",
    "archive_url",
    "captured_at",
    "retrieved_date",
    "sha256",
    "n_bytes",
    "format",
    "outlet",
    "language",
    "rights",
    "text_redistributable",
    "text_in_release",
)
DIGEST_FIELDS = ("entry_id", "blog_id", "text_sha256")
RESTORE = (
    "corpus hydrate RELEASE --raw NEW_RAW_FOLDER --out NEW_DATA_FOLDER (fetches each "
    "text-free blog's archive capture, checks its sha256 against sources.csv, rebuilds "
    "and compares every table with this release)"
)


def text_digest(headline: str | None, body: str | None) -> str:
    """sha256 of an entry's text: the JSON array [headline, body] (null headline kept apart from
    an empty one)."""
    return hashlib.sha256(json.dumps([headline, body], ensure_ascii=False).encode()).hexdigest()


def digests_csv(entries: pa.Table) -> str:
    """text_digests.csv: entry_id, blog_id, text_sha256, in the table's order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(DIGEST_FIELDS)
    columns = entries.select(["entry_id", "blog_id", *TEXT_COLUMNS]).to_pydict()
    for entry_id, blog_id, headline, body in zip(*columns.values()):
        writer.writerow([entry_id, blog_id, text_digest(headline, body)])
    return out.getvalue()


def read_digests(text: str) -> dict[str, str]:
    """entry_id -> text_sha256 from text_digests.csv."""
    return {
        row["entry_id"]: row["text_sha256"]
        for row in csv.DictReader(io.StringIO(text))
        if row.get("entry_id")
    }


def source_rows(blogs: pa.Table, raw_dir: Path, text_free: bool) -> list[dict[str, str]]:
    """One row per blog; a blog keeps its text only when its registry row says yes and the
    release is not --text-free."""
    registry = {e.path: e for e in raw_registry.read_registry(raw_dir) or []}
    rows = []
    for blog in blogs.select(
        ["blog_id", "raw_path", "raw_sha256", "source_format", "outlet", "url", "language"]
    ).to_pylist():
        e = registry.get(blog["raw_path"])
        path = raw_dir / blog["raw_path"]
        keep = e is not None and e.redistributable and not text_free
        rows.append(
            {
                "blog_id": blog["blog_id"],
                "raw_path": blog["raw_path"],
                "url": strip_userinfo((e.url if e else "") or blog["url"] or ""),
                "archive_url": strip_userinfo(e.archive_url) if e else "",
                "captured_at": e.captured_at if e else "",
                "retrieved_date": e.retrieved_date if e else "",
                "sha256": blog["raw_sha256"],
                "n_bytes": str(path.stat().st_size) if path.is_file() else "",
                "format": blog["source_format"],
                "outlet": blog["outlet"],
                "language": blog["language"],
                "rights": e.rights if e else "",
                "text_redistributable": e.text_redistributable if e else "",
                "text_in_release": "yes" if keep else "no",
            }
        )
    return rows


def sources_csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, SOURCE_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def text_free_ids(rows: list[dict[str, str]]) -> list[str]:
    return [r["blog_id"] for r in rows if r["text_in_release"] != "yes"]


def without_text(entries: pa.Table, blog_ids: list[str], schema: pa.Schema) -> pa.Table:
    """The entries with headline and body null for the given blogs, in the text-free schema."""
    gone = pc.is_in(entries["blog_id"], value_set=pa.array(blog_ids, pa.string()))
    for name in TEXT_COLUMNS:
        index = entries.schema.get_field_index(name)
        column = pc.if_else(gone, pa.scalar(None, pa.string()), entries[name])
        entries = entries.set_column(index, schema.field(name), column)
    return entries.cast(schema)


def card_section(rows: list[dict[str, str]]) -> list[str]:
    """The data card's lines on text and restoring it."""
    free = [r for r in rows if r["text_in_release"] != "yes"]
    captured = [r for r in rows if r["archive_url"]]
    lines = [
        "## Text and how to restore it",
        "",
        f"{len(rows) - len(free)} of {len(rows)} blogs carry their text in this release; "
        f"{len(free)} are text-free: their entries keep every column but `headline` and "
        "`body`, which are null (their publishers' copyright). `text_digests.csv` holds "
        "each entry's text digest (sha256 of `[headline, body]` as JSON), `sources.csv` "
        "each blog's address, archive capture, retrieval date, sha256, size, format, "
        "outlet, language and rights.",
        "",
        f"{len(captured)} of {len(rows)} blogs have a web-archive capture. To restore the "
        f"text: `{RESTORE}`.",
    ]
    lost = [r for r in free if not r["archive_url"]]
    if lost:
        lines += [
            "",
            f"Not restorable by others (text-free, no archive capture; only the live "
            f"address, which may have changed): {len(lost)} blogs, "
            + ", ".join(f"`{r['blog_id']}`" for r in lost[:20])
            + (", ..." if len(lost) > 20 else "")
            + ".",
        ]
    if free:
        lines += [
            "",
            "Text-free blogs: "
            + ", ".join(f"`{r['blog_id']}`" for r in free[:50])
            + (f" and {len(free) - 50} more (see `sources.csv`)" if len(free) > 50 else "")
            + ".",
        ]
    return lines + [""]


def note_text_free(package: dict, rows: list[dict[str, str]]) -> dict:
    """datapackage.json (or croissant.json's description) told which blogs are text-free and how
    to restore them; in datapackage, headline and body are then not required."""
    free = text_free_ids(rows)
    note = {
        "text_free_blogs": free,
        "restore": RESTORE,
        "sources": SOURCES_NAME,
        "text_digests": TEXT_DIGESTS_NAME,
    }
    for resource in package.get("resources", []):
        if resource.get("name") == "entries" and free:
            for column in resource["schema"]["fields"]:
                if column["name"] in TEXT_COLUMNS:
                    column.setdefault("constraints", {})["required"] = False
    return package | {"x_text": note}


def description_note(rows: list[dict[str, str]]) -> str:
    free = text_free_ids(rows)
    if not free:
        return "Every blog carries its text in this release."
    return (
        f"{len(free)} of {len(rows)} blogs are text-free (headline and body null; listed "
        f"in {SOURCES_NAME}, column text_in_release): restore with {RESTORE}."
    )
