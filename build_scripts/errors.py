"""Problems found in a resolution's text: errors stop the build, warnings are reported."""

from __future__ import annotations

from dataclasses import dataclass, field


def _snippet(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


class ConversionError(Exception):
    """A problem that stops the build, reported as ``file:line: message``."""

    def __init__(self, file: str, line: int, expected: str, found: str | None = None) -> None:
        self.file = file
        self.line = line
        self.expected = expected
        self.found = found
        super().__init__(str(self))

    def __str__(self) -> str:
        message = f"{self.file}:{self.line}: expected {self.expected}"
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

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: warning: {self.message}"


@dataclass
class Diagnostics:
    """Collects soft problems: the text is kept, the reader of the build log is told."""

    file: str
    warnings: list[Warning_] = field(default_factory=list)

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(Warning_(self.file, line, message))
