"""Typing capitalised runs by their own words and neighbours (extract/name_types.py,
extract/name_evidence.py, the connectors of extract/candidates.py). Every sentence is invented."""
import pytest

from conftest import found
from corpus.extract.initialisms import camel_case
from corpus.extract.name_evidence import in_place_list


@pytest.mark.parametrize("text, name", [
    # a lead word joined to the rest of the name by "on", "for a", "for the", and a second "of"
    ("The Council on Arctic Water Security met on Monday.", "Council on Arctic Water Security"),
    ("The opposition Movement for a Better Varnia accused the mayor.",
     "Movement for a Better Varnia"),
    ("A spokesman for the Joint Centre for the Return of Prisoners spoke.",
     "Joint Centre for the Return of Prisoners"),
    # a plural noun, "for" and a name: a campaign, never a place or a person
    ("Citizens for Fair Roads, a campaign group, said the plan was unlawful.",
     "Citizens for Fair Roads"),
    ("Voters for a Cleaner Coast paid for the adverts.", "Voters for a Cleaner Coast"),
    # a kind of company before the name, lower-case or opening the sentence
    ("Trains stopped near the border, operator TarnRail said.", "TarnRail"),
    ("The state water company Orvo-Vodna said levels were falling.", "Orvo-Vodna"),
    ("Utility GridVolt said it had cut power to 9,000 homes.", "GridVolt"),
    # "told the X": the article says no person is meant
    ("A hospital spokesman told the Marlow Courier that wards were full.", "Marlow Courier"),
])
def test_organisations_by_their_form_and_the_words_before_them(text, name):
    assert (name, "ORG") in found(text)


def test_a_second_of_does_not_swallow_another_body():
    names = found("Ana Lusk of the Centre for Flood Research of the Department of Water said so.")
    assert ("Centre for Flood Research", "ORG") in names
    assert ("Department of Water", "ORG") in names


def test_names_in_a_list_closed_by_a_plural_place_noun_are_places():
    assert found("Fires burned in Marlow, Quenby and Orrin counties.")[1:] == [
        ("Quenby", "PLACE"), ("Orrin", "PLACE")]
    assert found("Water rose where the Elbe, Mulde and Saale rivers meet.") == [
        ("Elbe", "PLACE"), ("Mulde", "PLACE"), ("Saale", "PLACE")]
    words = "Roads in Quenby and Orrin districts".split()
    assert in_place_list(words, 2, 3) and in_place_list(words, 4, 5)
    assert not in_place_list("Quenby and Orrin said".split(), 0, 1)  # no place noun closes it


def test_along_the_name_is_a_place():
    assert ("Vessa", "PLACE") in found("Barriers were raised along the Vessa overnight.")


def test_a_role_before_a_place_named_run_keeps_its_head_word():
    assert ("Marlow County", "PLACE") in found("A former Marlow County commissioner was charged.")


def test_a_person_named_like_a_place_after_a_title_or_before_said():
    assert ("Maarten van Breda", "PERSON") in found(
        "The farm commissioner Maarten van Breda said aid would come.")


def test_camel_case_brands_and_name_prefixes():
    assert camel_case("AlmaRail") and camel_case("GridVolt")
    assert not camel_case("Delmonte")
    assert not camel_case("McKenzie") and not camel_case("DeSantis") and not camel_case("AlHassan")


def test_a_demonym_before_a_word_for_a_state_is_the_country():
    assert ("Dominican Republic", "PLACE") in found("Storms hit the Dominican Republic.")


def test_a_saint_opens_a_place_and_owns_what_follows_it():
    assert ("St Orvel", "PLACE") in found("Roads near St Orvel were closed.")
    assert ("St Maren's Hospital", "PLACE") in found("St Maren's Hospital was evacuated.")


def test_an_initialism_before_a_kind_of_body_is_an_organisation():
    assert ("VKB", "ORG") in found("Estan's VKB security service said it had detained an official.")
    assert found("The GST rate rose to 9%.") == []  # no kind of body after it


def test_a_hyphenated_given_name_after_a_title_is_one_person():
    assert found("Mayor Jean-Luc Fabrin said the bridge was closed.") == [
        ("Jean-Luc Fabrin", "PERSON")]


def test_a_seat_of_government_speaking_for_it_is_an_organisation():
    assert found("Downing Street said the talks would go on.") == [("Downing Street", "ORG")]
    assert found("A spokesman for the Elysee said so.") == [("Elysee", "ORG")]


