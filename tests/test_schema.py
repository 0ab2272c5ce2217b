"""The schema declaration itself: every declared column is produced, nothing undeclared is."""
from datetime import date

from corpus.collect.raw import RawDocument
from corpus.parse.text import parse
from corpus.schema import TABLES
from corpus.tables import blog_rows


def test_rows_carry_exactly_the_declared_columns(seed_text):
    doc = RawDocument("seed.txt", seed_text, "0" * 64, "trt-text", "TRT World", None, "en")
    blog, entries = blog_rows(doc, parse(doc.path, doc.text))
    assert list(blog) == TABLES["blogs"].column_names
    assert all(list(e) == TABLES["entries"].column_names for e in entries)
    assert blog["blog_date"] == date(2024, 1, 4)


def test_every_column_is_described_and_keys_exist():
    for table in TABLES.values():
        names = table.column_names
        assert len(names) == len(set(names))
        assert all(c.description.endswith(".") for c in table.columns)
        assert set(table.primary_key) <= set(names)
        for fk in table.foreign_keys:
            assert fk.column in names
            assert fk.references in TABLES[fk.table].column_names
