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


@pytest.mark.parametrize("text, expected", [
    # the head noun after modifiers joined by "and"
    ("The union will ballot some 4,000 mill and dock workers.", [("some 4,000", "people")]),
    # compounds of agent nouns, savers, jobs: people
    ("About 3,100 holidaymakers and 800 bondholders were stranded.",
     [("About 3,100", "people"), ("800", "people")]),
    ("The closure puts up to 700 jobs at risk and hits 5,000 savers.",
     [("up to 700", "people"), ("5,000", "people")]),
    # verbs: a base form of releasing, an army's word for killing, treated for, held over
    ("The rebels offered to release 12 soldiers.", [("12", "prisoners")]),
    ('The ministry said it had "neutralised" 30 attackers.', [("30", "killed")]),
    ("Clinics said 41 people were treated for burns.", [("41", "injured")]),
    ("Three held over warehouse fire", [("Three", "arrested")]),
    # part of the count before it takes its kind
    ("At least 14 people, including six children, were killed in the blast.",
     [("At least 14", "killed"), ("six", "killed")]),
    ("Medics said 20 people were treated for smoke inhalation, two of them nurses.",
     [("20", "injured"), ("two", "injured")]),
    ("Police freed 40 people, including 12 children.", [("40", "prisoners"), ("12", "prisoners")]),
    ("The town has 40 schools, including 12 primaries.", [("40", "other"), ("12", "other")]),
    # a total written after its new value
    ("Police detained two more men, bringing to 11 the number of arrests.",
     [("two", "arrested"), ("11", "arrested")]),
    ("The storm hit, taking to 30 the death toll on the island.", [("30", "killed")]),
])
def test_categories_round_six(text, expected):
    assert [(f.text, f.category) for f in extract(text)] == expected


@pytest.mark.parametrize("text, category", [
    # vehicles and aircraft: weapons only in an armed side's hands
    ("Soldiers seized 9 pick-up trucks at the border.", "weapons"),
    ("The air force struck 6 rebel vehicles near the bridge.", "weapons"),
    ("Militants shot down 2 helicopters over the valley.", "weapons"),
    ("The agency deployed 14 aircraft against the blaze.", "other"),
    ("About 300 vehicles and 2 water bombers joined the firefighters.", "other"),
    ("The haulier said 22 lorries were stranded at the border.", "other"),
])
def test_vehicles_are_weapons_only_in_armed_hands(text, category):
    assert extract(text)[0].category == category
