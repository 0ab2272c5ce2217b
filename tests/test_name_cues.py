"""Round 5 cues for a name's type (extract/name_heads.py, extract/role_evidence.py): parties
named by one word, outlets after a reporter's verb, facilities as venues or bodies, districts
named by a compass word, places shaped like demonyms. Every sentence and person, party, outlet
and unknown place is invented; the GeoNames towns are real ("Meriden", "Dunedin")."""
import pytest

from conftest import found


@pytest.mark.parametrize("text, name", [
    # a party: a member's role after its possessive or, opening a sentence, before a name
    ("In Tarnby, Kaldor's new MP Ana Rees said turnout was high.", "Kaldor"),
    ("Orvist's candidate conceded before midnight.", "Orvist"),
    ("Labour leader Ana Rees conceded before midnight.", "Labour"),
    ("Unity co-leader Ana Rees thanked volunteers.", "Unity"),
    # an outlet after "told" or a poll "for" it
    ("Witnesses told Korvane that fires were still burning.", "Korvane"),
    ("The final poll for Brisket put the two parties level.", "Brisket"),
    # a campaign's name with a lower-case word inside, and one before its kind of body
    ("The lobby group Drivers for a Fair Toll said it had spent heavily.",
     "Drivers for a Fair Toll"),
    ("Marchers from the Hands Off Our Coast movement rallied.", "Hands Off Our Coast"),
    # head words of classes of body, and an airline's lead word
    ("Casualties rose, according to Varnia Rights Monitors.", "Varnia Rights Monitors"),
    ("Analysts at Kestrel Peak Securities cut their forecast.", "Kestrel Peak Securities"),
    ("The port operator Orlo Terminals halted work.", "Orlo Terminals"),
    ("Roads were shut north of the city, Civil Defence said.", "Civil Defence"),
    ("He flew on a chartered Air Kestrel plane.", "Air Kestrel"),
    # a hospital or airport that speaks is the body that runs it
    ("Kelby General Hospital said it had suspended visits.", "Kelby General Hospital"),
    ("Orvo International Airport reported 9,000 passengers stranded.",
     "Orvo International Airport"),
])
def test_organisations_by_round_five_cues(text, name):
    assert (name, "ORG") in found(text)


@pytest.mark.parametrize("text, name", [
    # a small GeoNames town used as an outlet's name
    ("Witnesses told Meriden that the bridge was down.", "Meriden"),
    ("Meriden reported that three people were hurt.", "Meriden"),
])
def test_a_small_town_told_or_reporting_is_an_outlet(text, name):
    assert (name, "ORG") in found(text)


def test_a_country_or_city_that_reports_stays_a_place():
    assert ("Japan", "PLACE") in found("Japan reports 23 new cases of the virus.")
    assert ("Manchester", "PLACE") in found("Officials told Manchester residents to stay inside.")


@pytest.mark.parametrize("text, name", [
    # a known place and a compass word: a district or electorate
    ("The party won Tamworth Central and lost Dunedin North.", "Tamworth Central"),
    ("The party won Tamworth Central and lost Dunedin North.", "Dunedin North"),
    # a body's head word after "at": a venue
    ("Supporters gathered at the Harlow Events Centre in Bristol.", "Harlow Events Centre"),
    # words shaped like a demonym that the sentence places
    ("Aid workers were abducted near Zalkarei in March.", "Zalkarei"),
    ("Streets flooded in Orvan and Kaliwan districts.", "Kaliwan"),
    # unknown runs after a preposition of place, and one word before a known place after one
    ("Families fled fighting around El Qarsha.", "El Qarsha"),
    ("She spoke to supporters at Te Bristol on Monday.", "Te Bristol"),
    # lower-case place nouns after a name
    ("Water was released from the Orvane dam overnight.", "Orvane dam"),
    ("Shells hit the Souq Varnia market on Monday.", "Souq Varnia"),
    ("Soldiers filled sandbags on the city's Kelso island.", "Kelso"),
])
def test_places_by_round_five_cues(text, name):
    assert (name, "PLACE") in found(text)


def test_a_demonym_before_a_noun_or_a_language_stays_no_place():
    assert found("He was held in Pakistani custody.") == []
    assert ("English", "PLACE") not in found("The city, known in English as Kelport, flooded.")
    assert ("Zalkarei", "PLACE") not in found("Zalkarei officials said so.")


def test_a_hyphenated_surname_ending_in_a_place_head_is_a_person():
    assert ("Grace Marrow-Ward", "PERSON") in found("Grace Marrow-Ward was ahead in the count.")


