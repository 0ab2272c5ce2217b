"""Releasing: a versioned, citable, byte-reproducible release of a built data folder (publish),
its checks (preflight), data card, changelog entry, changes since the last one (diff) and
Croissant metadata. May import everything below it in the flow; only the command line imports it."""
