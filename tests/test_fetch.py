"""`corpus fetch` against a real HTTP server on 127.0.0.1 serving pages written here; nothing
else is contacted (archived originals are on example.org and only named, never requested)."""
import csv
import hashlib
import json
import threading
import time
from datetime import datetime, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import RAW_DIR, SEED_NAME, write_seed_raw
from corpus.cli import main
from corpus.collect import raw, wayback
from corpus.collect.client import FetchError, PoliteClient, Settings, retry_after
from corpus.collect.fetch import Collector
from corpus.collect.fetch_jobs import Job, file_stem
from corpus.collect.raw_registry import FETCH_FIELDS, REGISTRY_FIELDS, REGISTRY_NAME, RIGHTS_FIELDS
from corpus.collect.raw_text import sha256_of

QUICK = ["--delay", "0", "--retries", "2", "--backoff", "0.01", "--timeout", "5"]
FAST = [*QUICK, "--rights", "Invented for the tests"]
ROBOTS = "User-agent: *\nDisallow: /private/\n"


def page(title: str, day: str, *updates: tuple[str, str]) -> str:
    posts = "".join(f'<div class="post"><span class="when">{stamp}</span><p>{text}</p></div>'
                    for stamp, text in updates)
    return (f'<!DOCTYPE html><html lang="en"><head><title>{title}</title></head><body>'
            f'<h1>{title}</h1><p>Published {day}</p><div class="stream">{posts}</div>'
            f'<footer>About us</footer></body></html>')


DAY1 = page("Storm live", "3 March 2025", ("9.05pm", "Rain reached the northern coast."),
            ("8.40pm", "Wind speeds rose above ninety kilometres an hour."))
DAY2 = page("Storm live", "4 March 2025", ("7.15am", "Two ferries stayed in port overnight."),
            ("6.50am", "The river level fell by a metre."))
DAY3 = page("Storm live", "5 March 2025", ("10.30am", "Schools reopened in three towns."),
            ("9.45am", "Power returned to most homes."))


