"""The registry CSV is read strictly: a malformed row is refused naming its line, never shifted."""
import pytest

from corpus.collect.raw_registry import (
    FETCH_FIELDS,
    REGISTRY_FIELDS,
    REGISTRY_NAME,
    RIGHTS_FIELDS,
    RegistryEntry,
    canonical_url,
    read_registry,
)
from corpus.errors import InputError

HEADER = ",".join(REGISTRY_FIELDS)
SHA = "a" * 64


def row(path="a.txt", url="https://example.org/a", rights="test"):
    return f"{path},{SHA},trt-text,Example Herald,{url},en,2026-01-01,{rights}"


def write_registry(tmp_path, data: bytes):
    (tmp_path / REGISTRY_NAME).write_bytes(data)
    return tmp_path


def test_a_well_formed_registry_is_read(tmp_path):
    quoted = row("b.txt", rights='"quoted, with a comma"')
    text = f"{HEADER}\n{row()}\n{quoted}\n"
    entries = read_registry(write_registry(tmp_path, text.encode()))
    assert [(e.path, e.rights) for e in entries] == [
        ("a.txt", "test"),
        ("b.txt", "quoted, with a comma"),
    ]


@pytest.mark.parametrize(
    "data, line, words",
    [
        (f"{HEADER}\n{row()},extra\n".encode(), 2, "row has 9 fields, the header 8"),
        (
            f"{HEADER}\n{row()}\n{row('b.txt')[:-5]}\n".encode(),
            3,
            "row has 7 fields, the header 8",
        ),
        (
            f'{HEADER}\n{row()}\n{row("b.txt", rights=chr(34) + "open quote")}\n'.encode(),
            3,
            "malformed CSV",
        ),
        (f"{HEADER}\n{row()}\n".encode().replace(b"Herald", b"H\xe9rald"), 2, "not UTF-8 text"),
        (
            f"{HEADER}\n{row()}\n".encode().replace(b"Herald", b"H\x00rald"),
            2,
            "binary file (NUL byte",
        ),
        (b"path,sha256\n", 1, "registry lacks columns"),
        (f"{HEADER},path\n{row()},x\n".encode(), 1, "names a column twice"),
        (f"{HEADER}\n{row()}\n{row()}\n".encode(), 3, "a.txt is registered twice"),
    ],
)
def test_a_malformed_registry_is_refused_naming_the_line(tmp_path, data, line, words):
    with pytest.raises(InputError) as caught:
        read_registry(write_registry(tmp_path, data))
    assert caught.value.line == line and words in caught.value.message
    assert caught.value.path.endswith(REGISTRY_NAME)


def test_canonical_urls_fold_what_does_not_name_another_page():
    same = [
        "https://www.example.org/live/a",
        "http://example.org/live/a/",
        "https://EXAMPLE.org:443/live/a#top",
        "https://example.org/live/a?utm_source=x",
    ]
    assert {canonical_url(u) for u in same} == {"https://example.org/live/a"}
    assert canonical_url("https://example.org/live/a?page=2") != canonical_url(same[0])
    assert canonical_url("https://example.org:bad/x") == "https://example.org:bad/x"


def test_add_keeps_the_columns_a_registry_was_written_with(tmp_path, seed_text, capsys):
    from conftest import write_seed_raw
    from corpus.cli import main

    raw_dir = write_seed_raw(tmp_path / "raw")
    before = (raw_dir / REGISTRY_NAME).read_text().splitlines()[0]
    (tmp_path / "new.txt").write_text(seed_text.replace("Kirby", "Kirkby"), encoding="utf-8")
    assert main(["add", str(tmp_path / "new.txt"), "--raw", str(raw_dir), "--text-redistributable", "no", "--rights", "test"]) == 0
    lines = (raw_dir / REGISTRY_NAME).read_text().splitlines()
    assert lines[0] == before == ",".join(REGISTRY_FIELDS + RIGHTS_FIELDS)
    assert len(lines) == 3 and "added the columns" not in capsys.readouterr().err
    assert [e.path for e in read_registry(raw_dir)] == ["000_6d6ba2881843c3f6.txt", "new.txt"]


def test_add_makes_a_new_corpus_raw_folder_and_names_one_it_cannot_make(tmp_path, seed_text,
                                                                         capsys):
    from corpus.cli import main

    (tmp_path / "a.txt").write_text(seed_text, encoding="utf-8")
    add = ["add", str(tmp_path / "a.txt"), "--text-redistributable", "no", "--rights", "test"]
    assert main([*add, "--raw", str(tmp_path / "new" / "raw")]) == 0
    assert [e.path for e in read_registry(tmp_path / "new" / "raw")] == ["a.txt"]
    assert (tmp_path / "new" / "raw" / "a.txt").read_text(encoding="utf-8") == seed_text
    (tmp_path / "taken").write_text("a file, not a folder")
    capsys.readouterr()
    assert main([*add, "--raw", str(tmp_path / "taken" / "raw")]) == 2
    assert capsys.readouterr().err == (
        f"error: {tmp_path / 'taken' / 'raw'}: cannot make the raw folder: Not a directory\n")


def test_a_registry_gains_the_provenance_columns_once_and_a_new_one_gets_all(tmp_path):
    from corpus.collect.registry_file import registry_columns

    plain = RegistryEntry("a.txt", SHA, "trt-text", "X", "", "en", "2026-01-01", "test")
    fetched = RegistryEntry("b.html", SHA, "html", "X", "", "en", "2026-01-01", "test",
                            final_url="https://example.org/b", http_status="200")
    old = list(REGISTRY_FIELDS)
    assert registry_columns(old, [plain]) == (REGISTRY_FIELDS, ())
    assert registry_columns(old, [plain, fetched]) == (REGISTRY_FIELDS + FETCH_FIELDS,
                                                       FETCH_FIELDS)
    reordered = ["url", *[c for c in REGISTRY_FIELDS if c != "url"]]
    assert registry_columns(reordered, [plain])[0] == tuple(reordered)
    assert registry_columns(None, [plain]) == (
        REGISTRY_FIELDS + FETCH_FIELDS + RIGHTS_FIELDS, ())


def test_add_without_rights_warns_at_once_and_with_rights_says_nothing(tmp_path, seed_text,
                                                                        capsys):
    from conftest import write_seed_raw
    from corpus.cli import main

    raw_dir = write_seed_raw(tmp_path / "raw")
    (tmp_path / "a.txt").write_text(seed_text.replace("Kirby", "Kirkby"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(seed_text.replace("Kirby", "Kerby"), encoding="utf-8")
    assert main(["add", str(tmp_path / "a.txt"), "--raw", str(raw_dir), "--text-redistributable", "no"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("warning: no --rights given: fill in the `rights` cell in ")
    assert "`corpus release` refuses" in err and len(err.splitlines()) == 1
    assert main(["add", str(tmp_path / "b.txt"), "--raw", str(raw_dir), "--text-redistributable", "no", "--rights", "CC0"]) == 0
    assert capsys.readouterr().err == ""
