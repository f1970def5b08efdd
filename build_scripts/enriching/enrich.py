"""The model + the catalogue -> where each term, instrument, document symbol and theme is.

Nothing here knows Markdown: it finds spans of text to link, and builds the indexes
("Mentioned in", "Cited in", themes) from them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ..errors import ConversionError
from ..identifiers import DocumentSymbol
from ..model import Resolution
from ..parsing.vocabulary import Vocabulary
from .catalogue import Catalogue, Entry

# A document symbol as printed: A/HRC/RES/53/9, E/2002/68/Add.1, S/RES/1325 (2000).
_SYMBOL = re.compile(r"\b(?:[AES]|CRC|CEDAW|CERD|CCPR|CAT)/[A-Za-z0-9]+(?:[/.][A-Za-z0-9]+)*(?: \(\d{4}\))?")
_NUMBER = r"\d{1,3}/\d{1,4}[A-Z]?|\d{3,4} \(\d{4}\)"


@cache
def _cited_pattern(bodies: tuple[str, ...]) -> re.Pattern[str]:
    """A resolution cited by number: "resolution 68/192", "its resolution 52/3", "Security
    Council resolution 1325 (2000)". The body before it decides the symbol; "its" is the body
    named last before it in the paragraph, or else the adopting body."""
    names = "|".join(map(re.escape, (*bodies, "its")))
    return re.compile(rf"(?:(?P<body>{names})\s+)?(?P<word>resolutions?)\s+(?P<number>{_NUMBER})")


@dataclass(frozen=True)
class Span:
    """A piece of a text that links somewhere."""

    start: int
    end: int
    url: str | None = None
    """An external address (a document symbol), or None for a catalogue entry."""
    entry: Entry | None = None


@dataclass(frozen=True)
class AnnotatedText:
    """One text of the resolution with what it mentions."""

    key: str
    """Unique: a paragraph or footnote id, or ``masthead-3``, ``closing-1`` for single lines."""
    anchor: str
    """Where a link to it goes on the full-text page."""
    name: str
    text: str
    spans: tuple[Span, ...]
    mentions: tuple[Entry, ...]
    themes: tuple[Entry, ...]


@dataclass(frozen=True)
class Enriched:
    resolution: Resolution
    catalogue: Catalogue
    texts: dict[str, AnnotatedText]
    index: dict[str, tuple[AnnotatedText, ...]]
    """For each entry (``page#id``): the texts that mention it, in reading order."""

    def mentions_of(self, entry: Entry) -> tuple[AnnotatedText, ...]:
        return self.index.get(f"{entry.page}#{entry.id}", ())


def _last_body_named(text: str, bodies: dict[str, str]) -> str:
    """The body named last in ``text`` ("the decision of the General Assembly, in its …")."""
    positions = {name: text.rfind(name) for name in bodies}
    name, position = max(positions.items(), key=lambda item: item[1], default=("", -1))
    return name if position >= 0 else ""


def symbol_spans(text: str, adopting_body_symbol: str, symbol_patterns: dict[str, str]) -> list[Span]:
    """Links to undocs.org for the document symbols and numbered resolutions a text cites."""
    if "/" not in text and "(" not in text:  # every symbol and number holds one or the other
        return []
    spans = [Span(m.start(), m.end(), DocumentSymbol(m.group()).undocs_url) for m in _SYMBOL.finditer(text)]
    for match in _cited_pattern(tuple(symbol_patterns)).finditer(text):
        body = match["body"]
        if body == "its":
            pattern = symbol_patterns.get(
                _last_body_named(text[: match.start()], symbol_patterns), adopting_body_symbol
            )
        else:
            pattern = symbol_patterns.get(body or "General Assembly")
        if pattern is None:
            continue
        start = match.start("word") if body in (None, "its") else match.start()
        symbol = DocumentSymbol.from_pattern(pattern, match["number"])
        spans.append(Span(start, match.end(), symbol.undocs_url))
    return spans


def _choose(candidates: list[Span]) -> list[Span]:
    """Symbols first, then the longest match at each place; no overlaps; one link per entry."""
    chosen: list[Span] = []
    seen: set[str] = set()
    ordered = sorted(candidates, key=lambda s: (s.entry is not None, s.start, s.start - s.end))
    for span in ordered:
        if any(span.start < c.end and c.start < span.end for c in chosen):
            continue
        if span.entry is not None:
            key = f"{span.entry.page}#{span.entry.id}"
            if key in seen:
                continue
            seen.add(key)
        chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)


def _texts(resolution: Resolution) -> Iterator[tuple[str, str, str, str]]:
    """(key, anchor, name, text) of every text a reader may look a term up in."""
    for index, line in enumerate(resolution.masthead):
        if index != resolution.heading_index:  # a heading holds no links
            yield f"masthead-{index + 1}", "masthead", "the masthead", line
    for paragraph in resolution.paragraphs():
        yield paragraph.id, paragraph.id, paragraph.name, paragraph.text
    for note in resolution.footnotes:
        yield note.id, note.id, f"footnote {note.number}", note.text
    for index, line in enumerate(resolution.closing.lines):
        yield f"closing-{index + 1}", "closing", "the closing lines", line


def enrich(resolution: Resolution, catalogue: Catalogue, vocabulary: Vocabulary) -> Enriched:
    """Find every mention; fail if a catalogue entry is mentioned nowhere."""
    patterns = {b.name: b.symbol for b in vocabulary.bodies}
    own = patterns.get(resolution.metadata.body, "A/RES/{number}")
    texts: dict[str, AnnotatedText] = {}
    for key, anchor, name, text in _texts(resolution):
        candidates = symbol_spans(text, own, patterns)
        mentioned: list[Entry] = []
        for entry in catalogue.linkable:
            found = entry.matches(key, text)
            if found:
                mentioned.append(entry)
                candidates.extend(Span(m.start(), m.end(), entry=entry) for m in found)
        themes = tuple(t for t in catalogue.themes if t.matches(key, text))
        texts[key] = AnnotatedText(
            key, anchor, name, text, tuple(_choose(candidates)), tuple(mentioned), themes
        )
    index: dict[str, list[AnnotatedText]] = {}
    for annotated in texts.values():
        for entry in (*annotated.mentions, *annotated.themes):
            index.setdefault(f"{entry.page}#{entry.id}", []).append(annotated)
    for entry in (*catalogue.linkable, *catalogue.themes):
        unknown = sorted(entry.not_in - texts.keys())
        if unknown:  # a typo would silently leave the paragraph linked
            raise ConversionError(
                entry.file, entry.line, f"'not_in' to name texts of {resolution.source}", ", ".join(unknown)
            )
        if f"{entry.page}#{entry.id}" not in index:
            raise ConversionError(
                entry.file,
                entry.line,
                f"'{entry.id}' to match somewhere in {resolution.source}",
                "no match for its patterns",
            )
    return Enriched(resolution, catalogue, texts, {k: tuple(v) for k, v in index.items()})
