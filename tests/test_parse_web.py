"""Web readers: the sample pages of other outlets, and synthetic pages for each rule."""
import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from corpus import parse
from corpus.collect.raw_registry import read_registry
from corpus.collect.raw_text import decode, detect_format
from corpus.errors import InputError
from corpus.parse import clock, dates, zone_labels
from corpus.parse.html import parse as parse_html
from corpus.tables import entry_times

from conftest import SHARED_SAMPLES, shared_cases

# The real pages live beside the repository (../shared/samples), never in it; `shared_samples`
# skips a test when they are absent.
FIXTURES = Path(__file__).parent / "fixtures" / "pages"  # invented pages, one per structure
_EXPECTED_FILE = SHARED_SAMPLES / "expected.jsonl"
EXPECTED = ([json.loads(line) for line in _EXPECTED_FILE.read_text().splitlines() if line.strip()]
            if _EXPECTED_FILE.is_file() else [])


def read_sample(name: str):
    content = decode(name, (SHARED_SAMPLES / name).read_bytes())
    return parse.parse(name, detect_format(name, content), content)


def read_fixture(name: str):
    content = (FIXTURES / name).read_text(encoding="utf-8")
    return parse.parse(name, detect_format(name, content), content)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def published(blog) -> list[datetime | None]:
    """Each entry's UTC time as the build resolves it (stated instant, else the timeline)."""
    return [r.published_at for r in entry_times(blog)]


@pytest.mark.parametrize("expected", shared_cases(EXPECTED, [e["file"][:12] for e in EXPECTED]))
def test_sample_pages_give_the_expected_entries(shared_samples, expected):
    blog = read_sample(expected["file"])
    entries = blog.entries
    assert len(entries) == expected["n_entries"]
    assert str(blog.blog_date) == expected["blog_date"]
    assert entries[0].time_label == expected["first_entry_time"]
    assert entries[-1].time_label == expected["last_entry_time"]
    times = published(blog)
    first = expected.get("first_entry_utc") or expected.get("utc_first")
    last = expected.get("last_entry_utc") or expected.get("utc_last")
    if first:
        assert times[0] == utc(first)
    if last:
        assert times[-1] == utc(last)
    if "first_entry_attr" in expected:  # a bare clock time in the stamp's title attribute
        minutes = [int(expected[k][:2]) * 60 + int(expected[k][3:]) for k in ("first_entry_attr",
                                                                               "last_entry_attr")]
        assert [entries[0].local_minutes, entries[-1].local_minutes] == minutes
    assert all(e.body.strip() for e in entries)
    assert blog.language.startswith(expected.get("lang") or expected["language"])


def test_sample_formats_are_detected_from_content(shared_samples):
    formats = {e["file"]: detect_format(e["file"], (shared_samples / e["file"]).read_text(encoding="utf-8"))
               for e in EXPECTED}
    assert sorted(set(formats.values())) == ["guardian-json", "html"]
    assert formats["09_guardian-dcr_2021-02-19_mars-perseverance-briefing.json"] == "guardian-json"


def test_guardian_pinned_post_and_key_events_are_not_entries(shared_samples):
    blog = read_sample("01_guardian_2023-05-15_russia-ukraine-war-live.html")
    labels = [e.time_label for e in blog.entries]
    assert labels.count("12.05 BST") == 1  # the pinned copy above the stream is not a second entry
    kinds = {lr.kind for lr in blog.lines}
    assert {"pinned-post", "key-events"} <= kinds
    # JSON-LD carries the page's time on every update, so the block's own <time datetime> is used
    assert blog.entries[1].instant == datetime(2023, 5, 15, 11, 34, 39, tzinfo=timezone.utc)
    assert sum(e.headline is not None for e in blog.entries) == 3


def test_express_takes_times_from_sound_json_ld(shared_samples):
    blog = read_sample("03_express_2024-07-18_harry-meghan-live.html")
    assert [e.time_label for e in blog.entries][:3] == ["11:48", "10:05", "08:36"]
    assert blog.entries[0].instant == datetime(2024, 7, 18, 10, 48, tzinfo=timezone.utc)  # 11:48 +01:00
    assert blog.entries[0].utc_offset_minutes == 60
    assert blog.entries[0].headline.startswith("The only person Prince Harry")
    assert "Doria Ragland" in blog.entries[0].body


