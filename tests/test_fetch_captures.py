"""Capture addresses in `corpus fetch --urls` (issue 34), the dry run, and three faults of issue
31: file names from hostile addresses (1), credentials in addresses (4), slow and oversized
downloads (7). A loopback Wayback-compatible archive serves invented pages; nothing else is
contacted."""
import hashlib
import socket
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import SHARED_DIR
from corpus.cli import main
from corpus.collect import addresses, raw
from corpus.collect.addresses import UnsafeAddress
from corpus.collect.raw_registry import REGISTRY_NAME, RegistryEntry
from corpus.collect.registry_file import registry_text
from test_fetch import DAY1, DAY2, FAST, ROBOTS, Server, files, page, registry

HERALD = page("Flood live", "6 March 2025", ("8.10am", "The bridge reopened to buses."),
              ("7.30am", "Water stood a metre deep on the quay.")).replace(
    "<head>", '<head><meta property="og:site_name" content="Harbour Herald">').replace(
    'lang="en"', 'lang="en-GB"')
UKP = SHARED_DIR / "sources" / "ukp-lrec2018"


@pytest.fixture
def site():
    server = Server()
    server.route("/robots.txt", (200, {"Content-Type": "text/plain"}, ROBOTS))
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


def capture_row(ts: str, original: str, body: str) -> list[str]:
    return ["org,example)/live", ts, original, "text/html", "200", hashlib.md5(
        body.encode()).hexdigest(), "1", body]


