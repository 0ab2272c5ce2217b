"""Collecting: the raw folder and its registry (raw.py), fetching pages politely (client.py,
fetch.py) and from web archives (wayback.py). May import: schema, errors, version. The first step
of the flow: nothing else in the package is imported here."""
