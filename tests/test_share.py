"""Sharing a corpus without its text (issue 29): a release made from pages fetched from a loopback
Wayback-compatible archive carries no entry text, and `corpus hydrate` restores it from the same
archive, proving every table identical. Nothing beyond 127.0.0.1 is contacted."""
import csv
import hashlib
import io
import json
import shutil
import warnings
import zipfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from corpus import load
from corpus.cli import main
from corpus.collect.client import PoliteClient, Settings
from corpus.dataset.store import live_folder, read_table, table_dir_name
from corpus.release.hydrate import Hydrator
from corpus.release.publish import make_release
from corpus.release.sources import TEXT_DIGESTS_NAME, read_digests, text_digest
from corpus.schema import ALL_TABLES, TEXT_COLUMNS
from corpus.version import __version__
from release_inputs import built, release_root
from test_fetch import ROBOTS, Server, page

FAST = ["--delay", "0", "--retries", "0", "--timeout", "5"]
PAGES = {
    ("20250303080000", "https://news.example.org/live/storm"): page(
        "Storm live", "3 March 2025", ("9.05pm", "Rain reached the northern coast overnight."),
        ("8.40pm", "Wind speeds rose above ninety kilometres an hour.")),
    ("20250304091500", "https://news.example.org/live/ferries"): page(
        "Ferries live", "4 March 2025", ("7.15am", "Two ferries stayed in port at Eastharbour."),
        ("6.50am", "The river level at Millbrook fell by a metre.")),
    ("20250305101000", "https://other.example.net/live/schools"): page(
        "Schools live", "5 March 2025", ("10.30am", "Schools reopened in three valley towns."),
        ("9.45am", "Power returned to 4,000 homes, the grid operator said.")),
}


def capture_rows() -> list[list[str]]:
    return [["key", ts, url, "text/html; charset=utf-8", "200",
             hashlib.sha1(body.encode()).hexdigest(), "1", body]
            for (ts, url), body in PAGES.items()]


@pytest.fixture(scope="module")
def archive():
    server = Server()
    server.route("/robots.txt", (200, {"Content-Type": "text/plain"}, ROBOTS))
    server.captures = capture_rows()
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


@pytest.fixture(scope="module")
def shared(archive, tmp_path_factory):
    """(raw folder, built folder, release folder, release zip) of the three captured blogs."""
    base = tmp_path_factory.mktemp("share")
    listed = base / "captures.txt"
    listed.write_text("".join(f"{archive.url}/web/{ts}id_/{url}\n" for ts, url in PAGES))
    raw_dir, processed = base / "raw", base / "processed"
    assert main(["fetch", "--urls", str(listed), "--raw", str(raw_dir), *FAST,
                 "--rights", "publisher's copyright (invented pages)"]) == 0
    assert main(["build", "--raw", str(raw_dir), "--out", str(processed), "--jobs", "1",
                 "--no-cache"]) == 0
    root = release_root(base / "project", __version__)
    assert main(["release", "--processed", str(processed), "--raw", str(raw_dir),
                 "--out", str(base / "dist"), "--project", str(root)]) == 0
    name = f"liveblog-corpus-{__version__}"
    return raw_dir, processed, base / "dist" / name, base / "dist" / f"{name}.zip"


def built_tables(folder: Path) -> dict:
    return {name: read_table(live_folder(folder) / table_dir_name(name)) for name in ALL_TABLES}


def test_a_default_release_of_fetched_pages_carries_no_entry_text(shared):
    _, processed, folder, archive = shared
    entries = built_tables(processed)["entries"]
    texts = [t for name in TEXT_COLUMNS for t in entries[name].to_pylist() if t]
    assert len(texts) >= 6
    members = zipfile.ZipFile(archive)
    blobs = [p.read_bytes() for p in folder.rglob("*") if p.is_file()]
    blobs += [members.read(n) for n in members.namelist()] + [archive.read_bytes()]
    for text in texts:
        assert not any(text.encode() in blob for blob in blobs), text
    released = pq.read_table(folder / "entries.parquet")
    assert released.column_names == entries.column_names
    for name in released.column_names:
        expected = [None] * entries.num_rows if name in TEXT_COLUMNS else entries[name].to_pylist()
        assert released[name].to_pylist() == expected, name
    digests = read_digests((folder / TEXT_DIGESTS_NAME).read_text())
    assert all(digests[row["entry_id"]] == text_digest(row["headline"], row["body"])
               for row in entries.to_pylist())
    sources = list(csv.DictReader(io.StringIO((folder / "sources.csv").read_text())))
    assert {(r["url"], r["captured_at"], r["text_in_release"]) for r in sources} == {
        (url, f"{ts[:4]}-{ts[4:6]}-{ts[6:8]}T{ts[8:10]}:{ts[10:12]}:{ts[12:]}Z", "no")
        for ts, url in PAGES}
    assert all(not r["raw_path"].startswith("/") and r["n_bytes"].isdigit() for r in sources)
    card = (folder / "README.md").read_text()
    assert "0 of 3 blogs carry their text in this release; 3 are text-free" in card
    assert "3 of 3 blogs have a web-archive capture" in card and "corpus hydrate" in card
    package = json.loads((folder / "datapackage.json").read_text())
    assert sorted(package["x_text"]["text_free_blogs"]) == sorted(r["blog_id"] for r in sources)
    croissant = json.loads((folder / "croissant.json").read_text())
    assert "3 of 3 blogs are text-free" in croissant["description"]
    assert main(["verify", str(archive)]) == 0


