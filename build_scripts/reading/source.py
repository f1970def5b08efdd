"""The one place that chooses how to read a resolution's file: text or PDF, by its content.

Either way the parser gets the same thing: blocks of lines in the text layout (``normalize``).
A PDF's blocks are numbered by the lines of the text layout made from it; ``locate`` turns such
a number back into the page and line of the PDF, for messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import Diagnostics, ParseError
from .normalize import Block, blocks_from_bytes, read_bytes, split_blocks, split_lines

if TYPE_CHECKING:
    from .pdf_layout import Remark, Removed, TextLayout

_PDF_MAGIC = b"%PDF-"
# Lines only a PDF's print furniture has: the job number ("23-25999 (E)    100124"), the
# barcode ("*2325999*"), the page counter ("3/14"). A text file with them is text extracted
# from a PDF as it stands, running heads and all.
_FURNITURE = re.compile(r"\d{2}-\d{5}(?:\s*\(E\))?(?:\s+\d{6})?|\*\d{7,}\*|\d{1,3}/\d{1,3}")
_EXTRACTED = (
    "a text file in the text layout, without a PDF's print furniture: this looks like text "
    "extracted from a PDF as it stands (job numbers, barcodes, page numbers); convert the PDF "
    "itself, or write its text layout with `python -m build_scripts text FILE.pdf`"
)


@dataclass
class Source:
    """A file read into blocks, and what the reading did."""

    blocks: list[Block]
    locations: dict[int, str] = field(default_factory=dict)
    removed: list[Removed] = field(default_factory=list)
    remarks: list[Remark] = field(default_factory=list)

    def report(self, diagnostics: Diagnostics) -> None:
        """Tell the build log what the reading did: furniture removed, remarks, warnings."""
        for removed in self.removed:
            diagnostics.note(removed.location, str(removed))
        for remark in self.remarks:
            if remark.warning:
                diagnostics.warn_at(remark.location, remark.message)
            else:
                diagnostics.note(remark.location, remark.message)

    def locate(self, line: int) -> str | None:
        """Where line ``line`` of the text layout came from (None for a text file)."""
        return self.locations.get(line)


def is_pdf(path: Path, data: bytes) -> bool:
    """A PDF by its name or by its first bytes (a PDF's header may follow some junk)."""
    return path.suffix.lower() == ".pdf" or _PDF_MAGIC in data[:1024]


def read_source(path: Path, file: str) -> Source:
    """Read a text or PDF file into blocks; a ParseError names the file and where."""
    data = read_bytes(path, file)
    if not is_pdf(path, data):
        blocks = blocks_from_bytes(data, file)
        _refuse_extracted_text(blocks, file)
        return Source(blocks)
    text = pdf_text_layout(path, data, file)
    blocks = split_blocks(split_lines(text.text, file))
    if not blocks:
        raise ParseError(file, 1, "the text of a resolution", "no text", location="page 1")
    return Source(blocks, text.locations, text.removed, text.remarks)


def _refuse_extracted_text(blocks: list[Block], file: str) -> None:
    """Stop on a line of print furniture, naming what to do instead: the furniture would be
    read as the resolution's text, and the running heads would split its paragraphs."""
    for block in blocks:
        for offset, line in enumerate(block.lines):
            if _FURNITURE.fullmatch(line.strip()):
                raise ParseError(file, block.line + offset, _EXTRACTED, line)


def pdf_text_layout(path: Path, data: bytes, file: str) -> TextLayout:
    """A PDF's text layer in the text layout, with where each line came from."""
    # Imported here: PDFium and the layout rules are a tenth of the start-up of every build,
    # most of which read a text file.
    from .pdf_layout import layout
    from .pdf_reader import PdfProblem, read_pages

    if _PDF_MAGIC not in data[:1024]:
        raise ParseError(file, 0, "a PDF file (it starts with %PDF-)", data[:20].decode("latin-1"))
    try:
        pages = read_pages(str(path))
    except PdfProblem as problem:
        where = f"page {problem.page}" if problem.page else None
        raise ParseError(file, problem.page, problem.expected, problem.found, location=where) from None
    scanned = [p.number for p in pages if not p.lines and p.images]
    if scanned or not any(p.lines for p in pages):
        first = scanned[0] if scanned else 1
        count = len(scanned) or len(pages)
        raise ParseError(
            file,
            first,
            "a PDF with a text layer (text recognition, OCR, is not done: convert a scanned PDF "
            "with an OCR tool first, or use the text file)",
            f"{count} of its {len(pages)} pages without text (scanned images?)",
            location=f"page {first}",
        )
    return layout(pages)
