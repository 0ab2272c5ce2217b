"""Organisations the capitalised runs of extract/candidates.py and their typing
(extract/name_types.py, extract/role_evidence.py) must keep whole or cut right: a party's or
body's name before a role noun, plural possessives inside a name, a class word before a name,
a party cue over a given name, a place before a plural party word. Every sentence is invented."""
import pytest

from conftest import found


@pytest.mark.parametrize("text, name", [
    # 1. one word before a lower-case member or role noun
    ("The Labour leader said the vote would go ahead.", "Labour"),
    ("Green co-leader Tamsin Orley called for a recount.", "Green"),
    ("A Union spokesman declined to comment on the strike.", "Union"),
    ("The Varnist leader resigned after the count.", "Varnist"),
    ("Two Coalition lawmakers voted against the budget.", "Coalition"),
    # 2. a plural possessive apostrophe inside the name
    ("The Workers' Union called a strike on Monday.", "Workers' Union"),
    ("A spokesman for the Farmers' Federation said prices had fallen.", "Farmers' Federation"),
    ("The Teachers’ Council backed the plan.", "Teachers’ Council"),
    ("The Workers’ Party of Varnia won the vote.", "Workers’ Party of Varnia"),
    # 3. a class word before a name is not part of it
    ("The NGO Zentra said 40 families had been moved.", "Zentra"),
    ("The charity Brightwell opened two shelters in the town.", "Brightwell"),
    ("The broadcaster Kavlo News said the road was shut.", "Kavlo News"),
    # 4. a party cue wins over a given name
    ("The ruling Harmony party won 40 seats.", "Harmony"),
    ("The opposition Grace party boycotted the vote.", "Grace"),
    ("Members of the Victoria party marched in the capital.", "Victoria"),
    # 5. a place before a plural party or member word: one organisation
    ("The Ostrava Democrats lost two seats.", "Ostrava Democrats"),
    ("The Kent Greens said the plan was flawed.", "Kent Greens"),
    ("A leader of the Lyon Socialists resigned.", "Lyon Socialists"),
])
def test_organisations(text, name):
    assert (name, "ORG") in found(text)


@pytest.mark.parametrize("text, name, kind", [
    ("The NGO Zentra said 40 families had been moved.", "NGO Zentra", "ORG"),
    ("The charity Brightwell opened two shelters.", "charity Brightwell", "ORG"),
    ("The Ostrava Democrats lost two seats.", "Ostrava", "PLACE"),
    ("The Kent Greens said the plan was flawed.", "Kent", "PLACE"),
    ("The ruling Harmony party won 40 seats.", "Harmony", "PERSON"),
    ("The opposition Grace party boycotted the vote.", "Grace", "PERSON"),
    ("The Workers' Union called a strike on Monday.", "Union", "ORG"),
])
def test_not_cut_or_mistyped(text, name, kind):
    assert (name, kind) not in found(text)


@pytest.mark.parametrize("text, name", [
    # a given name or a larger city before a role noun is no organisation
    ("The Paris mayor said the metro would reopen.", "Paris"),
    ("A Bristol MP said the bridge would reopen.", "Bristol"),
    ("Kent leader Amy Ford spoke to reporters.", "Kent"),
    # a body's generic head word opening a sentence is sentence case, not a name
    ("Police spokesman Tom Reed said two cars were hit.", "Police"),
    # a place before a plural common noun is not an organisation
    ("Kent residents were told to stay indoors.", "Kent residents"),
    # a capitalised word before a lower-case party is none when a title stands before it
    ("Minister Harmony party leaders met.", "Harmony"),
    # a plural possessive with no head word after it opens no organisation
    ("The Smiths' Ford was stolen.", "Smiths' Ford"),
])
def test_no_organisation(text, name):
    assert (name, "ORG") not in found(text)