def test_load_warns_once_that_text_free_entries_are_empty(shared):
    *_, folder, _ = shared
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frame = load("entries", path=folder)
        load("entries", path=folder)
        load("blogs", path=folder)
    assert frame["body"].isna().all()
    assert [str(w.message) for w in caught] == [
        f"{folder}: 3 blogs are text-free (their headline and body are null until restored "
        "with `corpus hydrate`)"]


def test_hydrate_restores_identical_tables_and_fetches_nothing_twice(shared, archive, tmp_path,
                                                                     capsys):
    _, processed, _, zipped = shared
    args = ["hydrate", str(zipped), "--raw", str(tmp_path / "raw"), "--out",
            str(tmp_path / "out"), "--archive", archive.url, *FAST]
    assert main(args) == 0
    assert capsys.readouterr().out.startswith("restored 3/3 blogs; 0 bytes differ; "
                                              "0 unavailable; 0 build differs; 0 refused "
                                              "(3 fetched)")
    original, restored = built_tables(processed), built_tables(tmp_path / "out")
    for name in ALL_TABLES:
        assert restored[name].column_names == original[name].column_names
        for column in original[name].column_names:
            assert restored[name][column].equals(original[name][column]), (name, column)
    hits = len(archive.log)
    assert main(args) == 0
    assert "(0 fetched)" in capsys.readouterr().out and len(archive.log) == hits


def test_changed_and_missing_captures_are_reported_and_the_rest_restored(shared, archive,
                                                                         tmp_path, capsys):
    *_, folder, _ = shared
    sources = {r["url"]: r for r in csv.DictReader(io.StringIO((folder / "sources.csv")
                                                               .read_text()))}
    (changed_ts, changed), (gone_ts, gone), _ = PAGES
    saved = archive.captures
    archive.captures = [r for r in capture_rows() if r[1] != gone_ts]
    archive.captures[0][7] = archive.captures[0][7].replace("coast", "shore")
    try:
        code = main(["hydrate", str(folder), "--raw", str(tmp_path / "raw"), "--out",
                     str(tmp_path / "out"), *FAST])
    finally:
        archive.captures = saved
    out, err = capsys.readouterr()
    assert code == 1
    lines = err.splitlines()
    assert lines[0].startswith(f"not restored {sources[changed]['blog_id']}: bytes differ: "
                               f"{archive.url}/web/{changed_ts}id_/{changed}: sha256 ")
    assert lines[1].startswith(f"not restored {sources[gone]['blog_id']}: unavailable: "
                               f"{archive.url}/web/{gone_ts}id_/{gone}: HTTP 404")
    assert out.startswith("restored 1/3 blogs; 1 bytes differ; 1 unavailable; 0 build differs")


def test_a_hydrate_stopped_midway_gives_the_same_tables_when_run_again(shared, archive,
                                                                      tmp_path):
    _, processed, folder, _ = shared

    def stopped_after_one(rows):
        yield rows[0]
        raise KeyboardInterrupt

    raw_dir, out = tmp_path / "raw", tmp_path / "out"
    with PoliteClient(Settings(delay=0, retries=0)) as client:
        with pytest.raises(KeyboardInterrupt):
            Hydrator(folder, raw_dir, out, client).run(stopped_after_one)
        assert not out.exists() and len(list(raw_dir.rglob("*.html"))) == 1
        outcome = Hydrator(folder, raw_dir, out, client).run()
    assert outcome.complete and outcome.fetched == 2
    original, restored = built_tables(processed), built_tables(out)
    assert all(restored[n].equals(original[n]) for n in ALL_TABLES)


