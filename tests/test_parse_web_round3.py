"""Web reader, round 3: multi-day tickers, match minutes, 'Updated' labels, zone notes the
machine-readable times contradict, inline bold stamps and text that is not the update's. Each
structure is an invented page in tests/fixtures/pages (invented text)."""
import hashlib
import json
import re
from datetime import date, datetime, timezone
from pathlib import Path

import pandas as pd
import pytest

from corpus import parse, tables
from corpus.collect import raw
from corpus.collect.raw_text import decode, detect_format
from corpus.parse import clock, dates
from corpus.tables import entry_times
from corpus.timeline import within_window
from corpus.validate import checks as validate_checks

FIXTURES = Path(__file__).parent / "fixtures" / "pages"


def read_fixture(name: str):
    content = (FIXTURES / name).read_text(encoding="utf-8")
    return parse.parse(name, detect_format(name, content), content)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


def published(blog) -> list:
    return [r.published_at for r in entry_times(blog)]


def rows_of(name: str):
    content = (FIXTURES / name).read_text(encoding="utf-8")
    doc = raw.RawDocument(name, content, hashlib.sha256(content.encode()).hexdigest(), "html")
    return tables.blog_rows(doc, read_fixture(name))


# --- 1. long-running tickers --------------------------------------------------------------------

def test_ticker_with_yearless_day_headers_is_dated_by_its_newest_update():
    blog = read_fixture("ticker_months_de.html")  # opened 2023-12-01, modified 2024-06-04
    assert (blog.blog_date, blog.start_date) == (date(2024, 6, 4), date(2024, 6, 3))
    assert [e.time_label for e in blog.entries] == ["09.12 Uhr", "07.45 Uhr", "22.30 Uhr",
                                                    "18.05 Uhr"]
    assert published(blog) == [at("2024-06-04T07:12"), at("2024-06-04T05:45"),
                               at("2024-06-03T20:30"), at("2024-06-03T16:05")]  # CEST in June
    assert any("newest update" in n for n in blog.notes)


def test_clock_only_ticker_takes_the_day_of_its_modification_when_the_newest_stamp_fits():
    blog = read_fixture("ticker_modified_en.html")  # opened 2024-01-10, modified 16:41 2024-03-05
    assert blog.blog_date == date(2024, 3, 5)
    assert published(blog)[0] == at("2024-03-05T16:40")
    assert blog.notes and "modification" in blog.notes[0]


def test_ticker_with_dated_stamps_spans_the_days_they_give():
    blog = read_fixture("ticker_dated_stamps.html")  # opened 2024-01-15, no modification date
    assert (blog.blog_date, blog.start_date) == (date(2024, 6, 3), date(2024, 5, 28))
    assert published(blog) == [at("2024-06-03T07:12"), at("2024-06-02T16:40"),
                               at("2024-05-28T05:05")]
    assert [e.time_label for e in blog.entries][-1] == "28.05.2024, 07:05 Uhr"


@pytest.mark.parametrize("name", ["ticker_months_de.html", "ticker_modified_en.html",
                                  "ticker_dated_stamps.html"])
def test_a_ticker_passes_the_window_check(name):
    blog_row, entry_rows = rows_of(name)
    frames = {"blogs": pd.DataFrame([blog_row]), "entries": pd.DataFrame(entry_rows)}
    frames["entries"]["published_at"] = pd.to_datetime(frames["entries"]["published_at"], utc=True)
    assert all(c.success for c in validate_checks.blog_entry_checks(frames))
    assert blog_row["reading_notes"]


@pytest.mark.parametrize("text, language, near, latest, day", [
    ("Montag, 3. 6.", "de", "2023-12-01", "2024-06-04", "2024-06-03"),
    ("Tuesday 4 June", "en", "2023-12-01", None, "2024-06-04"),  # the weekday fixes the year
    ("4 June", "en", "2023-12-01", None, "2024-06-04"),  # updates follow the opening
    ("Thursday, Sept. 24", "en", "2020-09-25", None, "2020-09-24"),
    ("Friday 15 December", "en", "2023-12-01", "2024-06-04", "2023-12-15"),  # before the latest
    ("Wednesday, 31 December", "en", "2026-01-02", None, "2025-12-31"),
    ("3 June 2022", "en", "2024-01-01", None, "2022-06-03")])