def test_ndtv_reads_split_stamps_in_ist_despite_broken_json_ld(shared_samples):
    blog = read_sample("07_ndtvsports_2023-11-02_ind-vs-sl-world-cup.html")
    first = blog.entries[0]
    assert first.instant == datetime(2023, 11, 2, 15, 36, 52, tzinfo=timezone.utc)  # 21:06:52 IST
    assert first.headline == "India vs Sri Lanka: It's a wrap!"
    assert "facebook" not in first.body.lower()
    assert blog.language == "en"  # from JSON-LD inLanguage 'English'


def test_guardian_json_blocks_with_epoch_times_and_embeds(shared_samples):
    blog = read_sample("09_guardian-dcr_2021-02-19_mars-perseverance-briefing.json")
    assert blog.entries[0].headline == "Summary"
    assert blog.entries[0].time_precision == "second"
    assert blog.entries[1].body.startswith("#TBT")  # a YouTube title follows the text
    assert "Nasa launches Perseverance rover" in blog.entries[1].body
    assert blog.entries[-1].body.startswith("This NASA photo released")  # an image-only block keeps its caption
    assert any(lr.kind == "key-events" for lr in blog.lines)


def test_guardian_app_page_ascending_with_page_zone(shared_samples):
    blog = read_sample("11_guardian-app_2015-02-04_transasia-crash-deadblog.html")
    assert [e.time_label for e in blog.entries][:2] == ["04:24", "04:24"]
    assert all(e.instant is None and e.utc_offset_minutes == 0 for e in blog.entries)  # GMT from the page
    assert any(lr.kind == "updated-at" for lr in blog.lines)
    assert not any("Last Updated" in e.body for e in blog.entries)


@pytest.mark.parametrize("expected", shared_cases(EXPECTED, [e["file"][:12] for e in EXPECTED]))
def test_every_visible_text_node_is_accounted_for(shared_samples, expected):
    blog = read_sample(expected["file"])
    totals = blog.chars_by_role()
    assert totals["entries"] > 0 and totals["boilerplate"] > 0
    content = (shared_samples / expected["file"]).read_text(encoding="utf-8")
    reader = parse.READERS[detect_format(expected["file"], content)]
    assert sum(len(t) for _, t in reader.units(content, expected["file"])) == sum(totals.values())


# --- synthetic pages: one rule each -----------------------------------------------------------

def page(updates: str, jsonld: str = "", lang: str = "en", head: str = "") -> str:
    script = f'<script type="application/ld+json">{jsonld}</script>' if jsonld else ""
    return (f'<!DOCTYPE html><html lang="{lang}"><head><title>T</title>{script}{head}</head><body>'
            f'<h1>Storm live</h1><p>Published 3 March 2025</p><div class="stream">{updates}</div>'
            f'<footer>About us</footer></body></html>')


def update(stamp: str, text: str, headline: str = "") -> str:
    head = f"<h3>{headline}</h3>" if headline else ""
    return f'<div class="post"><span class="when">{stamp}</span>{head}<p>{text}</p></div>'


def posting(times: list[str]) -> str:
    items = [{"@type": "BlogPosting", "headline": f"H{i}", "articleBody": f"Body {i} of the update.",
              "datePublished": t} for i, t in enumerate(times)]
    return json.dumps({"@context": "https://schema.org", "@type": "LiveBlogPosting", "headline": "Storm live",
                       "datePublished": "2025-03-03T08:00:00+00:00", "liveBlogUpdate": items})


def test_generic_page_with_pm_stamps_and_no_zone_of_its_own():
    blog = parse_html("p.html", page(update("9.05pm", "Rain reached the coast.") + update("8.40pm", "Wind rose.")))
    assert [(e.time_label, e.local_minutes) for e in blog.entries] == [("9.05pm", 21 * 60 + 5), ("8.40pm", 20 * 60 + 40)]
    assert blog.blog_date.isoformat() == "2025-03-03"
    assert blog.title == "Storm live"


