"""Figures: numbers, units, currencies, qualifiers, vague counts, categories, claimants, and what
must never be a figure. Every sentence here is invented for the test."""
import random
import re

import pytest

from corpus.extract.categories import CATEGORIES
from corpus.extract.counted import lexicon
from corpus.extract.figures import extract, extract_entry
from corpus.extract.numbers import UNITS_1_19, find_numbers, trie_alternation
from corpus.schema import FIGURE_CATEGORIES


def summary(text):
    return [(f.text, f.value, f.value_max, f.unit, f.category, f.qualifier) for f in extract(text)]


def one(text):
    [figure] = extract(text)
    return figure


@pytest.mark.parametrize("text, span, value, unit", [
    ("The council approved a £35m plan.", "£35m", 35e6, "GBP"),
    ("The bridge will cost £1.2bn to repair.", "£1.2bn", 1.2e9, "GBP"),
    ("Brussels pledged €500m in aid.", "€500m", 500e6, "EUR"),
    ("The deal is worth $4 billion.", "$4 billion", 4e9, "USD"),
    ("The fund holds US$2.5tn in assets.", "US$2.5tn", 2.5e12, "USD"),
    ("A stadium costing A$300m opened.", "A$300m", 300e6, "AUD"),
    ("Tokyo set aside ¥300bn for recovery.", "¥300bn", 300e9, "JPY"),
    ("Delhi released ₹10,000 crore for farmers.", "₹10,000 crore", 1e11, "INR"),
    ("Kyiv raised ₴20bn in war bonds.", "₴20bn", 20e9, "UAH"),
    ("Moscow fined the firm ₽5m last week.", "₽5m", 5e6, "RUB"),
    ("The fine was ₩50bn.", "₩50bn", 50e9, "KRW"),
    ("Tickets cost ₺400 each.", "₺400", 400, "TRY"),
    ("A grant of ₪2m was approved.", "₪2m", 2e6, "ILS"),
    ("The budget adds UAH 2.5bn for schools.", "UAH 2.5bn", 2.5e9, "UAH"),
    ("Shares worth GBP 40m changed hands.", "GBP 40m", 40e6, "GBP"),
    ("The bank lent 300 million EUR to the city.", "300 million EUR", 300e6, "EUR"),
    ("Donors gave 1.5 million euros.", "1.5 million euros", 1.5e6, "EUR"),
    ("The ministry paid 500,000 hryvnias in compensation.", "500,000 hryvnias", 5e5, "UAH"),
    ("Each family received 10,000 roubles.", "10,000 roubles", 1e4, "RUB"),
    ("The club paid 50 million pounds for the striker.", "50 million pounds", 50e6, "GBP"),
    ("A tip of $5k was left.", "$5k", 5e3, "USD"),
])
def test_currencies_with_their_iso_codes_and_scales(text, span, value, unit):
    f = one(text)
    assert (f.text, f.value, f.unit, f.category) == (span, value, unit, "money")


@pytest.mark.parametrize("text, span, value, unit, category", [
    ("Support fell to 3.1% of voters.", "3.1%", 3.1, "%", "percent"),
    ("Turnout was 62 per cent.", "62 per cent", 62, "%", "percent"),
    ("Inflation eased by 2 percentage points.", "2 percentage points", 2, "pp", "percent"),
    ("The bank cut rates by 25 basis points.", "25 basis points", 25, "bp", "other"),
    ("The suspect is 180cm tall.", "180cm", 180, "cm", "distance"),
    ("The convoy stretched 40 kilometres.", "40 kilometres", 40, "km", "distance"),
    ("The wave was 30 feet high.", "30 feet", 30, "ft", "distance"),
    ("The march covered a 10-mile route.", "10-mile", 10, "mi", "distance"),
    ("Police seized 90kg of cocaine.", "90kg", 90, "kg", "other"),
    ("The ship carried 5,000 tonnes of grain.", "5,000 tonnes", 5000, "t", "other"),
    ("The fire burnt 5,000 hectares of forest.", "5,000 hectares", 5000, "ha", "other"),
    ("The flood covered 20 sq km of farmland.", "20 sq km", 20, "km2", "other"),
    ("The tanker leaked 300,000 litres of oil.", "300,000 litres", 3e5, "l", "other"),
    ("Gusts reached 120 km/h on the coast.", "120 km/h", 120, "km/h", "other"),
    ("The car was doing 95mph.", "95mph", 95, "mph", "other"),
    ("Temperatures hit 45C in the south.", "45C", 45, "°C", "other"),
    ("It felt like 30 degrees Celsius at noon.", "30 degrees Celsius", 30, "°C", "other"),
    ("The plant produces 500 MW at full load.", "500 MW", 500, "MW", "other"),
    ("Households used 2,000 kWh less.", "2,000 kWh", 2000, "kWh", "other"),
    ("The talks lasted 14 hours.", "14 hours", 14, "hours", "duration"),
    ("Casinos reopened after a two-week closure.", "two-week", 2, "weeks", "duration"),
    ("The siege has gone on for three decades.", "three decades", 3, "decades", "duration"),
])
def test_units_of_every_family(text, span, value, unit, category):
    f = one(text)
    assert (f.text, f.value, f.unit, f.category) == (span, value, unit, category)


