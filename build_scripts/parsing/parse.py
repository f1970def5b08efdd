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
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import identifiers as ids
from ..errors import ConversionError, Diagnostics, ParseError
from ..identifiers import Level
from ..model import Annex, Division, Footnote, FootnoteRef, Paragraph, Resolution
from ..reading.normalize import Block, blocks_from_bytes
from ..reading.source import read_source
from .assembly import Assembler, Place, Scope
from .divisions import BOLD, Mark, TreeBuilder, read_mark, restarting, styled_lines
from .items import nest_items
from .masthead import CLOSING_START, build_metadata, closing_misfit, read_closing, read_heading
from .units import ANNEX, BARE_LABEL, LEAD, MARKERS, TO_DIGITS, Unit, classify
from .vocabulary import Vocabulary, load_vocabulary

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
    headless: Mark | None = None  # a numeral on its own, whose heading may follow in bold

    @property
    def current(self) -> list[Unit]:
        return self.body.annexes[-1][1] if self.body.annexes else self.body.paragraphs

    def read(self, blocks: list[Block]) -> Body:
        for block in blocks:
            self._read_block(block, classify(block))
        return self.body

    def _read_block(self, block: Block, unit: Unit) -> None:
        if unit.kind == "plain" and BARE_LABEL.fullmatch(unit.text):
            raise ParseError(
                self.file, block.line, f"the text of the paragraph after its number {unit.text}", unit.text
            )
        if unit.kind == "footnote":
            self.body.footnotes.append(unit)
            self.pending_note = None if unit.terminated else unit
        elif ANNEX.fullmatch(_unbold(block).lines[0]) and self.body.paragraphs:
            self._start_annex(_unbold(block))
        elif self.in_closing:
            self._read_closing(block, unit)
        elif not self.body.annexes and self.body.paragraphs and CLOSING_START.fullmatch(block.lines[0]):
            self.in_closing = True
            self._read_closing(block, unit)
        elif unit.kind == "plain" and (
            self._read_division(block, unit) or self._mend(unit) or self._read_plain_heading(block, unit)
        ):
            return
        else:
            self.current.append(unit)
            self.last_text = unit
            self.numbered_seen = self.numbered_seen or unit.kind == "number"
        self.headless = None

    def _read_division(self, block: Block, unit: Unit) -> bool:
        """A part's, section's or article's heading, or the bold heading of a bare numeral."""
        headless, self.headless = self.headless, None
        mark = read_mark(block)
        if headless is not None and mark is not None and mark.kind == "heading":
            headless.heading = mark.heading
            headless.heading_line = block.line
            self.headless = None
            return True
        if headless is not None and mark is None and _reads_as_heading(unit):
            # A numeral on its own, then its heading in plain type ("II" then "Follow-up").
            headless.heading = unit.text
            headless.heading_line = block.line
            return True
        if mark is None:
            return False
        if mark.kind == "heading" and self.body.annexes and not self.current:
            # A bold line right after "Annex" is the annex's title, not a heading in it.
            self.current.append(Unit("plain", block.line, mark.heading or ""))
            return True
        self.current.append(Unit("division", block.line, block.text, label=mark.label, mark=mark))
        self.last_text, self.pending_note = None, None
        self.headless = mark if mark.heading is None and mark.number is not None else None
        return True

    def _read_plain_heading(self, block: Block, unit: Unit) -> bool:
        """An unnumbered heading in plain type in the body: a short line that ends no sentence,
        after a paragraph that ended (in an annex, such a line may be a title or a paragraph)."""
        if self.body.annexes or not _reads_as_heading(unit):
            return False
        mark = Mark(None, None, unit.text, block.line, kind="heading")
        self.current.append(Unit("division", block.line, block.text, mark=mark))
        self.last_text, self.pending_note = None, None
        return True

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


# --- Freezing into the model -------------------------------------------------------------


