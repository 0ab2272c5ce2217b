"""The coverage table: per outlet and UTC day, blogs, entries and the raw files left out."""
import json
from datetime import date, datetime, timezone

import matplotlib
import pyarrow as pa
import pyarrow.parquet as pq

from conftest import RAW_DIR, SEED_NAME, SMALL_N_ENTRIES
from corpus import load
from corpus.build import BuildOptions, coverage
from corpus.build.run import build
from corpus.dataset import plots
from corpus.schema import COVERAGE, TABLES

matplotlib.use("Agg")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2024, 3, day, hour, minute, tzinfo=timezone.utc)


def invented_tables():
    """Outlet A: blog a1 runs over midnight UTC, a2 adds one entry on the second day; outlet B: one
    blog of one entry."""
    blogs = pa.table({"blog_id": ["a1", "a2", "b1"], "outlet": ["A", "A", "B"],
                      "blog_date": [date(2024, 3, 4), date(2024, 3, 5), date(2024, 3, 4)]})
    entries = pa.table({
        "blog_id": ["a1", "a1", "a1", "a1", "a2", "b1"],
        "published_at": pa.array([at(4, 20), at(4, 23, 30), at(5, 0, 15), at(5, 2), at(5, 1),
                                  at(4, 9)], pa.timestamp("ms", tz="UTC"))})
    return blogs, entries


def test_rows_per_outlet_and_utc_day_with_left_out_files():
    blogs, entries = invented_tables()
    left_out = [("A", date(2024, 3, 5), "check"), ("A", date(2024, 3, 5), "duplicate"),
                ("A", date(2024, 3, 5), "duplicate"), ("B", date(2024, 3, 6), "check")]
    rows = coverage.coverage_table(blogs, entries, left_out).to_pylist()
    assert [(r["outlet"], r["day"], r["n_blogs"], r["n_entries"]) for r in rows] == [
        ("A", date(2024, 3, 4), 1, 2), ("A", date(2024, 3, 5), 2, 3),
        ("B", date(2024, 3, 4), 1, 1), ("B", date(2024, 3, 6), 0, 0)]
    a4, a5, b4, b6 = rows
    assert a4["entries_per_hour"] == round(2 / 3.5, 3)  # 20:00 to 23:30
    assert (a4["first_published_at"], a4["last_published_at"]) == (at(4, 20), at(4, 23, 30))
    assert a5["entries_per_hour"] == round(3 / 1.75, 3)  # 00:15 to 02:00
    assert b4["entries_per_hour"] == 1.0  # one entry: its hour
    assert (a5["n_quarantined"], a5["quarantine_stages"]) == (3, "check: 1; duplicate: 2")
    assert (a4["n_quarantined"], a4["quarantine_stages"]) == (0, None)
    assert (b6["n_quarantined"], b6["entries_per_hour"]) == (1, None)
    assert b6["first_published_at"] is None


def test_untimed_entries_count_on_their_blogs_date():
    blogs = pa.table({"blog_id": ["c1"], "outlet": ["C"], "blog_date": [date(2024, 3, 7)]})
    entries = pa.table({"blog_id": ["c1", "c1", "c1"], "published_at": pa.array(
        [None, at(7, 10), None], pa.timestamp("ms", tz="UTC"))})
    [row] = coverage.coverage_table(blogs, entries, []).to_pylist()
    assert (row["day"], row["n_entries"], row["entries_per_hour"]) == (date(2024, 3, 7), 3, 1.0)
    untimed = pa.table({"blog_id": ["c1"],
                        "published_at": pa.array([None], pa.timestamp("ms", tz="UTC"))})
    [row] = coverage.coverage_table(blogs, untimed, []).to_pylist()
    assert (row["n_entries"], row["first_published_at"], row["entries_per_hour"]) == (1, None, None)