class Server:
    """Routes: path -> list of answers (status, headers, body), the last one repeated."""

    def __init__(self):
        self.routes: dict[str, list] = {}
        self.log: list[tuple[str, str, float]] = []  # (path, user agent, arrival time)
        self.captures: list[list[str]] = []  # CDX rows
        self.cdx_queries: list[dict] = []
        handler = type("Handler", (Handler,), {"site": self})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.httpd.handle_error = lambda request, address: None  # clients that hung up
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def route(self, path: str, *answers) -> str:
        self.routes[path] = [a if isinstance(a, tuple) else (200, {"Content-Type": "text/html; "
                             "charset=utf-8"}, a) for a in answers]
        return self.url + path

    def hits(self, path: str) -> list[float]:
        return [t for p, _, t in self.log if p == path]

    def answer(self, path: str):
        if path.startswith("/cdx/search/cdx"):
            return self.cdx(parse_qs(urlsplit(path).query))
        if path.startswith("/web/"):
            timestamp = path.split("/")[2].removesuffix("id_")
            rows = [r for r in self.captures if r[1] == timestamp]
            return (200, {"Content-Type": rows[0][3]}, rows[0][7]) if rows else (404, {}, "")
        answers = self.routes.get(path)
        if not answers:
            return 404, {}, "not here"
        return answers.pop(0) if len(answers) > 1 else answers[0]

    def cdx(self, query: dict):
        """The CDX server's JSON answer: range, status filter, adjacent digests collapsed,
        pages."""
        q = {k: v[0] for k, v in query.items()}
        self.cdx_queries.append(q)
        def key(url):  # as the CDX index compares addresses: no scheme, no default port
            return url.split("://", 1)[-1].replace(":80/", "/")
        rows = [r[:7] for r in self.captures if (key(r[2]).startswith(key(q["url"]))
                                                 if q.get("matchType") == "prefix"
                                                 else key(r[2]) == key(q["url"]))
                and q.get("from", "") <= r[1][:8] <= q.get("to", "99999999")
                and ("filter" not in q or r[4] == "200")]
        rows = [r for i, r in enumerate(rows) if i == 0 or r[5] != rows[i - 1][5]]
        start = int(q.get("resumeKey", "0"))
        limit = int(q.get("limit", "100000"))
        body = [["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]]
        body += rows[start:start + limit]
        if start + limit < len(rows):
            body += [[], [str(start + limit)]]
        return 200, {"Content-Type": "text/plain"}, json.dumps(body)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: the client reuses its connection
    site: Server

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.site.log.append((self.path, self.headers.get("User-Agent", ""), time.monotonic()))
        status, headers, body = self.site.answer(self.path)
        if callable(body):
            return body(self)
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def slow(handler):
    time.sleep(1.0)


def truncated(handler):
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", str(len(DAY3)))
    handler.end_headers()
    handler.wfile.write(DAY3[:40].encode())
    handler.close_connection = True


@pytest.fixture
def site():
    server = Server()
    server.route("/robots.txt", (200, {"Content-Type": "text/plain"}, ROBOTS))
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


def registry(raw_dir: Path) -> list[dict]:
    with open(raw_dir / REGISTRY_NAME, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def files(raw_dir: Path) -> list[str]:
    return sorted(p.relative_to(raw_dir).as_posix() for p in raw_dir.rglob("*") if p.is_file())


def write_list(tmp_path: Path, urls: list[str]) -> str:
    path = tmp_path / "urls.txt"
    path.write_text("# storm live blogs\n" + "\n".join(urls) + "\n\n", encoding="utf-8")
    return str(path)


def test_fetch_registers_pages_with_provenance_politely(site, tmp_path, capsys):
    urls = [site.route("/live/day-1", DAY1), site.route("/live/day-2", DAY2),
            site.route("/old-day-3", (301, {"Location": "/live/day-3"}, "")),
            site.route("/private/draft", DAY3), site.route("/gone", (404, {}, "no")),
            site.route("/flaky", (500, {}, "oops"), DAY2.replace("Two", "Three")),
            site.route("/busy", (429, {"Retry-After": "1"}, "wait"), DAY1.replace("Rain", "Hail"))]
    site.route("/live/day-3", DAY3)
    raw_dir = tmp_path / "raw"
    code = main(["fetch", "--urls", write_list(tmp_path, urls), "--raw", str(raw_dir),
                 "--outlet", "Storm Desk", *FAST, "--delay", "0.05",
                 "--contact", "desk@example.org"])
    out, err = capsys.readouterr()
    assert code == 1
    assert err.splitlines() == [
        f"warning: {urls[5]}: HTTP 500 Internal Server Error; retry 1 of 2 in 0.01 s",
        f"warning: {urls[6]}: HTTP 429 Too Many Requests; retry 1 of 2 in 1 s",
        f"failed {urls[3]}: disallowed by {site.url}/robots.txt",
        f"failed {urls[4]}: HTTP 404 Not Found"]
    rows = registry(raw_dir)
    n_bytes = sum((raw_dir / r["path"]).stat().st_size for r in rows)
    assert out == f"fetched 5 pages ({n_bytes:,} bytes), skipped 0, failed 2 -> {raw_dir}\n"
    assert sorted(r["url"] for r in rows) == sorted(urls[:3] + urls[5:])
    by_url = {r["url"]: r for r in rows}
    assert by_url[urls[2]]["final_url"] == site.url + "/live/day-3"
    assert (raw_dir / by_url[urls[2]]["path"]).read_text() == DAY3
    today = datetime.now(timezone.utc).date().isoformat()
    for r in rows:
        data = (raw_dir / r["path"]).read_bytes()
        assert r["sha256"] == hashlib.sha256(data).hexdigest()
        assert (r["http_status"], r["format"]) == ("200", "html")
        assert r["content_type"] == "text/html; charset=utf-8"
        assert (r["retrieved_date"], r["outlet"], r["archive_url"]) == (today, "Storm Desk", "")
        assert r["path"].startswith("127.0.0.1/") and r["path"].endswith(".html")
    assert files(raw_dir) == sorted([REGISTRY_NAME] + [r["path"] for r in rows])
    assert site.hits("/private/draft") == [] and len(site.hits("/robots.txt")) == 1
    assert len(site.hits("/flaky")) == 2
    first, second = site.hits("/busy")
    assert second - first >= 1.0  # Retry-After honoured
    times = [t for _, _, t in site.log]
    assert min(b - a for a, b in zip(times, times[1:])) >= 0.045  # the per-host delay
    [agent] = {agent for _, agent, _ in site.log}
    assert agent.startswith("liveblog-corpus/") and "+desk@example.org" in agent


def test_rerun_skips_registered_pages_and_refresh_never_overwrites(site, tmp_path, capsys):
    urls = [site.route("/live/day-1", DAY1), site.route("/live/day-2", DAY2)]
    raw_dir = tmp_path / "raw"
    assert main(["fetch", *urls, "--raw", str(raw_dir), *FAST]) == 0
    before = {r["path"]: (raw_dir / r["path"]).read_bytes() for r in registry(raw_dir)}
    capsys.readouterr()
    assert main(["fetch", *urls, "--raw", str(raw_dir), *FAST]) == 0
    assert capsys.readouterr().out.startswith("fetched 0 pages (0 bytes), skipped 2 (2 already "
                                              "registered), failed 0")
    assert len(site.hits("/live/day-1")) == 1
    site.route("/live/day-2", DAY2.replace("metre", "foot"))
    assert main(["fetch", *urls, "--raw", str(raw_dir), "--refresh", *FAST]) == 0
    assert "fetched 1 page (" in capsys.readouterr().out
    rows = registry(raw_dir)
    assert len(rows) == 3 and sorted(r["url"] for r in rows) == sorted([urls[0], *urls[1:] * 2])
    assert all((raw_dir / p).read_bytes() == data for p, data in before.items())
    [new] = [r["path"] for r in rows if r["path"] not in before]
    assert new.endswith("-2.html") and "foot" in (raw_dir / new).read_text()


def test_timeouts_and_truncated_bodies_leave_no_partial_files(site, tmp_path, capsys):
    urls = [site.route("/slow", (200, {}, slow)),
            site.route("/cut", (200, {}, truncated), DAY3),
            site.route("/cut-always", (200, {}, truncated))]
    raw_dir = tmp_path / "raw"
    code = main(["fetch", *urls, "--raw", str(raw_dir), *FAST, "--retries", "1",
                 "--timeout", "0.2"])
    said = capsys.readouterr().err.splitlines()
    err = [line for line in said if not line.startswith("warning: ")]
    assert code == 1
    assert f"warning: {urls[0]}: timed out (0.2 s without an answer); retry 1 of 1 in " \
           "0.01 s" in said
    assert err[0] == f"failed {urls[0]}: timed out (0.2 s without an answer) (after 2 attempts)"
    assert err[1].startswith(f"failed {urls[2]}: network error: RemoteProtocolError")
    [row] = registry(raw_dir)
    assert row["url"] == urls[1] and (raw_dir / row["path"]).read_text() == DAY3
    assert files(raw_dir) == sorted([REGISTRY_NAME, row["path"]])


def test_a_killed_run_resumes_without_duplicates_or_partial_files(site, tmp_path):
    urls = [site.route(f"/live/day-{i}", body) for i, body in enumerate([DAY1, DAY2, DAY3], 1)]
    raw_dir = tmp_path / "raw"

    def killed_after_one(jobs):
        yield jobs[0]
        raise KeyboardInterrupt

    with PoliteClient(Settings(delay=0, retries=0)) as client:
        summary = Collector(raw_dir, client).collect(urls, progress=killed_after_one)
    assert summary.interrupted and len(summary.fetched) == 1
    host = raw_dir / "127.0.0.1"
    (host / ".fetch-abc123.part").write_text(DAY2[:30])  # a download cut off by a hard kill
    stem = file_stem(Job(urls[1], urls[1]))  # renamed, then killed before the registry write
    (raw_dir / f"{stem}.html").write_text(DAY2)
    with PoliteClient(Settings(delay=0, retries=0)) as client:
        summary = Collector(raw_dir, client).collect(urls)
    assert (len(summary.fetched), sum(summary.skipped.values()), summary.failed) == (2, 1, [])
    rows = registry(raw_dir)
    assert sorted(r["url"] for r in rows) == urls
    assert files(raw_dir) == sorted([REGISTRY_NAME] + [r["path"] for r in rows])
    assert not any("-2." in r["path"] for r in rows)
    assert raw.plan(raw_dir)  # the build accepts the folder: every file registered, none missing


def add_captures(site: Server) -> None:
    """Five captures of two pages; three distinct contents fall in March 2025."""
    def row(ts, original, status, digest, body):
        return ["org,example)/live", ts, original, "text/html", status, digest, "1", body]
    a = "http://news.example.org:80/live/storm-day-1"
    b = "https://news.example.org/live/storm-day-2"
    site.captures = [row("20250301080000", a, "200", "AAA", DAY1),
                     row("20250301120000", a, "200", "AAA", DAY1),  # same digest, adjacent
                     row("20250302080000", a, "200", "BBB", DAY1.replace("coast", "shore")),
                     row("20250303080000", a, "200", "AAA", DAY1),  # same digest again
                     row("20250303090000", a, "503", "CCC", "busy"),
                     row("20250304080000", b, "200", "DDD", DAY2),
                     row("20250401080000", b, "200", "EEE", DAY3)]  # after the range


def test_wayback_registers_one_file_per_distinct_capture(site, tmp_path, capsys, monkeypatch):
    add_captures(site)
    monkeypatch.setattr(wayback, "PAGE_ROWS", 2)  # the answer comes in pages (resume keys)
    raw_dir = tmp_path / "raw"
    args = ["fetch", "--wayback", "http://news.example.org/live/*", "--from", "20250301",
            "--to", "20250331", "--archive", site.url, "--raw", str(raw_dir), *FAST]
    assert main(args) == 0
    assert capsys.readouterr().out.startswith("fetched 3 pages")
    keys = ("url", "output", "filter", "collapse", "matchType", "from", "to")
    assert {k: site.cdx_queries[0].get(k) for k in keys} == {
        "url": "http://news.example.org/live/", "output": "json", "filter": "statuscode:200",
        "collapse": "digest", "matchType": "prefix", "from": "20250301", "to": "20250331"}
    assert len(site.cdx_queries) == 2 and site.cdx_queries[1]["resumeKey"] == "2"
    rows = sorted(registry(raw_dir), key=lambda r: r["captured_at"])
    a, b = "http://news.example.org/live/storm-day-1", "https://news.example.org/live/storm-day-2"
    assert [(r["url"], r["captured_at"], r["archive_url"]) for r in rows] == [
        (a, "2025-03-01T08:00:00Z", f"{site.url}/web/20250301080000id_/{a}"),
        (a, "2025-03-02T08:00:00Z", f"{site.url}/web/20250302080000id_/{a}"),
        (b, "2025-03-04T08:00:00Z", f"{site.url}/web/20250304080000id_/{b}")]
    assert [r["final_url"] for r in rows] == [r["archive_url"] for r in rows]
    assert rows[2]["path"] == "news.example.org/live-storm-day-2-20250304080000-" \
        f"{hashlib.sha256(rows[2]['archive_url'].encode()).hexdigest()[:12]}.html"
    assert (raw_dir / rows[1]["path"]).read_text() == DAY1.replace("coast", "shore")
    assert main(args) == 0
    assert "skipped 3 (3 already registered)" in capsys.readouterr().out
    with PoliteClient(Settings(delay=0, retries=0)) as client:
        last = wayback.captures(client, "news.example.org/live/*", "20250301", "20250331",
                                site.url, latest=True)
    assert [c.timestamp for c in last] == ["20250302080000", "20250304080000"]


def test_fetched_live_and_archived_pages_build(site, tmp_path, capsys):
    add_captures(site)
    raw_dir, out = tmp_path / "raw", tmp_path / "processed"
    urls = [site.route("/live/day-3", DAY3)]
    assert main(["fetch", *urls, "--wayback", "http://news.example.org/live/storm-day-1",
                 "--to", "20250302", "--archive", site.url, "--raw", str(raw_dir), *FAST]) == 0
    assert main(["build", "--raw", str(raw_dir), "--out", str(out), "--jobs", "1",
                 "--no-cache"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("built 3 blogs, 6 entries")
    import pyarrow.parquet as pq

    blogs = pq.read_table(out / "blogs.parquet").to_pydict()
    assert sorted(blogs["url"]) == sorted(urls + ["http://news.example.org/live/storm-day-1"] * 2)


def test_cdx_answers_are_read_by_their_header():
    header = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]
    rows = [["k", "20250301080000", "http://a.example:80/x", "text/html", "200", "D1", "9"],
            ["k", "20250302080000", "http://a.example/x", "text/html", "404", "D2", "9"],
            ["k", "2025", "http://a.example/x", "text/html", "200", "D3", "9"]]
    found, key = wayback.parse_cdx([header, *rows, [], ["k+20250303"]])
    assert key == "k+20250303"
    assert found == [wayback.Capture("http://a.example/x", "20250301080000", "D1")]
    assert found[0].captured_at == "2025-03-01T08:00:00Z"
    assert wayback.parse_cdx([]) == ([], "")
    with pytest.raises(FetchError, match="lacks fields: digest"):
        wayback.parse_cdx([["timestamp", "original", "statuscode"]])
    assert wayback.in_range("20250331235959", "20250301", "20250331")
    assert not wayback.in_range("20250401000000", "20250301", "20250331")


def test_retry_after_takes_seconds_or_a_date():
    assert retry_after("7") == 7.0
    later = datetime.now(timezone.utc).timestamp() + 120
    assert 100 < retry_after(format_datetime(datetime.fromtimestamp(later, timezone.utc),
                                             usegmt=True)) <= 120
    assert retry_after("soon") is None and retry_after(None) is None


def test_a_long_retry_after_fails_at_once_and_robots_errors_mean_stay_away(site, tmp_path, capsys):
    url = site.route("/busy", (429, {"Retry-After": "3600"}, "later"))
    raw_dir = tmp_path / "raw"
    assert main(["fetch", url, "--raw", str(raw_dir), *FAST]) == 1
    assert capsys.readouterr().err == (f"failed {url}: HTTP 429 Too Many Requests, Retry-After "
                                       "3600 s is over 300 s\n")
    assert len(site.hits("/busy")) == 1
    site.route("/robots.txt", (500, {}, "broken"))
    with PoliteClient(Settings(delay=0, retries=1, backoff=0)) as client:
        assert not client.allowed(site.url + "/live/day-1")
        assert client.refusal(site.url + "/live/day-1") == (
            f"{site.url}/robots.txt unreadable (HTTP 500 Internal Server Error (after 2 attempts))"
            ", so the site is left alone")
    site.route("/robots.txt", (404, {}, "none"))
    with PoliteClient(Settings(delay=0, retries=0)) as client:
        assert client.allowed(site.url + "/private/draft")


def test_file_names_are_stable_and_distinct():
    a = Job("https://news.example.org/live/Storm%20Day-1?page=2", "")
    assert file_stem(a) == file_stem(Job(a.url, "x"))
    assert file_stem(a).startswith("news.example.org/live-storm-day-1-")
    assert file_stem(a) != file_stem(Job("https://news.example.org/live/Storm%20Day-1", ""))


@pytest.mark.parametrize("args, message", [
    (["--wayback", "http://a.example/*", "--from", "2025-03-01"], "--from: expects YYYYMMDD"),
    (["http://a.example/", "--to", "20250301"], "--to: goes with --wayback"),
    ([], "fetch: give addresses, --urls FILE or --wayback URL_OR_PREFIX"),
])
def test_bad_arguments_are_one_line(tmp_path, capsys, args, message):
    (tmp_path / "urls.txt").write_text("http://127.0.0.1:9/a\n\nftp://x.example/a\n")
    args = [str(tmp_path / "urls.txt") if a == "LIST" else a for a in args]
    assert main(["fetch", *args, "--raw", str(tmp_path / "raw")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and len(err.splitlines()) == 1


def test_a_raw_folder_without_registry_is_not_taken_over(tmp_path, capsys):
    (tmp_path / "page.txt").write_text("0900 GMT An update.\n")
    assert main(["fetch", "http://127.0.0.1:9/a", "--raw", str(tmp_path)]) == 2
    assert "raw folder has files but no registry" in capsys.readouterr().err


def test_fetch_adds_to_a_registry_written_before_the_provenance_columns(site, tmp_path,
                                                                       capsys):
    raw_dir = write_seed_raw(tmp_path / "raw")
    old = (raw_dir / REGISTRY_NAME).read_text().splitlines()[0].split(",")
    assert old == [*REGISTRY_FIELDS, *RIGHTS_FIELDS]
    assert main(["fetch", site.route("/live/day-1", DAY1), "--raw", str(raw_dir), *FAST]) == 0
    header = (raw_dir / REGISTRY_NAME).read_text().splitlines()[0].split(",")
    assert header == [*old, *FETCH_FIELDS]  # migrated once, its columns kept in their order
    assert "added the columns final_url, http_status" in capsys.readouterr().err
    assert main(["fetch", site.route("/live/day-2", DAY2), "--raw", str(raw_dir), *FAST]) == 0
    assert "added the columns" not in capsys.readouterr().err
    seed, fetched, _ = sorted(registry(raw_dir), key=lambda r: (r["path"] != SEED_NAME, r["path"]))
    assert {k: v for k, v in seed.items() if k not in old} == dict.fromkeys(FETCH_FIELDS, "")
    assert seed["sha256"] == sha256_of((RAW_DIR / SEED_NAME).read_bytes())
    assert fetched["http_status"] == "200"
    assert fetched["language"] == "en"  # as the page declares it: <html lang="en">
    assert len(raw.plan(raw_dir)) == 3


def test_a_crawl_delay_longer_than_the_setting_is_kept(site, tmp_path):
    site.route("/robots.txt", (200, {}, "User-agent: *\nCrawl-delay: 1\n"))
    urls = [site.route("/live/day-1", DAY1), site.route("/live/day-2", DAY2)]
    with PoliteClient(Settings(delay=0.01, retries=0)) as client:
        for url in urls:
            client.download(url, tmp_path).temp_path.unlink()
    first, second = site.hits("/live/day-1") + site.hits("/live/day-2")
    assert second - first >= 1.0


def test_fetch_without_rights_warns_at_once(site, tmp_path, capsys):
    url = site.route("/live/day-1", DAY1)
    assert main(["fetch", url, "--raw", str(tmp_path / "raw"), *QUICK]) == 0
    err = capsys.readouterr().err
    assert err.splitlines()[0].startswith("warning: no --rights given: fill in the `rights` cell")


def test_an_unreachable_host_says_each_retry_and_leaves_no_empty_folder(tmp_path, capsys):
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    raw_dir = tmp_path / "raw"
    code = main(["fetch", f"http://127.0.0.1:{port}/live", "--raw", str(raw_dir), "--rights",
                 "CC0", *FAST])
    err = capsys.readouterr().err.splitlines()
    retries = [line for line in err if line.startswith("warning: ") and "retry" in line]
    assert code == 1 and [line.split("; ")[-1][:10] for line in retries] == ["retry 1 of", "retry 2 of"]
    assert f"127.0.0.1:{port}/robots.txt: network error: ConnectError" in retries[0]
    assert not raw_dir.exists()
