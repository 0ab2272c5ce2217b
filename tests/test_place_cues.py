"""Round 6 cues for places and chambers (extract/single_word.py, extract/reference.py): a name
after a preposition of place and "the" is a region, river or range; a legislature's chamber
after "the" is a body; a country GeoNames lists with its article is found without it; a head
word alone is no place. Sentences and unknown names are invented; countries are real."""

import pytest

from conftest import found


@pytest.mark.parametrize(
    "text, name",
    [
        ("Fires burned across the Orvane on Sunday.", "Orvane"),
        ("Smoke hung above the Vessa all day.", "Vessa"),
        ("Drivers in the Tarnlands, Kelby and the Orvo Wolds have no bus.", "Tarnlands"),
        ("Crops burned in the Orvo and Tarn municipalities.", "Orvo"),
        ("Savers in the Netherlands had deposits there.", "Netherlands"),
    ],
)
def test_places_by_a_preposition_and_the(text, name):
    assert (name, "PLACE") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Seven families in the Orvane community were rehoused.",  # a modifier of a noun
        "Staff in the Orvane said they were tired.",  # it speaks: no place
    ],
)
def test_no_place_where_the_name_modifies_or_speaks(text):
    assert ("Orvane", "PLACE") not in found(text)


@pytest.mark.parametrize(
    "text, name",
    [
        ("The bill now goes to the House on Monday.", "House"),
        ("She will speak in the Commons at noon.", "Commons"),
        ("She will deliver it to the House of Commons at noon.", "House of Commons"),
    ],
)
def test_chambers(text, name):
    assert (name, "ORG") in found(text)


def test_a_head_word_alone_is_no_place():
    assert found("Bank shares slide in Europe") == [("Europe", "PLACE")]


@pytest.mark.parametrize("text, name", [
    ("Frankfurt prosecutors said they had searched the offices.", "Frankfurt"),  # "am Main"
    ("Police searched offices on the Mainzer Tarvstraße on Monday.", "Mainzer Tarvstraße"),
])
def test_towns_and_streets(text, name):
    assert (name, "PLACE") in found(text)


@pytest.mark.parametrize("text, name", [
    ("The Economic Union of Varnian States said its envoy would travel.",
     "Economic Union of Varnian States"),
    ("The Deposit Scheme of Orvish Private Banks said it would pay.",
     "Deposit Scheme of Orvish Private Banks"),
])
def test_two_words_after_the_and_before_of_open_a_body(text, name):
    assert (name, "ORG") in found(text)


def test_a_title_before_of_opens_no_body():
    assert ("Prime Minister of Varnia", "ORG") not in found(
        "The Prime Minister of Varnia said the talks would resume.")
