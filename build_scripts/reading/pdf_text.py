"""A page's characters -> its lines, each with its position, font size and style.

Characters (from ``pdf_reader``) are grouped into lines by their baseline; a row of raised,
smaller characters (a footnote marker) joins the line it sits on; a wide gap splits a row into
columns, and columns of one weight stay one line ("United Nations    A/RES/78/248").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

_BASELINE_TOLERANCE = 2.5  # points: characters of one line may sit this far apart vertically
_COLUMN_GAP = 3.0  # font sizes: a wider gap between characters starts another line
_SPACE_GAP = 0.18  # font sizes: a wider gap between characters is a space
COLUMN_GAP = "    "


@dataclass(frozen=True)
class Span:
    """A run of characters of one style on a line."""

    text: str
    bold: bool
    italic: bool
    raised: bool
    """Smaller and above the baseline: a footnote marker when it is made of digits."""


@dataclass(frozen=True)
class Line:
    page: int
    number: int
    """Its place among the page's lines, from the top (1-based)."""
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    """The font size of most of its characters."""
    spans: tuple[Span, ...]
    barcode: bool = False
    columns: bool = False
    """Made of columns set side by side (a table's row)."""

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)

    @property
    def bold(self) -> bool:
        return all(s.bold for s in self.spans if s.text.strip() and not s.raised)

    @property
    def italic(self) -> bool:
        return all(s.italic for s in self.spans if s.text.strip() and not s.raised)


@dataclass(frozen=True)
class Page:
    number: int
    width: float
    height: float
    lines: tuple[Line, ...]
    images: int = 0


# --- Characters to lines -------------------------------------------------------------------


def _rows(chars: list[dict]) -> list[list[dict]]:
    """Characters grouped by baseline, top to bottom."""
    rows: list[list[dict]] = []
    for char in sorted(chars, key=lambda c: (c["bottom"], c["x0"])):
        if rows and char["bottom"] - rows[-1][0]["bottom"] <= _BASELINE_TOLERANCE:
            rows[-1].append(char)
        else:
            rows.append([char])
    return rows


def _size(chars: Iterable[dict]) -> float:
    sizes: dict[float, int] = {}
    for char in chars:
        if char["text"] != " ":
            sizes[char["size"]] = sizes.get(char["size"], 0) + 1
    return max(sizes, key=sizes.__getitem__) if sizes else 0.0


def _merge_raised(rows: list[list[dict]]) -> list[list[dict]]:
    """A row of smaller characters whose bottom lies within the next row's height joins it."""
    merged: list[list[dict]] = []
    index = 0
    while index < len(rows):
        row = rows[index]
        below = rows[index + 1] if index + 1 < len(rows) else None
        if below is not None:
            size, below_size = _size(row), _size(below)
            below_top = min(c["top"] for c in below)
            if size < 0.8 * below_size and row[0]["bottom"] > below_top:
                baseline = max(c["bottom"] for c in below)
                for char in row:
                    char["raised"] = char["bottom"] < baseline - 1.0
                rows[index + 1] = below + row
                index += 1
                continue
        merged.append(row)
        index += 1
    return merged


def _segments(row: list[dict]) -> list[list[dict]]:
    """A row split where a wide gap separates two columns."""
    ordered = sorted(row, key=lambda c: c["x0"])
    segments = [[ordered[0]]]
    for char in ordered[1:]:
        previous = segments[-1][-1]
        if char["x0"] - previous["x1"] > _COLUMN_GAP * max(char["size"], previous["size"]):
            segments.append([char])
        else:
            segments[-1].append(char)
    return segments


def _spans(chars: list[dict], size: float) -> tuple[Span, ...]:
    runs: list[tuple[tuple[bool, bool, bool], list[str]]] = []
    previous: dict | None = None
    for char in chars:
        text = char["text"]
        if (
            previous is not None
            and text != " "
            and previous["text"] != " "
            and char["x0"] - previous["x1"] > _SPACE_GAP * min(char["size"], previous["size"])
        ):
            text = " " + text
        previous = char
        style = (char["bold"], char["italic"], bool(char.get("raised")) and char["size"] < 0.8 * size)
        if runs and runs[-1][0] == style:
            runs[-1][1].append(text)
        else:
            runs.append((style, [text]))
    return _tidy([Span("".join(texts), *style) for style, texts in runs])


def _tidy(spans: list[Span]) -> tuple[Span, ...]:
    """Runs of spaces as one space, none at the ends of the line."""
    out: list[Span] = []
    for span in spans:
        text = re.sub(r"\s+", " ", span.text)
        if out and out[-1].text.endswith(" ") and text.startswith(" "):
            text = text[1:]
        if text:
            out.append(Span(text, span.bold, span.italic, span.raised))
    if out:
        out[0] = Span(out[0].text.lstrip(), out[0].bold, out[0].italic, out[0].raised)
        out[-1] = Span(out[-1].text.rstrip(), out[-1].bold, out[-1].italic, out[-1].raised)
    return tuple(s for s in out if s.text)


def page_lines(chars: list[dict], page: int) -> list[Line]:
    """A page's characters as lines, in reading order (top to bottom, left to right).

    Columns of one row in the same weight stay one line, four spaces between them ("United
    Nations    A/RES/78/248", a table's row); a bold column and a plain one are two lines (the
    masthead's "General Assembly" beside "Distr.: General").
    """
    chars = [c for c in chars if c.get("upright", True) and c["text"] and c["text"] not in "\r\n"]
    lines: list[Line] = []
    for row in _merge_raised(_rows(chars)):
        pieces = [piece for piece in (_line(segment, page) for segment in _segments(row)) if piece]
        for index, piece in enumerate(pieces):
            previous = lines[-1] if index and lines else None
            if previous is not None and not previous.bold and not piece.bold and not piece.barcode:
                lines[-1] = _beside(previous, piece)
            else:
                lines.append(replace(piece, number=len(lines) + 1))
    return lines


def _line(segment: list[dict], page: int) -> Line | None:
    size = _size(c for c in segment if not c.get("raised"))
    spans = _spans(segment, size)
    if not spans:
        return None
    return Line(
        page=page,
        number=0,
        x0=min(c["x0"] for c in segment),
        x1=max(c["x1"] for c in segment),
        top=min(c["top"] for c in segment if not c.get("raised")) if size else segment[0]["top"],
        bottom=max(c["bottom"] for c in segment),
        size=size,
        spans=spans,
        barcode=all("barcode" in c["fontname"].lower() for c in segment if c["text"].strip()),
    )


def _beside(left: Line, right: Line) -> Line:
    """Two columns of a row as one line."""
    gap = Span(COLUMN_GAP, False, False, False)
    return replace(
        left,
        x1=right.x1,
        top=min(left.top, right.top),
        bottom=max(left.bottom, right.bottom),
        size=max(left.size, right.size),
        spans=(*left.spans, gap, *right.spans),
        columns=True,
    )
