"""A diff of two releases (`diff.diff_releases`) written out: as text for the terminal, as
Markdown (a release's CHANGES.md) or as JSON."""

from __future__ import annotations

import json

from corpus.release.diff import has_changes

FORMATS = ("text", "json", "markdown")
COUNTS = ("old_rows", "new_rows", "added", "removed", "changed", "unchanged")


def label(side: dict) -> str:
    return side["name"] + (f" (version {side['version']})" if side.get("version") else "")


def shown(keys: list, limit: int, quote: str = "") -> str:
    text = ", ".join(
        f"{quote}{k if not isinstance(k, list) else '/'.join(map(str, k))}{quote}"
        for k in keys[:limit]
    )
    return text + (f" and {len(keys) - limit} more" if len(keys) > limit else "")


def table_notes(name: str, t: dict, limit: int, quote: str) -> list[str]:
    """The lines about one table beyond its counts: table or columns added/removed, changed columns,
    and the first `limit` keys of each kind."""
    notes = []
    if t["status"] != "compared":
        notes.append(f"table {t['status']}")
    for what in ("columns_added", "columns_removed"):
        if t[what]:
            notes.append(f"{what.replace('_', ' ')}: {shown(t[what], len(t[what]), quote)}")
    if t["columns_changed"]:
        notes.append(
            "changed columns: "
            + ", ".join(f"{quote}{c}{quote} ({n})" for c, n in t["columns_changed"].items())
        )
    for what, keys in (("added", t["added_keys"]), ("removed", t["removed_keys"])):
        if keys and t["status"] == "compared":
            notes.append(f"{what}: {shown(keys, limit, quote)}")
    for row in t["changed_rows"][:limit]:
        notes.append(f"changed {shown([row['key']], 1, quote)}: {shown(row['columns'], 99, quote)}")
    if len(t["changed_rows"]) > limit:
        notes.append(f"... and {len(t['changed_rows']) - limit} more changed rows (see the JSON)")
    return notes


def text_notes(text: dict | None, limit: int, quote: str) -> list[str]:
    """The lines about entries whose text changed (by their text digests), if any did."""
    if not text or not text["changed"]:
        return []
    blogs = text["changed_blogs"]
    return [
        f"{text['changed']} of {text['compared']} entries compared by {quote}{text['source']}"
        f"{quote} changed their text, in {len(blogs)} blog(s)",
        f"changed blogs: {shown(blogs, limit, quote)}",
        f"changed entries: {shown(text['changed_entries'], limit, quote)}",
    ]


def render_text(diff: dict, limit: int = 10) -> str:
    head = f"{label(diff['old'])} -> {label(diff['new'])}"
    widths = [max(len(n) for n in [*diff["tables"], "table"])] + [max(len(c), 9) for c in COUNTS]
    lines = [
        head,
        "  ".join(
            h.ljust(w) if i == 0 else h.rjust(w)
            for i, (h, w) in enumerate(zip(["table", *COUNTS], widths))
        ),
    ]
    for name, t in diff["tables"].items():
        counts = [str(t[c]).rjust(w) for c, w in zip(COUNTS, widths[1:])]
        lines.append("  ".join([name.ljust(widths[0]), *counts]))
    for name, t in diff["tables"].items():
        lines += [f"{name}: {note}" for note in table_notes(name, t, limit, "")]
    lines += [f"text: {note}" for note in text_notes(diff.get("text"), limit, "")]
    lines.append("changes found" if has_changes(diff) else "no change")
    return "\n".join(lines) + "\n"


def render_markdown(diff: dict, limit: int = 20) -> str:
    lines = [f"# Changes: {label(diff['old'])} → {label(diff['new'])}", ""]
    if not has_changes(diff):
        lines += ["No row of any table was added, removed or changed.", ""]
    lines += [
        "Rows are matched by each table's primary key (see the codebook); a row is changed "
        "when any other column differs. Every key is listed in `changes.json` "
        "(`corpus diff --format json`).",
        "",
        "| table | " + " | ".join(c.replace("_", " ") for c in COUNTS) + " |",
        "|---|" + "---:|" * len(COUNTS),
    ]
    lines += [
        f"| `{name}` | " + " | ".join(str(t[c]) for c in COUNTS) + " |"
        for name, t in diff["tables"].items()
    ]
    for name, t in diff["tables"].items():
        notes = table_notes(name, t, limit, "`")
        if notes:
            lines += ["", f"## `{name}`", "", *[f"- {note}" for note in notes]]
    notes = text_notes(diff.get("text"), limit, "`")
    if notes:
        lines += ["", "## Text", "", *[f"- {note}" for note in notes]]
    return "\n".join(lines) + "\n"


def render(diff: dict, fmt: str, limit: int | None = None) -> str:
    if fmt == "json":
        return json.dumps(diff, indent=1, ensure_ascii=False, default=str) + "\n"
    if fmt == "markdown":
        return render_markdown(diff, *([limit] if limit is not None else []))
    if fmt == "text":
        return render_text(diff, *([limit] if limit is not None else []))
    raise ValueError(f"unknown diff format {fmt!r} ({', '.join(FORMATS)})")