def test_bare_m_before_a_counted_noun_means_million():
    assert (one("About 5m people lack clean water.").value, one("a 5m wall").unit) == (5e6, "m")


@pytest.mark.parametrize("text, span, value, value_max, qualifier", [
    ("More than 300 people fled.", "More than 300", 300, None, "more_than"),
    ("Over 70 cases were confirmed.", "Over 70", 70, None, "more_than"),
    ("Cases passed 1,000 on Sunday.", "passed 1,000", 1000, None, "more_than"),
    ("In excess of 400 homes flooded.", "In excess of 400", 400, None, "more_than"),
    ("At least 12 drones were downed.", "At least 12", 12, None, "at_least"),
    ("No fewer than 20 soldiers deserted.", "No fewer than 20", 20, None, "at_least"),
    ("The blast hurt 100 or more workers.", "100 or more", 100, None, "at_least"),
    ("Up to 300 troops took part.", "Up to 300", 300, None, "up_to"),
    ("As many as 50 rockets were fired.", "As many as 50", 50, None, "up_to"),
    ("Fewer than 50 tanks remain.", "Fewer than 50", 50, None, "less_than"),
    ("Under 10 prisoners were freed.", "Under 10", 10, None, "less_than"),
    ("About 60 residents gathered.", "About 60", 60, None, "about"),
    ("Roughly 800 passengers disembarked.", "Roughly 800", 800, None, "about"),
    ("Some 2,000 residents were evacuated.", "Some 2,000", 2000, None, "about"),
    ("Nearly 90 journalists signed.", "Nearly 90", 90, None, "about"),
    ("~12 people were rescued.", "~12", 12, None, "about"),
    ("An estimated 40 bodies were recovered.", "An estimated 40", 40, None, "about"),
    ("The 100+ volunteers arrived.", "100+", 100, None, "more_than"),
    ("Between 20 and 30 civilians died.", "Between 20 and 30", 20, 30, "range"),
    ("10 to 15 soldiers were wounded.", "10 to 15", 10, 15, "range"),
    ("10-15 protesters were detained.", "10-15", 10, 15, "range"),
    ("Two or three shells landed.", "Two or three", 2, 3, "range"),
    ("It will cost $10-15bn.", "$10-15bn", 10e9, 15e9, "range"),
    ("A vaccine could take 12 to 18 months.", "12 to 18 months", 12, 18, "range"),
])
def test_qualifiers_and_ranges(text, span, value, value_max, qualifier):
    f = one(text)
    assert (f.text, f.value, f.value_max, f.qualifier) == (span, value, value_max, qualifier)
    assert f.is_approximate == (qualifier != "exact")


