"""Claimants (extract/claimants.py, extract/sources.py): whom a sentence credits with a number.
Every sentence here is invented for the test."""
import pytest

from corpus.extract.figures import extract, extract_entry
from corpus.extract.sources import full_name, initials_name


def claimants(text):
    return [(f.text, f.claimant) for f in extract(text)]


@pytest.mark.parametrize("text, claimant", [
    # a name set off by commas before the verb: the name, not the role before it
    ("The town's bus operator, CityLink, said repairs would take three weeks.", "CityLink"),
    ("The regional grid company, Orvel Energy, said 900 homes had no power.", "Orvel Energy"),
    # the whole noun phrase between a clause boundary and the verb, whatever its head noun
    ("Marton city hall said it had closed 14 schools.", "Marton city hall"),
    ("Storm damage could reach £2bn, insurer says", "insurer"),
    ("Dozens of homes were flooded overnight, neighbours said, and 12 cars were swept away.",
     "neighbours"),
    # the person after a role word, after an inverted verb
    ('"We pulled him out about 200 metres downstream," said paramedic Tomas Ulvik.',
     "Tomas Ulvik"),
    # a source noun with its place, after an inverted verb
    ("Another 40 homes were evacuated, said police in Upper Varna.", "police in Upper Varna"),
    # "according to" a document: whom it is by, across a number's thousands separator
    ("Ann Roe leads with 52%, according to a survey of 2,104 voters by the Lakeside Institute.",
     "Lakeside Institute"),
    ("Shops may open for 20 more days, according to the Velmark Times report.", "Velmark Times"),
    # an "of" taking a list of capitalised words is one name
    ("The Ministry of Transport, Energy and Water said 300 homes lost power.",
     "Ministry of Transport, Energy and Water"),
])
def test_claimant_of_the_sentence(text, claimant):
    assert extract(text)[-1].claimant == claimant


def test_a_participle_after_said_keeps_the_speaker_not_the_sentence_subject():
    text = ("Velmar launched 40 rockets overnight, the Estan air force said, adding that 31 were "
            "shot down.")
    assert claimants(text) == [("40", "Estan air force"), ("31", "Estan air force")]
    # without a speech verb before the comma, the clause's opening subject still speaks
    text = "The Orlo Herald published a report, saying 15 ferries were cancelled."
    assert claimants(text) == [("15", "Orlo Herald")]


def test_a_relative_clause_credits_the_one_just_named():
    text = ("The man had been missing since Friday, said police in Upper Varna, who put the toll "
            "at six.")
    assert claimants(text)[-1] == ("six", "police in Upper Varna")


def test_passive_and_counted_nouns_are_no_source():
    assert claimants("The agency said 79 new cases were confirmed.") == [("79", "agency")]
    assert claimants("Officials met on Monday; 30 new cases were confirmed.") == [("30", None)]


def test_it_said_takes_the_according_source_of_the_sentence_before():
    text = ("The casinos said they would reopen, according to the NVT report. They have 20 days "
            "to reopen fully, it said.")
    assert claimants(text) == [("20 days", "NVT")]


def test_acronyms_resolve_to_the_name_their_initials_spell():
    text = "The Northern Valley Times said 12 shops were damaged. NVT said 4 more were closed."
    nvt = "Northern Valley Times (NVT)"  # one claimant, whichever form the sentence uses
    assert claimants(text) == [("12", nvt), ("4", nvt)]
    text = "Estan's Agency for Coastal Defence met. ECD said 12 breaches were repaired."
    assert claimants(text) == [("12", "Estan's Agency for Coastal Defence (ECD)")]
    # the initials must start with the acronym's first letter and leave at most one word over
    assert initials_name("The Velmark Hospital Trust said so.", "VHT") == "Velmark Hospital Trust"
    assert initials_name("The Velmark Regional Hospital Service Trust said so.", "VHT") is None
    assert initials_name("Orlo Bay Ferries said so.", "VHT") is None
    assert initials_name("United Nations staff said so.", "UN") is None  # two letters: too loose


def test_a_lower_case_body_takes_the_name_the_text_gives_it_in_full():
    text = ("Velmark's ministry of health has confirmed two deaths. The Ministry of Health, Labour "
            "and Welfare said both were over 80.")
    assert full_name(text, "Velmark's ministry of health") == (
        "Velmark's Ministry of Health, Labour and Welfare")
    assert full_name("The ministry of health said so.", "the ministry of health") == (
        "the ministry of health")


