"""Word lists that type a capitalised name by its own words: head nouns of organisations and
places, given names (US Census, public domain), demonym endings, words that are never names.

Each list holds words of a kind any English news text uses, never a particular page's names.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

from spacy.lang.en.stop_words import STOP_WORDS

# The last word of an organisation's name ("Cork County Council", "Delta Airlines").
ORG_HEADS = frozenset("""Ministry Council Administration Fleet Agency Committee Commission Office
Department Party Army Navy Service Services Guard Guards Corps Court Parliament Bank
Fund Institute University College Forces Force Organisation Organization Union Assembly
Directorate Command Brigade Battalion Regiment Duma Rada Cabinet Police Constabulary
Airlines Airline Airways Group Association Federation League Club Company Corporation
Corp Inc Ltd Plc Authority Board Bureau Secretariat Branch Network News Times Post
Journal Herald Telegraph Mail Mirror Observer Tribune Gazette Press Media Broadcasting
Television Radio Entertainment Holdings Partners Foundation Trust Society
Alliance Coalition Movement Front Congress Senate Government Tribunal Taskforce Unit
Division Squad Brigades Motors Energy Exchange Institution Centers Centre Center
Agencies Academy School Charity Campaign Customs Bar Cafe Café Restaurant Hotel Pub
Shop Store Bakery Pharmacy Museum Gallery Library Theatre Theater Cinema Verband Bund Partei Polizei Gesellschaft Stiftung Werke Bahn Morcha Sangh Samiti
Parishad Sabha Sena Cross Economics Analytics Consulting
Insights Research Rescue Ambulance Athletic Rovers Wanderers Albion """.split())
# Words in another language or of a trade that make a run an organisation wherever they stand
# ("Deutsche Bahn", "Red Crescent"), and endings of such words ("Gewerkschaft", "Robotics").
ORG_WORDS = ORG_HEADS | frozenset("""Deutsche Deutscher Nationale Nacional Nazionale Federal
United Royal International Global Capital Economics Red Crescent Ministerium Amt Fire Rescue FC AFC
SC CF AC""".split())
ORG_ENDINGS = re.compile(r"(?:schaft|ung|ics|verband|bund|amt|werk|werke|tech|soft|corp)$")
# Sports clubs' words: "Hartley United", "FC Romsey", "Real Velmark".
CLUB_WORDS = frozenset("""United City Athletic Rovers Wanderers Albion Town County FC AFC
SC CF AC Real Atletico Athletico Sporting """.split())
# The first word of an organisation's name followed by "of" or "for" ("Ministry of Health").
ORG_LEADS = ORG_HEADS | frozenset("Bank University Centre Center Department Ministry".split())
# The last word of a place's name ("Princes Street", "Keelung River", "Tokyo Haneda Airport").
PLACE_HEADS = frozenset("""Street St Road Rd Avenue Lane Square Bridge Island Islands Isle River
Lake Sea Ocean Bay Mountain Mountains Hill Hills Valley Airport Stadium Park Port
Harbour Harbor Station Province Region District Oblast Strait Gulf Peninsula Coast
Desert Canal Pool Arena Quay Pier Beach Forest Heights Plaza Drive Boulevard Highway
Motorway Terrace Gardens Estate Village Town City County Prefecture Territory Hospital
Prison Airbase Base Cathedral Church Mosque Temple Palace Tower Towers Mall
Market Camp Crossing Dam Falls Gate Gates Ward Strasse Straße Platz Weg Allee Gasse Damm
Ufer Interchange Junction Roundabout""".split())
# Endings of one-word street names in German and Dutch ("Zeppelinstrasse", "Kurfürstendamm").
STREET_ENDINGS = re.compile(r"(?:stra(?:ss|ß)e|strasse|platz|gasse|allee|damm|ufer|weg|straat|"
                            r"gracht|plein)$")
# Lowercase nouns after a name that make it a place ("the Rafah crossing", "Abu Shouk camp");
# the first set join the name, the second follow it ("Kamrup district").
PLACE_AFTER_JOINED = frozenset("crossing camp highway gate bridge airport checkpoint".split())
PLACE_AFTER = PLACE_AFTER_JOINED | frozenset("""district ward river province region county
valley neighbourhood neighborhood suburb village town state border""".split())
# The first word of a place's name ("Stadium Australia", "Lake Como", "Gulf of Mexico").
PLACE_LEADS = frozenset("Mount Lake Gulf Sea Strait Isle Port Stadium Republic Bay Cape Fort"
                        " Camp River City Borough".split())
# Words that are the name of a thing done or made, not of a person ("World Cup", "Euro 2024").
NOT_NAME_HEADS = frozenset("""Cup Games Olympics Championship Championships Summit Festival War Day
Week Prize Award Awards Act Bill Treaty Agreement Programme Program Plan Conference
Series Tour Trophy Final Finals Open League's Deal Accord Protocol Strategy Doctrine
Syndrome Virus Vaccine Fever Year Eve""".split())
# Words of page furniture and greetings, never in a name ("Play Video", "Morning Simon").
NOT_NAME_WORDS = frozenset("""Live Video Photo Photograph Image Watch Play Share Updated Score
Scorecard Breaking Thanks Thank Morning Afternoon Evening Hello Hi Cheers Welcome Good
Credit Getty Images Shutterstock Advertisement Subscribe Sign Login Follow Update Updates Latest
Analysis Opinion Explainer Exclusive Recap Timeline Factbox""".split())
CALENDAR = frozenset("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
March April May June July August September October November December Jan Feb Mar Apr
Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun Christmas
Easter Ramadan Eid""".split())
# Person titles and roles that stand before a name ("Coach Tony Gustavsson", "Dr Lau").
TITLES = frozenset("""president governor spokesperson spokesman spokeswoman commander speaker
minister chancellor mayor secretary general ambassador senator envoy adviser advisor
chief colonel admiral lieutenant director chairman chairwoman chair leader king queen
pope prince princess judge prosecutor sen. rep. gen. col. lt. dr. dr ceo premier head
official deputy negotiator aide gen col lt mr mrs ms miss sir dame lord lady coach
manager captain striker goalkeeper defender midfielder professor prof prof. inspector
superintendent sergeant sgt detective constable councillor cllr mp senator sheriff
officer correspondent reporter editor analyst economist spokesperson counsellor
attorney justice prime foreign interior defence defense health finance home vice acting
former interim executive rev reverend father sister brother bishop archbishop cardinal
imam rabbi pastor mr. mrs. ms. prof. sgt. insp. supt.""".split())
# Words that make a title only before another ("Health Minister", not "Health Protection").
TITLE_MODIFIERS = frozenset("""prime foreign interior defence defense health finance home vice
acting former interim executive""".split())
SPEECH = frozenset("""said says told added announced stated wrote warned claimed noted insisted
explained tweeted reported reports confirmed denied urged argued revealed admitted
suggested posted""".split())
PLACE_PREPOSITIONS = frozenset("in near at outside from to across throughout around towards"
                               " toward via "
                               "inside into within".split())
