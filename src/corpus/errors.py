"""The one exception type the pipeline raises for bad input."""
from __future__ import annotations


class InputError(Exception):
    """Bad input, reported to the user as one line naming the file and line."""

    def __init__(self, path: str, message: str, line: int | None = None):
        super().__init__(message)
        self.path = path
        self.line = line
        self.message = message

    def __reduce__(self):  # picklable, so parallel workers can report it
        return (InputError, (self.path, self.message, self.line))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"