def test_a_day_header_without_a_year_takes_the_year_that_fits(text, language, near, latest, day):
    latest = date.fromisoformat(latest) if latest else None
    found = dates.find_day(text, language, date.fromisoformat(near), latest)
    assert found == date.fromisoformat(day)


def test_the_window_follows_the_page_s_own_span():
    first, last = at("2024-05-01T12:00"), at("2024-06-04T12:00")
    assert within_window(at("2024-05-10T08:00"), first, last)
    assert within_window(at("2024-06-06T20:00"), first, last)
    assert not within_window(at("2024-06-08T08:00"), first, last)
    assert not within_window(at("2023-06-04T08:00"), first, last)


# --- 2. stamps that are not clock times ---------------------------------------------------------

@pytest.mark.parametrize("name, labels", [
    ("match_minutes.html", ["90+4'", "88'", "45+2'", "12'", "1'"]),
    ("cricket_overs.html", ["42.3", "42.2", "42.1", "41.6"]),
    ("match_minutes_flat.html", ["90+3 min", "88 min", "46 min", "23 min", "1 min"]),
    ("cricket_obo_flat.html", ["14th over", "13th over", "12th over"])])
def test_match_minutes_and_overs_are_ordered_entries_without_a_clock(name, labels):
    blog = read_fixture(name)
    assert [e.time_label for e in blog.entries] == labels
    assert published(blog) == [None] * len(labels)
    assert {e.time_precision for e in blog.entries} == {"match-time"}
    assert not any("tennis" in e.body or "Squad news" in e.body or "Example 1-0" in e.body
                   or "Invented club signs" in e.body
                   for e in blog.entries)


def test_a_flat_match_report_keeps_each_minute_s_paragraphs_and_reads_no_relative_time():
    blog = read_fixture("match_minutes_flat.html")  # '<p><strong>88 min:</strong> ...'
    assert blog.entries[1].body.endswith("marking at that corner.")
    assert blog.entries[2].body.startswith("The second half")
    assert not any(e.time_precision == "hour" for e in blog.entries)  # '46 min' is no '46m ago'
    obo = read_fixture("cricket_obo_flat.html")
    assert obo.entries[1].body.endswith("from a reader in the imaginary hills.")


def test_a_timed_sidebar_loses_to_a_stream_of_match_stamps_and_says_so():
    blog = read_fixture("cricket_overs.html")  # its 'latest' box prints clock times, unlinked
    assert "match minutes or overs" in blog.notes[0]
    blog_row, entry_rows = rows_of("match_minutes.html")
    assert [r["time_precision"] for r in entry_rows] == ["match-time"] * 5
    assert all(r["published_at"] is None for r in entry_rows)


@pytest.mark.parametrize("text, found", [("95'", "95'"), ("45+2'", "45+2'"), ("90 + 4’", "90 + 4’"),
                                         ("42.3", "42.3"), ("19.6 ov", "19.6 ov"), ("17.00", None),
                                         ("4.5 million", None), ("2025'", None)])
def test_match_stamp_forms(text, found):
    assert clock.match_stamp(text) == found


# --- 6. text that is not the update's -----------------------------------------------------------

def test_hidden_text_captions_credits_and_updated_lines_stay_out_of_bodies():
    blog = read_fixture("hidden_captions.html")
    assert [e.time_label for e in blog.entries] == ["10:02", "09:12", "08:40"]
    assert published(blog) == [at("2025-02-18T10:02"), at("2025-02-18T09:12"),
                               at("2025-02-18T08:40")]
    first = blog.entries[0]
    assert first.headline == "Ash reaches the invented coast"
    assert first.body == ("Ash from the imaginary volcano has reached the coast of the invented "
                          "mainland.")
    assert not any("Posted at" in e.body or "Copyright" in e.body or "plume" in e.body
                   for e in blog.entries)
    assert blog.entries[2].body.startswith("A map of")  # an image-only update keeps its caption
    assert blog.entries[1].body.endswith("stay indoors. Schools there are closed.")  # <br>
    kinds = {lr.text: lr.kind for lr in blog.lines if lr.role == "boilerplate"}
    assert kinds["Posted at 09:12"] == kinds["Skip to content"] == "hidden-text"
    assert kinds["Satellite image"] == kinds["Copyright: Example Agency"] == "caption-credit"
    assert kinds["Last updated 10:15 GMT"] == "updated-at"


