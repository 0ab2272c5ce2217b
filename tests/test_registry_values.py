"""Registry values are refused unless real and plain: dates real and plausible, addresses
http(s), text fields free of spreadsheet formulas and control characters; by the registry's
reader (naming the line) and by `corpus add` (naming the option, nothing written)."""
import pytest
from tests.conftest import text_blog

from corpus.cli import main
from corpus.collect.raw_registry import REGISTRY_FIELDS, REGISTRY_NAME, read_registry
from corpus.errors import InputError

HEADER = ",".join(REGISTRY_FIELDS)
SHA = "a" * 64
GOOD = {"outlet": "Example Herald", "url": "https://example.org/a", "retrieved_date": "2026-01-01",
        "rights": "test"}
BAD = [
    ("retrieved_date", "1800-01-01", "lies outside 1990 to today"),
    ("retrieved_date", "9999-01-01", "lies outside 1990 to today"),
    ("retrieved_date", "2024-02-30", "is not a real date"),
    ("retrieved_date", "4 Jan 2024", "is not a date written YYYY-MM-DD"),
    ("url", "javascript:alert(1)", "is not an http(s) address"),
    ("url", "file:///etc/passwd", "is not an http(s) address"),
    ("outlet", "=HYPERLINK(\"https://evil.example\")", "starts with '='"),
    ("outlet", "+1 News", "starts with '+'"),
    ("outlet", "-2 News", "starts with '-'"),
    ("outlet", "@home", "starts with '@'"),
    ("rights", "free\u202eevil", "holds the control character U+202E"),
]


def registry_row(**changed) -> str:
    fields = {**GOOD, **changed}
    quoted = {k: '"' + v.replace('"', '""') + '"' for k, v in fields.items()}
    return (f"a.txt,{SHA},trt-text,{quoted['outlet']},{quoted['url']},en,"
            f"{quoted['retrieved_date']},{quoted['rights']}")


def test_good_values_are_read(tmp_path):
    (tmp_path / REGISTRY_NAME).write_text(f"{HEADER}\n{registry_row()}\n")
    [entry] = read_registry(tmp_path)
    assert (entry.outlet, entry.url, entry.retrieved_date) == (
        "Example Herald", "https://example.org/a", "2026-01-01")


@pytest.mark.parametrize("field, value, words", BAD)
def test_the_registry_refuses_a_bad_value_naming_its_line(tmp_path, field, value, words):
    (tmp_path / REGISTRY_NAME).write_text(f"{HEADER}\n{registry_row()}\n"
                                              .replace("a.txt", "b.txt")
                                              + registry_row(**{field: value}) + "\n")
    with pytest.raises(InputError) as caught:
        read_registry(tmp_path)
    assert caught.value.line == 3
    assert caught.value.message.startswith(f"{field} {value!r} {words}")


OPTION = {"retrieved_date": "--retrieved", "url": "--url", "outlet": "--outlet",
          "rights": "--rights"}


@pytest.mark.parametrize("field, value, words", BAD)
def test_corpus_add_refuses_a_bad_value_naming_the_option(tmp_path, capsys, field, value, words):
    raw_dir = tmp_path / "raw"
    raw_dir.mkdir()
    page = tmp_path / "page.txt"
    page.write_text(text_blog("Harbour night", "Crews at work.", "Monday, March 4, 2024",
                              [("2140 GMT", None, ["The harbour reopened at dawn."])]))
    assert main(["add", str(page), "--raw", str(raw_dir), f"{OPTION[field]}={value}", "--text-redistributable", "no"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {OPTION[field]}: ") and words in err and err.count("\n") == 1
    assert list(raw_dir.iterdir()) == []