@pytest.mark.parametrize("text, name", [
    # head words of a general class of body: observatories, initiatives, aid groups, militias,
    # companies of a trade
    ("The Kestrel Initiative published the figures.", "Kestrel Initiative"),
    ("Airwatch Observatory recorded the strikes.", "Airwatch Observatory"),
    ("The Velmark Observatory for Human Rights said 12 died.",
     "Velmark Observatory for Human Rights"),
    ("Coastal Relief delivered 300 tonnes of food.", "Coastal Relief"),
    ("Shelter Aid said 2,000 families needed tents.", "Shelter Aid"),
    ("Kestral Project volunteers searched the river.", "Kestral Project"),
    ("The Marsh Militia claimed the attack.", "Marsh Militia"),
    ("Orvo Shipping said two vessels were hit.", "Orvo Shipping"),
    ("Norrel Telecom said the network was down.", "Norrel Telecom"),
    ("Kessa Insurance said claims had doubled.", "Kessa Insurance"),
])
def test_organisations_by_a_head_word_of_their_class(text, name):
    assert (name, "ORG") in found(text)


@pytest.mark.parametrize("text, name", [
    # a party's or body's member or voice after one unknown word
    ("Tessa Marr, a Kaldor MP, said the bill failed.", "Kaldor"),
    ("Tessa Marr, a Kaldor lawmaker, said the bill failed.", "Kaldor"),
    ("A Brimwell spokesperson said the flights were cancelled.", "Brimwell"),
    ("A Tarsk spokeswoman declined to comment.", "Tarsk"),
    ("The toll, Kaldera news agency said, was rising.", "Kaldera"),
    # a company's organ after its possessive, at a sentence's start too
    ("Ostrel's chief executive said prices would rise.", "Ostrel"),
    ("Shares fell after Ostrel's board met.", "Ostrel"),
    # an outlet after "reported by", a body after "members of"
    ("The deal was reported by Nordpost.", "Nordpost"),
    ("Members of Verdana marched in the capital.", "Verdana"),
    # a plural after "the" is a party or a team, even before a speech verb
    ("On Monday the Greens said they would vote against.", "Greens"),
    # head words of outlets and of bodies: wires, couriers, school districts, general staffs
    ("The Harbour Wire reported the closure.", "Harbour Wire"),
    ("Norvale Public Schools closed for the day.", "Norvale Public Schools"),
])
def test_one_word_organisations_by_the_role_around_them(text, name):
    assert (name, "ORG") in found(text)


@pytest.mark.parametrize("text, name, kind", [
    ("Tessa Marr, a Berlin MP, said the bill failed.", "Berlin", "PLACE"),
    ("A Brimwell spokesperson, Anna Kell, said so.", "Anna Kell", "PERSON"),
    ("It was reported by Anna Kell on Monday.", "Anna Kell", "PERSON"),
])
def test_a_place_or_a_person_keeps_its_type_beside_a_role(text, name, kind):
    assert (name, kind) in found(text)


def test_a_person_is_not_typed_by_the_organ_of_a_company():
    assert ("Bristol", "ORG") not in found("Tessa Marr, a Bristol MP, said the bill failed.")
    assert ("Anna", "ORG") not in found("Later Anna's chief executive role ended.")
    assert ("General Staff", "ORG") in found("The General Staff said the line held.")
    assert not any(n == "Staff" for n, _ in found("Staff said the ward was full."))


@pytest.mark.parametrize("text, name", [
    # trade head words of companies
    ("Velmark Electric said power was restored.", "Velmark Electric"),
    ("Orvo Rail said trains would run.", "Orvo Rail"),
    ("Tarn Gas said supplies were safe.", "Tarn Gas"),
    ("Kessa Pharmaceuticals said the drug was safe.", "Kessa Pharmaceuticals"),
    ("Kessa Systems said the outage was over.", "Kessa Systems"),
    # a kind of body before the name
    ("The charity Zentra said 12 families were fed.", "Zentra"),
    ("The watchdog Zentra said the figures were wrong.", "Zentra"),
    ("The regulator Zentra said rates would rise.", "Zentra"),
    ("The union Zentra said its members would strike.", "Zentra"),
    # a kind of body after one word: "the Vanguard party", "the Zentra group"
    ("The far-right Vanguard party gained seats.", "Vanguard"),
    # an apposition whose head is a kind of body, at a sentence's start too
    ("Zentra, a rights group, said 12 were killed.", "Zentra"),
    ("Tarnco, the state energy firm, said the plant was safe.", "Tarnco"),
    ("Zentra, a Tessal-based charity, said 12 were fed.", "Zentra"),
    # a company's staff before "at X"
    ("Engineers at Tarnco said the plant was safe.", "Tarnco"),
    # initialisms before a member or a kind of body, after "supporters of the"
    ("Tessa Marr, the KDP leader, said the vote was rigged.", "KDP"),
    ("An MDC lawmaker was arrested.", "MDC"),
    ("VDP candidates won 40 seats.", "VDP"),
    ("Supporters of the KRF gathered outside.", "KRF"),
    ("Fighters from the SNA took the town.", "SNA"),
])
def test_organisations_by_a_kind_of_body_or_a_member_beside_them(text, name):
    assert (name, "ORG") in found(text)


def test_an_apposition_whose_body_is_not_its_head_types_nothing():
    assert found("Separately, an employee of the health ministry was infected.") == []
    assert ("Anna", "ORG") not in found("Anna, a rights group founder, spoke.")