@pytest.mark.parametrize("text, is_line", [("Last updated 10:15 GMT", True),
                                           ("Aktualisiert am 3. 6., 09.14 Uhr", True),
                                           ("Updated figures show the invented toll rose.", False),
                                           ("Updated", False)])
def test_updated_lines(text, is_line):
    from corpus.parse import roles
    assert roles.is_updated_line(text) is is_line


# --- 5. inline bold stamps in an old flat body --------------------------------------------------

def test_inline_bold_stamps_in_a_flat_body_with_the_latest_update_in_a_box_above():
    blog = read_fixture("inline_bold_flat.html")
    assert [e.time_label for e in blog.entries] == ["07.10", "06.55", "06.25", "06.25", "05.40"]
    assert published(blog)[0] == at("2006-03-14T07:10")
    assert published(blog)[-1] == at("2006-03-14T05:40")
    assert {e.time_precision for e in blog.entries} == {"minute"}
    assert blog.entries[0].body.startswith("The invented rail union")  # under 'Latest'
    assert blog.entries[2].body.startswith("Ann Example writes:")  # a name inside the bold
    assert "at 8.20 a.m. as usual" in blog.entries[1].body  # a quoted time is no stamp
    assert "The deadline for a deal is 8.20 a.m. tomorrow" in blog.entries[3].body
    assert {lr.text for lr in blog.lines if lr.kind == "page"} >= {"Latest"}


# --- 3. 'Updated' labels and per-update publication instants ------------------------------------

@pytest.mark.parametrize("name, labels, times", [
    ("updated_labels_attrs.html",
     ["Updated 2:15 AM EDT", "Updated 2:31 AM EDT", "Updated 1:05 AM EDT",
      "Updated 11:50 PM EDT, Mon June 2, 2025"],
     ["2025-06-03T05:40", "2025-06-03T05:20", "2025-06-03T04:55", "2025-06-03T03:10"]),
    ("updated_labels_jsonld.html",
     ["Updated 11:31 PM ET", "Updated 11:45 PM ET", "Updated 9:10 PM ET, Nov 4, 2025"],
     ["2025-11-05T04:02", "2025-11-05T03:40", "2025-11-05T01:00"])])
def test_updated_labels_keep_their_text_and_times_come_from_publication_instants(name, labels,
                                                                                 times):
    blog = read_fixture(name)
    assert blog.entry_source == "markup"
    assert [e.time_label for e in blog.entries] == labels
    assert published(blog) == [at(t) for t in times]
    assert not any(r.is_out_of_order for r in entry_times(blog))  # the labels do not flip order
    assert {e.time_precision for e in blog.entries} == {"second"}
    assert not any("Updated" in e.body for e in blog.entries)
    assert any("publication time" in n for n in blog.notes)


def test_richer_json_ld_gives_updated_labels_to_the_updates_of_their_text():
    page = (FIXTURES / "updated_labels_jsonld.html").read_text(encoding="utf-8")
    extra = {"@type": "BlogPosting", "headline": "Early count", "datePublished":
             "2025-11-05T00:30:00Z", "articleBody": "An early count in the invented state."}
    page = page.replace('"2025-11-05T01:00:00Z"}]}', '"2025-11-05T01:00:00Z"}, '
                        + json.dumps(extra) + "]}")
    blog = parse.parse("p.html", "html", page)
    assert blog.entry_source == "json-ld"
    assert [e.time_label for e in blog.entries] == [
        "Updated 11:31 PM ET", "Updated 11:45 PM ET", "Updated 9:10 PM ET, Nov 4, 2025", None]
    assert published(blog)[-1] == at("2025-11-05T00:30")
    assert not any("print only" in n for n in blog.notes)


