"""The text layer of a PDF: its lines, each with its position, font size and style.

pdfplumber (on pdfminer.six) gives every character with its font name, size and position.
Characters are grouped into lines by their baseline; a row of raised, smaller characters
(a footnote marker) joins the line it sits on; a wide gap splits a row into separate lines
(the two columns of a masthead). Reading happens in a child process with a memory and a time
limit, so that a PDF whose streams expand enormously, or that makes the reader loop, stops
with a message instead of exhausting the machine.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

PAGE_LIMIT = 300
"""The most pages read: the longest resolutions, with annexes, run to about a hundred."""
MEMORY_LIMIT = 1 << 30
"""The most memory the reading may take beyond what the build already holds (1 GiB)."""
TIME_LIMIT = 60.0
"""Seconds the reading of one PDF may take."""

_BASELINE_TOLERANCE = 2.5  # points: characters of one line may sit this far apart vertically
_COLUMN_GAP = 3.0  # font sizes: a wider gap between characters starts another line
_SPACE_GAP = 0.18  # font sizes: a wider gap between characters is a space


class PdfProblem(Exception):
    """Why a PDF cannot be read; ``page`` is 0 when the whole file is at fault."""

    def __init__(self, page: int, expected: str, found: str) -> None:
        super().__init__(found)
        self.page, self.expected, self.found = page, expected, found


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


def _style(font: str) -> tuple[bool, bool]:
    name = font.split("+")[-1].lower()
    return "bold" in name or "black" in name, "italic" in name or "oblique" in name


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
    sizes = Counter(round(c["size"], 1) for c in chars if c["text"].strip())
    return sizes.most_common(1)[0][0] if sizes else 0.0


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
    spans: list[Span] = []
    previous: dict | None = None
    for char in chars:
        text = char["text"]
        if previous is not None and text != " " and previous["text"] != " ":
            if char["x0"] - previous["x1"] > _SPACE_GAP * min(char["size"], previous["size"]):
                text = " " + text
        previous = char
        bold, italic = _style(char["fontname"])
        raised = bool(char.get("raised")) and char["size"] < 0.8 * size
        if spans and (spans[-1].bold, spans[-1].italic, spans[-1].raised) == (bold, italic, raised):
            spans[-1] = Span(spans[-1].text + text, bold, italic, raised)
        else:
            spans.append(Span(text, bold, italic, raised))
    return _tidy(spans)


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
    """A page's characters as lines, in reading order (top to bottom, left to right)."""
    chars = [c for c in chars if c.get("upright", True) and c["text"] and c["text"] not in "\r\n"]
    lines: list[Line] = []
    for row in _merge_raised(_rows(chars)):
        for segment in _segments(row):
            size = _size(c for c in segment if not c.get("raised"))
            spans = _spans(segment, size)
            if not spans:
                continue
            lines.append(
                Line(
                    page=page,
                    number=len(lines) + 1,
                    x0=min(c["x0"] for c in segment),
                    x1=max(c["x1"] for c in segment),
                    top=min(c["top"] for c in segment if not c.get("raised")) if size else segment[0]["top"],
                    bottom=max(c["bottom"] for c in segment),
                    size=size,
                    spans=spans,
                    barcode=all("barcode" in c["fontname"].lower() for c in segment if c["text"].strip()),
                )
            )
    return lines


# --- Reading, bounded ----------------------------------------------------------------------


def _read_pages(path: str) -> list[Page]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.psexceptions import PSException

    try:
        with pdfplumber.open(path) as pdf:
            count = len(pdf.pages)
            if count > PAGE_LIMIT:
                raise PdfProblem(0, f"a PDF of at most {PAGE_LIMIT} pages", f"{count} pages")
            if count == 0:
                raise PdfProblem(0, "a PDF with at least one page", "no pages")
            return [
                Page(n, float(p.width), float(p.height), tuple(page_lines(p.chars, n)), len(p.images))
                for n, p in enumerate(pdf.pages, start=1)
            ]
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise PdfProblem(0, "a PDF that opens without a password", "an encrypted PDF") from None
    except PdfProblem:
        raise
    except MemoryError:
        raise PdfProblem(0, _BOUNDED, "more than the memory limit") from None
    except (PSException, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as error:
        detail = f"a damaged or truncated PDF ({type(error).__name__}: {error})"
        raise PdfProblem(0, "a readable PDF", detail) from None


_BOUNDED = f"a PDF that reads within {MEMORY_LIMIT >> 20} MiB of memory and {TIME_LIMIT:.0f} seconds"


def _limit_memory() -> None:
    try:
        import resource
    except ImportError:  # not on this system: time is still bounded
        return
    with open("/proc/self/statm", encoding="ascii") as statm:
        in_use = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    limit = in_use + MEMORY_LIMIT
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _child(path: str, conn) -> None:
    try:
        try:
            _limit_memory()
        except OSError:
            pass
        conn.send(("pages", _read_pages(path)))
    except PdfProblem as problem:
        conn.send(("problem", (problem.page, problem.expected, problem.found)))
    except MemoryError:
        conn.send(("problem", (0, _BOUNDED, "more than the memory limit")))
    except Exception as error:
        conn.send(("problem", (0, "a readable PDF", f"a damaged PDF ({type(error).__name__}: {error})")))
    finally:
        conn.close()


def read_pages(path: str) -> list[Page]:
    """Every page's lines; raises PdfProblem when the file cannot be read within the limits."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(path, sender), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(TIME_LIMIT):
            raise PdfProblem(0, _BOUNDED, f"a reading that took longer than {TIME_LIMIT:.0f} seconds")
        kind, value = receiver.recv()
    except EOFError:
        raise PdfProblem(0, _BOUNDED, "a reading that ran out of memory") from None
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join()
    if kind == "problem":
        raise PdfProblem(*value)
    return value