@pytest.mark.parametrize("text, span, qualifier", [
    # "over" after a verb that takes it as a particle belongs to the verb: the figure is exact
    ("Rebels handed over 40 prisoners to the Red Crescent.", "40", "exact"),
    ("The militia turned over 12 rifles at the checkpoint.", "12", "exact"),
    ("Police are handing over 5 suspects to Kelby prosecutors.", "5", "exact"),
    ("The family signed over 300 acres to the trust.", "300 acres", "exact"),
    # elsewhere "over" is still "more than", after a verb too
    ("Over 40 people were hurt in the crush.", "Over 40", "more_than"),
    ("The blast killed over 40 in Orvo.", "over 40", "more_than"),
    ("The convoy took over 40 minutes to cross.", "over 40 minutes", "more_than"),
    ("Rebels handed well over 40 prisoners to the envoy.", "well over 40", "more_than"),
])
def test_over_after_a_phrasal_verb_is_its_particle(text, span, qualifier):
    [n] = find_numbers(text)
    assert (text[n.start:n.end], n.qualifier, n.is_approximate) == (
        span, qualifier, qualifier != "exact")


def test_a_change_from_one_value_to_another_is_two_figures_not_a_range():
    found = extract("The rate rose from 10% to 15% in a year.")
    assert [(f.text, f.value_max) for f in found] == [("10%", None), ("15%", None)]


@pytest.mark.parametrize("text, span, category", [
    ("Hundreds of protesters gathered outside.", "Hundreds", "people"),
    ("Multiple people were hurt in the crush.", "Multiple", "injured"),
    ("Several drones were shot down.", "Several", "weapons"),
    ("A number of residents were evacuated.", "A number of", "people"),
    ("Dozens remain trapped under the rubble.", "Dozens", "people"),
    ("Thousands of homes lost power.", "Thousands", "other"),
    ("Tens of thousands of troops massed.", "Tens of thousands", "people"),
    ("A few journalists stayed behind.", "A few", "people"),
    ("A handful of tanks crossed.", "A handful of", "weapons"),
    ("Numerous shops were looted.", "Numerous", "other"),
    ("Scores of bodies were found.", "Scores", "killed"),
    ("The strike killed five and injured dozens.", "dozens", "injured"),
])
def test_vague_counts(text, span, category):
    f = [f for f in extract(text) if f.qualifier == "vague"][0]
    assert (f.text, f.category, f.is_approximate) == (span, category, True)


def test_vague_determiners_need_a_noun():
    assert extract("Several killed, officials say.") == []
    assert [f.text for f in extract("Several districts were shelled.")] == ["Several"]


@pytest.mark.parametrize("text, category", [
    ("Three bodies were found in the rubble.", "killed"),
    ("Two people died of cholera overnight.", "killed"),
    ("Eight passengers were found dead.", "killed"),
    ("One death was recorded on Monday.", "killed"),
    ("Two confirmed dead after the crash.", "killed"),
    ("The attack left 136 new deaths.", "killed"),
    ("The shelling killed 11 and wounded more.", "killed"),
    ("The death toll has risen to 32.", "killed"),
    ("State media raised the death count to three, officials said.", "killed"),
    ("40 soldiers were wounded in the raid.", "injured"),
    ("Nine people were taken to hospital with injuries.", "injured"),
    ("Six were hospitalised after the blast.", "injured"),
    ("At least 40 people are missing after the landslide.", "missing"),
    ("Three have not been accounted for.", "missing"),
    ("Three reported missing after the storm.", "missing"),
    ("Twelve people were arrested after the march.", "arrested"),
    ("Police arrested 30 protesters.", "arrested"),
    ("Police made 14 arrests overnight.", "arrested"),
    ("Five foreign nationals were detained at the border.", "arrested"),
    ("The swap freed 230 prisoners of war.", "prisoners"),
    ("Militants still hold 20 hostages.", "prisoners"),
    ("About 2,000 residents were evacuated.", "people"),
    ("Fourteen tested positive for the virus.", "people"),
    ("The city now has 62 cases of the virus.", "people"),
    ("There were 58 on board the plane.", "people"),
    ("More than 300 Americans left the ship.", "people"),
    ("Nine trains were cancelled.", "other"),
    ("Ten incoming missiles were destroyed.", "weapons"),
    ("Both sides lost 12 tanks and 40 artillery pieces.", "weapons"),
    ("The region reported 20 new infections, bringing the total to 51.", "people"),
    ("The EU's 27 member states agreed.", "other"),
])
def test_category_from_noun_verb_and_sentence(text, category):
    assert extract(text)[-1].category == category


