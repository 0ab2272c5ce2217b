"""Collecting: the raw folder and its registry (raw.py, raw_folder.py, raw_text.py,
raw_registry.py, registry_file.py, values.py), fetching pages politely (client.py, fetch.py,
fetch_jobs.py, fetch_report.py) and from web archives (wayback.py). May import: schema, errors,
version. The first step of the flow: nothing else in the package is imported here."""
