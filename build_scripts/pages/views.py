"""What the templates print: small records computed by the page writers.

Text fields are plain text, which the templates escape; fields typed :class:`Markdown` are
already written (a paragraph with its links). Addresses and classes are computed here, so that
the templates only print.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..enriching.catalogue import Entry
from .escape import Markdown


@dataclass(frozen=True)
class Link:
    href: str
    """A Markdown link target, relative to the page that prints it."""
    name: str


@dataclass(frozen=True)
class ParagraphView:
    anchor: str
    name: str
    """What a screen reader names it: ``operative paragraph 1 (c)``."""
    short_name: str
    """The marginal label: ``OP 1 (c)``."""
    label: str | None
    """Its number as printed: ``(c)``."""
    markdown: Markdown
    classes: tuple[str, ...]
    is_division: bool = False


@dataclass(frozen=True)
class DivisionView:
    """A part's, section's, article's or heading's title on the full-text page."""

    anchor: str
    level: int
    """The HTML heading level: h3 for a division of the preamble, operative part or annex."""
    label: str | None
    heading: str
    name: str
    is_division: bool = True


View = ParagraphView | DivisionView


@dataclass(frozen=True)
class NoteView:
    anchor: str
    number: int
    markdown: Markdown
    back_links: tuple[tuple[str, str], ...]
    """(ref id, the name of the paragraph it returns to)."""


@dataclass(frozen=True)
class CitedText:
    """Statements of a definition that share a source, and that source."""

    text: str
    """The statements, without the full stop of the last one."""
    stop: str
    source: str
    url: str


@dataclass(frozen=True)
class EntryView:
    entry: Entry
    description: str
    definition: tuple[CitedText, ...]
    """For a term: its definition, each statement followed by its source."""
    mentions: tuple[Link, ...]
    """Every text that mentions it."""
    link_kind: str
    """What its official link opens: ``text`` (an instrument) or ``page`` (a body)."""
