"""Places named without their diacritics, as English text often writes them (extract/reference.py).
The sentences are invented; the places are GeoNames cities."""
from corpus.extract.entities import recogniser
from corpus.extract.reference import geonames_places, unaccented


def test_unaccented_letters():
    assert unaccented("Poznań") == "Poznan"
    assert unaccented("Malmö") == "Malmo"
    assert unaccented("São Paulo") == "Sao Paulo"
    assert unaccented("Tromsø") == "Tromso"


def test_an_unaccented_city_links_to_the_city():
    places = geonames_places()
    assert places["Poznan"] is places["Poznań"]
    [m] = recogniser().entry_mentions({"body": "The train reached Poznan on Sunday."})["body"]
    assert (m.text, m.type, m.canonical_name) == ("Poznan", "PLACE", "Poznań")


def test_no_unaccented_form_that_is_a_given_name_or_a_short_word():
    places = geonames_places()
    assert "León" in places and "Leon" not in places  # a given name stays a person's
    assert "Huế" in places and "Hue" not in places