def test_a_role_after_a_named_place_is_no_person():
    text = ("Doctors treated 9 people at Harlow General Hospital, a hospital spokeswoman told the "
            "Harlow Post.")
    assert claimants(text) == [("9", "hospital spokeswoman")]
    text = ("Anna Berg, the regional minister, said 12 roads were closed. The minister said 3 "
            "reopened.")
    assert claimants(text)[-1] == ("3", "Anna Berg")


def test_a_headline_naming_part_of_the_body_source_takes_the_full_name():
    found = extract_entry({
        "headline": "Velmark confirms two deaths",
        "body": "Velmark's ministry of health confirmed two deaths. The Ministry of Health and "
                "Welfare said both were over 80.",
    })
    assert [f.claimant for f in found["headline"]] == ["Velmark's Ministry of Health and Welfare"]


@pytest.mark.parametrize("text, number, claimant", [
    # a body's class word resolved to the one body of that class the text names
    ("Power failed in Kelby, the state utility GridMark said. The company said three of the "
     "seven turbines were damaged.", "three", "GridMark"),
    ("Two paramedics of the Orvan Red Crescent Society died, the society said in a statement.",
     "Two", "Orvan Red Crescent Society"),
    ("Kestrel Airways cancelled 96 flights on Wednesday, the airline said.", "96",
     "Kestrel Airways"),
    ("Kauri Bank economist Tessa Lind spoke first. The bank estimated that the plan would cost "
     "$2.9bn.", "$2.9bn", "Kauri Bank"),
    # an apposed name after "the", and no preposition phrase as a speaker
    ("Three aid workers were freed, their employer, the Orvo Relief Trust, said in a statement.",
     "Three", "Orvo Relief Trust"),
    # a source noun and its place before the verb
    ("Police in Port Kelby said they had arrested 24 people.", "24", "Police in Port Kelby"),
    # verbs of forecasting and recording credit their subject
    ("The Orvo Monetary Fund expects the economy to shrink by 12.4%, it said.", "12.4%",
     "Orvo Monetary Fund"),
    # "according to" credits its own clause only
    ("About 9,000 people slept in shelters, according to the welfare department, and the coast "
     "guard said 3,800 passengers were stranded.", "3,800", "coast guard"),
    ("The war has killed 15,000 people, according to estimates by researchers, and forced 2 "
     "million from their homes, the Orvo Refugee Council says.", "2 million",
     "Orvo Refugee Council"),
    ("About 9,000 people slept in shelters, according to the welfare department, and the coast "
     "guard said 3,800 passengers were stranded.", "About 9,000", "welfare department"),
])
def test_claimants_round_five(text, number, claimant):
    assert (number, claimant) in claimants(text)


@pytest.mark.parametrize("text, number", [
    # two bodies of the class: the class word stays unresolved
    ("The Orvo Bank and the Kelby Bank merged. The bank said 300 jobs would go.", "300"),
    # a noun "places" and a progressive verb before "to" credit no one
    ("Voting places closed at 7pm and 1.1 million votes were counted.", "1.1 million"),
    ("The river rose to 13.4 metres and releases from the dam were adding to the flooding.",
     "13.4 metres"),
])
def test_no_named_claimant_round_five(text, number):
    found = dict(claimants(text))
    assert found[number] in (None, "bank")


def test_a_company_class_word_resolves_only_to_a_company_named_just_before():
    far = ("The airline Kestrel has more pilots than it needs. " + "Sales rose. " * 30
           + "Shoppers bought groceries. The company reported profit of about $1.4 billion.")
    assert dict(claimants(far))["about $1.4 billion"] == "company"


def test_a_body_head_word_resolves_to_a_name_it_opens():
    text = (
        "The Department of Health and Kelby Hospital met. The department said 83 people were ill."
    )
    assert ("83", "Department of Health") in claimants(text)


def test_a_pronoun_chosen_for_a_number_is_resolved_before_another_speaker_in_its_sentence():
    text = ("Chief officer Helena Waaka spoke first. About 1.1 million people voted early, she "
            "said, and the commission expects 480,000 more votes.")
    assert ("About 1.1 million", "Helena Waaka") in claimants(text)


