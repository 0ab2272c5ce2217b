"""liveblog-corpus: news live blogs as validated research tables.

>>> import corpus
>>> entries = corpus.load("entries")   # a pandas DataFrame

The package's rooms follow the data's flow (docs/ARCHITECTURE.md): collect -> parse -> timeline,
tables -> extract -> validate -> build -> release, with schema and errors beside them all and
`dataset` (load, verify) the read side a researcher needs alone.
"""

from __future__ import annotations

from corpus.dataset import data_dir, load
from corpus.dataset.reports import reports
from corpus.version import __version__

__all__ = ["__version__", "data_dir", "load", "reports"]
