"""The one exception type the pipeline raises for bad input."""
from __future__ import annotations


class InputError(Exception):
    """Bad input, reported to the user as one line naming the file and line. A raw file's error
    may also carry the stage of the build that refused it and the file's sha256 (for the
    quarantine report)."""

    def __init__(self, path: str, message: str, line: int | None = None, stage: str = "",
                 sha256: str = ""):
        super().__init__(message)
        self.path = path
        self.line = line
        self.message = message
        self.stage = stage
        self.sha256 = sha256

    def __reduce__(self):  # picklable, so parallel workers can report it
        return (InputError, (self.path, self.message, self.line, self.stage, self.sha256))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


MAX_MESSAGE = 200  # characters of an unexpected exception's message kept in its one line


def unexpected(path: str, exc: BaseException, stage: str = "", sha256: str = "") -> InputError:
    """An exception a reader or extractor did not foresee (recursion, overflow, a type error from a
    malformed structure), as one line naming the file."""
    text = " ".join(str(exc).split())
    text = text if len(text) <= MAX_MESSAGE else text[:MAX_MESSAGE - 3] + "..."
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