@pytest.mark.parametrize("text, expected", [
    # whoever sets the number: a count put at a qualified value, a forecast cut, a price capped
    ("Police put the crowd at about 4,000.", [("about 4,000", "Police")]),
    ("The Velmar Budget Office cut its growth forecast for next year to 1.2% from 1.8%.",
     [("1.2%", "Velmar Budget Office"), ("1.8%", "Velmar Budget Office")]),
    # a verb after "and" shares its clause's subject, past an opening phrase
    ("In Orvo, the Trade Ministry capped the price of bread at 300 dinars and said inspectors "
     "had closed 12 bakeries.", [("300", "Trade Ministry"), ("12", "Trade Ministry")]),
    ("The federation named the rider as Tom Reyes and said he had raced for 9 years.",
     [("9 years", "federation")]),
    # a participle phrase between the subject and its verb
    ("Farmers reached by phone said 30 cows had died.", [("30", "Farmers")]),
    # a body of people at or in a named place, with its modifiers
    ("Night nurses at Kelby General Hospital said 14 patients were moved.",
     [("14", "Night nurses at Kelby General Hospital")]),
    ("Medical staff at Kelby General Hospital said 14 patients were moved.",
     [("14", "Medical staff at Kelby General Hospital")]),
    # one person at a body is the body's voice
    ("A spokesman at Orvo Bank said 40 branches would close.", [("40", "Orvo Bank")]),
    # an indefinite source with an adjective
    ("A hospital doctor said 12 patients had died.", [("12", "hospital doctor")]),
    ("An army spokesman, Col Ada Brenn, denied it and said 17 trucks were hit.",
     [("17", "Ada Brenn")]),
    # a verb of data inside a sentence that someone speaks: the speaker's
    ("Some say it, but a severance payment reported at €3m was paid, his lawyers said.",
     [("€3m", "lawyers")]),
    ("A gauge at Lenby recorded 210mm of rain on Friday, the weather service said.",
     [("210mm", "weather service")]),
    ("Gauges recorded 210mm of rain on Friday.", [("210mm", "Gauges")]),
])
def test_claimant_shapes_round_six(text, expected):
    assert claimants(text) == expected


def test_she_after_a_titled_person_whose_given_name_is_not_listed():
    text = "Prime Minister Oskarine Vell toured the dam. She said 300 homes were flooded."
    assert claimants(text) == [("300", "Oskarine Vell")]
    # a title before a body's name names no person
    text = "General Widget Company staff left early. She said 300 homes were flooded."
    assert claimants(text)[0][1] != "Widget Company"
    text = "The Foreign Bribery Prevention Act passed. She said 300 firms were fined."
    assert claimants(text)[0][1] != "Bribery Prevention Act"


def test_a_body_is_one_claimant_with_its_acronym():
    text = "The Harbour Safety Board (HSB) said 3 ferries were held. HSB said 2 more were late."
    assert [c for _, c in claimants(text)] == ["Harbour Safety Board (HSB)"] * 2
    text = "The Coastal Rescue Agency said 5 boats sank. Later CRA said 2 crews were missing."
    assert [c for _, c in claimants(text)] == ["Coastal Rescue Agency (CRA)"] * 2
    # no acronym in the text: the name alone; a person never takes one
    text = "The Coastal Rescue Agency said 5 boats sank."
    assert claimants(text)[0][1] == "Coastal Rescue Agency"
    text = "Mara Quell said 5 boats sank. MQ is her handle."
    assert claimants(text)[0][1] == "Mara Quell"
    # a headline's acronym takes the name the body gives it
    found = extract_entry({"headline": "CRA: 5 boats sank off the cape",
                           "body": "The Coastal Rescue Agency (CRA) said 5 boats sank."})
    assert found["headline"][0].claimant == "Coastal Rescue Agency (CRA)"


def test_a_company_named_after_a_business_class_word():
    text = "The haulier Dorn Freight said 9 vans were stuck. The company said 4 drivers were hurt."
    assert claimants(text) == [("9", "Dorn Freight"), ("4", "Dorn Freight")]


def test_a_body_named_with_of_the_is_one_name():
    text = "The Ministry of the Interior said 40 officers were sent."
    assert claimants(text) == [("40", "Ministry of the Interior")]
    # a person of a body is still the person
    text = "Ada Brenn of the Kelby Institute said 12 sites were surveyed."
    assert claimants(text) == [("12", "Ada Brenn")]
