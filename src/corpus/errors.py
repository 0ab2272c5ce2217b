"""The one exception type the pipeline raises for bad input; messages kept to one printable line,
and OSErrors made to name their file."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager

# bidirectional controls: they reorder what a terminal shows (U+202E makes 'txt.exe' 'exe.txt')
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def printable(text: str) -> str:
    """Text as one printable line: control characters, line and paragraph breaks and bidirectional
    controls escaped as Python writes them ('\\n', '\\x1b', '\\u202e'), so that a hostile file
    name cannot print a line of its own (a fake 'error:')."""
    if text.isprintable():
        return text
    return "".join(
        c.encode("unicode_escape").decode("ascii")
        if c != "\t" and (unicodedata.category(c) in ("Cc", "Zl", "Zp") or c in BIDI_CONTROLS)
        else c
        for c in text
    )


@contextmanager
def naming(path) -> Iterator[None]:
    """An OSError raised inside that names no file (a full disk: 'No space left on device') is
    raised again naming path."""
    try:
        yield
    except OSError as exc:
        if exc.filename is not None:
            raise
        raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from exc


class InputError(Exception):
    """Bad input, reported to the user as one line naming the file and line. A raw file's error
    may also carry the stage of the build that refused it and the file's sha256 (for the
    quarantine report)."""

    def __init__(
        self,
        path: str,
        message: str,
        line: int | None = None,
        stage: str = "",
        sha256: str = "",
        details: tuple[str, ...] = (),
    ):
        super().__init__(message)
        self.path = path
        self.line = line
        self.message = message
        self.stage = stage
        self.sha256 = sha256
        self.details = tuple(details)  # a list under the message, one '  - ' line each

    def __reduce__(self):  # picklable, so parallel workers can report it
        return (
            InputError,
            (self.path, self.message, self.line, self.stage, self.sha256, self.details),
        )

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return printable(f"{where}: {self.message}") + "".join(
            f"\n  - {printable(d)}" for d in self.details
        )


MAX_MESSAGE = 200  # characters of an unexpected exception's message kept in its one line


def unexpected(path: str, exc: BaseException, stage: str = "", sha256: str = "") -> InputError:
    """An exception a reader or extractor did not foresee (recursion, overflow, a type error from a
    malformed structure), as one line naming the file."""
    text = " ".join(str(exc).split())
    text = text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 3] + "..."
    said = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return InputError(path, f"cannot be processed ({said})", stage=stage, sha256=sha256)


class InputErrors(InputError):
    """Several raw files refused at once (the first one stands for them all in str())."""

    def __init__(self, errors: list[InputError]):
        first = errors[0]
        super().__init__(first.path, first.message, first.line, first.stage, first.sha256)
        self.errors = list(errors)

    def __reduce__(self):
        return (InputErrors, (self.errors,))
