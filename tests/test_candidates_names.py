"""Names the capitalised runs of extract/candidates.py must keep whole or cut right, and the
all-capital words extract/lexicons.is_initialism lets be organisations: Arabic name particles
inside a person's name, two bodies joined by "and", a role in capitals before a name, long
acronyms. Every sentence and name is invented."""
import pytest

from conftest import found
from corpus.extract.lexicons import is_initialism


@pytest.mark.parametrize("text, name", [
    # a particle joined by a hyphen, or standing alone, stays inside the person's name
    ("Ahmed al-Omda said the talks would resume.", "Ahmed al-Omda"),
    ("Abu Bakr al-Fadl arrived in the city on Monday.", "Abu Bakr al-Fadl"),
    ("Khalid bin Salem told reporters the deal was done.", "Khalid bin Salem"),
    ("The envoy, Samir el-Haddad, said the port was shut.", "Samir el-Haddad"),
    # a role in capitals before a name is no part of it
    ("MP Jordan Tapsell said the bill would pass.", "Jordan Tapsell"),
    ("PM Ana Reyes met the envoy in Kelby.", "Ana Reyes"),
    ("CEO Tom Rask resigned on Monday.", "Tom Rask"),
    ("Later, Orvo MP Jordan Tapsell said the bill would pass.", "Jordan Tapsell"),
])
def test_people(text, name):
    assert (name, "PERSON") in found(text)


@pytest.mark.parametrize("text, names", [
    # each side of "and" a name of its own: two names
    ("Norwell Mining and Tasca Energy said they would merge.", ["Norwell Mining", "Tasca Energy"]),
    ("The Ministry of Health and Orvo Hospital said the ward was shut.",
     ["Ministry of Health", "Orvo Hospital"]),
    ("The Ministry of Transport and Kelby Airport said flights were delayed.",
     ["Ministry of Transport", "Kelby Airport"]),
    ("Kelby Airport and Tasca Energy said the fuel was safe.", ["Kelby Airport", "Tasca Energy"]),
    # one name spanning "and"
    ("The Department of Health and Social Care said it was ready.",
     ["Department of Health and Social Care"]),
    ("Kent Fire and Rescue Service said the blaze was out.", ["Kent Fire and Rescue Service"]),
    ("Avon and Somerset Police said two men were held.", ["Avon and Somerset Police"]),
])
def test_and_joins_one_name_or_parts_two(text, names):
    texts = [t for t, _ in found(text)]
    assert all(name in texts for name in names)
    assert not any(" and " in t for t in texts if t not in names)


@pytest.mark.parametrize("text, wrong", [
    ("Ahmed al-Omda said the talks would resume.", "Omda"),
    ("Abu Bakr al-Fadl arrived in the city on Monday.", "Abu Bakr"),
    ("MP Jordan Tapsell said the bill would pass.", "MP Jordan Tapsell"),
    ("CEO Tom Rask resigned on Monday.", "CEO Tom Rask"),
])
def test_not_cut_or_stretched(text, wrong):
    assert wrong not in [t for t, _ in found(text)]


@pytest.mark.parametrize("text, name", [
    ("UNAMEX said the road to Kelby was open.", "UNAMEX"),
    ("Officials from the UNAMEX mission said the road was open.", "UNAMEX"),
    ("The Kelby Relief Office (KELRAFO) said 40 homes were lost.", "KELRAFO"),
    ("FRONTAVA said 40 boats were stopped.", "FRONTAVA"),
])
def test_long_acronyms_are_organisations_with_evidence(text, name):
    assert (name, "ORG") in found(text)


@pytest.mark.parametrize("text", [
    "BREAKING: Police said the road was open.",
    "WATCH: Ana Reyes arrives in Kelby.",
    "UPDATE: The POLICE said it was shut.",
    "EXCLUSIVE: ANDREW said no to the plan.",
    "LATEST: Officials said the road was shut.",
])
def test_shouted_words_are_no_organisations(text):
    assert not any(t.isupper() for t, _ in found(text))


@pytest.mark.parametrize("word, expected", [
    ("RAF", True), ("UNICEF", True), ("UNESCAR", True), ("BREAKING", False), ("UPDATE", False),
    ("WATCH", False), ("LIVE", False), ("POLICE", False), ("ANDREW", False), ("F16", False),
    ("LONGERWORD", False),
])
def test_is_initialism(word, expected):
    assert is_initialism(word) is expected
