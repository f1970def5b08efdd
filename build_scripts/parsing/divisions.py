"""Parts, sections, chapters, articles and headings: finding them, nesting them, naming them.

The layout of a division's heading, on a block of its own:
  a roman numeral or a capital letter, alone ("I", "II.", "A") or with its heading after a full
  stop ("III. Conclusion and call to action"), or with the heading on the block's next line;
  "Chapter I", "Article 5" or "Part A", the heading on the next line if there is one;
  any of these in bold ("**II. Informal system**"); a heading with no number is a bold block
  ("**Partnerships and support mechanisms**") or, as subheadings are printed, a block wholly in
  italics without a full stop ("*Partnerships and support mechanisms*"). A bold block right after
  a bare numeral is its heading.
A roman numeral is a section and a capital letter a part, except that a letter that carries on
the parts already seen ("C" after "B", "I" after "H") is a part. Whichever of parts and sections
comes first holds the other; chapters hold articles; an unnumbered heading sits under all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import identifiers as ids
from ..errors import ParseError
from ..reading.normalize import Block

if TYPE_CHECKING:
    from .units import Unit

_ROMAN = r"[IVXLC]+"
_NUMERAL = re.compile(rf"(?P<number>{_ROMAN}|[A-Z])(?P<dot>\.?)")
_NUMERAL_HEADING = re.compile(rf"(?P<number>{_ROMAN}|[A-Z])\.\s+(?P<heading>\S.*)")
_WORDED = re.compile(r"(?P<word>Part|Chapter|Article)\s+(?P<number>[IVXLC]+|[A-Z]|\d+)\.?")
BOLD = re.compile(r"\*\*(?P<inner>[^*](?:.*[^*])?)\*\*", re.S)
# A heading in italics ("*Partnerships and support mechanisms*"), on a block of its own.
_ITALIC = re.compile(r"\*(?P<inner>[^*]+)\*", re.S)
_SENTENCE_END = tuple(".,;:")
KINDS = {"Part": "part", "Chapter": "chapter", "Article": "article"}
NAMES = {"part": "part", "section": "section", "chapter": "chapter", "article": "article"}


@dataclass
class Mark:
    """A division's heading as read from the source, before it is placed in the tree."""

    number: str | None
    label: str | None
    heading: str | None
    line: int
    word: str | None = None
    """``Part``, ``Chapter`` or ``Article`` when the number is written with the word."""
    kind: str = ""
    """Decided when the tree is built (a lone "I" may be a section or a part)."""
    heading_line: int | None = None
    """The line of a heading given in a bold block after a bare numeral."""


def styled_lines(block: Block, style: re.Pattern[str]) -> list[str] | None:
    """The lines of a block that is bold (or italic) as a whole, without the asterisks: each
    line in its own ``**…**`` ("**I**" then "**Informal system**"), or the block in one (a
    heading that wraps, as the PDF reader writes it)."""
    each = [style.fullmatch(line) for line in block.lines]
    if all(each):
        return [m["inner"].strip() for m in each if m]
    whole = style.fullmatch(block.text)
    if not whole:
        return None
    width = (len(block.text) - len(whole["inner"])) // 2
    first, *middle, last = block.lines
    return [first[width:].strip(), *middle, last[:-width].strip()]


def read_mark(block: Block) -> Mark | None:
    """The division heading this block is, if it is one."""
    bold = styled_lines(block, BOLD)
    italic = None if bold is not None else styled_lines(block, _ITALIC)
    styled = bold if bold is not None else italic
    lines = styled if styled is not None else list(block.lines)
    first, rest = lines[0], " ".join(lines[1:]) or None
    if rest is not None and rest.endswith(_SENTENCE_END):
        return None  # "A" on a line of its own, then the rest of a sentence: a paragraph
    worded = _WORDED.fullmatch(first)
    if worded:
        return Mark(worded["number"], first, rest, block.line, word=worded["word"])
    numeral = _NUMERAL.fullmatch(first)
    if numeral:
        return Mark(numeral["number"], first, rest, block.line)
    with_heading = _NUMERAL_HEADING.fullmatch(first)
    if with_heading and (styled is not None or not first.endswith(_SENTENCE_END)):
        label = first[: with_heading.start("heading")].rstrip()
        heading = " ".join([with_heading["heading"], *lines[1:]])
        return Mark(with_heading["number"], label, heading, block.line)
    words = " ".join(lines)
    if bold is not None or (italic is not None and not words.endswith(_SENTENCE_END)):
        return Mark(None, None, words, block.line, kind="heading")
    return None


# --- The tree ----------------------------------------------------------------------------


@dataclass
class Node:
    """A division (or the whole text, for the root) with its units and sub-divisions."""

    mark: Mark | None
    level: int
    units: list[Unit] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)

    def numbered(self, into_articles: bool = False) -> Iterator[Unit]:
        """Its numbered paragraphs and those of its sub-divisions, in reading order."""
        yield from (u for u in self.units if u.kind == "number")
        for child in self.children:
            if into_articles or child.mark is None or child.mark.kind != "article":
                yield from child.numbered(into_articles)


