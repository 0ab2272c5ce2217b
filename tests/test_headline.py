"""The README's headline list is rewritten from the tables, and only that list."""
import pytest

from corpus.headline import rewrite_readme

README = """# Title

## Headline numbers

Quoted from the tables.

- blogs: 6
- entries: 93

More text after the list.

## Next
- not: touched
"""


def test_only_the_headline_list_is_replaced():
    out = rewrite_readme(README, ["blogs: 1", "entries: 12", "figures: 22"])
    assert "- blogs: 1\n- entries: 12\n- figures: 22\n\nMore text after the list." in out
    assert "- blogs: 6" not in out and "- not: touched" in out
    assert out.startswith("# Title\n\n## Headline numbers\n\nQuoted from the tables.\n\n")


def test_a_readme_without_the_section_is_refused():
    with pytest.raises(ValueError, match="no '## Headline numbers' section"):
        rewrite_readme("# Title\n", ["blogs: 1"])


def figure(figure_id, field, value, category, converts=None):
    return {"figure_id": figure_id, "entry_id": figure_id[:1], "field": field, "value": value,
            "category": category, "converts_figure_id": converts}


def test_reports_counts_a_headline_repeat_and_a_conversion_once():
    import pandas as pd

    from corpus import reports

    figures = pd.DataFrame([
        figure("a1", "headline", 32.0, "killed"),  # the body says it again: one report
        figure("a2", "body", 32.0, "killed"),
        figure("a3", "body", 900.0, "distance"),
        figure("a4", "body", 550.0, "distance", converts="a3"),  # "(550 miles)"
        figure("a5", "headline", 2.0, "other"),  # only in the headline: its own report
        figure("b1", "headline", 32.0, "killed"),  # another entry: its own report
        figure("b2", "body", 32.0, "injured"),  # another category: its own report
    ])
    assert list(reports(figures)["figure_id"]) == ["a2", "a3", "a5", "b1", "b2"]
    assert list(reports(figures.iloc[:0])["figure_id"]) == []


def test_the_sql_filter_is_the_same_rule(small_built):
    """REPORTS_SQL (for DuckDB and other SQL engines; run here on sqlite) keeps the same rows."""
    import sqlite3

    from conftest import PROCESSED_DIR
    from corpus import load, reports
    from corpus.dataset.reports import REPORTS_SQL

    for folder in (PROCESSED_DIR, small_built):
        figures = load("figures", path=folder)
        with sqlite3.connect(":memory:") as db:
            figures[["figure_id", "entry_id", "field", "value", "category",
                     "converts_figure_id"]].to_sql("figures", db)
            rows = db.execute(f"SELECT figure_id FROM figures f WHERE {REPORTS_SQL} "
                              "ORDER BY figure_id").fetchall()
        assert [r for (r,) in rows] == sorted(reports(figures)["figure_id"])
        assert len(rows) < len(figures)  # a conversion or a headline repeat in each corpus


def test_the_readme_counts_reports_with_the_one_filter_and_its_headline_prose_names_no_corpus():
    from conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "{REPORTS_SQL}" in readme and "corpus.reports(" in readme
    section = readme[readme.index("## Headline numbers"):]
    section = section[:section.index("\n## ", 5)]
    prose = "\n".join(line for line in section.splitlines() if not line.startswith("- "))
    assert "seed" not in prose  # generated numbers never sit beside a claim about the corpus
