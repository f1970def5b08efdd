"""Downloads of a resolution besides the pages: the model as JSON, and a clean plain text."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import groupby

from ..enriching.runs import Run, runs
from ..identifiers import footnote_number
from ..model import Division, Paragraph, Resolution
from ..pages.escape import markdown_text

INDENT = "    "
"""The indentation of each level of sub-paragraphs in the plain text."""


# --- JSON --------------------------------------------------------------------------------


def _with_url(data: dict, base: str) -> dict:
    """A copy of a paragraph's or footnote's dict with ``url`` after ``id``, sub-paragraphs too."""
    out: dict = {}
    for key, value in data.items():
        out[key] = [_with_url(item, base) for item in value] if key in ("items", "divisions") else value
        if key == "id":
            out["url"] = f"{base}#{value}"
    return out


def model_json(resolution: Resolution, text_page_url: str) -> str:
    """The document model as JSON, each paragraph and footnote with the ``url`` of its anchor.

    ``text_page_url`` is the address of the full-text page (relative to this file while the
    site's address is not known); a ``url`` is it + ``#`` + the id.
    Keys keep the model's order; UTF-8 text (no ``\\u`` escapes), indented, ending in a newline.
    """
    data = resolution.to_dict()
    for part in ("preamble", "operative", "footnotes"):
        data[part] = [_with_url(item, text_page_url) for item in data[part]]
    for annex in data["annexes"]:
        annex["paragraphs"] = [_with_url(item, text_page_url) for item in annex["paragraphs"]]
        if "divisions" in annex:
            annex["divisions"] = [_with_url(item, text_page_url) for item in annex["divisions"]]
    if "divisions" in data:
        data["divisions"] = [_with_url(item, text_page_url) for item in data["divisions"]]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- Plain text --------------------------------------------------------------------------


def _with_markers(paragraph: Paragraph, numbers: dict[str, int]) -> str:
    """The paragraph's text with ``[1]`` where each footnote marker stood."""
    pieces = runs(paragraph.text, lead=paragraph.lead, refs=paragraph.footnote_refs)
    return "".join(_plain_run(run, numbers) for run in pieces)


def _plain_run(run: Run, numbers: dict[str, int]) -> str:
    if run.kind != "marker":
        return run.text
    number = numbers.get(run.footnote or "")
    return f"[{number}]" if number is not None else ""


def _paragraph_lines(paragraph: Paragraph, numbers: dict[str, int], depth: int = 0) -> list[str]:
    """One line for the paragraph (label, text), then one per sub-paragraph, indented."""
    label = f"{paragraph.label} " if paragraph.label else ""
    lines = [f"{INDENT * depth}{label}{_with_markers(paragraph, numbers)}"]
    for item in paragraph.items:
        lines.extend(_paragraph_lines(item, numbers, depth + 1))
    return lines


def _title_line(resolution: Resolution) -> str | None:
    """The masthead line that is the document's heading (``53/9. Title``), if there is one."""
    index = resolution.heading_index
    return resolution.masthead[index] if index is not None else None


def _heading_blocks(resolution: Resolution) -> list[str]:
    """The masthead (one block, a line each), the title, the enacting formula."""
    title = _title_line(resolution)
    masthead = [line for line in resolution.masthead if line != title]
    blocks = ["\n".join(masthead)] if masthead else []
    return blocks + [block for block in (title, resolution.enacting_formula) if block]


def _items(outline: Iterable[tuple[int, Division | Paragraph]]) -> Iterator[Division | Paragraph]:
    return (item for _, item in outline)


def _division_line(division: Division) -> str:
    """A division's number and heading on one line: ``II. Informal system``, ``Article 5 Reservations``."""
    return " ".join(words for words in (division.label, division.heading) if words)


def plain_text(resolution: Resolution) -> str:
    """The resolution as plain text: one paragraph a line, a blank line between, no hard wraps.

    Operative paragraphs keep their numbers ("1.") and sub-paragraphs their labels ("(a)"),
    indented; footnote markers become ``[1]`` in place and the notes follow under "Notes".
    """
    numbers = {note.id: note.number for note in resolution.footnotes}
    blocks = _heading_blocks(resolution)
    for item in _items(resolution.outline()):
        blocks.extend(
            [_division_line(item)] if isinstance(item, Division) else _paragraph_lines(item, numbers)
        )
    if resolution.closing.lines:
        blocks.append("\n".join(resolution.closing.lines))
    for annex in resolution.annexes:
        blocks.extend([annex.heading, *annex.title_lines])
        for item in _items(annex.outline()):
            blocks.extend(
                [_division_line(item)] if isinstance(item, Division) else _paragraph_lines(item, numbers)
            )
    if resolution.footnotes:
        blocks.append("Notes")
        blocks.extend(f"{note.number}. {note.text}" for note in resolution.footnotes)
    return "\n\n".join(blocks) + "\n"


# --- Markdown ----------------------------------------------------------------------------


def _markdown_paragraph(paragraph: Paragraph) -> list[str]:
    """The paragraph as Markdown: its label, its lead in italics, ``[^n]`` for its notes."""
    pieces = runs(paragraph.text, lead=paragraph.lead, refs=paragraph.footnote_refs)
    body = ""
    for in_lead, group in groupby(pieces, key=lambda run: run.in_lead):
        written = "".join(
            f"[^{footnote_number(run.footnote or '')}]" if run.kind == "marker" else markdown_text(run.text)
            for run in group
        )
        body += f"*{written}*" if in_lead else written
    label = f"{markdown_text(paragraph.label)} " if paragraph.label else ""
    lines = [label + body]
    for item in paragraph.items:
        lines.extend(_markdown_paragraph(item))
    return lines


def _markdown_outline(outline: Iterable[tuple[int, Division | Paragraph]], top: int) -> list[str]:
    """Divisions as headings (from level ``top`` down), paragraphs as Markdown paragraphs."""
    blocks: list[str] = []
    for depth, item in outline:
        if isinstance(item, Division):
            blocks.append(f"{'#' * min(top + depth, 6)} {markdown_text(_division_line(item))}")
        else:
            blocks.extend(_markdown_paragraph(item))
    return blocks


def markdown_document(resolution: Resolution) -> str:
    """The whole resolution as one CommonMark file, with Markdown footnotes."""
    title = _title_line(resolution)
    blocks = [markdown_text(line) for line in resolution.masthead if line != title]
    blocks.append(f"# {markdown_text(title or resolution.metadata.symbol)}")
    if resolution.enacting_formula:
        blocks.append(markdown_text(resolution.enacting_formula))
    blocks.extend(_markdown_outline(resolution.outline(), 2))
    blocks.extend(markdown_text(line) for line in resolution.closing.lines)
    for annex in resolution.annexes:
        blocks.append(f"## {markdown_text(annex.heading)}")
        blocks.extend(f"**{markdown_text(line)}**" for line in annex.title_lines)
        blocks.extend(_markdown_outline(annex.outline(), 3))
    blocks.extend(f"[^{note.number}]: {markdown_text(note.text)}" for note in resolution.footnotes)
    return "\n\n".join(blocks) + "\n"
