"""Helpers for the PDF route's tests: the fixtures of tests/fixtures_pdf, and conservation
measured on the PDF's own text layer (not on the text layout the reader makes of it)."""

from __future__ import annotations

import json
from pathlib import Path

from support_text import ROOT, model_notes, model_texts, squash, without_note_markers

from build_scripts.model import Resolution
from build_scripts.reading.pdf_layout import SUPERSCRIPTS, layout, location
from build_scripts.reading.pdf_reader import read_pages
from build_scripts.reading.pdf_text import Line

FIXTURES_PDF = ROOT / "tests" / "fixtures_pdf"


def pdf_cases() -> list[Path]:
    return sorted(p for p in FIXTURES_PDF.iterdir() if (p / "source.pdf").is_file())


def expected(case: Path) -> dict:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))


def _printed(line: Line) -> str:
    """A line's characters as the page prints them; raised digits as superscript digits."""
    out = []
    for span in line.spans:
        raised = span.raised and span.text.strip().isdigit() and len(span.text.strip()) <= 3
        out.append(span.text.strip().translate(SUPERSCRIPTS) if raised else span.text)
    return "".join(out)


def text_layer(pdf: Path) -> tuple[str, str, list[str]]:
    """The PDF's text layer outside the print furniture, squashed: the body, the footnotes (the
    lines under each page's footnote rule), and each piece of furniture removed, by kind."""
    pages = read_pages(str(pdf))
    removed = {r.location: r.kind for r in layout(pages).removed}
    body, notes = [], []
    for page in pages:
        under_rule = False
        for line in page.lines:
            kind = removed.get(location(line))
            under_rule = under_rule or kind == "footnote rule"
            if kind is None:
                (notes if under_rule else body).append(_printed(line))
    return squash("".join(body)), squash("".join(notes)), sorted(set(removed.values()))


def pdf_conservation_problems(pdf: Path, resolution: Resolution) -> list[str]:
    """What of the text layer (outside the furniture) is lost, doubled or out of order in the model."""
    body, notes, _ = text_layer(pdf)
    body, dropped = without_note_markers(body, resolution)
    model = squash("".join(model_texts(resolution)))
    problems = []
    if body != model:
        at = next(
            (i for i, (a, b) in enumerate(zip(body, model, strict=False)) if a != b),
            min(len(body), len(model)),
        )
        problems.append(
            f"body differs at {at}: PDF …{body[at - 40 : at + 40]!r}… model …{model[at - 40 : at + 40]!r}…"
        )
    if notes != "".join(model_notes(resolution)):
        problems.append("footnotes differ")
    references = sum(len(p.footnote_refs) for p in resolution.paragraphs())
    if dropped != references:
        problems.append(f"{dropped} markers on the pages became {references} references")
    return problems