@pytest.mark.parametrize("stamp, day, offset", [
    ("10.15 ET", "2025-07-01", -240), ("10.15 ET", "2025-01-15", -300), ("10.15 CET", "2025-01-15", 60),
    ("10:15 (IST)", "2025-01-15", 330), ("10.15 BST", "2025-07-01", 60), ("10.15", "2025-01-15", None)])
def test_zone_labels_become_utc_offsets(stamp, day, offset):
    found = clock.find_stamp(stamp, whole=True)
    assert found.minutes == 10 * 60 + 15
    assert zone_labels.zone_offset(found.zone, datetime.fromisoformat(day).date()) == offset


def test_stamps_refuse_impossible_clock_times():
    assert clock.find_stamp("25:10", whole=True) is None
    assert clock.find_stamp("13.05pm", whole=True) is None
    assert clock.find_stamp("09:61 GMT", whole=True) is None


def test_richer_sound_json_ld_keeps_all_its_updates():
    visible = update("10:05", "Body 1 of the update.") + update("09:40", "Body 2 of the update.")
    blog = parse_html("p.html", page(visible, posting(["2025-03-03T10:30:00+00:00", "2025-03-03T10:05:00+00:00",
                                                       "2025-03-03T09:40:00+00:00"])))
    assert blog.entry_source == "json-ld"
    assert [e.time_label for e in blog.entries] == [None, "10:05", "09:40"]  # as printed, or none
    assert [e.headline for e in blog.entries] == ["H0", "H1", "H2"]


def test_json_ld_with_the_page_time_on_every_update_is_ignored():
    visible = update("10:05 GMT", "First.") + update("09:40 GMT", "Second.")
    same = ["2025-03-03T12:00:00Z"] * 3
    blog = parse_html("p.html", page(visible, posting(same)))
    assert [e.body for e in blog.entries] == ["First.", "Second."]
    assert blog.entries[0].instant is None


def test_json_ld_that_misses_a_visible_update_is_ignored():
    visible = update("10:05", "First.") + update("09:40", "Second.")
    blog = parse_html("p.html", page(visible, posting(["2025-03-03T10:05:00Z", "2025-03-03T07:00:00Z",
                                                       "2025-03-03T06:00:00Z"])))
    assert [e.body for e in blog.entries] == ["First.", "Second."]


def test_malformed_json_ld_falls_back_to_the_page():
    visible = update("10:05", "First.") + update("09:40", "Second.")
    blog = parse_html("p.html", page(visible, '{"@type": "LiveBlogPosting", "liveBlogUpdate": [ {'))
    assert len(blog.entries) == 2


def test_relative_stamp_resolved_from_its_datetime_attribute():
    visible = ('<div class="post"><time datetime="2025-03-03T10:05:09Z">3m ago</time><p>First.</p></div>'
               '<div class="post"><time datetime="2025-03-03T09:40:00Z">28m ago</time><p>Second.</p></div>')
    blog = parse_html("p.html", page(visible))
    assert blog.entries[0].instant == datetime(2025, 3, 3, 10, 5, 9, tzinfo=timezone.utc)
    assert blog.entries[0].time_precision == "second"
    assert blog.entries[0].time_label == "3m ago"


def test_a_datetime_attribute_that_contradicts_the_printed_stamp_is_not_used():
    visible = ('<div class="post"><time datetime="2025-03-03T03:00:00Z"></time><span>10:05 GMT</span>'
               '<p>First.</p></div><div class="post"><span>09:40 GMT</span><p>Second.</p></div>')
    blog = parse_html("p.html", page(visible))
    assert blog.entries[0].instant is None and blog.entries[0].local_minutes == 10 * 60 + 5


def test_duplicate_update_in_the_stream_is_counted_once():
    visible = update("10:05", "Same text.", "Same") * 2 + update("09:40", "Other.")
    blog = parse_html("p.html", page(visible))
    assert [e.body for e in blog.entries] == ["Same text.", "Other."]
    assert any(lr.kind == "duplicate-or-empty-update" for lr in blog.lines)