def test_an_updated_label_without_a_publication_instant_is_the_time_with_a_note():
    page = (FIXTURES / "updated_labels_attrs.html").read_text(encoding="utf-8")
    page = page.replace("data-published-at", "data-x")
    blog = parse.parse("p.html", "html", page)
    assert published(blog)[0] == at("2025-06-03T06:15")  # the data-updated-at instant
    assert any("print only when they were last updated" in n for n in blog.notes)


# --- 4. a zone note the machine instants contradict ---------------------------------------------

def test_every_update_s_machine_instant_overrules_a_zone_note_and_the_doubt_is_recorded():
    blog = read_fixture("zone_note_contradicted.html")  # 'All times stated are UK' in June
    assert [e.time_label for e in blog.entries] == ["14:05", "12:43", "10:10"]
    assert published(blog) == [at("2025-06-10T14:05"), at("2025-06-10T12:43"),
                               at("2025-06-10T10:10")]
    assert [e.utc_offset_minutes for e in blog.entries] == [0, 0, 0]
    assert blog.notes[0].startswith("doubt: zone note")  # doubts first, to sort on
    blog_row, _ = rows_of("zone_note_contradicted.html")
    assert "contradicted" in blog_row["reading_notes"]


def test_json_ld_instants_of_every_update_overrule_a_zone_note_too():
    page = (FIXTURES / "zone_note_contradicted.html").read_text(encoding="utf-8")
    items = [{"@type": "BlogPosting", "headline": f"H{i}", "articleBody": f"Body {i}.",
              "datePublished": t} for i, t in enumerate(
        ["2025-06-10T14:05:00Z", "2025-06-10T12:43:00Z", "2025-06-10T10:10:00Z"])]
    script = json.dumps({"@context": "https://schema.org", "@type": "LiveBlogPosting",
                         "datePublished": "2025-06-10T08:00:00Z", "liveBlogUpdate": items})
    page = re.sub(r' data-timestamp="\d+"', "", page).replace(
        "</head>", f'<script type="application/ld+json">{script}</script></head>')
    blog = parse.parse("p.html", "html", page)
    assert published(blog) == [at("2025-06-10T14:05"), at("2025-06-10T12:43"),
                               at("2025-06-10T10:10")]
    assert any("contradicted" in n for n in blog.notes)


def test_a_zone_note_holds_when_the_machine_instants_are_not_whole():
    page = (FIXTURES / "zone_note_contradicted.html").read_text(encoding="utf-8")
    blog = parse.parse("p.html", "html", page.replace(' data-timestamp="1749559380"', ""))
    assert published(blog)[1] == at("2025-06-10T11:43")  # 12:43 BST
    assert not any("contradicted" in n for n in blog.notes)


# --- zones named by a place (tz database, CLDR, GeoNames) ---------------------------------------

@pytest.mark.parametrize("text, language, zone", [
    ("All times below are in Beijing time.", "en", "Asia/Shanghai"),
    ("Times are in Nairobi time", "en", "Africa/Nairobi"),
    ("All times are in Hong Kong time", "en", "Asia/Hong_Kong"),
    ("Times in New Delhi time", "en", "Asia/Kolkata"),
    ("Times are in China time", "en", "Asia/Shanghai"),
    ("Todas las horas en hora de Madrid", "es", "Europe/Madrid"),
    ("Heure de Paris", "fr", "Europe/Paris"),
    ("All times stated are UK", "en", "Europe/London"),
    ("The Times London edition", "en", None), ("Times are in Nowhereville time", "en", None)])
def test_zones_named_by_any_place(text, language, zone):
    from corpus.parse import zone as page_zone
    assert page_zone.stated_zone([text], language) == zone


def test_a_page_in_madrid_time():
    blog = read_fixture("zone_place_es.html")
    assert published(blog) == [at("2025-01-15T11:30"), at("2025-01-15T08:15")]  # CET in January


