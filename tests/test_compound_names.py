"""Round 6: runs holding a listed place and more, or a lower-case particle, are one name
(extract/compound_names.py; the blog's longer name over a town's in extract/blog_memory.py).
Sentences, people and bodies are invented; the towns inside them are real GeoNames ones
("Caldas", "Chelsea", "Keller", "Praia")."""

import pytest

from conftest import found
from corpus.extract import entity_rows


@pytest.mark.parametrize(
    "text, name, kind",
    [
        ("Residents of Caldas de Orvane were told to leave.", "Caldas de Orvane", "PLACE"),
        ("Hotels in Praia da Tarvo were emptied.", "Praia da Tarvo", "PLACE"),
        ("The fire in the Serra de Orvane flared up.", "Serra de Orvane", "PLACE"),
        ("Villages near São Tarvo da Serra were cut off.", "São Tarvo da Serra", "PLACE"),
        ('"We lost the house," Maria do Tarvo Neves, 71, said.', "Maria do Tarvo Neves", "PERSON"),
        (
            "Labour backbencher Chelsea Orrin said she would vote against.",
            "Chelsea Orrin",
            "PERSON",
        ),
        ("The auditing firm Keller Vant signed the accounts.", "Keller Vant", "ORG"),
    ],
)
def test_one_name_over_a_listed_place(text, name, kind):
    assert (name, kind) in found(text)


def test_a_head_word_still_decides():
    assert ("Delta Air Lines", "ORG") in found("A former Delta Air Lines executive spoke.")


def test_the_blog_s_longer_name_replaces_a_town_inside_it():
    entries = [
        {
            "entry_id": "e0",
            "headline": None,
            "body": "The auditing firm Keller Vant signed the accounts.",
        },
        {
            "entry_id": "e1",
            "headline": None,
            "body": "Regulators met on Monday. Keller Vant, which audited the bank, faces claims.",
        },
    ]
    rows = [(r["entry_id"], r["text"], r["type"]) for r in entity_rows(entries)]
    assert ("e1", "Keller Vant", "ORG") in rows and ("e1", "Keller", "PLACE") not in rows
