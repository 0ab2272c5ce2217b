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


@pytest.mark.parametrize("text, number, category", [
    # part of a casualty count: "among the dead were", "..., among them"
    ("Among the dead were two nurses of the Orvo clinic.", "two", "killed"),
    ("The clinic took in 80 wounded, among them 21 children, a doctor said.", "21", "injured"),
    ("Among those freed by the militia were nine women.", "nine", "prisoners"),
    # people handed over or freed in a swap are prisoners
    ("The army handed over 40 rebel fighters.", "40", "prisoners"),
    ("The rebels swapped 12 soldiers for fuel.", "12", "prisoners"),
    ("The militia freed 25 soldiers and civilians.", "25", "prisoners"),
    # a casualty verb after an opening quotation mark
    ('Jets struck a convoy, killing "dozens of gunmen".', "dozens", "killed"),
    # counted nouns for people, and a bare number after one with a unit noun between
    ("The border post saw 500 arrivals a day, compared with 90 in April.", "90", "people"),
    ("About 2,000 households lost power.", "About 2,000", "people"),
    ("Officials told 50,000 to evacuate.", "50,000", "people"),
    ("In all, 45 people had been treated in hospitals.", "45", "injured"),
    # units as counted nouns: a duration after "more", a currency's name, an exchange rate
    ("We want three more years in office.", "three", "duration"),
    ("Takings fell by about 2 billion patacas.", "about 2 billion", "money"),
    ("The currency traded at 1,400 to the dollar.", "1,400", "money"),
    # a possessive between the number and its noun
    ("The operator said 120 of its masts were down.", "120", "other"),
])
def test_categories_round_five(text, number, category):
    assert (number, category) in [(f.text, f.category) for f in extract(text)]


def test_people_lost_contact_with_are_missing():
    assert [f.category for f in extract("The charity lost contact with two of its nurses.")] == [
        "missing"]
