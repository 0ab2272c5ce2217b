"""One raw file's work: read, parse, resolve times and extract, into the cache; what the
main process keeps of it is a summary."""

from __future__ import annotations

import os
from pathlib import Path

from corpus import extract, parse
from corpus.build import cache, places
from corpus.build.cache import BlogTables
from corpus.build.summary import BlogSummary
from corpus.collect import raw, raw_folder, raw_registry, raw_text
from corpus.dataset import store
from corpus.errors import InputError, unexpected
from corpus.extract import model, reads_language
from corpus.schema import TABLES
from corpus.tables import blog_rows
from corpus.version import __version__


def table_metadata() -> dict[str, str]:
    """The key-value metadata every table's Parquet file carries."""
    return {"dataset": "liveblog-corpus", "dataset_version": __version__, **model.metadata()}


MAX_ENTRY_CHARS = 1_000_000  # spaCy's default max_length: no longer headline or body is tokenised
# Extraction takes about a second per million characters, and a blog is one process's work: a page
# holding more than this is refused (the largest real pages seen hold under 100,000 characters).
MAX_BLOG_CHARS = 10_000_000
MAX_RAW_BYTES = 200_000_000  # a raw file is read whole into memory, then decoded


def process_file(
    raw_dir: Path, rel_path: str, registry_entry: raw_registry.RegistryEntry | None, cache_dir: Path
) -> BlogSummary | InputError:
    """Read, parse, resolve and extract one raw file into the cache (unless it is there already).

    Bad input is returned, not raised, so that a worker's error reaches the caller intact; so is
    any exception the readers or extractors did not foresee (recursion, overflow, a type error
    from a malformed structure), as one line naming the file.
    """
    stage, sha256 = "read", ""
    try:
        size = os.stat(raw_dir / rel_path).st_size
        if size > MAX_RAW_BYTES:
            raise InputError(
                rel_path, f"{size:,} bytes, more than the {MAX_RAW_BYTES:,} a raw file may hold"
            )
        data = raw_folder.read_regular(raw_dir / rel_path)  # a FIFO put there meanwhile: refused
        sha256 = raw_text.sha256_of(data)
        cache_key = cache.key(sha256, rel_path, registry_entry)
        result = cache.load(cache_dir, cache_key)
        if result is None:
            places.use_index(cache_dir)
            doc = raw.read_document(raw_dir, rel_path, registry_entry, data)
            stage = "parse"
            parsed = parse.parse(doc.path, doc.format, doc.text)
            stage = "extract"
            result = extract_parsed(doc, parsed, len(data))
            cache.store(cache_dir, cache_key, result)
        text_sha256 = raw_text.text_sha256(rel_path, data)
    except InputError as err:
        err.stage, err.sha256 = err.stage or stage, err.sha256 or sha256
        return err
    except Exception as exc:  # RecursionError and MemoryError included
        if isinstance(exc, OSError) and stage == "read":
            return InputError(
                rel_path, f"cannot be read ({exc.strerror or exc})", stage=stage, sha256=sha256
            )
        return unexpected(rel_path, exc, stage, sha256)
    blog = result.tables["blogs"]
    return BlogSummary(
        blog.column("blog_id")[0].as_py(),
        {name: t.num_rows for name, t in result.tables.items()},
        cache_key,
        result.n_bytes,
        sha256,
        rel_path,
        getattr(registry_entry, "archive_url", "") or blog.column("url")[0].as_py(),
        text_sha256,
    )


def extract_parsed(doc: raw.RawDocument, parsed, n_bytes: int) -> BlogTables:
    """Every table's rows from one parsed raw document."""
    check_sizes(doc.path, parsed.entries)
    blog, entries = blog_rows(doc, parsed)
    extracted = reads_language(blog["language"])
    rows = {
        "blogs": [blog],
        "entries": entries,
        "entities": extract.entity_rows(entries) if extracted else [],  # loads the extractors
        "figures": extract.figure_rows(entries) if extracted else [],
    }
    return BlogTables({t.name: store.to_arrow(t, rows[t.name]) for t in TABLES.values()}, n_bytes)


def check_sizes(path: str, entries) -> None:
    """Refuse an entry whose headline or body is longer than the extractors can read, and a blog
    holding more text than one process extracts in reasonable time."""
    total = 0
    for position, e in enumerate(entries, start=1):
        for name in ("headline", "body"):
            text = getattr(e, name)
            if text is not None and len(text) > MAX_ENTRY_CHARS:
                raise InputError(
                    path,
                    f"entry {position}'s {name} has {len(text):,} characters, "
                    f"more than the {MAX_ENTRY_CHARS:,} an entry may hold",
                    line=e.line,
                )
            total += len(text or "")
    if total > MAX_BLOG_CHARS:
        raise InputError(
            path,
            f"its {len(entries):,} entries hold {total:,} characters, more "
            f"than the {MAX_BLOG_CHARS:,} one blog may hold (split the page)",
        )