def test_updated_at_lines_and_share_buttons_are_boilerplate():
    visible = ('<div class="post"><span>10:05</span><p>Real news.</p><p>Updated at 10.12 GMT</p>'
               '<div><a>Share</a><a>Facebook</a></div></div>') + update("09:40", "Other.")
    blog = parse_html("p.html", page(visible))
    assert blog.entries[0].body == "Real news."
    assert {"updated-at", "share-and-tools"} <= {lr.kind for lr in blog.lines}


def test_non_english_page_keeps_its_text_and_language():
    visible = update("10:05", "Der Sturm erreicht die Küste.") + update("09:40", "Regen in Hamburg.")
    blog = parse_html("p.html", page(visible, lang="de"))
    assert blog.language == "de"
    assert blog.entries[0].body == "Der Sturm erreicht die Küste."


def test_page_without_stamps_is_a_clear_input_error():
    with pytest.raises(InputError, match="no timestamped updates found .looked for: an outlet adapter"):
        parse_html("p.html", page("<p>Nothing timed here.</p>"))


def test_unaccounted_text_names_the_line():
    from corpus.parse import check_accounting
    content = page(update("10:05", "First.") + update("09:40", "Second."))
    blog = parse_html("p.html", content)
    with pytest.raises(InputError, match="p.html:1: text not accounted for: 'stray'"):
        check_accounting("p.html", [*parse.html.units(content), (1, "stray")], blog)


def test_guardian_json_errors_name_the_line(tmp_path):
    from corpus.parse import guardian_json
    with pytest.raises(InputError, match="p.json:2: not valid JSON"):
        guardian_json.parse("p.json", '{"blocks": [\n  {"blockFirstPublished": }]}')
    with pytest.raises(InputError, match="no blockFirstPublished"):
        guardian_json.parse("p.json", '{"blocks": [{"id": "b1", "elements": []}]}')


def test_flat_layout_stamp_then_paragraphs_until_the_next_stamp():
    flat = ("<h3>10.05 GMT</h3><p>Rain reached the coast.</p><p>Ferries stopped.</p>"
            "<h3>09.40 GMT</h3><p>Wind rose overnight.</p><div class='ad'>Advertisement</div>")
    blog = parse_html("p.html", page(flat))
    assert [(e.time_label, e.body) for e in blog.entries] == [
        ("10.05 GMT", "Rain reached the coast.\n\nFerries stopped."),
        ("09.40 GMT", "Wind rose overnight.\n\nAdvertisement")]


def test_flat_layout_with_the_stamp_inline_and_text_in_the_stream_parent():
    flat = ("<p><strong>10:05</strong> Rain reached the coast.</p><p>Ferries stopped.</p>"
            "<p><strong>09:40</strong> Wind rose.</p><p>Trees fell.</p>")
    blog = parse_html("p.html", page(flat))
    assert [e.body for e in blog.entries] == ["Rain reached the coast.\n\nFerries stopped.", "Wind rose.\n\nTrees fell."]


def test_stamp_printed_after_the_update():
    posts = ('<article><p>Rain reached the coast.</p><footer><span>10:05 BST</span></footer></article>'
             '<article><p>Wind rose.</p><footer><span>09:40 BST</span></footer></article>')
    blog = parse_html("p.html", page(posts))
    assert [(e.time_label, e.body, e.utc_offset_minutes) for e in blog.entries] == [
        ("10:05 BST", "Rain reached the coast.", 60), ("09:40 BST", "Wind rose.", 60)]


def test_relative_stamps_with_iso_title_or_epoch_attributes():
    posts = ('<div class="entry"><abbr title="2025-03-03T10:05:00+00:00">3 mins ago</abbr><p>First.</p></div>'
             '<div class="entry"><span data-timestamp="1740995400">28 mins ago</span><p>Second.</p></div>')
    blog = parse_html("p.html", page(posts))
    assert [e.instant for e in blog.entries] == [datetime(2025, 3, 3, 10, 5, tzinfo=timezone.utc),
                                                 datetime(2025, 3, 3, 9, 50, tzinfo=timezone.utc)]
    assert [e.time_label for e in blog.entries] == ["3 mins ago", "28 mins ago"]


