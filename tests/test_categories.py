"""Categories of figures (extract/categories.py): what a number counts. Sentences invented."""
import pytest

from corpus.extract.figures import extract


@pytest.mark.parametrize("text, category, subject", [
    # a parenthesis between the counted noun and its verb
    ("Two men, aged 34 and 41, were detained, police said.", "arrested", "men"),
    ("Three hikers, all from Orvel, are still missing.", "missing", "hikers"),
    # the noun after "more", "additional", "further"
    ("The army needs at least 12 more air defence systems.", "weapons", "air defence systems"),
    ("The city sent 300 additional police officers.", "people", "police"),
    # a search for people: those looked for are missing
    ("Rescuers are still looking for four people.", "missing", "people"),
    ("Divers were searching for two fishermen off the coast.", "missing", "fishermen"),
])
def test_category_and_subject(text, category, subject):
    [f] = extract(text)
    assert (f.category, f.subject) == (category, subject)


def test_a_search_for_things_is_no_missing_count():
    assert [f.category for f in extract("The council is looking for 20 buses.")] == ["other"]
    assert [f.category for f in extract("Sales were 12 more than last year.")] == ["other"]
