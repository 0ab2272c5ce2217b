"""Broken raw files, each a case the build must survive (issue #20), written from invented text.

`python tests/broken_pages.py FOLDER [--reader-cases]` writes them all into FOLDER (a plain raw
folder, no registry), beside two good pages (and the cases only a reader can mend), so that
`corpus build --raw FOLDER --keep-going` can be tried on them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

EPOCH_MS = 1_700_000_000_000  # 2023-11-14 22:13:20 UTC


def guardian_page(
    n_blocks: int = 3, url: str = "https://example.org/live/council", **changes
) -> dict:
    """A small Guardian page model of invented updates; `changes` replace top-level keys, and
    block_<key> keys replace that key in every block."""
    blocks = [
        {
            "id": f"block-{i}",
            "title": f"Council update {i}",
            "blockFirstPublished": EPOCH_MS - i * 600_000,
            "blockFirstPublishedDisplay": "",
            "elements": [
                {"html": f"<p>The council discussed item {i} " "of the harbour plan again.</p>"}
            ],
        }
        for i in range(n_blocks)
    ]
    for key, value in changes.items():
        if key.startswith("block_"):
            for block in blocks:
                block[key.removeprefix("block_")] = value
    page = {
        "headline": "Harbour council live",
        "webPublicationDate": "2023-11-14T20:00:00Z",
        "webURL": url,
        "blocks": blocks,
    }
    page.update({k: v for k, v in changes.items() if not k.startswith("block_")})
    return page


def text_page(day: str, bodies: list[str]) -> str:
    """A text live blog in the seed's layout: one entry per body, ten minutes apart, newest
    first."""
    lines = [
        "Live blog: Harbour works continue",
        "",
        "The quay stays closed this week.",
        "",
        day,
        "",
    ]
    for i, body in enumerate(bodies):
        minutes = 20 * 60 - 10 * i
        lines += [f"{minutes // 60:02d}{minutes % 60:02d} GMT {body}", ""]
    return "\n".join(lines)


GOOD_TEXT = text_page(
    "Monday, March 4, 2024",
    [
        "Crews lifted the last crane onto the quay, the port said.",
        "Work on the harbour wall began at dawn.",
    ],
)
DEEP = 100_000

BROKEN: dict[str, bytes] = {
    "deep_nesting.json": (
        '{"blockFirstPublished": 0, "blocks": ' + "[" * DEEP + "]" * DEEP + "}"
    ).encode(),
    "guardian_int_title.json": json.dumps(guardian_page(block_title=7)).encode(),
    "guardian_int_elements.json": json.dumps(guardian_page(block_elements=5)).encode(),
    "guardian_int_key_events.json": json.dumps(guardian_page(keyEvents=3)).encode(),
    "guardian_huge_epoch.json": json.dumps(
        guardian_page(block_blockFirstPublished=10**20)
    ).encode(),
    "guardian_nan_epoch.json": json.dumps(
        guardian_page(block_blockFirstPublished=float("nan"))
    ).encode(),
    "dates_outside_window.json": json.dumps(
        guardian_page(
            webPublicationDate="2015-01-01T10:00:00Z", webURL="https://example.org/live/old"
        )
    ).encode(),
    "same_url_as_good.json": json.dumps(guardian_page(n_blocks=2)).encode(),
    "oversized_update.txt": text_page(
        "Monday, March 4, 2024", ["The report ran long. " + "Many words. " * 90_000 + "The end."]
    ).encode(),
    "same_bytes_as_good.txt": GOOD_TEXT.encode(),
    "empty.txt": b"",
    "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
}


def html_page(updates: list[str], deep: int = 0) -> str:
    """A web live blog: a published-time meta and one <article> per update with its clock time;
    the third update wrapped `deep` elements deep."""
    articles = []
    for i, text in enumerate(updates):
        article = f"<article><p><time>{20 - i:02d}:05</time></p><p>{text}</p></article>"
        articles.append("<div>" * deep + article + "</div>" * deep if i == 2 else article)
    return ("<!DOCTYPE html><html lang='en'><head><title>Harbour live</title>"
            "<meta property='article:published_time' content='2024-03-04T08:00:00Z'></head><body>"
            + "".join(articles) + "</body></html>")


# Cases the readers (src/corpus/parse) must mend: the build cannot see what a reader drops.
READER_CASES: dict[str, bytes] = {
    "deep_element.html": html_page(
        [f"The harbour crane number {i} was lifted into place." for i in range(6)], deep=300
    ).encode(),
    "guardian_html_list.json": json.dumps(
        guardian_page(url="https://example.org/live/parts",
                      block_elements=[{"html": ["<p>Part one.</p>", "<p>Part two.</p>"]}])
    ).encode(),
    "million_elements.html": (
        "<!DOCTYPE html><html><head><title>t</title></head><body>"
        + "<b>a</b>" * 1_000_000
        + "</body></html>"
    ).encode(),
}
GOOD: dict[str, bytes] = {
    "good_blog.txt": GOOD_TEXT.encode(),
    "good_guardian.json": json.dumps(guardian_page()).encode(),
}


def write(folder: Path, pages: dict[str, bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in pages.items():
        (folder / name).write_bytes(data)
    return folder


if __name__ == "__main__":
    write(
        Path(sys.argv[1]),
        {**GOOD, **BROKEN, **(READER_CASES if "--reader-cases" in sys.argv else {})},
    )
