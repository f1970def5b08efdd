"""Reading a PDF's characters with PDFium (the ``pypdfium2`` package), within limits.

PDFium gives every character of the text layer with its font name, size and position. The
reading happens in a child process with a memory and a time limit, so that a PDF whose streams
expand enormously, or that makes the reader loop, stops with a message instead of exhausting
the machine; what the file lacks (a text layer, a password) is said the same way.
"""

from __future__ import annotations

import contextlib
import ctypes
import faulthandler
import multiprocessing
import os

from .pdf_text import Page, page_lines

PAGE_LIMIT = 300
"""The most pages read: the longest resolutions, with annexes, run to about a hundred."""
MEMORY_LIMIT = 512 << 20
"""The most memory the reading may take beyond what the build already holds (512 MiB; a
resolution of a hundred pages takes a tenth of it)."""
TIME_LIMIT = 60.0
"""Seconds the reading of one PDF may take."""
_HYPHEN = "-"
_ITALIC_FLAG = 1 << 6  # of a font descriptor's flags


class PdfProblem(Exception):
    """Why a PDF cannot be read; ``page`` is 0 when the whole file is at fault."""

    def __init__(self, page: int, expected: str, found: str) -> None:
        super().__init__(found)
        self.page, self.expected, self.found = page, expected, found


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
            raise PdfProblem(
                0,
                "a PDF that opens without a password (save a copy without it, or convert the text file)",
                "an encrypted PDF",
            ) from None
        raise PdfProblem(0, _READABLE, f"a damaged or truncated PDF ({error})") from None
    try:
        count = len(document)
        if count > PAGE_LIMIT:
            raise PdfProblem(
                0,
                f"a PDF of at most {PAGE_LIMIT} pages (the resolution's own pages: save them alone)",
                f"{count} pages",
            )
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
        raise PdfProblem(0, _READABLE, f"a damaged PDF ({error})") from None
    finally:
        document.close()


_TOO_BIG = "more than that: a stream that expands enormously?"
_BOUNDED = (
    f"a PDF that reads within {MEMORY_LIMIT >> 20} MiB of memory and {TIME_LIMIT:.0f} seconds "
    "(download it again from the UN's document system, or convert the text file)"
)
_READABLE = "a readable PDF (download it again from the UN's document system, or convert the text file)"


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
    # PDFium aborts when an allocation fails: the parent then reports the limit, and a fault
    # handler the host enabled (pytest does) must not print the child's stack over it.
    faulthandler.disable()
    try:
        with contextlib.suppress(OSError):
            _limit_memory()
        conn.send(("pages", _read_pages(path)))
    except PdfProblem as problem:
        conn.send(("problem", (problem.page, problem.expected, problem.found)))
    except MemoryError:
        conn.send(("problem", (0, _BOUNDED, _TOO_BIG)))
    except Exception as error:
        conn.send(("problem", (0, _READABLE, f"a damaged PDF ({type(error).__name__}: {error})")))
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
