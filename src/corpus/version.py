"""The package's version: one value, shared by the code, the tables' metadata and releases."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("liveblog-corpus")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"