def test_a_build_writes_the_coverage_of_its_tables(small_built):
    data = pq.read_table(small_built / coverage.FILE_NAME)
    assert data.schema.equals(COVERAGE.arrow_schema(), check_metadata=False)
    entries, blogs = load("entries", path=small_built), load("blogs", path=small_built)
    joined = entries.merge(blogs[["blog_id", "outlet"]], on="blog_id")
    joined["day"] = joined["published_at"].dt.date
    expected = joined.groupby(["outlet", "day"]).agg(n_blogs=("blog_id", "nunique"),
                                                     n_entries=("entry_id", "size"))
    got = data.to_pandas().set_index(["outlet", "day"])
    assert got.index.tolist() == sorted(expected.index.tolist())  # primary key order, unique
    assert got[["n_blogs", "n_entries"]].equals(expected.astype("int32"))
    assert got["n_entries"].sum() == SMALL_N_ENTRIES and got["n_quarantined"].sum() == 0
    assert got.loc["TRT World", "n_blogs"].sum() >= 1
    lines = (small_built / "SHA256SUMS").read_text().splitlines()
    sums = dict(line.split("  ")[::-1] for line in lines)
    assert coverage.FILE_NAME in sums
    package = json.loads((small_built / "datapackage.json").read_text())
    resource = next(r for r in package["resources"] if r["name"] == COVERAGE.name)
    assert resource["path"] == coverage.FILE_NAME
    assert resource["hash"] == f"sha256:{sums[coverage.FILE_NAME]}"
    assert resource["schema"]["primaryKey"] == ["outlet", "day"]


def test_a_rebuild_with_parts_in_place_writes_the_same_coverage(small_raw, small_built, tmp_path):
    out, cache_dir = tmp_path / "out", tmp_path / "cache"
    build(BuildOptions(small_raw, out, cache_dir=cache_dir))
    build(BuildOptions(small_raw, out, cache_dir=cache_dir))  # every part lies in place, in the output folder
    fresh = (small_built / coverage.FILE_NAME).read_bytes()
    assert (out / coverage.FILE_NAME).read_bytes() == fresh


def test_left_out_files_are_counted_on_their_blogs_day(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    seed = (RAW_DIR / SEED_NAME).read_bytes()
    (raw / SEED_NAME).write_bytes(seed)
    (raw / "zz_copy.txt").write_bytes(seed)  # the same bytes again: a duplicate
    (raw / "zz_binary.txt").write_bytes(b"\x00\x01 not text")  # never read: no day
    result = build(BuildOptions(raw, tmp_path / "out", keep_going=True))
    assert sorted(e.stage for e in result.skipped) == ["duplicate", "read"]
    rows = pq.read_table(tmp_path / "out" / coverage.FILE_NAME).to_pylist()
    counted = [(r["day"], r["n_quarantined"], r["quarantine_stages"])
               for r in rows if r["n_quarantined"]]
    assert counted == [(date(2024, 1, 4), 1, "duplicate: 1")]  # the seed's page date
    outlets = load("blogs", path=tmp_path / "out")["outlet"].tolist()
    covered = pq.read_table(tmp_path / "out" / coverage.FILE_NAME)
    card = "\n".join(coverage.card_section(covered, outlets, 2))
    assert "| unknown | 2024-01-03 | 2024-01-04 | 2 | 1 | 12 | 1 |" in card  # one blog, two days
    assert "1 raw file(s) left out before their date was read" in card


def test_card_section_lists_each_outlet_and_its_days():
    blogs, entries = invented_tables()
    outlets = blogs["outlet"].to_pylist()
    lines = coverage.card_section(coverage.coverage_table(blogs, entries, []), outlets, 0)
    assert lines[0] == "## Coverage"
    assert "| A | 2024-03-04 | 2024-03-05 | 2 | 2 | 5 | 0 |" in lines
    assert "| B | 2024-03-04 | 2024-03-04 | 1 | 1 | 1 | 0 |" in lines
    assert not any("before their date was read" in line for line in lines)


def test_plot_draws_entries_per_day_in_a_panel_per_outlet_with_empty_days_at_zero(small_built):
    fig = plots.plot(small_built)
    panels = {ax.get_title(loc="left"): ax for ax in fig.axes}
    assert sorted(panels) == ["Example Herald", "TRT World"]
    data = pq.read_table(small_built / coverage.FILE_NAME).to_pandas()
    n_days = (data["day"].max() - data["day"].min()).days + 1
    for outlet, ax in panels.items():
        [line] = ax.get_lines()
        counts = line.get_ydata()
        assert len(counts) == n_days and (counts == 0).any()
        assert counts.sum() == data.loc[data["outlet"] == outlet, "n_entries"].sum()
        assert len(line.get_markevery()) == (data["outlet"] == outlet).sum()  # days with entries
    assert sum(ax.get_lines()[0].get_ydata().sum() for ax in panels.values()) == SMALL_N_ENTRIES


def test_coverage_is_declared_apart_from_the_per_blog_tables():
    assert COVERAGE.name not in TABLES  # written once per corpus, not per part
    assert set(COVERAGE.primary_key) <= set(COVERAGE.column_names)
    assert all(c.description.endswith(".") for c in COVERAGE.columns)
