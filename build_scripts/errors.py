"""Problems found in a resolution's text: errors stop the build, warnings are reported."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


def _snippet(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


class ConversionError(Exception):
    """A problem that stops the build, reported as ``file:line: message``."""

    def __init__(
        self, file: str, line: int, expected: str, found: str | None = None, location: str | None = None
    ) -> None:
        self.file = file
        self.line = line
        self.expected = expected
        self.found = found
        self.location = location
        """Where in the file, when a line number does not say it (``"page 3, line 12"`` in a PDF)."""
        super().__init__(str(self))

    def __str__(self) -> str:
        message = f"{self.file}:{self.location or self.line}: expected {self.expected}"
        if self.found is not None:
            message += f"; found: {_snippet(self.found)!r}" if self.found else "; found nothing"
        return message


class ParseError(ConversionError):
    """The text does not have the layout of a resolution."""


@dataclass(frozen=True)
class Warning_:
    file: str
    line: int
    message: str
    location: str | None = None

    def __str__(self) -> str:
        return f"{self.file}:{self.location or self.line}: warning: {self.message}"


@dataclass(frozen=True)
class Note:
    """Something the reading did on purpose that the build log should show (a PDF's running
    head removed, say): not a problem."""

    file: str
    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.location}: note: {self.message}"


@dataclass
class Diagnostics:
    """Collects soft problems: the text is kept, the reader of the build log is told."""

    file: str
    warnings: list[Warning_] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    locate: Callable[[int], str | None] = field(default=lambda line: None)
    """Where a line of the text the parser read came from, when that is not the line itself."""

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(Warning_(self.file, line, message, self.locate(line)))

    def warn_at(self, location: str, message: str) -> None:
        """A warning about a place that is not a line of the text the parser read (a PDF's page)."""
        self.warnings.append(Warning_(self.file, 0, message, location))

    def note(self, location: str, message: str) -> None:
        self.notes.append(Note(self.file, location, message))