@pytest.mark.parametrize("markup, quoted", [
    ("<p>The deadline is <b>8.20 a.m.</b> tomorrow, the minister said.</p>", True),
    ("<p>A spokesman said the first train was due at <b>8.20</b>.</p>", True),
    ("<p>Posted on Monday at <time>10:05</time></p>", False),
    ("<p><strong>10:05</strong> Rain reached the coast.</p>", False),
    ('<p><span class="sr-only">Posted at</span><b>10:05</b> Rain reached the coast.</p>', False)])
def test_a_time_inside_a_sentence_is_quoted_not_a_stamp(markup, quoted):
    from lxml import html as lxml_html

    from corpus.parse import stamps
    el = lxml_html.fragment_fromstring(markup).xpath(".//b|.//time|.//strong")[0]
    assert stamps.is_quoted(el) is quoted


def test_without_the_page_s_span_the_old_two_day_window_would_leave_the_ticker_out():
    blog_row, entry_rows = rows_of("ticker_dated_stamps.html")
    blogs = pd.DataFrame([blog_row]).drop(columns=["start_date"])
    entries = pd.DataFrame(entry_rows)
    entries["published_at"] = pd.to_datetime(entries["published_at"], utc=True)
    checks = validate_checks.blog_entry_checks({"blogs": blogs, "entries": entries})
    assert [c.unexpected_count for c in checks if not c.success] == [1]  # the 28 May update


def test_numbers_out_of_any_game_order_are_no_match_stream():
    cards = "".join(f'<div class="card"><span class="score">{r}</span><p>An invented product '
                    f'review number {i}, long enough to carry the text of a page.</p></div>'
                    for i, r in enumerate(["4.5", "3.1", "4.6", "2.0"]))
    page = ('<html lang="en"><head><meta property="article:published_time" '
            'content="2025-03-03T08:00:00Z"></head><body><h1>Reviews</h1>'
            f'<div class="cards">{cards}</div></body></html>')
    with pytest.raises(Exception, match="no timestamped updates"):
        parse.parse("p.html", "html", page)


@pytest.mark.parametrize("label, value", [("45+2'", 45.02), ("42.3", 42.3), ("12th over", 12.0),
                                          ("90 min", 90.0)])
def test_match_order(label, value):
    assert clock.match_order(label) == value


# --- the development pages: no doubt where there is none ----------------------------------------

def test_the_sample_pages_read_without_doubt_and_on_their_own_day(shared_samples):
    import json as json_lib
    for line in (shared_samples / "expected.jsonl").read_text().splitlines():
        name = json_lib.loads(line)["file"]
        content = decode(name, (shared_samples / name).read_bytes())
        blog = parse.parse(name, detect_format(name, content), content)
        assert not [n for n in blog.notes if n.startswith("doubt:")], name
        assert (blog.blog_date - (blog.start_date or blog.blog_date)).days <= 1, name


def test_a_clock_only_ticker_over_several_days_is_read_with_its_doubt_not_left_out():
    stamps_ = ["20:00", "14:00", "08:00"] * 3 + ["20:00"]  # newest first, six hours apart
    posts = "".join(f'<div class="post"><span>{t}</span><p>Invented update number {i}.</p></div>'
                    for i, t in enumerate(stamps_))
    page = ('<html lang="en"><head><meta property="article:published_time" '
            'content="2025-03-06T08:00:00Z"></head><body><h1>T</h1><p>All times UTC</p>'
            f'<div class="s">{posts}</div></body></html>')
    doc = raw.RawDocument("p.html", page, hashlib.sha256(page.encode()).hexdigest(), "html")
    blog_row, entry_rows = tables.blog_rows(doc, parse.parse("p.html", "html", page))
    assert blog_row["start_date"] == date(2025, 3, 3)
    assert blog_row["reading_notes"].startswith("doubt: days inferred from the clock order")
    frames = {"blogs": pd.DataFrame([blog_row]), "entries": pd.DataFrame(entry_rows)}
    frames["entries"]["published_at"] = pd.to_datetime(frames["entries"]["published_at"], utc=True)
    assert all(c.success for c in validate_checks.blog_entry_checks(frames))
