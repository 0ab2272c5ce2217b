"""Round 6: places in a list share a type (extract/name_lists.py); an apposition whose head is a
kind of body may hold a possessive and an ordinal (extract/name_evidence.org_apposition); a
surname's prefix keeps a name's case ("McOrrin"). Sentences and names are invented; the towns
that anchor a list are real ("Caldas", as part of an invented compound)."""

import pytest

from conftest import found
from corpus.extract.lexicons import name_cased


def test_unknown_names_in_a_list_of_places_are_places():
    names = found("Orders cover Caldas de Orvane, Tarnel, Vessilo and Marmorel.")
    assert [n for n, kind in names if kind == "PLACE"] == [
        "Caldas de Orvane",
        "Tarnel",
        "Vessilo",
        "Marmorel",
    ]


def test_a_list_after_a_colon_or_bullet():
    names = found("Evacuated:\n\n• Orvane: Caldas de Orvane, Tarnel, Vessilo")
    assert ("Tarnel", "PLACE") in names and ("Vessilo", "PLACE") in names


@pytest.mark.parametrize(
    "text",
    [
        "Henderson, Wilkes, Tarnel; Sterling, Orrin.",  # a town's name alone anchors no list
        "Officials met in Caldas de Orvane, Tarnel said.",  # two items and a comma: no list
        "Caldas de Orvane, Tarnel and Vessilo officials met.",  # a list before a noun
    ],
)
def test_no_list_of_places(text):
    assert ("Tarnel", "PLACE") not in found(text)


def test_an_apposition_with_a_possessive_names_a_body():
    assert ("Orvunite", "ORG") in found(
        "It was a start. Orvunite, the country's second-largest union, said it would strike."
    )


@pytest.mark.parametrize(
    "word, cased",
    [
        ("McOrrin", True),
        ("MacTavel", True),
        ("O'Varra", True),
        ("Orrin", True),
        ("TransLink", False),
        ("NATO", False),
        ("McX", False),
    ],
)
def test_name_cased(word, cased):
    assert name_cased(word) is cased


def test_a_prefixed_surname_is_part_of_the_name():
    assert ("Ewen McOrrin", "PERSON") in found(
        "Kelby's finance secretary, Ewen McOrrin, said the grant was short."
    )