SOURCE_CUES = frozenset("reports reported according".split())
# All-capital words that are not organisations ("GMT", "PM", "COVID").
NOT_INITIALISMS = frozenset("""GMT BST UTC CET CEST EST EDT PST PDT AEST AEDT JST IST HKT AM PM MP
MPs CEO CEOs TV GDP PPE ICU COVID SARS MERS HIV AIDS DNA OK PR ID VIP IT AI VAR LIVE
BREAKING UPDATE READ MORE I II III IV RT HT V VI VII VIII IX X XI XII A AN THE OF AND
OR TO IN ON AT""".split())
DIRECTIONS = frozenset("""North South East West Northern Southern Eastern Western Central Upper
Lower Greater Middle Inner Outer Far Near""".split())
# Endings of words for a people or a language ("Ukrainian", "Chinese"): adjectives, not names.
DEMONYM = re.compile(r"(?:ians?|eans?|ese|ish|ans?|is?|ic|ch|ss|ek|ais?)$")
# Particles inside a person's name ("Ursula von der Leyen", "Bashar al-Assad").
NAME_PARTICLES = frozenset("von der van den de da del di du la le al bin ibn el dos das".split())
CONNECTORS = frozenset("of for and the de".split())
# Nouns for a kind of organisation or place, before a name ("news agency Xinhua", "city of Wuhan").
ORG_NOUNS = frozenset("""agency broadcaster newspaper outlet channel airline carrier company firm
group party club team network daily tabloid insurer lender bank operator manufacturer
maker giant""".split())
PLACE_NOUNS = frozenset("""city town village province region island state county district port
capital suburb neighbourhood neighborhood municipality prefecture""".split())
STOP = frozenset(w.capitalize() for w in STOP_WORDS) | frozenset(STOP_WORDS)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Given names of the 1990 US Census (public domain): 'Jennifer', 'Miguel'."""
    text = files("corpus.extract").joinpath("data/given_names.txt").read_text(encoding="utf-8")
    return frozenset(n for n in text.split() if not n.startswith("#")) - CALENDAR


def is_demonym(word: str) -> bool:
    """Whether a capitalised word looks like a demonym or a language ('Ukrainians', 'Chinese')."""
    return len(word) > 3 and DEMONYM.search(word) is not None and word not in given_names()


def is_initialism(word: str) -> bool:
    """'RAF', 'KCDC': two to six capitals, not a time zone or a title ('F16' is a model)."""
    return (2 <= len(word) <= 5 and word.isupper() and word.isalpha()
            and word not in NOT_INITIALISMS)