def test_add_fills_url_and_language_from_the_page(shared_samples, tmp_path, capsys):
    from corpus.cli import main
    raw_dir = tmp_path / "raw"
    raw_dir.mkdir()
    name = "07_ndtvsports_2023-11-02_ind-vs-sl-world-cup.html"
    assert main(["add", str(shared_samples / name), "--raw", str(raw_dir), "--outlet", "NDTV Sports",
                 "--text-redistributable", "no"]) == 0
    assert "(html, 40 entries, language en," in capsys.readouterr().out
    [entry] = read_registry(raw_dir)
    assert entry.url.startswith("https://sports.ndtv.com/cricket/india-vs-sri-lanka-live-cricket-score")
    assert (entry.format, entry.language, entry.outlet) == ("html", "en", "NDTV Sports")
    (tmp_path / "bad.html").write_text(page("<p>Nothing timed here.</p>"))
    assert main(["add", str(tmp_path / "bad.html"), "--raw", str(raw_dir),
                 "--text-redistributable", "no"]) == 2
    assert "no timestamped updates" in capsys.readouterr().err
    assert not (raw_dir / "bad.html").exists()


# --- invented pages, one per structure (tests/fixtures/pages; run in a fresh clone too) --------

def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


FIXTURE_CASES = [
    # file, entry_source, blog_date, labels as printed, UTC times
    ("jsonld_liveblog.html", "json-ld", "2025-02-12", [None, None, None],
     ["2025-02-12T09:30", "2025-02-12T08:15", "2025-02-12T07:05:20"]),
    ("guardian_model.json", "page-model", "2024-03-01", ["20.00 GMT", "18.30 GMT"],
     ["2024-03-01T20:00", "2024-03-01T18:30"]),
    ("app_blocks.html", "markup", "2025-03-04", ["3m ago", "46m ago", "2h ago"],
     ["2025-03-04T12:03:22", "2025-03-04T11:20", "2025-03-04T09:19:11"]),
    ("reach_live_events.html", "markup", "2024-07-18", ["11:48", "07:06"],
     ["2024-07-18T10:48", "2024-07-18T06:06"]),
    ("split_stamps.html", "markup", "2023-11-02", ["21:06 (IST)", "16:00 (IST)"],
     ["2023-11-02T15:36", "2023-11-02T10:30"]),
    ("stamp_after_body.html", "markup", "2023-08-14", ["14 August 2023 10:01", "14 August 2023 05:15"],
     ["2023-08-14T09:01:52", "2023-08-14T04:15"]),
    ("flat_bold.html", "markup", "2025-03-03", ["13:47", "11:20"], ["2025-03-03T13:47", "2025-03-03T11:20"]),
    ("flat_headings_stated_zone.html", "markup", "2020-02-20", ["6.15 pm", "4:22 pm", "7:58 am"],
     ["2020-02-20T10:15", "2020-02-20T08:22", "2020-02-19T23:58"]),  # 'in Beijing time' (UTC+8)
    ("day_headers.html", "markup", "2020-09-25", ["9:15 a.m. ET", "8:05 a.m. ET", "4:30 p.m. ET"],
     ["2020-09-25T13:15", "2020-09-25T12:05", "2020-09-24T20:30"]),  # the header 'Thursday, Sept. 24'
    ("day_groups.html", "markup", "2025-06-11", ["09:10 CEST", "08:05 CEST", "22:40 CEST"],
     ["2025-06-11T07:10", "2025-06-11T06:05", "2025-06-10T20:40"]),  # one container per day
    ("german_uhr.html", "markup", "2024-01-04", ["11.04 Uhr", "09.30 Uhr"],
     ["2024-01-04T10:04", "2024-01-04T08:30"]),  # 'Uhr' on a German page: Central European time
    ("italian_months.html", "markup", "2023-11-02", ["16:56", "00:30"],
     ["2023-11-02T15:56:32", "2023-11-01T23:30"]),  # JSON-LD in UTC, printed an hour ahead
    ("microdata.html", "microdata", "2020-09-28", [None, "19:30", None, None, "18:05"],
     [None, "2020-09-28T17:30", None, None, "2020-09-28T16:05"]),
    ("sidebar.html", "markup", "2025-05-06", ["10:30 BST", "08:00 BST"],
     ["2025-05-06T09:30", "2025-05-06T07:00"]),
    ("relative_only.html", "markup", "2020-02-19", ["1 min ago", "2 hr 55 min ago"],
     ["2020-02-19T10:26", "2020-02-19T07:32"]),  # from the page's dateModified
    ("adapter_ticker.html", "adapter:example-ticker", "2021-06-01", ["20.15", "19.02"],
     ["2021-06-01T18:15", "2021-06-01T17:02"]),
]


