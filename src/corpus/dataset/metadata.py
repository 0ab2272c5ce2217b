"""Metadata generated from schema.py: the Frictionless data package, the codebook, citations."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import yaml

from corpus.schema import ALL_TABLES, Column, Table

DATAPACKAGE_NAME = "datapackage.json"
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
# Parquet nulls as readers that go through pandas see them (frictionless reads NaN for a null
# number).
MISSING_VALUES = ["", "nan", "NaN"]


FIELD_TYPES = [
    (pa.types.is_string, "string"),
    (pa.types.is_integer, "integer"),
    (pa.types.is_floating, "number"),
    (pa.types.is_boolean, "boolean"),
    (pa.types.is_date, "date"),
    (pa.types.is_timestamp, "datetime"),
]


def field_type(t: pa.DataType) -> str:
    """The data package type of an Arrow type."""
    return next(name for is_type, name in FIELD_TYPES if is_type(t))


def field(c: Column) -> dict:
    constraints: dict = {"required": not c.nullable}
    if c.pattern:
        constraints["pattern"] = c.pattern.removeprefix("^").removesuffix("$")
    if c.values:
        constraints["enum"] = list(c.values)
    if c.minimum is not None:
        constraints["minimum"] = c.minimum
    if c.maximum is not None:
        constraints["maximum"] = c.maximum
    out = {
        "name": c.name,
        "type": field_type(c.type),
        "description": c.description,
        "constraints": constraints,
    }
    if c.unit:
        out["unit"] = c.unit
    return out


def table_schema(table: Table) -> dict:
    keys = [
        {
            "fields": [fk.column],
            "reference": {"fields": [fk.references]}
            | ({} if fk.table == table.name else {"resource": fk.table}),
        }
        for fk in table.foreign_keys
    ]
    return {
        "fields": [field(c) for c in table.columns],
        "missingValues": MISSING_VALUES,
        "primaryKey": list(table.primary_key),
        "foreignKeys": keys,
    }


LICENCE_URLS = {
    "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
}
RIGHTS_STATEMENT = (
    "Rights: the annotations this project adds (entry times, entities, figures and the tables' "
    "structure) "
    "are under the data licence named here; the text of each raw file (entry headlines and bodies) "
    "keeps "
    "its publisher's rights, stated per file in the `rights` column of the registry and the blogs' "
    "sources list; the code is MIT."
)


def data_licence(citation: dict) -> dict[str, str]:
    """The dataset's licence as a Data Package licence object (SPDX name, URL, scope)."""
    name = str(citation["license"])
    licence = {
        "name": name,
        "title": f"{name} (annotations only; raw text keeps its publishers' rights)",
    }
    if name in LICENCE_URLS:
        licence["path"] = LICENCE_URLS[name]
    return licence


def datapackage(
    table_files: dict[str, list[str]],
    digests: dict[str, str],
    version: str,
    citation: dict,
    entity_model: dict[str, str] | None = None,
) -> dict:
    """The data package describing the tables: each table's Parquet files (paths relative to the
    package) and their sha256. A table in one file is a resource with that path and its hash; a
    table in part files has the list of parts as its path (Data Package v2's multipart resource),
    their hashes being in SHA256SUMS."""
    resources = []
    for name, table in ALL_TABLES.items():
        if name not in table_files:
            continue
        files = table_files[name]
        single = len(files) == 1 and files[0] == f"{name}.parquet"
        resource = {
            "name": name,
            "type": "table",
            "path": files[0] if single else files,
            "format": "parquet",
            "mediatype": "application/vnd.apache.parquet",
            "description": table.description,
        }
        if len(files) == 1:
            resource["hash"] = f"sha256:{digests[files[0]]}"
        resources.append(resource | {"schema": table_schema(table)})
    return {
        "$schema": PROFILE,
        "name": "liveblog-corpus",
        "title": citation["title"],
        "description": citation["abstract"].strip(),
        "version": version,
        "licenses": [data_licence(citation)],
        "contributors": [
            {
                "title": a.get("name") or f"{a['given-names']} {a['family-names']}",
                "roles": ["author"],
            }
            for a in citation["authors"]
        ],
        "keywords": citation.get("keywords", []),
        "resources": resources,
        **({"x_entity_model": entity_model} if entity_model else {}),
    }


