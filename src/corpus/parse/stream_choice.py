"""Which stream of updates a web page is read from, and what gave it.

An outlet adapter matching the page gives its container's children. Otherwise the stamped group
with the most text (``stream.py``) wins: the one stamped by clock times, or the one stamped by
match minutes or overs when it carries half as much text again (in all or per update) and runs
in the game's order; schema.org LiveBlogPosting microdata wins when it marks more updates.
"""

from __future__ import annotations

from lxml import etree

from corpus.errors import InputError
from corpus.parse import adapters, structured
from corpus.parse.dom import visible_elements
from corpus.parse.stamps import PageStamps
from corpus.parse.stream import (
    Stream,
    find_stream,
    in_game_order,
    stream_of,
    stream_text,
    text_lengths,
)


def choose_stream(
    root, body, segments, language, url, adapter_table=None, page=None
) -> tuple[Stream, str, adapters.Adapter | None]:
    """The update stream, what gave it, and the adapter if one did (``page``: the page's stamps
    worked out so far, a stamps.PageStamps)."""
    page = page or PageStamps(language)
    adapter = adapters.matching(root, url, adapter_table)
    if adapter is not None:
        found = root.xpath(adapter.container)
        elements = [e for e in found if isinstance(e, etree._Element)]
        if not elements:
            raise InputError(
                "", f"adapter '{adapter.name}' matched but its container finds nothing"
            )
        return stream_of(elements, language), f"adapter:{adapter.name}", adapter
    micro = structured.microdata_stream(body)
    lengths, visible = text_lengths(segments), list(visible_elements(body))
    markup = find_stream(body, segments, language, False, lengths, visible, page)
    game = find_stream(body, segments, language, True, lengths, visible, page)
    better = game.extents and (
        stream_text(game) > 1.5 * stream_text(markup)
        or len(markup.extents)
        and per_update(game) > 1.5 * per_update(markup)
    )
    if better and in_game_order(game, language, page):
        if markup.extents:
            game.note = (
                f"stream: {len(game.extents)} updates stamped by match minutes or overs,"
                f" over a clock-time group of {len(markup.extents)} with less text "
                "(per update or in all)"
            )
        markup = game  # match minutes or overs carry more of the page than any clock stream
    if len(micro) > len(markup.extents):
        found = stream_of(micro, language)
        found.note = (
            f"stream: {len(micro)} updates marked as schema.org microdata, more than the"
            f" {len(markup.extents)} of the best stamped group"
        )
        return found, "microdata", None
    return markup, "markup", None


def per_update(stream: Stream) -> float:
    return stream_text(stream) / max(1, len(stream.extents))
