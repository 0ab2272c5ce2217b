"""The word lists beside the extractors (extract/data/words/): each is read by the code, and the
module its first lines name as its reader is the one that reads it."""
import re

from conftest import REPO

EXTRACT = REPO / "src" / "corpus" / "extract"
LISTS = sorted((EXTRACT / "data" / "words").glob("*.txt"))
SOURCES = {path.name: path.read_text(encoding="utf-8") for path in EXTRACT.glob("*.py")}


def readers(stem: str) -> set[str]:
    """The extract modules naming the list `stem` in a string ('words("stem")' or a tuple of
    names that `lexicons` reads)."""
    return {name for name, source in SOURCES.items() if f'"{stem}"' in source}


def test_every_word_list_is_read_by_a_module():
    assert len(LISTS) > 50
    assert [path.name for path in LISTS if not readers(path.stem)] == []


def test_a_word_lists_stated_reader_reads_it():
    stated = {}
    for path in LISTS:
        head = "\n".join(path.read_text(encoding="utf-8").splitlines()[:3])
        if found := re.search(r"read by corpus/extract/(\w+\.py)", head):
            stated[path.name] = found.group(1)
    assert len(stated) > 40
    assert {n: m for n, m in stated.items() if m not in readers(n.removesuffix(".txt"))} == {}