@pytest.mark.parametrize("text, category", [
    # nouns for people by their listed class, their ending, or a relative clause after them
    ("Twelve climbers and 40 commuters were stranded.", "people"),
    ("Nine technicians and three gunmen were seen.", "people"),
    ("Forty mountaineers set off at dawn.", "people"),
    ("Seven glassblowers who worked there signed.", "people"),
    # weapons by a modifier, and by the noun after "of"
    ("Three armoured vehicles crossed the bridge.", "weapons"),
    ("Police fired 30 tear gas canisters.", "weapons"),
    ("Police seized 3,000 rounds of ammunition.", "weapons"),
    # verbs after the counted noun
    ("Eleven people were taken to hospital.", "injured"),
    ("Police charged 12 men with rioting.", "arrested"),
    ("Forty-five people were taken hostage.", "prisoners"),
    # nouns not for people stay "other"
    ("Twelve containers and 40 tractors were lost.", "other"),
    ("Two delayed trains were cancelled.", "other"),
    ("The lab ran 12,345 tests on Monday.", "other"),
])
def test_category_of_nouns_beyond_the_list(text, category):
    assert extract(text)[-1].category == category


@pytest.mark.parametrize("text", ["The meeting starts at 1530.",
                                  "The train left at 0745 and arrived at 1130 local time."])
def test_a_clock_time_after_a_preposition_is_no_figure(text):
    assert extract(text) == []


def test_a_bare_number_shares_the_noun_of_its_sentence_or_the_next_number():
    text = "A total of 692 cases, with 624 on the ship and 68 outside."
    assert [f.category for f in extract(text)] == ["people", "people", "people"]
    text = "the exchange of 230 Ukrainian and 248 Russian prisoners of war"
    assert [f.category for f in extract(text)] == ["prisoners", "prisoners"]


def test_subject_is_the_counted_noun_phrase():
    expelled = one("Three Wall Street Journal reporters were expelled.")
    assert expelled.subject == "Wall Street Journal reporters"
    assert one("68 of the people were asymptomatic.").subject == "people"


def test_categories_are_the_schema_categories_and_the_lexicon_uses_them():
    assert CATEGORIES == FIGURE_CATEGORIES
    assert set(lexicon().values()) <= set(CATEGORIES)
    assert lexicon()["passenger"] == lexicon()["passengers"] == "people"


@pytest.mark.parametrize("text, claimant", [
    ("Twelve people were arrested, police said.", "police"),
    ("The ministry said 79 new cases were confirmed.", "ministry"),
    ("Officials told reporters that 40 homes burned.", "Officials"),
    ("The regional governor added that nine drones fell.", "regional governor"),
    ("The army revealed that 15 soldiers were lost.", "army"),
    ("The agency announced 114 new deaths.", "agency"),
    ("Seven people died, according to the Red Cross.", "Red Cross"),
    ("Smith's figures show 1.5 million people wait for surgery.", "Smith"),
    ("The court heard that the defendant stole £250,000.", "court"),
    ("Another nine people were injured, said the fire service.", "fire service"),
    ("Local broadcasters are reporting that two people have died.", "Local broadcasters"),
    ("Health Minister Maria Lopez said on Tuesday that 45 patients had been discharged.",
     "Health Minister Maria Lopez"),
    ("Interior ministry spokesman Ivan Petrenko said 20 shells hit the town.", "Ivan Petrenko"),
    ("Ivan Petrenko, the head of the city administration, said 32 people died.", "Ivan Petrenko"),
    ("The Centre for Disaster Relief (CDR) reported 22 new cases.",
     "Centre for Disaster Relief (CDR)"),
    ("Japan's ministry of health has confirmed the deaths of two passengers.",
     "Japan's ministry of health"),
    ("Flooding kills 12: officials", "officials"),
    ("Death toll rises to 40 — Red Cross", "Red Cross"),
    ("Biden's $110 billion package for Ukraine.", None),
])
def test_claimant_forms(text, claimant):
    assert extract(text)[-1].claimant == claimant


