"""Round 6: an all-capital or mixed-case word as a body's name (extract/name_evidence.py):
members or staff after it, its data showing something, a verb in the past opening a sentence
with it, commas setting it off after a kind of body; a capital inside a word ("BaFex", "OrvD",
"UKTravel") names a brand or a body, not a plural ("MPs"), a degree ("PhD") or a link's path.
Every name is invented."""

import pytest

from conftest import found
from corpus.extract.initialisms import camel_case


@pytest.mark.parametrize(
    "text, name",
    [
        ("He said 2,000 KGR officers would patrol the coast.", "KGR"),
        ("The cost of insuring it tripled, LSX data showed.", "LSX"),
        ("The army denied it. KRFM accused the military of lying.", "KRFM"),
        ("The Orvish markets authority, AFX, said 9,000 savers were hit.", "AFX"),
        ("The opposition asked why BaFex had not acted sooner.", "BaFex"),
        ("The OrvD called for his resignation.", "OrvD"),
        ("UKTravel echoed the warning.", "UKTravel"),
    ],
)
def test_bodies_by_their_capitals_and_cues(text, name):
    assert (name, "ORG") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The GST rate rose to 9%.",
        "Two MPs and three PhD students signed it.",
        "Photos: pic.twitter.com/KsWaQtNlN were shared.",
    ],
)
def test_no_body_without_evidence(text):
    assert [n for n, kind in found(text) if kind == "ORG"] == []


@pytest.mark.parametrize(
    "word, camel",
    [
        ("BaFex", True),
        ("OrvD", True),
        ("UKTravel", True),
        ("TransLink", True),
        ("MPs", False),
        ("PhD", False),
        ("McOrrin", False),
        ("DeVane", False),
        ("NATO", False),
    ],
)
def test_camel_case(word, camel):
    assert camel_case(word) is camel


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "It rose, according to the Orvish Fire Information System (OFIS).",
            "Orvish Fire Information System",
        ),  # a name defined by its initials, a place head inside
        (
            "The Orvish Institute for Sea and Air (OISA) issued a red alert.",
            "Orvish Institute for Sea and Air",
        ),  # a body's head before "for" opens its name
        ("Bombers flew in under the EU Civil Shelter Mechanism.", "EU Civil Shelter Mechanism"),
        ("Tarvo Sparbank agreed to buy the branches.", "Tarvo Sparbank"),  # a head in a compound
        ("Borussia Velmark said the stadium would be renamed.", "Borussia Velmark"),  # a club word
    ],
)
def test_bodies_by_their_own_words(text, name):
    assert (name, "ORG") in found(text)


def test_an_apposition_after_a_town_is_no_list():
    assert ("Kwame Orrin-Asante", "PLACE") not in found(
        "Its representative in Nouakchott, Kwame Orrin-Asante, said the supply had fallen."
    )


def test_a_title_s_possessive_owns_no_name():
    assert ("Questions", "PERSON") not in found("They met after Prime Minister's Questions.")


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "The Directorate-General of Water urged people to stay indoors.",
            "Directorate-General of Water",
        ),  # a body's head before a hyphen: no title after it
        ("Reform Chile's deputy leader, Ana Rees, said taxes would fall.", "Reform Chile"),
        ("Labour backbencher Ana Rees said she would vote against.", "Labour"),
    ],
)
def test_bodies_named_around_a_hyphen_a_country_or_a_role(text, name):
    assert (name, "ORG") in found(text)


def test_a_verb_before_a_country_s_possessive_makes_no_body():
    assert ("Ireland", "PLACE") in found(
        "He added: “Putting Ireland’s whole industry on hold hurts."
    )