@pytest.mark.parametrize("name, source, day, labels, times", FIXTURE_CASES,
                         ids=[c[0].split(".")[0] for c in FIXTURE_CASES])
def test_invented_page_of_each_structure(name, source, day, labels, times):
    blog = read_fixture(name)
    assert (blog.entry_source, str(blog.blog_date)) == (source, day)
    assert [e.time_label for e in blog.entries] == labels
    assert published(blog) == [at(t) if t else None for t in times]
    assert all(e.body.strip() for e in blog.entries)
    content = (FIXTURES / name).read_text(encoding="utf-8")
    reader = parse.READERS[detect_format(name, content)]
    assert sum(len(t) for _, t in reader.units(content, name)) == sum(blog.chars_by_role().values())


def test_noise_inside_updates_stays_out_of_the_text():
    app = read_fixture("app_blocks.html")
    assert app.entries[0].headline == "Shares recover"
    assert "Last Updated" not in app.entries[0].body  # an 'updated at' line inside the update
    assert "(see 9.40am)" in app.entries[1].body  # a clock time inside prose is not a stamp
    split = read_fixture("split_stamps.html")
    assert [e.headline for e in split.entries] == ["It's a wrap!", "Toss"]
    assert "facebook" not in split.entries[0].body and "November" not in split.entries[0].body
    after = read_fixture("stamp_after_body.html")
    assert after.entries[0].body.startswith("The invented striker")  # the epoch rendering is a stamp
    assert "Pat Example" not in after.entries[0].body
    flat = read_fixture("flat_headings_stated_zone.html")
    assert flat.entries[0].headline == "Invented province delays return to work"
    assert flat.entries[0].body.startswith("The imaginary province")


def test_page_names_its_outlet_and_untimed_updates_have_no_time():
    assert read_fixture("jsonld_liveblog.html").outlet == "Example Morning Post"  # og:site_name
    assert read_fixture("relative_only.html").outlet == "Example Network"  # JSON-LD publisher
    assert read_fixture("flat_bold.html").outlet is None
    micro = read_fixture("microdata.html")
    assert [e.time_precision for e in micro.entries] == ["none", "minute", "none", "none", "minute"]
    assert [e.body for e in micro.entries].count("Przerwa techniczna.") == 2  # untimed repeats are updates
    assert read_fixture("relative_only.html").entries[0].time_precision == "hour"
    assert read_fixture("app_blocks.html").entries[0].time_precision == "second"


def test_a_single_timed_block_is_not_a_stream():
    with pytest.raises(InputError, match="no timestamped updates"):
        parse_html("p.html", page(update("10:05", "Only one.")))


# --- adapters ------------------------------------------------------------------------------------

def test_the_adapter_reads_a_template_the_general_reader_cannot():
    content = (FIXTURES / "adapter_ticker.html").read_text(encoding="utf-8")
    with pytest.raises(InputError, match="looked for"):
        parse_html("t.html", content, adapter_table=())
    blog = parse_html("t.html", content)
    assert [(e.headline, e.body) for e in blog.entries] == [("Gol!", "Wymyślony napastnik strzela."),
                                                            ("Remis", "Wymyślony obrońca wyrównuje.")]
    assert [e.utc_offset_minutes for e in blog.entries] == [120, 120]  # its zone: Europe/Warsaw
    assert {lr.kind for lr in blog.lines} >= {"outside-adapter-body"}


