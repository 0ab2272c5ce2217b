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