def forged(folder: Path, target: Path, edit) -> Path:
    """A copy of a release whose sources.csv is edited and SHA256SUMS recomputed (as an attacker
    would)."""
    shutil.copytree(folder, target)
    rows = list(csv.DictReader(io.StringIO((target / "sources.csv").read_text())))
    out = io.StringIO()
    writer = csv.DictWriter(out, list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(edit(rows))
    (target / "sources.csv").write_text(out.getvalue())
    sums = (target / "SHA256SUMS").read_text().splitlines()
    digest = hashlib.sha256(out.getvalue().encode()).hexdigest()
    (target / "SHA256SUMS").write_text("\n".join(
        f"{digest}  sources.csv" if line.endswith("  sources.csv") else line
        for line in sums) + "\n")
    return target


def test_hostile_source_rows_are_refused_one_by_one(shared, archive, tmp_path, capsys):
    *_, folder, _ = shared

    def edit(rows):
        good, *others = rows
        bad = [dict(others[0], raw_path="../escaped.html"),
               dict(others[0], blog_id="x-1", raw_path="/tmp/absolute.html"),
               dict(others[0], blog_id="x-2", url="ftp://news.example.org/a", raw_path="b.html"),
               dict(others[0], blog_id="x-3", url="https://u:p@news.example.org/a",
                    raw_path="c.html"),
               dict(others[0], blog_id="x-4", n_bytes="9" * 12, raw_path="d.html"),
               dict(good, raw_path="e.html")]  # the same blog again
        return [good, *bad]

    release = forged(folder, tmp_path / "forged", edit)
    outside = tmp_path / "keep"
    outside.mkdir()
    (outside / "escaped.html").write_text("the user's own file")
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    raw_dir = tmp_path / "keep" / "raw"
    assert main(["hydrate", str(release), "--raw", str(raw_dir), "--out",
                 str(tmp_path / "out"), *FAST]) == 1
    out, err = capsys.readouterr()
    refused = [line for line in err.splitlines() if ": refused: " in line]
    assert len(refused) == 6
    assert ["leads out" in refused[0] or "unsafe file name" in refused[0],
            "unsafe file name" in refused[1], "http(s)" in refused[2],
            "credentials" in refused[3], "over the raw-file limit" in refused[4],
            "listed twice" in refused[5]] == [True] * 6
    assert out.startswith("restored 1/7 blogs")
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()
             and not p.is_relative_to(raw_dir) and not p.is_relative_to(tmp_path / "out")}
    assert after == before


def test_text_free_makes_every_blog_text_free_and_rights_keep_the_rest(tmp_path,
                                                                      tmp_path_factory):
    raw_dir, processed = built(tmp_path_factory, "b")
    root = release_root(tmp_path / "project", __version__)
    kept, _ = make_release(processed, tmp_path / "a", __version__, raw_dir, root)
    free, _ = make_release(processed, tmp_path / "b", __version__, raw_dir, root, text_free=True)
    assert pq.read_table(kept / "entries.parquet")["body"].null_count == 0
    assert pq.read_table(free / "entries.parquet")["body"].null_count == \
        pq.read_table(free / "entries.parquet").num_rows
    assert main(["verify", str(free)]) == 0


def test_the_registry_says_per_file_whether_its_text_may_be_republished(tmp_path, seed_text,
                                                                        capsys):
    from conftest import RAW_DIR, SEED_NAME
    from corpus.collect.raw_registry import REGISTRY_NAME, read_registry

    assert {e.path: e.text_redistributable for e in read_registry(RAW_DIR)} == {
        SEED_NAME: "yes"}
    raw_dir = tmp_path / "raw"
    raw_dir.mkdir()
    (tmp_path / "new.txt").write_text(seed_text.replace("January 4", "January 5"))
    add = ["add", str(tmp_path / "new.txt"), "--raw", str(raw_dir), "--outlet", "TRT World",
           "--url", "https://editor:hunter2@example.org/live/new"]
    assert main(add) == 2
    assert "--text-redistributable yes|no" in capsys.readouterr().err
    assert not (raw_dir / "new.txt").exists()
    assert main([*add, "--text-redistributable", "no"]) == 0
    text = (raw_dir / REGISTRY_NAME).read_text()
    assert text.splitlines()[0].endswith(",text_redistributable") and "hunter2" not in text
    [entry] = read_registry(raw_dir)
    assert (entry.url, entry.text_redistributable, entry.redistributable) == (
        "https://example.org/live/new", "no", False)
    (raw_dir / REGISTRY_NAME).write_text(text.replace(",no\n", ",maybe\n"))
    with pytest.raises(Exception, match="text_redistributable is 'yes' or 'no', not 'maybe'"):
        read_registry(raw_dir)