@dataclass
class TreeBuilder:
    """Places the division marks and paragraph units of one text (body or annex) in a tree."""

    file: str
    operative: bool
    """True for the body: a heading in the preamble ends where the numbered paragraphs start."""
    order: list[str] = field(default_factory=list)
    """``part`` and ``section`` in the order they first appear: the first holds the other."""
    root: Node = field(default_factory=lambda: Node(None, -1))

    def build(self, units: list[Unit]) -> Node:
        root = self.root
        stack = [root]
        for unit in units:
            if unit.mark is None:
                self._add_paragraph(unit, stack)
                continue
            mark = unit.mark
            mark.kind = mark.kind or self._kind(mark, stack)
            level = self._level(mark.kind)
            while stack[-1].level >= level:
                stack.pop()
            self._check_sequence(mark, stack[-1])
            node = Node(mark, level)
            stack[-1].children.append(node)
            stack.append(node)
        return root

    def _add_paragraph(self, unit: Unit, stack: list[Node]) -> None:
        top = stack[-1]
        in_preamble_heading = (
            top.mark is not None and top.mark.kind == "heading" and top.units and not any(top.numbered())
        )
        if self.operative and unit.kind == "number" and in_preamble_heading:
            while len(stack) > 1 and stack[-1].mark.kind == "heading":  # type: ignore[union-attr]
                stack.pop()
        stack[-1].units.append(unit)

    def _kind(self, mark: Mark, stack: list[Node]) -> str:
        if mark.word:
            return KINDS[mark.word]
        number = mark.number or ""
        letters = [n.mark.number for n in _all(stack[0]) if n.mark and n.mark.kind == "part"]
        next_letter = chr(ord(letters[-1][0]) + 1) if letters and len(letters[-1]) == 1 else "A"
        if re.fullmatch(_ROMAN, number) and number != next_letter:
            return "section"
        return "part"

    def _level(self, kind: str) -> int:
        if kind in ("part", "section"):
            if kind not in self.order:
                self.order.append(kind)
            return 1 + self.order.index(kind)
        return {"chapter": 0, "article": 3, "heading": 9}[kind]

    def _check_sequence(self, mark: Mark, parent: Node) -> None:
        """Sections, parts and chapters count from the first in their parent, articles throughout."""
        if mark.kind == "heading":
            return
        scope = _all(parent) if mark.kind != "article" else _all(self.root)
        before = [n.mark for n in scope if n.mark and n.mark is not mark and n.mark.kind == mark.kind]
        previous = before[-1].number if before else None
        expected = _next_number(mark, previous)
        if mark.number != expected and not _follows_outside_numbering(mark, previous):
            what = NAMES[mark.kind]
            raise ParseError(self.file, mark.line, f"{what} {expected} (the next {what})", mark.label)


def _follows_outside_numbering(mark: Mark, previous: str | None) -> bool:
    """A worded part or section ("Part IV", "Section 29A") may skip numbers upwards: a budget
    resolution names the parts and sections of the programme budget it speaks of, not all."""
    if not mark.word or mark.number is None:
        return False
    return previous is None or _rank(mark, mark.number) > _rank(mark, previous)


def _rank(mark: Mark, number: str) -> tuple[int, str]:
    """A number's place in its scheme, with any letter after it ("29A")."""
    digits = re.match(r"\d+", number)
    if digits:
        return int(digits[0]), number[digits.end() :]
    if _scheme(mark, number) == "roman":
        return _roman_value(number), ""
    return ord(number[0]), number[1:]


def _all(node: Node) -> Iterator[Node]:
    for child in node.children:
        yield child
        yield from _all(child)


def _next_number(mark: Mark, previous: str | None) -> str:
    """The number the division needs after ``previous``: "1", "I" or "A" first, then the next
    in the same scheme (roman for sections and for "Chapter II", "Part II")."""
    number = mark.number or ""
    if previous is None:
        first = {"digit": "1", "roman": "I"}.get(_scheme(mark, number), "A")
        return number if number in ("1", "I", "A") else first
    scheme = _scheme(mark, previous)
    if scheme == "digit":
        return str(int(previous) + 1)
    if scheme == "roman":
        return ids.roman_label(_roman_value(previous)).upper()
    return chr(ord(previous[0]) + 1)


def _scheme(mark: Mark, number: str) -> str:
    if number.isdigit():
        return "digit"
    roman = re.fullmatch(_ROMAN, number) is not None
    return "roman" if roman and (mark.kind == "section" or mark.word) else "letter"


def _roman_value(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for char, following in zip(numeral, [*numeral[1:], ""], strict=True):
        value = values[char]
        total += -value if following and values[following] > value else value
    return total


# --- Numbering ---------------------------------------------------------------------------


def restarting(root: Node, file: str, what: str) -> set[int]:
    """The nodes (by id()) whose paragraphs are numbered from 1 on their own: every article, and
    the top-level divisions when the numbering starts again in each."""
    scopes = {id(n) for n in _all(root) if n.mark and n.mark.kind == "article"}
    for article in (n for n in _all(root) if id(n) in scopes):
        _check(list(article.numbered()), file, f"{article.mark.label}, paragraph")  # type: ignore[union-attr]
    whole = list(root.numbered())
    if _first_gap(whole) is None:
        return scopes
    own = [u for u in root.units if u.kind == "number"]
    if root.children and all(
        _first_gap(p) is None for p in [own, *(list(c.numbered()) for c in root.children)]
    ):
        return scopes | {id(c) for c in root.children}
    hint = " (or 1, if each part numbers its paragraphs from 1)" if root.children else ""
    _check(whole, file, what, hint)
    return scopes


def _first_gap(units: list[Unit]) -> Unit | None:
    return next((u for n, u in enumerate(units, start=1) if u.number != str(n)), None)


def _check(units: list[Unit], file: str, what: str, hint: str = "") -> None:
    gap = _first_gap(units)
    if gap is not None:
        expected = units.index(gap) + 1
        raise ParseError(file, gap.line, f"{what} {expected}{hint}", f"{gap.label} {gap.text}")
