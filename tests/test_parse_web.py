"""Web readers: the sample pages of other outlets, and synthetic pages for each rule."""
import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from corpus import parse, raw
from corpus.errors import InputError
from corpus.parse import clock
from corpus.parse.html import parse as parse_html

from conftest import SHARED_SAMPLES

# The real pages live beside the repository (../shared/samples), never in it; `shared_samples`
# skips a test when they are absent.
_EXPECTED_FILE = SHARED_SAMPLES / "expected.jsonl"
EXPECTED = ([json.loads(line) for line in _EXPECTED_FILE.read_text().splitlines() if line.strip()]
            if _EXPECTED_FILE.is_file() else [])


def read_sample(name: str):
    content = raw.decode(name, (SHARED_SAMPLES / name).read_bytes())
    return parse.parse(name, raw.detect_format(name, content), content)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


@pytest.mark.parametrize("expected", EXPECTED, ids=[e["file"][:12] for e in EXPECTED])
def test_sample_pages_give_the_expected_entries(shared_samples, expected):
    blog = read_sample(expected["file"])
    entries = blog.entries
    assert len(entries) == expected["n_entries"]
    assert str(blog.blog_date) == expected["blog_date"]
    assert entries[0].time_label == expected["first_entry_time"]
    assert entries[-1].time_label == expected["last_entry_time"]
    if "first_entry_utc" in expected:
        assert entries[0].instant == utc(expected["first_entry_utc"])
        assert entries[-1].instant == utc(expected["last_entry_utc"])
    assert all(e.body.strip() for e in entries)
    assert blog.language.startswith(expected["lang"])


def test_sample_formats_are_detected_from_content(shared_samples):
    formats = {e["file"]: raw.detect_format(e["file"], (shared_samples / e["file"]).read_text(encoding="utf-8"))
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


@pytest.mark.parametrize("expected", EXPECTED, ids=[e["file"][:12] for e in EXPECTED])
def test_every_visible_text_node_is_accounted_for(shared_samples, expected):
    blog = read_sample(expected["file"])
    totals = blog.chars_by_role()
    assert totals["entries"] > 0 and totals["boilerplate"] > 0
    content = (shared_samples / expected["file"]).read_text(encoding="utf-8")
    reader = parse.READERS[raw.detect_format(expected["file"], content)]
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
    assert clock.zone_offset(found.zone, datetime.fromisoformat(day).date()) == offset


def test_stamps_refuse_impossible_clock_times():
    assert clock.find_stamp("25:10", whole=True) is None
    assert clock.find_stamp("13.05pm", whole=True) is None
    assert clock.find_stamp("09:61 GMT", whole=True) is None


def test_richer_sound_json_ld_keeps_all_its_updates():
    visible = update("10:05", "Body 1 of the update.")
    blog = parse_html("p.html", page(visible, posting(["2025-03-03T10:30:00+00:00", "2025-03-03T10:05:00+00:00",
                                                       "2025-03-03T09:40:00+00:00"])))
    assert [e.time_label for e in blog.entries] == ["2025-03-03T10:30:00+00:00", "10:05", "2025-03-03T09:40:00+00:00"]
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
    assert blog.entries[0].time_label == "2025-03-03T10:05:09Z"


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
    with pytest.raises(InputError, match="no timestamped updates"):
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
    assert [e.time_label for e in blog.entries] == ["2025-03-03T10:05:00+00:00", "1740995400"]


def test_add_fills_url_and_language_from_the_page(shared_samples, tmp_path, capsys):
    from corpus.cli import main
    raw_dir = tmp_path / "raw"
    raw_dir.mkdir()
    name = "07_ndtvsports_2023-11-02_ind-vs-sl-world-cup.html"
    assert main(["add", str(shared_samples / name), "--raw", str(raw_dir), "--outlet", "NDTV Sports"]) == 0
    assert "(html, 40 entries, language en," in capsys.readouterr().out
    [entry] = raw.read_registry(raw_dir)
    assert entry.url.startswith("https://sports.ndtv.com/cricket/india-vs-sri-lanka-live-cricket-score")
    assert (entry.format, entry.language, entry.outlet) == ("html", "en", "NDTV Sports")
    (tmp_path / "bad.html").write_text(page("<p>Nothing timed here.</p>"))
    assert main(["add", str(tmp_path / "bad.html"), "--raw", str(raw_dir)]) == 2
    assert "no timestamped updates" in capsys.readouterr().err
    assert not (raw_dir / "bad.html").exists()
