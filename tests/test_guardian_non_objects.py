"""Guardian page model: items of its lists that are not objects are counted and reported, never
dropped without a word."""
import json
import logging

from tests.broken_pages import guardian_page

from corpus.parse import guardian_json


def test_non_object_elements_and_key_events_are_counted_and_reported(caplog):
    page = guardian_page(keyEvents=[{"id": "k1", "title": "Vote called"}, 7, "stray"])
    page["blocks"][0]["elements"] += [3, None, ["a list"]]
    page["blocks"][2]["elements"].append("text")
    caplog.set_level(logging.WARNING, logger="corpus")
    blog = guardian_json.parse("council.json", json.dumps(page))
    assert len(blog.entries) == 3
    assert caplog.messages == ["council.json: left out items that are not objects: "
                               "4 in blocks' elements, 2 in keyEvents"]


def test_a_page_of_objects_only_says_nothing(caplog):
    caplog.set_level(logging.WARNING, logger="corpus")
    guardian_json.parse("council.json", json.dumps(guardian_page()))
    assert caplog.messages == []