def test_adapters_file_is_checked_when_read():
    from corpus.parse import adapters
    assert [a.name for a in adapters.bundled()] == ["example-ticker"]
    with pytest.raises(ValueError, match="adapter 1: needs name and container"):
        adapters.parse_adapters("adapters:\n  - name: x\n")
    with pytest.raises(ValueError, match="adapter x: needs url or xpath"):
        adapters.parse_adapters("adapters:\n  - {name: x, container: '//li'}\n")
    with pytest.raises(ValueError, match="adapter x: bad container XPath"):
        adapters.parse_adapters("adapters:\n  - {name: x, url: 'a', container: '//li['}\n")
    by_url = adapters.parse_adapters("adapters:\n  - {name: x, url: 'example[.]net/live', container: '//li'}\n")
    root = parse.html.load("p.html", "<html><body><p>x</p></body></html>")
    assert adapters.matching(root, "https://example.net/live/1", by_url).name == "x"
    assert adapters.matching(root, "https://example.org/live/1", by_url) is None


def test_an_adapter_whose_container_finds_nothing_is_a_clear_error():
    from corpus.parse import adapters
    table = adapters.parse_adapters("adapters:\n  - {name: x, xpath: '//h1', container: '//li'}\n")
    with pytest.raises(InputError, match="p.html: adapter 'x' matched but its container finds nothing"):
        parse_html("p.html", page(update("10:05", "A.") + update("09:40", "B.")), adapter_table=table)


# --- stamps, dates and zones -------------------------------------------------------------------

@pytest.mark.parametrize("text, minutes", [("3m ago", 3), ("1 min ago", 1), ("2 hr 55 min ago", 175),
                                           ("6w", 6 * 7 * 24 * 60), ("5 hours ago", 300), ("1d ago", 1440),
                                           ("an hour ago", 60), ("a minute ago", 1)])
def test_relative_stamps(text, minutes):
    assert clock.relative_minutes(text) == minutes


@pytest.mark.parametrize("text", ["3 men ago", "ago", "in 3m", "12:05"])
def test_not_relative_stamps(text):
    assert clock.relative_minutes(text) is None


@pytest.mark.parametrize("text, language, day", [
    ("02 Novembre 2023", "it", "2023-11-02"), ("4. Januar 2024", "de", "2024-01-04"),
    ("November 02, 2023", "en", "2023-11-02"), ("Thursday, Sept. 24", "en", "2020-09-24"),
    ("2015-06-07T11:10:50Z", None, "2015-06-07"), ("jeudi 2 novembre 2023", "fr", "2023-11-02"),
    ("2 de noviembre de 2023", "es", "2023-11-02"), ("Donnerstag, 4. Januar", "de", "2020-01-04")])
def test_dates_in_other_languages(text, language, day):
    assert str(dates.find_date(text, language, year=2020)) == day


@pytest.mark.parametrize("text, language, is_stamp", [
    ("14 August 2023 10:01", "en", True), ("19:02 (IST), Oct 02", "en", True),
    ("Mercoledì 2 novembre, 16:56", "it", True), ("Updated at 12.08 BST", "en", False),
    ("Published: 13:55 GMT", "en", False), ("65.06 sek.", "pl", False)])
def test_date_and_time_stamps(text, language, is_stamp):
    assert clock.is_date_time_text(text, language) is is_stamp


@pytest.mark.parametrize("stamp, minutes, offset", [
    ("6.15 pm", 18 * 60 + 15, None), ("11.04 Uhr", 11 * 60 + 4, None), ("5:43 p.m. ET", 17 * 60 + 43, -240),
    ("17.00", 17 * 60, None), ("12h47", 12 * 60 + 47, None), ("13:47:05", 13 * 60 + 47, None),
    ("18:41 GMT+1", 18 * 60 + 41, 60), ("10:15 UTC+05:30", 10 * 60 + 15, 330), ("9:05 (GMT-4)", 9 * 60 + 5, -240)])
