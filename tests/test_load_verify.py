"""Loading checks a table against SHA256SUMS; verify names a zip bomb and a garbage Parquet part
in one line; validate rejects non-finite values and wrong column types in its one-line report."""
import hashlib
import shutil
import zipfile

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from corpus import load
from corpus.cli import main
from corpus.dataset import releases as release
from corpus.dataset.store import (
    CHECKSUMS_NAME,
    checksum_lines,
    live_folder,
    read_tables,
    table_files,
)
from corpus.errors import InputError
from corpus.schema import TABLES
from corpus.validate import validate


@pytest.fixture
def folder(small_built, tmp_path):
    """A plain copy of the small build's data folder."""
    shutil.copytree(live_folder(small_built), tmp_path / "data")
    return tmp_path / "data"


def rewrite(folder, table: str, change) -> str:
    """Replace a table's first part by change(its table) and list its new sha256; its name."""
    part = table_files(folder / f"{table}.parquet")[0]
    pq.write_table(change(pq.read_table(part)), part)
    listed = release.ReleaseFiles(folder).checksums()
    name = part.relative_to(folder).as_posix()
    listed[name] = hashlib.sha256(part.read_bytes()).hexdigest()
    (folder / CHECKSUMS_NAME).write_text(checksum_lines(listed))
    return name


def test_load_refuses_a_table_changed_after_the_build(folder):
    part = table_files(folder / "entries.parquet")[0]
    table = pq.read_table(part)
    pq.write_table(table.slice(1), part)  # a row gone, SHA256SUMS as it was
    with pytest.raises(InputError, match=f"{part.name}: has a sha256 differing from SHA256SUMS"):
        load("entries", path=folder)
    assert len(load("entries", path=folder, check=False)) == table.num_rows - 1
    (folder / CHECKSUMS_NAME).unlink()
    with pytest.raises(InputError, match="no readable SHA256SUMS"):
        load("blogs", path=folder)


def test_load_checks_a_release_zip(folder, tmp_path):
    archive = tmp_path / "r.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                data = path.read_bytes()
                if path.name.endswith(".parquet") and "blogs" in str(path):
                    data = data[:8] + bytes([data[8] ^ 1]) + data[9:]  # one bit flipped
                zf.writestr(f"r/{path.relative_to(folder).as_posix()}", data)
    with pytest.raises(InputError, match="blogs.parquet/.*SHA256SUMS"):
        load("blogs", path=archive)
    assert len(load("entries", path=archive)) > 0


def test_verify_names_a_zip_bomb_without_unpacking_it(tmp_path, monkeypatch):
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("r/SHA256SUMS", "")
        zf.writestr("r/entries.parquet", b"\0" * 2_000_000)
    monkeypatch.setattr(release, "MAX_EXPANDED_BYTES", 1_000_000)
    monkeypatch.setattr(zipfile.ZipFile, "read", lambda *a: pytest.fail("unpacked"))
    problems = release.verify(archive)
    assert len(problems) == 1 and "r/entries.parquet expands" in problems[0]
    assert problems[0].endswith("to 2,000,000: a zip bomb, not unpacked")
    with pytest.raises(InputError, match="a zip bomb"):
        load("entries", path=archive)


def test_verify_gives_one_line_for_a_garbage_part(folder):
    part = table_files(folder / "figures.parquet")[0]
    part.write_bytes(b"PAR1 garbage PAR1")
    listed = release.ReleaseFiles(folder).checksums()
    name = part.relative_to(folder).as_posix()
    listed[name] = hashlib.sha256(part.read_bytes()).hexdigest()
    (folder / CHECKSUMS_NAME).write_text(checksum_lines(listed))
    assert release.verify(folder) == [f"{name}: not a readable Parquet file (ArrowInvalid)"]


def test_validate_rejects_an_infinite_value(folder, capsys):
    def infinite(table):
        value = table.column("value").to_pylist()
        value[0] = float("inf")
        return table.set_column(table.schema.get_field_index("value"), table.schema.field("value"),
                                pa.array(value, table.schema.field("value").type))
    rewrite(folder, "figures", infinite)
    report = validate(read_tables(folder, TABLES))
    failures = [c.describe() for c in report.failures]
    assert len(failures) == 1
    assert failures[0].startswith("figures.value: values_are_finite failed for 1 row(s), e.g. ")
    assert failures[0].endswith(": inf")
    assert main(["validate", "--processed", str(folder)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("invalid: figures.value: values_are_finite") and err.count("\n") == 1


def test_validate_reports_a_column_of_the_wrong_type_in_one_line(folder, capsys):
    def as_text(table):
        i = table.schema.get_field_index("published_at")
        return table.set_column(i, pa.field("published_at", pa.string()),
                                pc.cast(table.column(i), pa.string()))
    rewrite(folder, "entries", as_text)
    assert main(["validate", "--processed", str(folder)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("invalid: entries: arrow_schema_matches_declaration failed for 1 row(s), "
                          "e.g. published_at is string, declared timestamp")