def snapshot(folder: Path, leave_out: Path) -> dict[str, bytes]:
    """Every file below folder but outside leave_out, by relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and not p.is_relative_to(leave_out)}


def test_capture_addresses_are_registered_as_captures_and_build(site, tmp_path, capsys):
    site.captures = [capture_row("20250303080000", "http://news.example.org:80/live/storm", DAY1),
                     capture_row("20250306091500", "https://harbour.example.net/live/flood",
                                 HERALD)]
    (tmp_path / "outlets.csv").write_text("# test hosts\nhost,outlet\nexample.org,Example News\n")
    lines = [f"{site.url}/web/20250303080000/http://news.example.org:80/live/storm",
             f"{site.url}/web/20250306091500id_/https://harbour.example.net/live/flood"]
    raw_dir, out = tmp_path / "raw", tmp_path / "processed"
    (tmp_path / "list.txt").write_text("\n".join(lines) + "\n")
    assert main(["fetch", "--urls", str(tmp_path / "list.txt"), "--raw", str(raw_dir),
                 "--outlets", str(tmp_path / "outlets.csv"), *FAST]) == 0
    assert capsys.readouterr().out.startswith("fetched 2 pages")
    assert [p for p, _, _ in site.log if p.startswith("/web/")] == [
        "/web/20250303080000id_/http://news.example.org/live/storm",
        "/web/20250306091500id_/https://harbour.example.net/live/flood"]
    rows = sorted(registry(raw_dir), key=lambda r: r["captured_at"])
    today = datetime.now(UTC).date().isoformat()
    columns = ("url", "archive_url", "captured_at", "outlet", "language", "retrieved_date",
               "text_redistributable")
    assert [tuple(r[c] for c in columns) for r in rows] == [
        ("http://news.example.org/live/storm",
         f"{site.url}/web/20250303080000id_/http://news.example.org/live/storm",
         "2025-03-03T08:00:00Z", "Example News", "en", today, "no"),
        ("https://harbour.example.net/live/flood",
         f"{site.url}/web/20250306091500id_/https://harbour.example.net/live/flood",
         "2025-03-06T09:15:00Z", "Harbour Herald", "en-GB", today, "no")]
    assert main(["build", "--raw", str(raw_dir), "--out", str(out), "--jobs", "1",
                 "--no-cache"]) == 0
    assert "built 2 blogs, 4 entries" in capsys.readouterr().out


def test_capture_addresses_are_recognised_on_any_archive():
    capture = addresses.capture_address(
        "http://archive.example/wayback/web/20160130135815if_/http:/www.bbc.com:80/news/live/x")
    assert (capture.archive, capture.original, capture.captured_at) == (
        "http://archive.example/wayback", "http://www.bbc.com/news/live/x", "2016-01-30T13:58:15Z")
    assert capture.id_url == ("http://archive.example/wayback/web/20160130135815id_/"
                              "http://www.bbc.com/news/live/x")
    assert addresses.capture_address("https://news.example.org/web/live") is None
    for bad, why in [("http://a.example/web/20161399000000id_/http://b.example/", "not a date"),
                     ("http://a.example/web/20160101000000id_/ftp://b.example/x", "http(s)"),
                     ("http://a.example/web/20160101000000id_/http://../x", "host")]:
        with pytest.raises(UnsafeAddress, match=why.replace("(s)", r"\(s\)")):
            addresses.capture_address(bad)


def test_dry_run_lists_what_would_be_fetched_without_network(tmp_path, capsys, monkeypatch):
    raw_dir = tmp_path / "raw"
    raw_dir.mkdir()
    done = "http://web.archive.org/web/20160501234513id_/https://www.example.org/live/a"
    entry = RegistryEntry("a.html", "0" * 64, "html", "X", "https://www.example.org/live/a",
                          "en", "2026-01-01", "r", archive_url=done,
                          captured_at="2016-05-01T23:45:13Z")
    (raw_dir / REGISTRY_NAME).write_text(registry_text([entry]))
    (raw_dir / "a.html").write_text("<html></html>")
    listed = [done, "http://web.archive.org/web/20160502000000/http://www.example.org/live/b",
              "https://news.example.net/live/c", "ftp://files.example.org/d",
              "http://web.archive.org/web/20161301000000id_/http://www.example.org/live/e",
              "http://web.archive.org/web/20160101000000id_/"]
    (tmp_path / "list.txt").write_text("# captures\n" + "\n".join(listed) + "\n")
    def refuse(*args, **kwargs):
        raise AssertionError("a socket was opened")
    monkeypatch.setattr(socket, "socket", refuse)
    assert main(["fetch", "--urls", str(tmp_path / "list.txt"), "--raw", str(raw_dir),
                 "--dry-run", "--delay", "2"]) == 0
    out = capsys.readouterr().out.splitlines()
    where = tmp_path / "list.txt"
    assert out == [
        f"would fetch 2 addresses: 1 captures, 1 live pages (1 already registered in {raw_dir}, "
        "3 invalid lines skipped)",
        "  news.example.net: 1 live pages", "  www.example.org: 1 captures",
        f"invalid {where}:5: not an http(s) address: 'ftp://files.example.org/d'",
        f"invalid {where}:6: capture time 20161301000000 is not a date",
        f"invalid {where}:7: a capture address without the original address",
        "time at --delay 2 s: at least 0 min 04 s (one request after another; robots.txt "
        "Crawl-delay and slow answers add to it)"]


# The lists hold 5,389 and 700 captures (distinct, all valid): `wc -l` says 5,388 and 699, the
# numbers the corpus's README gives, because neither file ends its last line.
@pytest.mark.parametrize("name, captures, host", [("wayback_guardian_urls.txt", 5389,
                                                    "www.theguardian.com"),
                                                   ("wayback_bbc_urls.txt", 700, "www.bbc.com")])
def test_dry_run_of_the_ukp_capture_lists(name, captures, host, tmp_path, capsys, monkeypatch):
    if not (UKP / name).is_file():
        pytest.skip("../shared/sources/ukp-lrec2018 not present")
    def refuse(*args, **kwargs):
        raise AssertionError("a socket was opened")
    monkeypatch.setattr(socket, "socket", refuse)
    assert main(["fetch", "--urls", str(UKP / name), "--raw", str(tmp_path / "raw"),
                 "--dry-run"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (f"would fetch {captures:,} addresses: {captures:,} captures, 0 live pages "
                      f"(0 already registered in {tmp_path / 'raw'}, 0 invalid lines skipped)")
    assert f"  {host}: " in "\n".join(out[1:-1])
    assert not (tmp_path / "raw").exists()
    assert captures == len((UKP / name).read_text().splitlines())


# Issue 31, item 1: a hostile CDX row cannot write outside the raw folder.
def test_hostile_cdx_rows_are_skipped_and_nothing_outside_raw_changes(site, tmp_path, capsys):
    hostile = ["http://../escaped-page", "http://..%2F..%2Fescaped/x", "http://.hidden/x",
               "http://news.example.org%2F..%2F..%2Fescaped/y"]
    site.captures = [capture_row(f"2025030{i + 1}080000", url, DAY2.replace("Two", str(i)))
                     for i, url in enumerate(hostile)]
    site.captures.append(capture_row("20250309080000", "http://news.example.org/live/ok", DAY1))
    (tmp_path / "notes.txt").write_text("mine")
    (tmp_path / "escaped-page.html").write_text("an older file of the user's")
    raw_dir = tmp_path / "project" / "raw"
    before = snapshot(tmp_path, raw_dir)
    args = ["fetch", "--wayback", "http://*", "--archive", site.url, "--raw", str(raw_dir), *FAST]
    site.cdx = lambda query: (200, {}, __import__("json").dumps(
        [["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]]
        + [row[:7] for row in site.captures]))
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert snapshot(tmp_path, raw_dir) == before
    skipped = [line for line in err.splitlines() if line.startswith("skipped ")]
    assert len(skipped) == len(hostile) and all("host" in line for line in skipped)
    assert out.startswith("fetched 1 page")
    assert [path for path, _ in raw.plan(raw_dir)] == [registry(raw_dir)[0]["path"]]


def test_file_names_come_from_one_confining_function(tmp_path):
    assert addresses.raw_name("https://News.Example.org/live/Storm%20Day") .startswith(
        "news.example.org/live-storm-day-")
    for rel in ("../x.html", "/etc/passwd", "a/../../x", ".hidden/x.html", "a\\..\\x", ""):
        with pytest.raises(UnsafeAddress):
            addresses.confined(tmp_path / "raw", rel)
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "link").symlink_to(tmp_path)
    with pytest.raises(UnsafeAddress, match="leads out"):
        addresses.confined(tmp_path / "raw", "link/x.html")


# Issue 31, item 4: credentials never reach the registry, the messages or a release.
def test_user_info_is_stripped_before_anything_is_recorded(site, tmp_path, capsys):
    url = site.route("/live/day-1", DAY1)
    secret = url.replace("http://", "http://reader:s3cret@")
    listed = tmp_path / "list.txt"
    listed.write_text(secret.replace("/day-1", "/missing") + "\n")
    raw_dir = tmp_path / "raw"
    code = main(["fetch", secret, "--urls", str(listed), "--raw", str(raw_dir), *FAST,
                 "--retries", "0"])
    out, err = capsys.readouterr()
    assert code == 1  # the missing page
    assert "s3cret" not in out + err and "reader" not in out + err
    assert "user info (user:password@) removed" in err
    assert "s3cret" not in (raw_dir / REGISTRY_NAME).read_text()
    assert [r["url"] for r in registry(raw_dir)] == [url]


# Issue 31, item 7: a total deadline and a size cap per download, the partial file removed.
def drip(handler):
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", "4000")
    handler.end_headers()
    for _ in range(4000):
        handler.wfile.write(b"<")
        handler.wfile.flush()
        time.sleep(0.2)


def test_a_dripping_server_meets_the_deadline_and_leaves_no_partial_file(site, tmp_path, capsys):
    url = site.route("/live/drip", (200, {}, drip))
    raw_dir = tmp_path / "raw"
    started = time.monotonic()
    assert main(["fetch", url, "--raw", str(raw_dir), *FAST, "--retries", "0",
                 "--max-seconds", "1"]) == 1
    assert time.monotonic() - started < 4  # --timeout 5 applies per read: never reached
    assert "not complete after 1 s" in capsys.readouterr().err
    assert files(raw_dir) == []


def test_a_page_over_the_size_cap_is_abandoned(site, tmp_path, capsys):
    url = site.route("/live/big", DAY1 * 50)
    raw_dir = tmp_path / "raw"
    assert main(["fetch", url, "--raw", str(raw_dir), *FAST, "--max-bytes", "5000"]) == 1
    assert "larger than 5,000 bytes" in capsys.readouterr().err
    assert files(raw_dir) == []
