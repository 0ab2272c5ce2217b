"""The notebooks guard the numbers: pointed at altered data, their stored outputs no longer match."""
import shutil
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import INVENTED_BLOGS, PROCESSED_DIR, REPO, text_blog
from corpus.dataset.store import table_files, write_parquet


def run_notebooks(data_dir, *names):
    env = {"CORPUS_DATA": str(data_dir), "PATH": "", "HOME": str(data_dir)}
    paths = [str(REPO / "notebooks" / f"{n}.ipynb") for n in names]
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *paths],
                          cwd=REPO, env=env, capture_output=True, text=True)


def test_one_changed_row_fails_notebook_cells(tmp_path):
    copy = tmp_path / "processed"
    shutil.copytree(PROCESSED_DIR, copy)
    [part] = table_files(copy / "figures.parquet")
    figures = pq.read_table(part).to_pylist()
    row = next(r for r in figures if r["category"] == "killed" and r["value"] == 32)
    row["value"] = 33.0
    write_parquet(pa.Table.from_pylist(figures, schema=pq.read_schema(part)), part)
    run = run_notebooks(copy, "03-figures", "04-reproduce")
    assert run.returncode == 1, run.stdout[-2000:]
    assert "03-figures.ipynb::Cell" in run.stdout and "04-reproduce.ipynb::Cell" in run.stdout
    assert f"figures.parquet/{part.name} differs from SHA256SUMS" in run.stdout


def test_unchanged_copy_passes(tmp_path):
    copy = tmp_path / "processed"
    shutil.copytree(PROCESSED_DIR, copy)
    run = run_notebooks(copy, "03-figures")
    assert run.returncode == 0, run.stdout[-2000:]


@pytest.fixture(scope="module")
def samples_corpus(shared_samples, tmp_path_factory):
    """The sample pages of ../shared built into a temporary folder (pages the reader refuses are skipped)."""
    out = tmp_path_factory.mktemp("samples-corpus") / "processed"
    run = subprocess.run([sys.executable, "-m", "corpus", "build", "--raw", str(shared_samples), "--out", str(out),
                          "--keep-going"], cwd=REPO, capture_output=True, text=True)
    assert run.returncode in (0, 1) and (out / "SHA256SUMS").is_file(), run.stderr[-2000:]
    return out


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(p.stem for p in (REPO / "notebooks").glob("*.ipynb")))
def test_notebook_executes_on_a_multi_outlet_corpus(samples_corpus, name, monkeypatch):
    """Every notebook runs without error on the corpus a researcher builds (executed, not compared)."""
    import nbformat
    from nbclient import NotebookClient

    monkeypatch.setenv("CORPUS_DATA", str(samples_corpus))
    notebook = nbformat.read(REPO / "notebooks" / f"{name}.ipynb", as_version=4)
    NotebookClient(notebook, timeout=300, resources={"metadata": {"path": str(REPO / "notebooks")}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert outputs and not any(o.output_type == "error" for o in outputs)
    blogs = pq.read_table(samples_corpus / "blogs.parquet").num_rows
    assert blogs > 1  # a multi-outlet corpus, not the seed again


# Edge corpora (issue #32): the notebooks promise to run on any corpus, so they run on the seed, a
# blog of one entry, blogs with no casualty figures at all, and a blog whose page prints no times.
NO_CLOCK_TIMES = """<!DOCTYPE html>
<html lang="en"><head><title>Invented river festival live</title>
<meta property="article:published_time" content="2025-06-14T09:00:00+01:00"></head>
<body><h1>Invented river festival live</h1>
<div class="stream" itemscope itemtype="https://schema.org/LiveBlogPosting">
<div class="entry"><aside><i></i></aside><div><p>The last invented boat crossed the line.</p></div></div>
<div class="entry"><aside><i></i></aside><div><p>About 40 rowers waited by the bridge.</p></div></div>
<div class="entry"><aside><i></i></aside><div><p>Welcome to the made-up river festival.</p></div></div>
</div></body></html>
"""
ONE_ENTRY = text_blog("Invented ferry strike", "Crews stop work.", "Friday, May 2, 2025",
                      [("0815 GMT", "Strike begins", ["Ferry crews in Velmark stopped work."])])
EDGE_RAW = {
    "one-entry": {"one.txt": ONE_ENTRY},
    "no-casualty-figures": {name: text_blog(*blog) for name, blog in INVENTED_BLOGS.items()},
    "no-clock-times": {"festival.html": NO_CLOCK_TIMES},
}
NOTEBOOKS = sorted(p.stem for p in (REPO / "notebooks").glob("*.ipynb"))


@pytest.fixture(scope="module")
def edge_corpora(tmp_path_factory):
    """Name -> data folder: the committed seed and each edge corpus built from invented pages."""
    from corpus.build import BuildOptions
    from corpus.build.run import build

    corpora = {"seed": PROCESSED_DIR}
    for name, files in EDGE_RAW.items():
        base = tmp_path_factory.mktemp(name)
        (base / "raw").mkdir()
        for file_name, text in files.items():
            (base / "raw" / file_name).write_text(text, encoding="utf-8")
        build(BuildOptions(base / "raw", base / "processed", jobs=1))
        corpora[name] = base / "processed"
    return corpora


def test_the_edge_corpora_are_what_they_claim(edge_corpora):
    from corpus import load

    assert len(load("entries", path=edge_corpora["one-entry"])) == 1
    figures = load("figures", path=edge_corpora["no-casualty-figures"])
    assert len(figures) > 0 and not figures["category"].isin(["killed", "injured"]).any()
    entries = load("entries", path=edge_corpora["no-clock-times"])
    assert len(entries) == 3 and entries["published_at"].isna().all()


@pytest.mark.slow
@pytest.mark.parametrize("corpus_name", ["seed", *EDGE_RAW])
def test_every_notebook_executes_on_an_edge_corpus(edge_corpora, corpus_name, monkeypatch):
    """Executed, not compared: no cell of any notebook raises on the corpus."""
    import nbformat
    from nbclient import NotebookClient

    monkeypatch.setenv("CORPUS_DATA", str(edge_corpora[corpus_name]))
    errors = []
    for name in NOTEBOOKS:
        notebook = nbformat.read(REPO / "notebooks" / f"{name}.ipynb", as_version=4)
        NotebookClient(notebook, timeout=300, allow_errors=True,
                       resources={"metadata": {"path": str(REPO / "notebooks")}}).execute()
        errors += [f"{name} cell {n}: {out.ename}: {out.evalue}"
                   for n, cell in enumerate(notebook.cells) if cell.cell_type == "code"
                   for out in cell.outputs if out.output_type == "error"]
    assert errors == []
