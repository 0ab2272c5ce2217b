"""Round 6: a speech verb is no evidence of a person (extract/person_evidence.py). A run of
capitalised words is a body where "the" opens it and it acts, where a noun for a kind of body
stands before it, where an officer's "of" names it, or where its first word is a plural; a
person where an occupation stands before it or an age after it. Every sentence, person and body
is invented."""

import pytest

from conftest import found
from corpus.extract.name_context import Context
from corpus.extract.person_evidence import org_cue, person_cue, plural_word


@pytest.mark.parametrize(
    "text, name",
    [
        ("The Hallam Retail Forum said shop rents had doubled.", "Hallam Retail Forum"),
        ("The utility Orvessa Power said 9,000 homes were without power.", "Orvessa Power"),
        ("The group, Velden Aktion, said it would appeal.", "Velden Aktion"),
        ('"Margins are thin," said Ana Rees, chief executive of Tarvo Freight.', "Tarvo Freight"),
        ("Motorists Voice said the rise came too late.", "Motorists Voice"),
        ("The Exchequer said the cut would cost £2bn.", "Exchequer"),
        ("The farmers' association Brevano said crops had burned.", "Brevano"),
    ],
)
def test_a_body_that_speaks_is_no_person(text, name):
    assert (name, "ORG") in found(text)
    assert (name, "PERSON") not in found(text)


@pytest.mark.parametrize(
    "text, name",
    [
        ('"We run on margins," said Will Orrin, a haulier.', "Will Orrin"),  # a stop word's capital
        ("Ana Rees said the queue had gone.", "Ana Rees"),
        ('"Nobody tells us," said Ilse Varga, 78.', "Ilse Varga"),
    ],
)
def test_a_person_who_speaks_is_still_a_person(text, name):
    assert (name, "PERSON") in found(text)


def test_will_opening_a_sentence_is_no_given_name():
    assert not any(name.startswith("Will") for name, _ in found("Will Orrin Freight survive?"))


@pytest.mark.parametrize(
    "sentence, start, end, org, person",
    [
        ("the utility Orvessa Power said", 2, 4, True, False),
        ("shopkeeper Ilse Varga said", 1, 3, False, True),
        ("Ilse Varga , 78 , said", 0, 2, False, True),
        ("the Orvessa Power plant", 1, 3, False, False),  # "the" before a name that does not act
        ("Anders Velt , a former envoy", 0, 2, False, False),  # "Anders": a given name, no plural
    ],
)
def test_cues_around_a_run(sentence, start, end, org, person):
    ctx = Context(sentence.split())
    assert org_cue(ctx, start, end) is org
    assert person_cue(ctx, start, end) is person


@pytest.mark.parametrize(
    "word, plural",
    [
        ("Citizens", True),
        ("Pensioners", False),
        ("Barros", False),
        ("Voss", False),
        ("Anders", False),
        ("Homes", False),
    ],
)
def test_plural_first_words(word, plural):
    assert plural_word(word) is plural


def test_an_article_before_a_demonym_is_no_given_name():
    assert found("Ana Rees shrugged. An Orvanian in a brewery is a rare sight.") == [
        ("Ana Rees", "PERSON")
    ]


def test_a_kind_of_body_opening_a_sentence_keeps_its_of():
    assert ("Federation of Orvo Growers", "ORG") in found(
        "Federation of Orvo Growers members voted to strike."
    )