@dataclass
class Freezer:
    """Turns units into model paragraphs: ids, leads, footnote references."""

    file: str
    vocabulary: Vocabulary
    diagnostics: Diagnostics
    notes: dict[int, Footnote]
    refs: dict[int, str] = field(default_factory=dict)

    def freeze(self, unit: Unit, place: Place) -> Paragraph:
        """A top-level paragraph and its sub-paragraphs, ids and names from its place."""
        number = Level("number", place.number)
        return self.paragraph(unit, place, (number,), (Level("number", place.eid_number),))

    def paragraph(
        self, unit: Unit, place: Place, path: tuple[Level, ...], eid_path: tuple[Level, ...]
    ) -> Paragraph:
        raw = unit.text
        match = LEAD.match(raw) if len(path) == 1 else None
        italic = None
        if match:
            # A verb phrase in italics is an operative paragraph's lead; an opening phrase printed
            # in italics, as a PDF shows it, loses its markup too.
            italic, raw = match["lead"].strip(), match["lead"] + raw[match.end() :]
        lead = italic if place.role in ("operative", "annex", "annex-unnumbered") else None
        anchor = ids.anchor_for(place.prefix, path)
        text, refs = self._take_markers(raw, unit.line, anchor)
        if lead is None and place.role in ("preambular", "annex-unnumbered") and len(path) == 1:
            found = self.vocabulary.opening_phrase.match(text)
            lead = found.group() if found else italic
        items = []
        for index, child in enumerate(unit.children):
            level = Level(child.scheme, child.number if child.scheme != "dash" else str(index + 1))
            items.append(self.paragraph(child, place, (*path, level), (*eid_path, level)))
        named = place.named_with_number or unit.label is not None
        return Paragraph(
            id=anchor,
            eid=ids.eid_for(place.eid_root, eid_path),
            name=ids.name_for(place.part, path, numbered=named),
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
        for match in MARKERS.finditer(raw):
            number = int(match.group().translate(TO_DIGITS))
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


_HEADING_LONGEST = 150
"""Characters: a plain line longer than this is a paragraph, not a heading."""


def _reads_as_heading(unit: Unit) -> bool:
    """A plain block that may be a heading: short, opening in capitals, ending no sentence."""
    text = unit.text
    return len(text) <= _HEADING_LONGEST and text[:1].isupper() and not unit.terminated and "*" not in text


def _unbold(block: Block) -> Block:
    """The block without the ``**`` of a bold heading ("**Annex**"), if it has them."""
    lines = styled_lines(block, BOLD)
    return Block(block.line, tuple(lines)) if lines else block


def _footnotes(units: list[Unit], file: str) -> dict[int, Footnote]:
    notes: dict[int, Footnote] = {}
    for unit in units:
        number = int((unit.number or "0").translate(TO_DIGITS))
        if number in notes:
            raise ParseError(file, unit.line, f"one note numbered {number}", f"a second note {unit.number}")
        notes[number] = Footnote(
            ids.footnote_anchor(number), unit.number or "", number, unit.text, unit.line, None
        )
    return notes


def _body(
    body: Body, blocks: list[Block], freezer: Freezer, file: str
) -> tuple[Assembler, tuple[Division, ...]]:
    """The preambular and operative paragraphs, in their parts and sections if there are any."""
    root = TreeBuilder(file, operative=True).build(nest_items(body.paragraphs, file))
    assembler = Assembler(
        file, freezer.freeze, annex=False, restart=restarting(root, file, "operative paragraph")
    )
    divisions = assembler.assemble(root, Scope("", "", None))
    if not assembler.operative:
        where = body.closing[0].line if body.closing else blocks[-1].last_line
        found = body.closing[0].text if body.closing else "the end of the file"
        raise ParseError(file, where, "at least one operative paragraph ('1. *Verb* …')", found)
    return assembler, divisions


def parse_blocks(
    blocks: list[Block], file: str, vocabulary: Vocabulary, diagnostics: Diagnostics
) -> Resolution:
    heading, start = read_heading(blocks, file, vocabulary)
    metadata = build_metadata(heading, file, vocabulary)
    body = BodyReader(file, vocabulary.opening_phrase).read(blocks[start:])
    freezer = Freezer(file, vocabulary, diagnostics, _footnotes(body.footnotes, file))
    main, divisions = _body(body, blocks, freezer, file)
    annexes = tuple(_annex(i, block, units, freezer, file) for i, (block, units) in enumerate(body.annexes))
    closing = read_closing(body.closing, file)
    if metadata.adopted is None and closing.date:
        # A masthead without the adoption line: the closing's date is the day of adoption.
        metadata = replace(metadata, adopted=closing.date)
    return Resolution(
        source=file,
        masthead=tuple(heading.masthead),
        metadata=metadata,
        enacting_formula=heading.enacting_formula,
        enacting_line=heading.enacting_line,
        preamble=tuple(main.preamble),
        operative=tuple(main.operative),
        footnotes=freezer.footnotes(),
        closing=closing,
        annexes=annexes,
        work_uri=ids.work_uri(metadata.body_code, metadata.adopted, metadata.number),
        divisions=divisions,
    )


def _annex(index: int, block: Block, units: list[Unit], freezer: Freezer, file: str) -> Annex:
    tops = nest_items(units, file)
    # The title: the plain lines after "Annex" up to the first paragraph, division or sentence.
    first = next((i for i, u in enumerate(tops) if u.kind != "plain" or u.terminated), len(tops))
    titles, content = tops[:first], tops[first:]
    root = TreeBuilder(file, operative=False).build(content)
    assembler = Assembler(file, freezer.freeze, annex=True, restart=restarting(root, file, "annex paragraph"))
    heading = block.lines[0]
    scope = Scope(ids.annex_prefix(index) + "-", f"{heading[0].lower()}{heading[1:]}, ", f"att_{index + 1}")
    divisions = assembler.assemble(root, scope)
    title_lines = tuple(u.text for u in titles)
    return Annex(
        ids.annex_prefix(index),
        f"att_{index + 1}",
        heading,
        title_lines,
        tuple(assembler.operative),
        block.line,
        divisions,
    )


def parse_file(path: Path, display_name: str | None = None) -> tuple[Resolution, Diagnostics]:
    """Read and parse one resolution, text or PDF; raises ParseError with file and line (page
    and line in a PDF) on bad input."""
    file = display_name or str(path)
    source = read_source(path, file)
    diagnostics = Diagnostics(file, locate=source.locate)
    source.report(diagnostics)
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
