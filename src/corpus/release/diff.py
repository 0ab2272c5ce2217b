"""Row-level differences between two releases or data folders, by the primary keys of schema.py.

`diff_releases(old, new)` gives, per table, the rows added, removed and changed (and for changed
rows, which columns), and the entries whose text changed by their text digests (which a text-free
release carries instead of the text: `text_digests.csv`), as a plain dict that `diff_report.render`
writes as text, JSON or Markdown.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from corpus.dataset.releases import ReleaseFiles, fetch
from corpus.errors import InputError
from corpus.release.sources import TEXT_DIGESTS_NAME, read_digests, text_digest
from corpus.schema import ALL_TABLES, TEXT_COLUMNS, Table

VERSION = re.compile(r"\d+(?:\.\d+)*(?:[.-]?[a-z]+\d*)?")


def source_path(arg: str) -> Path:
    """A release argument as a path: an existing folder or zip, else a published version fetched."""
    path = Path(arg)
    if path.exists():
        return path
    if VERSION.fullmatch(arg):
        return fetch(arg)
    raise InputError(arg, "no such release folder, zip or published version")


def read_release(path: Path) -> tuple[dict, dict[str, pa.Table], dict[str, str] | None]:
    """A release's label (its file name and version), the tables of schema.py it holds, and its
    text digests (entry_id -> sha256; None without text_digests.csv: a data folder)."""
    try:
        files = ReleaseFiles(path)
        names = files.names()
        version = None
        if "datapackage.json" in names:
            version = json.loads(files.read("datapackage.json")).get("version")
        tables = {n: files.table(n) for n in ALL_TABLES if files.table_names(n)}
        digests = None
        if TEXT_DIGESTS_NAME in names:
            digests = read_digests(files.read(TEXT_DIGESTS_NAME).decode("utf-8"))
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, pa.ArrowException) as exc:
        raise InputError(str(path), f"not a readable release or data folder ({exc})") from None
    return {"name": path.name, "version": version}, tables, digests


def entry_digests(entries: pa.Table | None, listed: dict[str, str] | None) -> dict[str, str]:
    """entry_id -> text digest: as text_digests.csv lists it, else of the entry's text when the
    table holds it (a text-free entry without a listed digest is left out)."""
    known = dict(listed or {})
    if entries is not None and all(c in entries.column_names for c in TEXT_COLUMNS):
        columns = entries.select(["entry_id", *TEXT_COLUMNS]).to_pydict().values()
        for entry_id, headline, body in zip(*columns):
            if entry_id not in known and body is not None:
                known[entry_id] = text_digest(headline, body)
    return known


def text_diff(old: tuple, new: tuple) -> dict | None:
    """Entries of both sides whose text digests differ, and their blogs; each side is (tables,
    text_digests.csv or None). None when neither side lists digests (data folders: the entries
    table's own text columns show every change)."""
    (old_tables, old_listed), (new_tables, new_listed) = old, new
    if old_listed is None and new_listed is None:
        return None
    old_entries, new_entries = old_tables.get("entries"), new_tables.get("entries")
    before = entry_digests(old_entries, old_listed)
    after = entry_digests(new_entries, new_listed)
    common = before.keys() & after.keys()
    changed = sorted(e for e in common if before[e] != after[e])
    blog_of: dict[str, str] = {}
    for entries in (old_entries, new_entries):
        if entries is not None:
            blog_of |= dict(zip(*entries.select(["entry_id", "blog_id"]).to_pydict().values()))
    return {
        "source": TEXT_DIGESTS_NAME,
        "compared": len(common),
        "changed": len(changed),
        "changed_blogs": sorted({blog_of.get(e, "") for e in changed} - {""}),
        "changed_entries": changed,
    }


def key_values(data: pa.Table, keys: list[str]) -> list:
    """Primary-key values of rows: the value for a one-column key, else a list of values."""
    if len(keys) == 1:
        return data.column(keys[0]).to_pylist()
    return [list(row) for row in zip(*(data.column(k).to_pylist() for k in keys))]


def same_values(a: pa.ChunkedArray, b: pa.ChunkedArray) -> pa.ChunkedArray:
    """Row-wise equality where null equals null and NaN equals NaN."""
    if not a.type.equals(b.type):
        a, b = pc.cast(a, pa.string()), pc.cast(b, pa.string())
    same = pc.or_(pc.fill_null(pc.equal(a, b), False), pc.and_(pc.is_null(a), pc.is_null(b)))
    if pa.types.is_floating(a.type):
        same = pc.or_(same, pc.fill_null(pc.and_(pc.is_nan(a), pc.is_nan(b)), False))
    return same


def key_column(data: pa.Table, keys: list[str]) -> pa.Array:
    """One value per row that identifies it: the key column, or the key columns joined."""
    if len(keys) == 1:
        return data.column(keys[0]).combine_chunks()
    parts = [pc.cast(data.column(k), pa.string()) for k in keys]
    return pc.binary_join_element_wise(*parts, "\x1f").combine_chunks()


def table_diff(table: Table, old: pa.Table | None, new: pa.Table | None) -> dict:
    """Rows added, removed and changed between two versions of one table, matched by primary key."""
    keys = list(table.primary_key)
    empty = table.arrow_schema().empty_table()
    old_t, new_t = (t.combine_chunks() if t is not None else empty for t in (old, new))
    missing = [k for k in keys if k not in old_t.column_names or k not in new_t.column_names]
    if missing:
        raise InputError(table.name, f"primary key column {missing[0]} missing from one release")
    common = [c for c in new_t.column_names if c in old_t.column_names and c not in keys]
    old_key, new_key = key_column(old_t, keys), key_column(new_t, keys)
    where = pc.index_in(new_key, value_set=old_key)  # each new row's place in old; null: added
    matched = pc.is_valid(where)
    new_m, old_m = new_t.filter(matched), old_t.take(pc.drop_null(where))
    differs = {c: pc.invert(same_values(old_m.column(c), new_m.column(c))) for c in common}
    changed = any_of(list(differs.values())) if differs else pa.array([False] * new_m.num_rows)
    flags = {c: d.filter(changed).to_pylist() for c, d in differs.items()}
    changed_rows = sorted(
        (
            {"key": key, "columns": [c for c in common if flags[c][i]]}
            for i, key in enumerate(key_values(new_m.filter(changed), keys))
        ),
        key=lambda row: row["key"],
    )
    removed = old_t.filter(pc.invert(pc.is_in(old_key, value_set=new_key)))
    return {
        "primary_key": keys,
        "status": "added" if old is None else "removed" if new is None else "compared",
        "old_rows": old_t.num_rows,
        "new_rows": new_t.num_rows,
        "added": new_t.num_rows - new_m.num_rows,
        "removed": removed.num_rows,
        "changed": len(changed_rows),
        "unchanged": new_m.num_rows - len(changed_rows),
        "columns_added": [c for c in new_t.column_names if c not in old_t.column_names],
        "columns_removed": [c for c in old_t.column_names if c not in new_t.column_names],
        "columns_changed": {c: n for c in common if (n := pc.sum(differs[c]).as_py() or 0)},
        "added_keys": sorted(key_values(new_t.filter(pc.invert(matched)), keys)),
        "removed_keys": sorted(key_values(removed, keys)),
        "changed_rows": changed_rows,
    }


def any_of(masks: list) -> pa.Array:
    out = masks[0]
    for mask in masks[1:]:
        out = pc.or_(out, mask)
    return out


def diff_tables(old: dict[str, pa.Table], new: dict[str, pa.Table]) -> dict[str, dict]:
    """table_diff of every table of schema.py that either side holds, in schema order."""
    return {
        name: table_diff(t, old.get(name), new.get(name))
        for name, t in ALL_TABLES.items()
        if name in old or name in new
    }


def diff_releases(old: Path, new: Path) -> dict:
    """The differences between two releases (folders or zips) or built data folders."""
    old_label, old_tables, old_digests = read_release(old)
    new_label, new_tables, new_digests = read_release(new)
    return {
        "old": old_label,
        "new": new_label,
        "tables": diff_tables(old_tables, new_tables),
        "text": text_diff((old_tables, old_digests), (new_tables, new_digests)),
    }


def has_changes(diff: dict) -> bool:
    if (diff.get("text") or {}).get("changed"):
        return True
    return any(
        t["added"]
        or t["removed"]
        or t["changed"]
        or t["columns_added"]
        or t["columns_removed"]
        or t["status"] != "compared"
        for t in diff["tables"].values()
    )
