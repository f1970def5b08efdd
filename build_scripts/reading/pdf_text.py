"""The text layer of a PDF: its lines, each with its position, font size and style.

PDFium (through pypdfium2) gives every character with its font name, size and position.
Characters are grouped into lines by their baseline; a row of raised, smaller characters
(a footnote marker) joins the line it sits on; a wide gap splits a row into separate lines
(the two columns of a masthead). Reading happens in a child process with a memory and a time
limit, so that a PDF whose streams expand enormously, or that makes the reader loop, stops
with a message instead of exhausting the machine.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

PAGE_LIMIT = 300
"""The most pages read: the longest resolutions, with annexes, run to about a hundred."""
MEMORY_LIMIT = 512 << 20
"""The most memory the reading may take beyond what the build already holds (512 MiB; a
resolution of a hundred pages takes a tenth of it)."""
TIME_LIMIT = 60.0
"""Seconds the reading of one PDF may take."""

_BASELINE_TOLERANCE = 2.5  # points: characters of one line may sit this far apart vertically
_COLUMN_GAP = 3.0  # font sizes: a wider gap between characters starts another line
_SPACE_GAP = 0.18  # font sizes: a wider gap between characters is a space
_HYPHEN = "-"
COLUMN_GAP = "    "
_ITALIC_FLAG = 1 << 6  # of a font descriptor's flags


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


# --- Reading, bounded ----------------------------------------------------------------------


def _chars(textpage, height: float) -> list[dict]:
    """Every character PDFium finds in the text layer (not those it adds), with its font and place.

    The font of a character is that of its text object: asked once per object, not per character.
    """
    import pypdfium2.raw as pdfium_c

    raw = textpage.raw
    box = pdfium_c.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    _text_object = _address_returning(pdfium_c.FPDFText_GetTextObject)
    fonts: dict[int | None, tuple[str, bool, bool, float, bool]] = {}
    chars: list[dict] = []
    pending_high = ""
    for index in range(pdfium_c.FPDFText_CountChars(raw)):
        if pdfium_c.FPDFText_IsGenerated(raw, index):
            # A space PDFium adds stands where the glyph before it ends its advance: a truer end
            # than its box, which an overhanging glyph ("f") stretches over the gap.
            if chars and pdfium_c.FPDFText_GetUnicode(raw, index) == 0x20:
                pdfium_c.FPDFText_GetLooseCharBox(raw, index, box)
                chars[-1]["x1"] = min(chars[-1]["x1"], max(box.left, chars[-1]["x0"]))
            continue
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        if 0xD800 <= code < 0xDC00:  # the first half of a character beyond the BMP
            pending_high = chr(code)
            continue
        text = _HYPHEN if code == 2 else chr(code)  # PDFium reports a line-end hyphen as U+0002
        if pending_high:
            text = (pending_high + text).encode("utf-16", "surrogatepass").decode("utf-16")
            pending_high = ""
        key = _text_object(raw, index)
        font = fonts.get(key)
        if font is None:
            font = fonts[key] = _font(raw, index)
        # Where the glyph starts (its origin) and where its box ends: an italic glyph's box may
        # start well before its origin ("f"), which would hide the space before it.
        pdfium_c.FPDFText_GetLooseCharBox(raw, index, box)
        pdfium_c.FPDFText_GetCharOrigin(raw, index, x, y)
        chars.append(
            {
                "text": text,
                "fontname": font[0],
                "bold": font[1],
                "italic": font[2],
                "size": font[3],
                "upright": font[4],
                "x0": x.value,
                "x1": max(box.right, x.value),
                "top": height - box.top,
                "bottom": height - box.bottom,
            }
        )
    return chars


def _address_returning(function):
    """The same C function, returning the address it gives as an int: a cheap dictionary key."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(address)


def _font(raw, index: int) -> tuple[str, bool, bool, float, bool]:
    """Name, bold, italic, size and uprightness of the font of character ``index``."""
    import pypdfium2.raw as pdfium_c

    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    pdfium_c.FPDFText_GetFontInfo(raw, index, name, len(name), flags)
    font = name.value.decode("latin-1")
    lowered = font.split("+")[-1].lower()
    bold = "bold" in lowered or "black" in lowered or pdfium_c.FPDFText_GetFontWeight(raw, index) >= 600
    italic = "italic" in lowered or "oblique" in lowered or bool(flags.value & _ITALIC_FLAG)
    size = round(pdfium_c.FPDFText_GetFontSize(raw, index), 1)
    upright = abs(pdfium_c.FPDFText_GetCharAngle(raw, index)) < 0.01
    return font, bold, italic, size, upright


def _read_pages(path: str) -> list[Page]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise PdfProblem(0, "a PDF that opens without a password", "an encrypted PDF") from None
        raise PdfProblem(0, "a readable PDF", f"a damaged or truncated PDF ({error})") from None
    try:
        count = len(document)
        if count > PAGE_LIMIT:
            raise PdfProblem(0, f"a PDF of at most {PAGE_LIMIT} pages", f"{count} pages")
        if count == 0:
            raise PdfProblem(0, "a PDF with at least one page", "no pages")
        pages = []
        for number in range(1, count + 1):
            page = document[number - 1]
            height = page.get_height()
            chars = _chars(page.get_textpage(), height)
            images = sum(1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))
            pages.append(Page(number, page.get_width(), height, tuple(page_lines(chars, number)), images))
        return pages
    except pdfium.PdfiumError as error:
        raise PdfProblem(0, "a readable PDF", f"a damaged PDF ({error})") from None
    finally:
        document.close()


_TOO_BIG = "more than that: a stream that expands enormously?"
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
        with contextlib.suppress(OSError):
            _limit_memory()
        conn.send(("pages", _read_pages(path)))
    except PdfProblem as problem:
        conn.send(("problem", (problem.page, problem.expected, problem.found)))
    except MemoryError:
        conn.send(("problem", (0, _BOUNDED, _TOO_BIG)))
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
        raise PdfProblem(0, _BOUNDED, _TOO_BIG) from None
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join()
    if kind == "problem":
        raise PdfProblem(*value)
    return value