def test_a_venue_head_where_staff_work_stays_a_body():
    assert ("Harlow Policy Centre", "ORG") in found(
        "Analysts at the Harlow Policy Centre said growth would slow.")


def test_a_place_named_possessive_before_an_mp_stays_a_place():
    assert ("Manchester", "PLACE") in found("In the city, Manchester's new MP said so.")


@pytest.mark.parametrize("text, name", [
    # a name listed with known towns, with no noun after the list
    ("The airports of Haiphong, Van Kieu, Tho Lanh and Dong Hoi were shut.", "Van Kieu"),
    ("The airports of Haiphong, Van Kieu, Tho Lanh and Dong Hoi were shut.", "Tho Lanh"),
    ("The party won Rongora and Dunedin North.", "Rongora"),
    ("The party won Rongotari and Dunedin North.", "Rongotari"),  # shaped like a demonym
    # a known town's name and a compass word, the town's name ambiguous alone
    ("The party lost Hamilton East and Hamilton West.", "Hamilton West"),
    # a demonym-shaped name between a preposition and a place noun
    ("Ferries between the port and Orvan on Kaliwan island stopped.", "Kaliwan"),
])
def test_places_by_lists_and_compass_words(text, name):
    assert (name, "PLACE") in found(text)


def test_names_beside_a_town_that_are_no_places():
    assert ("Iraqi", "PLACE") not in found("He met Iraqi and Tamworth officials.")
    assert ("Kaliwan", "PLACE") not in found("Ferries stopped on the Kaliwan island route.")
    assert ("Ana Rees", "PERSON") in found("Mayor Ana Rees and Dunedin officials met.")


@pytest.mark.parametrize("text, name", [
    ("About 40,000 people were fed, WRFP country director Ana Rees said.", "WRFP"),
])
def test_an_initialism_before_a_role_of_its_officers(text, name):
    assert (name, "ORG") in found(text)


@pytest.mark.parametrize("text, name", [
    # landform and estate head words
    ("Crews held the line as the Orvane Ridge fire spread.", "Orvane Ridge"),
    ("Residents of Kelso Creek Ranch were told to leave.", "Kelso Creek Ranch"),
    # after "of" behind a place noun or a bearing, and "residents of"
    ("Sandbags were laid in the village of Dunedin Mare.", "Dunedin Mare"),
    ("The fire is about 30 miles northwest of Kelbury.", "Kelbury"),
    ("He urged residents of Orlaby to leave.", "Orlaby"),
    # a direction word opening an unknown region's name after a preposition
    ("Rain fell overnight in Lower Varnost.", "Lower Varnost"),
])
def test_places_by_landforms_and_of_phrases(text, name):
    assert (name, "PLACE") in found(text)


def test_a_given_name_before_a_landform_head_is_a_person():
    assert ("Tom Ridge", "PERSON") in found("Tom Ridge said the plan would work.")


def test_a_name_set_off_by_commas_after_a_role_is_a_person():
    assert ("Walt Orrin", "PERSON") in found(
        "A former county commissioner, Walt Orrin, was charged on Thursday.")


def test_a_given_name_and_a_surname_like_head_is_a_person_unless_placed():
    assert ("Helen Park", "PERSON") in found("Helen Park said the plan would work.")
    assert ("Helen Park", "PLACE") in found("Crowds gathered in Helen Park on Sunday.")


@pytest.mark.parametrize("text, name", [
    # neighbours in a list that are small towns' names, scorecards and sports reports
    ("The poll was run by Redvale and Wilton for a newspaper.", "Redvale"),
    ("Australia 129-2 (Rogers 69, Clarke 0) at the break.", "Clarke"),
    ("The squad for the match: Hart; Jones, Henderson, Smalling and Shaw.", "Smalling"),
])
def test_names_listed_with_surname_like_towns_are_no_places(text, name):
    assert (name, "PLACE") not in found(text)


def test_a_given_name_before_a_known_place_after_a_preposition_is_no_place():
    assert ("David Cameron", "PLACE") not in found("He served in David Cameron's government.")


def test_a_plural_after_a_preposition_is_no_place():
    assert ("World Cups", "PLACE") not in found("He is the top scorer in World Cups.")


def test_air_inside_a_name_makes_it_an_airline():
    assert ("Kestrel Air Lines", "ORG") in found("Shares of Kestrel Air Lines fell 9%.")
