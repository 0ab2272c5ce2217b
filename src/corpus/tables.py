"""Turn a parsed, time-resolved blog into rows of the blogs and entries tables."""

from __future__ import annotations

import hashlib
import re
from datetime import date, timedelta

from corpus.collect.raw import RawDocument
from corpus.errors import InputError
from corpus.parse.model import ParsedBlog
from corpus.timeline import Resolved, resolve

WORD = re.compile(r"\w+", re.UNICODE)
MAX_ENTRIES_PER_BLOG = 99_999  # entry ids carry a five-digit position


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "unknown"


def blog_id_for(doc: RawDocument, blog: ParsedBlog) -> str:
    """The outlet the page names, page date and a hash of the raw path: unchanged by any other blog
    and by registering the file."""
    path_hash = hashlib.sha256(doc.path.encode("utf-8")).hexdigest()[:8]
    prefix = f"{slug(blog.outlet)}-" if blog.outlet and slug(blog.outlet) != "unknown" else ""
    return f"{prefix}{blog.blog_date:%Y%m%d}-{path_hash}"


def count_words(text: str) -> int:
    return len(WORD.findall(text))


def entry_times(blog: ParsedBlog) -> list[Resolved]:
    """Each entry's UTC time: the instant the page states, else its clock time resolved against
    the page date (timeline); None for an entry the page gives no time."""
    clocks = [(i, e.local_minutes) for i, e in enumerate(blog.entries)]
    timed = [(i, minutes) for i, minutes in clocks if minutes is not None]
    resolved = dict(
        zip(
            [i for i, _ in timed],
            resolve(
                [minutes for _, minutes in timed],
                blog.blog_date,
                [blog.entries[i].utc_offset_minutes for i, _ in timed],
            ),
        )
    )
    out = []
    for i, e in enumerate(blog.entries):
        when = resolved.get(i, Resolved(None, False))
        out.append(Resolved(e.instant, when.is_out_of_order) if e.instant else when)
    return out


def dated_span(blog: ParsedBlog, times: list[Resolved]) -> tuple[date, list[str]]:
    """The blog's start date and notes: the page's own (parse.span), reaching back further when
    the clock order alone rolls its updates over more than two midnights, which is then doubted."""
    start = min(blog.start_date or blog.blog_date, blog.blog_date)
    inferred = [
        t.published_at.date()
        for e, t in zip(blog.entries, times)
        if e.instant is None and t.published_at is not None
    ]
    if inferred and min(inferred) < start - timedelta(days=2):
        return min(inferred), [
            f"doubt: days inferred from the clock order alone reach back to {min(inferred)}",
            *blog.notes,
        ]
    return start, list(blog.notes)


def blog_rows(doc: RawDocument, blog: ParsedBlog) -> tuple[dict, list[dict]]:
    """One blogs row and its entries rows."""
    if len(blog.entries) > MAX_ENTRIES_PER_BLOG:
        raise InputError(
            doc.path, f"more than {MAX_ENTRIES_PER_BLOG} entries: entry ids hold five digits"
        )
    blog_id = blog_id_for(doc, blog)
    times = entry_times(blog)
    start, notes = dated_span(blog, times)
    entries = [
        {
            "entry_id": f"{blog_id}-{position:05d}",
            "blog_id": blog_id,
            "position": position,
            "published_at": when.published_at,
            "time_label": e.time_label,
            "time_precision": e.time_precision,
            "is_out_of_order": when.is_out_of_order,
            "headline": e.headline,
            "body": e.body,
            "n_words": count_words(e.body),
            "raw_line": e.line,
        }
        for position, (e, when) in enumerate(zip(blog.entries, times), start=1)
    ]
    chars = blog.chars_by_role()
    row = {
        "blog_id": blog_id,
        "outlet": doc.outlet if doc.outlet != "unknown" else (blog.outlet or "unknown"),
        "url": doc.url or blog.url,
        "title": blog.title,
        "subtitle": blog.subtitle,
        "blog_date": blog.blog_date,
        "start_date": start,
        "language": doc.language if doc.language != "und" else (blog.language or "und"),
        "source_format": doc.format,
        "entry_source": blog.entry_source,
        "reading_notes": "; ".join(notes) or None,
        "raw_path": doc.path,
        "raw_sha256": doc.sha256,
        "n_entries": len(entries),
        "n_chars_header": chars["header"],
        "n_chars_entries": chars["entries"],
        "n_chars_boilerplate": chars["boilerplate"],
    }
    return row, entries
