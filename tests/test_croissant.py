"""croissant.json: generated from schema.py, validated by mlcroissant, rows readable through it."""
import json
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

from conftest import PROCESSED_DIR, REPO
from corpus.collect.raw_registry import RegistryEntry
from corpus.dataset import metadata
from corpus.dataset.store import file_sha256, merge_parts, table_dir_name
from corpus.release import croissant
from corpus.schema import TABLES

mlc = pytest.importorskip("mlcroissant")


@pytest.fixture(scope="module")
def citation():
    return metadata.read_citation(REPO / "CITATION.cff")


@pytest.fixture(scope="module")
def one_file_release(tmp_path_factory, citation):
    """The committed tables merged one file per table, as in a release, with croissant.json."""
    folder = tmp_path_factory.mktemp("release")
    for name in TABLES:
        merge_parts(PROCESSED_DIR / table_dir_name(name), folder / f"{name}.parquet")
    files = {name: [f"{name}.parquet"] for name in TABLES}
    digests = {f: file_sha256(folder / f) for [f] in files.values()}
    seen = [("Outlet B", "2026-03-02"), ("Outlet A", "2026-01-05"), ("Outlet B", "2026-02-01")]
    sources = [RegistryEntry(f"{i}.txt", "0" * 64, "html", outlet, "", "en", day, "CC0")
               for i, (outlet, day) in enumerate(seen)]
    text = croissant.croissant_json(files, digests, "0.1.0", citation, sources,
                                    "- An invented limitation.")
    (folder / croissant.CROISSANT_NAME).write_text(text, encoding="utf-8")
    return folder


def load(path):
    dataset = mlc.Dataset(jsonld=str(path))
    issues = dataset.metadata.ctx.issues
    assert not issues.errors and not issues.warnings, issues.report()
    return dataset


def test_record_sets_mirror_the_schema(one_file_release):
    doc = json.loads((one_file_release / "croissant.json").read_text())
    assert doc["conformsTo"] == "http://mlcommons.org/croissant/1.0"
    assert doc["@type"] == "sc:Dataset"
    assert [r["name"] for r in doc["recordSet"]] == list(TABLES)
    for record_set in doc["recordSet"]:
        table = TABLES[record_set["name"]]
        assert [f["name"] for f in record_set["field"]] == table.column_names
        assert record_set["key"] == [{"@id": f"{table.name}/{k}"} for k in table.primary_key]
    entries = {f["name"]: f for f in doc["recordSet"][1]["field"]}
    assert entries["published_at"]["dataType"] == "sc:DateTime"
    assert entries["n_words"]["dataType"] == "sc:Integer"
    assert entries["blog_id"]["references"] == {"field": {"@id": "blogs/blog_id"}}
    assert entries["body"]["source"] == {"fileObject": {"@id": "entries.parquet"},
                                         "extract": {"column": "body"}}


def test_files_licence_citation_and_responsible_ai_fields(one_file_release, citation):
    doc = json.loads((one_file_release / "croissant.json").read_text())
    assert {d["@id"]: d["sha256"] for d in doc["distribution"]} == {
        f"{n}.parquet": file_sha256(one_file_release / f"{n}.parquet") for n in TABLES}
    assert citation["license"] == "CC-BY-4.0"
    assert doc["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert "publisher's rights" in doc["copyrightNotice"]
    assert doc["citeAs"].startswith("@dataset{liveblog_corpus_")
    assert "reference lists" in doc["rai:dataBiases"] and "gazetteer" in doc["rai:dataBiases"]
    assert doc["rai:dataCollection"].endswith(
        "This release: 3 raw files from 2 outlets (Outlet A, Outlet B), retrieved 2026-01-05 to "
        "2026-03-02; the registry rows are in the data card (README.md).")
    assert doc["rai:dataLimitations"] == "- An invented limitation."


def test_mlcroissant_loads_it_and_reads_the_rows(one_file_release):
    dataset = load(one_file_release / "croissant.json")
    rows = list(dataset.records("entries"))
    table = pq.read_table(one_file_release / "entries.parquet")
    assert len(rows) == table.num_rows
    assert rows[0]["entries/entry_id"].decode() == table["entry_id"][0].as_py()
    assert rows[0]["entries/n_words"] == table["n_words"][0].as_py()


def validate(path):
    argv = [sys.executable, "-m", "mlcroissant.scripts.validate", "--jsonld", str(path)]
    return subprocess.run(argv, capture_output=True, text=True)


def test_mlcroissant_validate_command_passes_and_would_fail(one_file_release, tmp_path):
    done = validate(one_file_release / "croissant.json")
    assert done.returncode == 0, done.stderr
    assert "Done." in done.stderr
    doc = json.loads((one_file_release / "croissant.json").read_text())
    del doc["distribution"][0]["encodingFormat"]
    (tmp_path / "broken.json").write_text(json.dumps(doc))
    assert validate(tmp_path / "broken.json").returncode == 1


def test_part_files_become_a_file_set(tmp_path, citation):
    """A data folder's tables in part files: a FileSet per table, which mlcroissant reads whole."""
    files = {n: sorted(p.relative_to(PROCESSED_DIR).as_posix()
                       for p in (PROCESSED_DIR / table_dir_name(n)).glob("*.parquet"))
             for n in TABLES}
    doc = croissant.croissant(files, {}, "0.1.0", citation, [], "")
    assert doc["distribution"][1] == {
        "@type": "cr:FileSet", "@id": "entries-parts", "name": "entries.parquet",
        "encodingFormat": "application/x-parquet", "includes": "entries.parquet/*.parquet"}
    assert doc["rai:dataCollection"].endswith("This release lists no registered raw files.")
    import shutil

    shutil.copytree(PROCESSED_DIR, tmp_path / "data")
    (tmp_path / "data" / "croissant.json").write_text(json.dumps(doc), encoding="utf-8")
    rows = list(load(tmp_path / "data" / "croissant.json").records("blogs"))
    blogs = pq.read_table(PROCESSED_DIR / "blogs.parquet")
    assert [r["blogs/blog_id"].decode() for r in rows] == blogs["blog_id"].to_pylist()
