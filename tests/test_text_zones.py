"""A text blog's stamps may carry any zone the web readers know: each such line opens an entry
of its own, at the right UTC time."""
from datetime import UTC, datetime

import pytest
from tests.conftest import text_blog

from corpus.collect import raw
from corpus.collect.raw_text import detect_format
from corpus.parse import text, zone_labels
from corpus.tables import blog_rows

ENTRIES = [
    ("2105 GMT", "Ferry service resumes", ["The first ferry left the harbour at nine."]),
    ("1800 CET", "Bridge reopens", ["Engineers declared the bridge at Olsk safe again."]),
    ("1130 EST", None, ["Officials in Carrow said the count would resume on Monday."]),
    ("0900 GMT+3", None, ["The ministry in Tavel published its first figures."]),
]


def blog_text() -> str:
    return text_blog("Storm over the Olsk valley", "Crews work through the night.",
                     "Friday, March 8, 2024", ENTRIES)


def test_every_zone_opens_an_entry_at_its_utc_time():
    document = raw.RawDocument("zones.txt", blog_text(), "0" * 64, "trt-text")
    parsed = text.parse("zones.txt", blog_text())
    assert [e.time_label for e in parsed.entries] == ["2105 GMT", "1800 CET", "1130 EST",
                                                      "0900 GMT+3"]
    assert [e.utc_offset_minutes for e in parsed.entries] == [0, 60, -300, 180]
    _, rows = blog_rows(document, parsed)
    utc = datetime(2024, 3, 8, tzinfo=UTC)
    assert [r["published_at"] for r in rows] == [
        utc.replace(hour=21, minute=5), utc.replace(hour=17), utc.replace(hour=16, minute=30),
        utc.replace(hour=6)]
    assert rows[1]["body"] == "Engineers declared the bridge at Olsk safe again."


@pytest.mark.parametrize("zone", sorted([*zone_labels.FIXED_ZONES, *zone_labels.SEASONAL_ZONES]))
def test_every_zone_label_the_web_readers_know_is_a_stamp(zone):
    lines = text_blog("Night of counting", "Results are due.", "Friday, March 8, 2024",
                      [("2000 GMT", None, ["Counting began at eight."]),
                       (f"1900 {zone}", "Second ward declared", ["The second ward was declared."])])
    parsed = text.parse("z.txt", lines)
    assert len(parsed.entries) == 2
    assert parsed.entries[1].utc_offset_minutes == zone_labels.zone_offset(zone, parsed.blog_date)


def test_a_text_blog_without_gmt_is_recognised():
    only_cet = blog_text().replace("2105 GMT", "2105 CET").replace("0900 GMT+3", "0900 CET")
    assert detect_format("cet.txt", only_cet) == "trt-text"


def test_a_dash_after_gmt_is_a_headline_not_an_offset():
    lines = text_blog("Night of counting", "Results are due.", "Friday, March 8, 2024",
                      [("2000 GMT", "5 wards declared", ["Five wards were declared."])])
    lines = lines.replace("2000 GMT — 5", "2000 GMT - 5")
    entry = text.parse("d.txt", lines).entries[0]
    assert (entry.utc_offset_minutes, entry.headline) == (0, "5 wards declared")