@pytest.mark.parametrize("text, claimant", [
    # a name in apposition to a role, a member of an organisation
    ("The governor, Tomas Brevik, said 12 homes were destroyed.", "Tomas Brevik"),
    ("Velmark's foreign minister, Petra Lind, said 12 diplomats were expelled.", "Petra Lind"),
    ("Lisa Moran of the Tidal Institute said sea levels rose 3mm a year.", "Lisa Moran"),
    # passive and noun forms of attribution
    ("The toll of 30 was confirmed by the Velmark Health Agency.", "Velmark Health Agency"),
    ("As reported by the Tessaly Times, 45 bodies have been recovered.", "Tessaly Times"),
    ("The report by the Tidal Institute found that sea levels rose 3mm a year.",
     "Tidal Institute"),
    ("A poll by Harlow Research put support for the party at 31%.", "Harlow Research"),
    ("Organisers said 20,000 people joined; police put the number at 8,000.", "police"),
    # source nouns in the plural and compounds; "since" between subject and verb
    ("Seven climbers are missing, mountain rescue teams said.", "mountain rescue teams"),
    ("Velmark's air force said it destroyed 30 of 35 drones.", "Velmark's air force"),
    ("The interior ministry has since confirmed 19 deaths.", "interior ministry"),
    ("Authorities said 1,500 troops were sent, while the opposition said 50 were held.",
     "opposition"),
    # a participle carries the clause's subject
    ("Velmark Rail cancelled services on Monday, saying 40 trains were damaged.", "Velmark Rail"),
    ("Rescuers searched all night, adding that 40 people were saved.", "Rescuers"),
    # a possessive before a source noun, an acronym, a name after an inverted role
    ("The Velmark Herald's correspondent reports that 40 tanks crossed the border.",
     "Velmark Herald's correspondent"),
    ("The WHO said there were 1,200 new cases.", "WHO"),
    ("More than 300,000 homes are without power, said the grid operator, Orlo Power.",
     "Orlo Power"),
    ("The Velmark Times has learned that 44 staff will lose their jobs.", "Velmark Times"),
    # headline prefixes: a source, never page furniture
    ("Police: nine arrested after march", "Police"),
    ("Update: nine arrested after march", None),
    # no source: a participle after an article
    ("An estimated 80 people were hurt in the crush.", None),
])
def test_claimant_forms_beyond_said(text, claimant):
    assert extract(text)[-1].claimant == claimant


@pytest.mark.parametrize("text, claimant", [
    ("Ilse Varden visited the pier on Monday. She said 300 people had been moved.",
     "Ilse Varden"),
    ("Health Minister Jonas Ek visited the ward. The minister said 30 beds were free.",
     "Jonas Ek"),
    ("Ministry spokesman Liu Wen spoke on Monday. Liu said 30 flights were cut.", "Liu Wen"),
    ('Haddou said the ward was full.\n\n"We have had 45 deaths since Monday."', "Haddou"),
    ('Dr Amira Haddou described the scene.\n\n"We have had 45 deaths," she said.',
     "Amira Haddou"),
])
def test_pronouns_roles_and_quotes_resolve_to_the_person_named(text, claimant):
    assert extract(text)[-1].claimant == claimant


def test_a_headline_source_the_body_names_more_fully_takes_the_fuller_name():
    found = extract_entry({"headline": "Velmark says 14 more deaths",
                           "body": "Velmark's health agency said 14 more people had died."})
    assert [f.claimant for f in found["headline"]] == ["Velmark's health agency"]


def test_a_lone_surname_and_a_pronoun_resolve_within_the_text():
    text = ("Anna Kovalenko runs the shelter. Kovalenko said 30 families arrived on Monday. "
            "She added that 12 more came overnight.")
    assert [f.claimant for f in extract(text)] == ["Anna Kovalenko", "Anna Kovalenko"]


def test_a_number_in_a_quotation_takes_the_speaker_of_its_paragraph():
    text = '"We lost a lot," Colonel Jane Doe told reporters. "Twenty soldiers never came back."'
    assert one(text).claimant == "Colonel Jane Doe"


