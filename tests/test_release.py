"""Releases: one version everywhere, reproducible zips, verification, citation, loading by version."""
import functools
import hashlib
import http.server
import json
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import yaml

from conftest import PROCESSED_DIR, REPO, SMALL_N_ENTRIES
from corpus import load
from corpus.cli import main
from corpus.dataset.releases import fetch
from corpus.errors import InputError
from corpus.release.publish import make_release
from corpus.version import __version__
from release_inputs import release_root


def sha(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A project folder of this version (a release records itself there, never in REPO)."""
    return release_root(tmp_path_factory.mktemp("project"), __version__)


@pytest.fixture(scope="module")
def released(tmp_path_factory, small_built, small_raw, project):
    out = tmp_path_factory.mktemp("dist")
    return make_release(small_built, out, __version__, small_raw, project)


def test_one_version_everywhere():
    citation = yaml.safe_load((REPO / "CITATION.cff").read_text())
    assert citation["cff-version"] == "1.2.0" and citation["type"] == "dataset"
    versions = {
        "pyproject": __version__,
        "CITATION.cff": str(citation["version"]),
        ".zenodo.json": json.loads((REPO / ".zenodo.json").read_text())["version"],
        "datapackage.json": json.loads((PROCESSED_DIR / "datapackage.json").read_text())["version"],
        **{f"{p.relative_to(PROCESSED_DIR)} metadata": pq.read_schema(p).metadata[b"dataset_version"].decode()
           for p in sorted(PROCESSED_DIR.glob("*.parquet/*.parquet"))},
    }
    assert set(versions.values()) == {__version__}, versions
    assert json.loads((REPO / ".zenodo.json").read_text())["upload_type"] == "dataset"
    assert f"## [{__version__}]" in (REPO / "CHANGELOG.md").read_text()


def test_release_contents(released):
    folder, archive = released
    assert sorted(p.name for p in folder.iterdir()) == [
        "CHANGELOG.md", "CHANGES.md", "CITATION.cff", "README.md", "SHA256SUMS", "blogs.parquet",
        "changes.json", "coverage.parquet", "croissant.json", "datapackage.json",
        "entities.parquet", "entries.parquet", "figures.parquet", "quarantine.json",
        "sources.csv", "text_digests.csv", "validation.json"]
    card = (folder / "README.md").read_text()
    for part in ("## How to cite", "## Coverage",
                 "| TRT World | 2024-01-03 | 2024-01-04 | 2 | 1 | 12 | 0 |", "## Codebook", "| `claimant` |", "### `coverage`", "## Sources and rights",
                 "## Validation", "## Known limitations"):
        assert part in card
    assert (folder / "CHANGELOG.md").read_text().startswith(f"## [{__version__}]")
    assert zipfile.ZipFile(archive).namelist()[0] == f"{folder.name}/CHANGELOG.md"


def test_two_releases_give_identical_zips(released, tmp_path, small_built, small_raw, project):
    _, again = make_release(small_built, tmp_path, __version__, small_raw, project)
    assert sha(again) == sha(released[1])


def test_verify_accepts_fresh_and_names_tampered_files(released, tmp_path, capsys):
    folder, archive = released
    assert main(["verify", str(folder)]) == 0
    assert main(["verify", str(archive)]) == 0
    tampered = tmp_path / folder.name
    import shutil
    shutil.copytree(folder, tampered)
    with open(tampered / "figures.parquet", "ab") as f:
        f.write(b"x")
    (tampered / "CITATION.cff").write_text("changed")
    capsys.readouterr()
    assert main(["verify", str(tampered)]) == 1
    err = capsys.readouterr().err
    assert "differs: figures.parquet: sha256 differs from SHA256SUMS" in err
    assert "differs: CITATION.cff: sha256 differs from SHA256SUMS" in err
    bad_zip = tmp_path / "bad.zip"
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(bad_zip, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, data + b"x" if item.filename.endswith("entries.parquet") else data)
    assert main(["verify", str(bad_zip)]) == 1
    assert "differs: entries.parquet: sha256 differs" in capsys.readouterr().err


@pytest.mark.parametrize("fmt, expected", [
    ("bibtex", "@dataset{liveblog_corpus_"), ("apa", "liveblog-corpus contributors ("), ("cff", "cff-version: 1.2.0")])
def test_cite(fmt, expected, capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    assert main(["cite", "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert out.startswith(expected) and __version__ in out


def test_load_from_release_folder_and_zip(released):
    folder, archive = released
    assert (
        len(load("entries", path=folder)) == len(load("entries", path=archive)) == SMALL_N_ENTRIES
    )
    assert load("entities", path=archive)["geonames_id"].dtype == "Int64"


@pytest.fixture
def server(released):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(released[1].parent))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def test_load_by_version_from_a_local_server(released, server, tmp_path, monkeypatch, small_built):
    archive = released[1]
    monkeypatch.setenv("CORPUS_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("CORPUS_RELEASE_URL", server)
    monkeypatch.setattr("corpus.dataset.releases.release_registry", lambda: {archive.name: sha(archive)})
    figures = load("figures", version=__version__)
    built = load("figures", path=small_built)
    assert len(figures) == len(built) > 0 and figures["value"].max() == built["value"].max()
    assert (tmp_path / "cache" / archive.name).exists()  # cached for the next call


def test_wrong_hash_is_refused(released, server, tmp_path, monkeypatch):
    monkeypatch.setenv("CORPUS_CACHE", str(tmp_path / "cache"))
    with pytest.raises(InputError, match="download refused: .*hash"):
        fetch(__version__, base_url=server, registry={released[1].name: "0" * 64})


def test_unpublished_version_and_missing_url_are_clear(monkeypatch):
    monkeypatch.delenv("CORPUS_RELEASE_URL", raising=False)
    with pytest.raises(InputError, match="version 9.9.9 is not a published release"):
        fetch("9.9.9", registry={})
    with pytest.raises(InputError, match="no release URL: set CORPUS_RELEASE_URL"):
        fetch("9.9.9", registry={"liveblog-corpus-9.9.9.zip": "0" * 64})


def test_datapackage_is_generated_from_the_schema(small_built):
    package = json.loads((small_built / "datapackage.json").read_text())
    figures = next(r for r in package["resources"] if r["name"] == "figures")
    assert figures["schema"]["primaryKey"] == ["figure_id"]
    assert {"fields": ["entry_id"], "reference": {"resource": "entries", "fields": ["entry_id"]}} in \
        figures["schema"]["foreignKeys"]
    [part] = figures["path"]  # the built tables are folders of part files: a multipart resource
    assert (
        part.startswith("figures.parquet/part-")
        and figures["hash"] == f"sha256:{sha(small_built / part)}"
    )
    assert [f["name"] for f in figures["schema"]["fields"]][:3] == ["figure_id", "entry_id", "field"]


def test_a_release_holds_each_table_in_one_file_with_its_hash(released, small_built):
    package = json.loads((released[0] / "datapackage.json").read_text())
    figures = next(r for r in package["resources"] if r["name"] == "figures")
    assert figures["path"] == "figures.parquet"
    assert figures["hash"] == f"sha256:{sha(released[0] / 'figures.parquet')}"
    assert pq.read_table(released[0] / "figures.parquet").equals(
        pq.read_table(small_built / "figures.parquet")
    )


@pytest.mark.slow
def test_frictionless_validates_the_release(released):
    cli = Path(sys.executable).parent / "frictionless"
    run = subprocess.run([str(cli), "validate", str(released[0] / "datapackage.json")],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-3000:]
