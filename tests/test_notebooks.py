"""The notebooks guard the numbers: pointed at altered data, their stored outputs no longer match."""
import shutil
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import PROCESSED_DIR, REPO
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