def test_unattributed_sentences_after_an_attributed_one_stay_unattributed():
    text = "Police said 40 people were detained. The march drew 10,000 people."
    assert [f.claimant for f in extract(text)] == ["Police", None]


def test_a_headline_figure_the_body_restates_is_credited_as_the_body_credits_it():
    body = "Rescuers say two people died. Nine homes burned, police said."
    headline = "Two confirmed dead, 40 hurt in Lviv: governor"
    found = extract_entry({"headline": headline, "body": body})
    assert [(f.text, f.claimant) for f in found["headline"]] == [("Two", "governor"),
                                                                  ("40", "governor")]
    found = extract_entry({"headline": "Two confirmed dead in Lviv", "body": body})
    assert [(f.text, f.claimant) for f in found["headline"]] == [("Two", "Rescuers")]
    assert extract_entry({"headline": None, "body": "Nine homes burned."})["headline"] == []


def test_conversion_is_linked_not_a_second_report():
    first, second = extract("missiles with ranges of around 900 kilometres (550 miles) were fired")
    assert (first.text, first.value, first.unit, first.is_approximate) == \
        ("around 900 kilometres", 900, "km", True)
    assert (second.text, second.unit, second.converts, second.is_approximate) == \
        ("550 miles", "mi", 0, True)


@pytest.mark.parametrize("text", [
    "extend the school holidays from January 9 to 19",
    "Schools close for the holiday on January 7.",
    "the consequences of the missile strike on December 29, 2023.",
    "since the early days of the operation in February 2022",
    "The talks began on 12 March 2023.",
    "The war is now in its 680th day.",
    "the second-largest city",
    "the update came at 1927 GMT, then at 10:30 and 9.05pm",
    "The post went up at 12.50 BST.",
    "call +44 20 7946 0000 or +1 (555) 010-2030 for details",
    "one of the largest prisoner exchanges",
    "No one was hurt.",
    "F-16 jets and Su-34 bombers",
    "Flight MH17 and an ATR 72-600 were mentioned.",
    "The Boeing 737 Max was grounded.",
    "Covid-19 and the G7 summit",
    "The country moves to level 3 restrictions.",
    "The plan, known as No. 6, under Article 5 of the treaty.",
    "We don't have a plan B. We are confident in plan A",
    "The reforms passed in 2019 were reversed.",
    "We stayed in a 5-star hotel.",
    "Mr Ivanov, 55, was not available.",
    "The 57th and 60th patients were relatives.",
    "He was in his 60s.",
    "see page 12 of the report",
    "The agreement was signed on 04/01/2024 and applies 24/7.",
])
def test_not_figures(text):
    assert extract(text) == []


def test_spans_are_exact_and_values_non_negative():
    text = ("About 60 fellow Republicans, $110 billion, between 20 and 30 killed, 900 kilometres "
            "(550 miles), £35m, 3.1%, several ports, ~12 people rescued.")
    found = extract(text)
    assert len(found) == 9
    for f in found:
        assert text[f.start:f.end] == f.text
        assert f.value >= 0 and (f.value_max is None or f.value <= f.value_max)
    assert all(n.value >= 0 for n in find_numbers(text))


def test_trie_alternation_matches_what_the_plain_alternation_matches():
    words = [*UNITS_1_19, "twenty", "a dozen", "dozen", "s", "se", "seven-up"]
    trie = re.compile(rf"\b{trie_alternation(words)}\b", re.IGNORECASE)
    plain = re.compile(rf"\b(?:{'|'.join(sorted(words, key=len, reverse=True))})\b", re.IGNORECASE)
    rng = random.Random(3)
    pieces = [*words, " ", "-", "teen", "x"]
    texts = [" ".join(words)]
    texts += ["".join(rng.choice(pieces) for _ in range(12)) for _ in range(2000)]
    for text in texts:
        spans = [m.span() for m in trie.finditer(text)]
        assert spans == [m.span() for m in plain.finditer(text)], text
    assert trie_alternation(["ten", "two", "twelve"]) == "t(?:en|w(?:elve|o))"