def test_clock_forms(stamp, minutes, offset):
    found = clock.find_stamp(stamp, whole=True)
    assert found.minutes == minutes
    assert zone_labels.zone_offset(found.zone, datetime(2025, 7, 1).date()) == offset


@pytest.mark.parametrize("texts, language, zone", [
    (["All times below are in Beijing time."], "en", "Asia/Shanghai"),
    (["All times UTC"], "en", "UTC"), (["Times are CET throughout."], "en", "CET"),
    (["Um 11.04 Uhr begann es."], "de", "Europe/Berlin"), (["Um 11.04 Uhr begann es."], "en", None),
    (["Times are Eastern time"], "en", "ET"), (["Nothing about zones at 10:05."], "en", None),
    (["All times stated are UK"], "en", "Europe/London"), (["The Times London edition"], "en", None)])
def test_zones_the_page_states(texts, language, zone):
    from corpus.parse import zone as page_zone
    assert page_zone.stated_zone(texts, language) == zone


def test_page_offset_from_printed_and_stated_times():
    from corpus.parse import zone as page_zone
    pairs = [(16 * 60 + 56, utc("2023-11-02T15:56:00Z")), (30, utc("2023-11-01T23:30:00Z")),
             (12 * 60, utc("2023-11-02T12:00:00Z"))]
    assert page_zone.gap_offset(pairs) == 60
    assert page_zone.iso_offset(["2024-07-18T11:48:00+01:00", "2024-07-18T07:06:00+01:00", "2024-07-18T06:00Z"]) == 60
    assert page_zone.iso_offset(["2024-07-18T06:00:00Z"]) is None


def test_a_publication_name_is_not_a_zone_statement():
    from corpus.parse import zone as page_zone
    assert page_zone.stated_zone(["The Example Times reports at 10:00 IST"], "en") is None


def test_a_sidebar_of_timed_headlines_is_never_the_stream():
    sidebar = "".join(f'<li><span>{t}</span> <a href="/{i}">A long invented headline about another '
                      f'story entirely, number {i}</a></li>' for i, t in enumerate(["10:40", "10:12", "09:58"]))
    with pytest.raises(InputError, match="no timestamped updates"):
        parse_html("p.html", page(f"<ul>{sidebar}</ul><p>An untimed introduction.</p>"))
    blog = parse_html("p.html", page(f"<ul>{sidebar}</ul>", posting(["2025-03-03T10:30:00+00:00",
                                                                     "2025-03-03T09:40:00+00:00"])))
    assert blog.entry_source == "json-ld" and [e.headline for e in blog.entries] == ["H0", "H1"]


def test_a_stamp_in_any_language_is_its_element_s_rendering_of_the_stated_time():
    visible = ('<div class="post"><time datetime="2025-03-03T10:05:00Z">vor 3 Minuten</time><p>Erstens.</p></div>'
               '<div class="post"><time datetime="2025-03-03T09:40:00Z">vor 28 Minuten</time><p>Zweitens.</p></div>')
    blog = parse_html("p.html", page(visible, lang="de"))
    assert [e.time_label for e in blog.entries] == ["vor 3 Minuten", "vor 28 Minuten"]
    assert blog.entries[1].instant == datetime(2025, 3, 3, 9, 40, tzinfo=timezone.utc)


def test_a_heading_printed_on_most_updates_alike_is_a_section_label():
    visible = "".join(update(t, f"Invented news number {i}.", "Invented Cup")
                      for i, t in enumerate(["10:05", "09:40", "09:10"])) + update("08:00", "Start.", "Kick-off")
    blog = parse_html("p.html", page(visible))
    assert [e.headline for e in blog.entries] == [None, None, None, "Kick-off"]
    assert sum(lr.kind == "repeated-label" for lr in blog.lines) == 3


def test_a_page_with_no_stream_and_no_date_says_what_it_looked_for():
    content = "<html><body><h1>About us</h1><p>An invented page with no updates.</p></body></html>"
    with pytest.raises(InputError, match="about.html: no timestamped updates found .looked for"):
        parse_html("about.html", content)
