"""Blocks of a resolution's text -> the document model.

The text's layout, as the UN's documents print it:
  masthead lines, the agenda item title in ``**bold**``, the number and title ("53/9. Title");
  the enacting formula ("The Human Rights Council,");
  preambular paragraphs, unnumbered, each opening with a phrase ("Recalling also");
  operative paragraphs "1. *Verb phrase* …", with sub-paragraphs "(a)", "(i)" or dashes;
  the closing (meeting, date, vote); then any annexes ("Annex", a title, numbered paragraphs).
Page breaks leave footnote texts ("¹ General Assembly resolution 70/1.") in the middle of the
flow, and may cut a paragraph or a note in two: all are mended here. A paragraph cut off goes on
in the next plain block (one that starts in lower case, or any after an unfinished sentence); a
note cut off (no full stop) goes on in the next plain block that cannot open a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import identifiers as ids
from .errors import ConversionError, Diagnostics, ParseError
from .identifiers import Level
from .masthead import CLOSING_START, build_metadata, closing_misfit, read_closing, read_heading
from .model import Annex, Footnote, FootnoteRef, Paragraph, Resolution
from .normalize import Block, blocks_from_bytes
from .reading.source import read_source
from .vocabulary import Vocabulary, load_vocabulary

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_DIGITS = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
# A marker has at most three digits: a longer run of superscript digits is text, not a note number.
_MARKERS = re.compile(f"(?<![{SUPERSCRIPT_DIGITS}])[{SUPERSCRIPT_DIGITS}]{{1,3}}(?![{SUPERSCRIPT_DIGITS}])")
_FOOTNOTE = re.compile(f"(?P<marker>[{SUPERSCRIPT_DIGITS}]{{1,3}})\\s+(?P<text>\\S.*)", re.S)
_NUMBERED = re.compile(r"(?P<number>\d+)\.\s+(?P<text>\S.*)", re.S)
_ITEM = re.compile(r"\((?P<number>[a-z]{1,5})\)\s+(?P<text>\S.*)", re.S)
_DASH = re.compile(r"(?P<label>[-–—•])\s+(?P<text>\S.*)", re.S)
_BARE_LABEL = re.compile(r"\d+\.|\([a-z]{1,5}\)|[-–—•]")
_ANNEX = re.compile(r"Annex(?:\s+(?P<number>[IVXLC]+|\d+))?")
_LEAD = re.compile(r"\*(?P<lead>[^*]+)\*")
_SCHEMES = ("number", "letter", "roman", "dash")


@dataclass
class Unit:
    """A paragraph of the source before it is placed in the tree (page breaks mended)."""

    kind: str  # number, item, dash, plain, footnote
    line: int
    text: str
    label: str | None = None
    number: str | None = None
    children: list[Unit] = field(default_factory=list)
    scheme: str = ""

    @property
    def terminated(self) -> bool:
        end = self.text.rstrip(SUPERSCRIPT_DIGITS + ")\"'”’]* ")
        return end[-1:] in tuple(",;:.!?")


def classify(block: Block) -> Unit:
    text = block.text
    for kind, pattern in (("footnote", _FOOTNOTE), ("number", _NUMBERED), ("item", _ITEM), ("dash", _DASH)):
        match = pattern.fullmatch(text)
        if match:
            groups = match.groupdict()
            number = groups.get("number") or groups.get("marker")
            label = {"number": f"{number}.", "item": f"({number})"}.get(kind, groups.get("label") or number)
            return Unit(kind, block.line, match["text"], label=label, number=number)
    return Unit("plain", block.line, text)


# --- Reading the body --------------------------------------------------------------------


@dataclass
class Body:
    """The body of the text, in three parts, with the notes collected on the way."""

    paragraphs: list[Unit] = field(default_factory=list)
    closing: list[Block] = field(default_factory=list)
    annexes: list[tuple[Block, list[Unit]]] = field(default_factory=list)
    footnotes: list[Unit] = field(default_factory=list)


@dataclass
class BodyReader:
    """Sorts the blocks after the enacting formula, mending what page breaks cut apart."""

    file: str
    opening_phrase: re.Pattern[str]
    body: Body = field(default_factory=Body)
    last_text: Unit | None = None
    pending_note: Unit | None = None  # a note whose text a page break cut off
    in_closing: bool = False
    bracket_open: bool = False  # a closing "[Adopted …" statement not yet closed by "]"
    numbered_seen: bool = False

    @property
    def current(self) -> list[Unit]:
        return self.body.annexes[-1][1] if self.body.annexes else self.body.paragraphs

    def read(self, blocks: list[Block]) -> Body:
        for block in blocks:
            self._read_block(block, classify(block))
        return self.body

    def _read_block(self, block: Block, unit: Unit) -> None:
        if unit.kind == "plain" and _BARE_LABEL.fullmatch(unit.text):
            raise ParseError(
                self.file, block.line, f"the text of the paragraph after its number {unit.text}", unit.text
            )
        if unit.kind == "footnote":
            self.body.footnotes.append(unit)
            self.pending_note = None if unit.terminated else unit
        elif _ANNEX.fullmatch(block.lines[0]) and self.body.paragraphs:
            self._start_annex(block)
        elif self.in_closing:
            self._read_closing(block, unit)
        elif not self.body.annexes and self.body.paragraphs and CLOSING_START.fullmatch(block.lines[0]):
            self.in_closing = True
            self._read_closing(block, unit)
        elif unit.kind == "plain" and self._mend(unit):
            return
        else:
            self.current.append(unit)
            self.last_text = unit
            self.numbered_seen = self.numbered_seen or unit.kind == "number"

    def _start_annex(self, block: Block) -> None:
        self.body.annexes.append((block, []))
        if len(block.lines) > 1:
            title = Block(block.line + 1, block.lines[1:])
            self.current.append(Unit("plain", title.line, title.text))
        self.in_closing, self.last_text, self.pending_note = False, None, None

    def _mend(self, unit: Unit) -> bool:
        """Join a plain block to what a page break cut: the last paragraph, or a note."""
        last, note = self.last_text, self.pending_note
        if last is not None and not last.terminated:
            target = last
        elif note is not None and self._continues_note(unit):
            target = note
        elif last is not None and unit.text[:1].islower():
            target = last
        else:
            return False
        target.text += " " + unit.text
        if target is note and note.terminated:
            self.pending_note = None
        return True

    def _continues_note(self, unit: Unit) -> bool:
        """A plain block continues a cut note unless it may open a preambular paragraph."""
        in_preamble = not self.numbered_seen and not self.body.annexes
        return not (in_preamble and self.opening_phrase.match(unit.text))

    def _read_closing(self, block: Block, unit: Unit) -> None:
        misfit, self.bracket_open = closing_misfit(block, self.bracket_open)
        if misfit is None:
            self.body.closing.append(block)
        elif misfit == 0 and unit.kind == "plain" and self.pending_note is not None:
            self.pending_note.text += " " + unit.text
            self.pending_note = None if self.pending_note.terminated else self.pending_note
        else:
            expected = (
                "the closing (meeting, date, how it was adopted), a footnote, an annex or the end of the file"
            )
            raise ParseError(self.file, block.line + misfit, expected, block.lines[misfit])


# --- Placing sub-paragraphs --------------------------------------------------------------


def _expected(scheme: str, count: int) -> str:
    """The label the next item of a list needs, when it already has ``count`` items."""
    return {"letter": ids.letter_label, "roman": ids.roman_label}.get(scheme, lambda _: "–")(count)


def _describe(scheme: str, count: int) -> str:
    return "a dash item" if scheme == "dash" else f"sub-paragraph ({_expected(scheme, count)})"


def nest_items(units: list[Unit], file: str) -> list[Unit]:
    """Put each sub-paragraph under the paragraph or item it belongs to."""
    tops: list[Unit] = []
    stack: list[Unit] = []  # the open parents; stack[0] is the top paragraph
    for unit in units:
        if unit.kind not in ("item", "dash"):
            tops.append(unit)
            stack = [unit]
            continue
        if not stack:
            raise ParseError(file, unit.line, "a paragraph before its first sub-paragraph", unit.label)
        _place(unit, stack, file)
    return tops


def _place(unit: Unit, stack: list[Unit], file: str) -> None:
    label = unit.number or ""
    # Continue the deepest list that expects this label ("(i)" after "(h)" is a letter).
    for depth in range(len(stack) - 1, -1, -1):
        parent = stack[depth]
        if not parent.children:
            continue
        scheme = parent.children[0].scheme
        if (scheme == "dash" and unit.kind == "dash") or (
            scheme != "dash" and unit.kind == "item" and label == _expected(scheme, len(parent.children))
        ):
            unit.scheme = scheme
            parent.children.append(unit)
            del stack[depth + 1 :]
            stack.append(unit)
            return
    # Otherwise open a new, deeper list under the last item.
    open_schemes = {p.children[0].scheme for p in stack if p.children} | {stack[0].scheme or "number"}
    deepest = max(_SCHEMES.index(s) for s in open_schemes)
    candidates = (
        ["dash"] if unit.kind == "dash" else [s for s in ("letter", "roman") if label == _expected(s, 0)]
    )
    for scheme in candidates:
        if _SCHEMES.index(scheme) > deepest:
            unit.scheme = scheme
            stack[-1].children.append(unit)
            stack.append(unit)
            return
    wanted = [_describe(p.children[0].scheme, len(p.children)) for p in reversed(stack) if p.children]
    raise ParseError(file, unit.line, " or ".join(wanted) or "a sub-paragraph (a)", unit.label)


# --- Freezing into the model -------------------------------------------------------------


@dataclass
class Freezer:
    """Turns units into model paragraphs: ids, leads, footnote references."""

    file: str
    vocabulary: Vocabulary
    diagnostics: Diagnostics
    notes: dict[int, Footnote]
    refs: dict[int, str] = field(default_factory=dict)

    def top(self, unit: Unit, prefix: str, root: str, part: str, number: str, lead_kind: str) -> Paragraph:
        return self.paragraph(unit, prefix, root, part, (Level("number", number),), lead_kind)

    def paragraph(
        self, unit: Unit, prefix: str, root: str, part: str, path: tuple[Level, ...], lead_kind: str
    ) -> Paragraph:
        raw = unit.text
        lead = None
        if lead_kind == "verb":
            match = _LEAD.match(raw)
            if match:
                lead = match["lead"].strip()
                raw = match["lead"] + raw[match.end() :]
        italic = None
        if lead_kind == "opening" and (match := _LEAD.match(raw)):
            # An opening phrase printed in italics, as a PDF shows it: the markup goes.
            italic, raw = match["lead"].strip(), match["lead"] + raw[match.end() :]
        text, refs = self._take_markers(raw, unit.line, ids.anchor_for(prefix, path))
        if lead_kind == "opening":
            found = self.vocabulary.opening_phrase.match(text)
            lead = found.group() if found else italic
        items = []
        for index, child in enumerate(unit.children):
            number = child.number if child.scheme != "dash" else str(index + 1)
            items.append(
                self.paragraph(child, prefix, root, part, (*path, Level(child.scheme, number)), "none")
            )
        return Paragraph(
            id=ids.anchor_for(prefix, path),
            eid=ids.eid_for(root, path),
            name=ids.name_for(part, path, numbered=unit.label is not None or part.startswith("preambular")),
            text=text,
            line=unit.line,
            number=unit.number if unit.kind != "dash" else None,
            label=unit.label,
            lead=lead,
            items=tuple(items),
            footnote_refs=tuple(refs),
        )

    def _take_markers(self, raw: str, line: int, anchor: str) -> tuple[str, list[FootnoteRef]]:
        out, refs, position = [], [], 0
        length = 0
        for match in _MARKERS.finditer(raw):
            number = int(match.group().translate(_TO_DIGITS))
            if number not in self.notes:
                self.diagnostics.warn(line, f"footnote marker {match.group()} has no note; kept as text")
                continue
            out.append(raw[position : match.start()])
            length += match.start() - position
            position = match.end()
            refs.append(FootnoteRef(match.group(), self.notes[number].id, length))
            self.refs.setdefault(number, anchor)
        out.append(raw[position:])
        return "".join(out), refs

    def footnotes(self) -> tuple[Footnote, ...]:
        """The notes with the paragraph that first cites each; every note must be cited."""
        for number, note in self.notes.items():
            if number not in self.refs:
                expected = f"a marker {note.marker} in the text before this note"
                raise ParseError(self.file, note.line, expected, note.marker + " " + note.text)
        return tuple(
            Footnote(n.id, n.marker, n.number, n.text, n.line, self.refs.get(n.number))
            for n in sorted(self.notes.values(), key=lambda n: n.number)
        )


def _footnotes(units: list[Unit], file: str) -> dict[int, Footnote]:
    notes: dict[int, Footnote] = {}
    for unit in units:
        number = int((unit.number or "0").translate(_TO_DIGITS))
        if number in notes:
            raise ParseError(file, unit.line, f"one note numbered {number}", f"a second note {unit.number}")
        notes[number] = Footnote(
            ids.footnote_anchor(number), unit.number or "", number, unit.text, unit.line, None
        )
    return notes


def _check_numbers(units: list[Unit], file: str, what: str) -> None:
    numbered = [u for u in units if u.kind == "number"]
    for expected, unit in enumerate(numbered, start=1):
        if unit.number != str(expected):
            raise ParseError(file, unit.line, f"{what} {expected}", f"{unit.label} {unit.text}")


def _split_preamble(tops: list[Unit], file: str) -> tuple[list[Unit], list[Unit]]:
    first_numbered = next((i for i, u in enumerate(tops) if u.kind == "number"), None)
    if first_numbered is not None:
        stray = next((u for u in tops[first_numbered:] if u.kind != "number"), None)
        if stray:
            raise ParseError(file, stray.line, "a numbered operative paragraph or the closing", stray.text)
        return tops[:first_numbered], tops[first_numbered:]
    # A single unnumbered operative paragraph ("*Takes note* of …") ends the text.
    if tops and _LEAD.match(tops[-1].text) and not tops[-1].text.rstrip().endswith(","):
        return tops[:-1], tops[-1:]
    return tops, []


def _split_body(body: Body, blocks: list[Block], file: str) -> tuple[list[Unit], list[Unit]]:
    """The preambular and the operative paragraphs, with their sub-paragraphs placed."""
    preamble_units, operative_units = _split_preamble(nest_items(body.paragraphs, file), file)
    _check_numbers(operative_units, file, "operative paragraph")
    if not operative_units:
        where = body.closing[0].line if body.closing else blocks[-1].last_line
        found = body.closing[0].text if body.closing else "the end of the file"
        raise ParseError(file, where, "at least one operative paragraph ('1. *Verb* …')", found)
    return preamble_units, operative_units


def parse_blocks(
    blocks: list[Block], file: str, vocabulary: Vocabulary, diagnostics: Diagnostics
) -> Resolution:
    heading, start = read_heading(blocks, file, vocabulary)
    metadata = build_metadata(heading, file, vocabulary)
    body = BodyReader(file, vocabulary.opening_phrase).read(blocks[start:])
    preamble_units, operative_units = _split_body(body, blocks, file)
    freezer = Freezer(file, vocabulary, diagnostics, _footnotes(body.footnotes, file))
    preamble = tuple(
        freezer.top(u, "pp", "preamble__p", "preambular paragraph", str(i), "opening")
        for i, u in enumerate(preamble_units, start=1)
    )
    operative = tuple(
        freezer.top(u, "op", "para", "operative paragraph", u.number or "1", "verb") for u in operative_units
    )
    annexes = tuple(_annex(i, block, units, freezer, file) for i, (block, units) in enumerate(body.annexes))
    return Resolution(
        source=file,
        masthead=tuple(heading.masthead),
        metadata=metadata,
        enacting_formula=heading.enacting_formula,
        enacting_line=heading.enacting_line,
        preamble=preamble,
        operative=operative,
        footnotes=freezer.footnotes(),
        closing=read_closing(body.closing, file),
        annexes=annexes,
        work_uri=ids.work_uri(metadata.body_code, metadata.adopted, metadata.number),
    )


def _annex(index: int, block: Block, units: list[Unit], freezer: Freezer, file: str) -> Annex:
    tops = nest_items(units, file)
    first = next((i for i, u in enumerate(tops) if u.kind == "number"), len(tops))
    titles, numbered = tops[:first], tops[first:]
    stray = next((u for u in numbered if u.kind != "number"), None)
    if stray:
        raise ParseError(file, stray.line, "a numbered annex paragraph", stray.text)
    _check_numbers(numbered, file, "annex paragraph")
    prefix = ids.annex_prefix(index) + "-"
    heading = block.lines[0]
    part = f"{heading[0].lower()}{heading[1:]}, paragraph"
    root = f"att_{index + 1}__para"
    # An annex paragraph may open with a verb phrase in italics, as operative paragraphs do.
    paragraphs = tuple(freezer.top(u, prefix, root, part, u.number or "", "verb") for u in numbered)
    title_lines = tuple(u.text for u in titles)
    return Annex(ids.annex_prefix(index), f"att_{index + 1}", heading, title_lines, paragraphs, block.line)


def parse_file(path: Path, display_name: str | None = None) -> tuple[Resolution, Diagnostics]:
    """Read and parse one resolution, text or PDF; raises ParseError with file and line (page
    and line in a PDF) on bad input."""
    file = display_name or str(path)
    source = read_source(path, file)
    diagnostics = Diagnostics(file, locate=source.locate)
    for removed in source.removed:
        diagnostics.note(removed.location, str(removed))
    try:
        resolution = parse_blocks(source.blocks, file, load_vocabulary(), diagnostics)
    except ConversionError as error:
        error.location = error.location or source.locate(error.line)
        raise
    return resolution, diagnostics


def parse_bytes(data: bytes, file: str) -> tuple[Resolution, Diagnostics]:
    """Parse a resolution's text as read from ``file``; raises ParseError on bad input."""
    diagnostics = Diagnostics(file)
    resolution = parse_blocks(blocks_from_bytes(data, file), file, load_vocabulary(), diagnostics)
    return resolution, diagnostics