def datapackage_json(
    table_files: dict[str, list[str]],
    digests: dict[str, str],
    version: str,
    citation: dict,
    entity_model: dict[str, str] | None = None,
) -> str:
    """datapackage.json's text; entity_model names the spaCy pipeline whose entities were merged
    with the rules' (`--ner-model`), if any."""
    package = datapackage(table_files, digests, version, citation, entity_model)
    return json.dumps(package, indent=2, ensure_ascii=False) + "\n"


def read_citation(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def unnamed_dataset(version: str) -> dict:
    """What describes a corpus built without a CITATION.cff: the package's name and version."""
    return {
        "title": "liveblog-corpus",
        "license": "NOASSERTION",
        "authors": [],
        "abstract": f"News live blogs as research tables, built with liveblog-corpus {version}.",
    }


def dataset_citation(path: Path | None, version: str) -> dict:
    """The citation describing a dataset: from its CITATION.cff when there is one."""
    return read_citation(path) if path is not None and path.is_file() else unnamed_dataset(version)


def author_names(citation: dict) -> list[str]:
    return [
        a.get("name") or f"{a['family-names']}, {a['given-names']}" for a in citation["authors"]
    ]


def cite(citation: dict, fmt: str) -> str:
    """The citation of the dataset as BibTeX, APA or the CFF file itself."""
    version, year = citation["version"], str(citation["date-released"])[:4]
    doi = citation.get("doi")
    url = f"https://doi.org/{doi}" if doi else citation.get("repository-code", "")
    if fmt == "cff":
        return yaml.safe_dump(citation, sort_keys=False, allow_unicode=True)
    if fmt == "apa":
        authors = ", ".join(author_names(citation))
        return (
            f"{authors} ({year}). {citation['title']} (Version {version}) [Data set]. {url}".strip()
            + "\n"
        )
    if fmt == "bibtex":
        lines = [
            f"@dataset{{liveblog_corpus_{version.replace('.', '_')},",
            f"  author = {{{' and '.join(author_names(citation))}}},",
            f"  title = {{{citation['title']}}},",
            f"  year = {{{year}}},",
            f"  version = {{{version}}},",
        ]
        lines += [f"  doi = {{{doi}}},"] if doi else []
        lines += [f"  url = {{{url}}},"] if url else []
        return "\n".join(lines) + "\n}\n"
    raise ValueError(f"unknown citation format {fmt!r} (bibtex, apa, cff)")


def codebook() -> str:
    """Markdown codebook of every table and column, generated from schema.py."""
    out = []
    for table in ALL_TABLES.values():
        out += [
            f"### `{table.name}`",
            "",
            table.description,
            "",
            f"Primary key: `{', '.join(table.primary_key)}`."
            + "".join(
                f" `{fk.column}` references `{fk.table}.{fk.references}`."
                for fk in table.foreign_keys
            ),
            "",
            "| column | type | required | unit | constraints | description |",
            "|---|---|---|---|---|---|",
        ]
        for c in table.columns:
            rules = "; ".join(
                filter(
                    None,
                    [
                        f"pattern `{c.pattern}`" if c.pattern else "",
                        f"one of {', '.join(c.values)}" if c.values else "",
                        f"≥ {c.minimum:g}" if c.minimum is not None else "",
                        f"≤ {c.maximum:g}" if c.maximum is not None else "",
                    ],
                )
            )
            out.append(
                f"| `{c.name}` | {c.type} | {'no' if c.nullable else 'yes'} | {c.unit or ''} | "
                f"{rules} | "
                f"{c.description} |"
            )
        out.append("")
    return "\n".join(out)
