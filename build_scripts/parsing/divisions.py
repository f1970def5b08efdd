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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from .. import identifiers as ids
from ..errors import ParseError
from ..model import Division, Paragraph
from ..reading.normalize import Block

if TYPE_CHECKING:
    from .parse import Unit

_ROMAN = r"[IVXLC]+"
_NUMERAL = re.compile(rf"(?P<number>{_ROMAN}|[A-Z])(?P<dot>\.?)")
_NUMERAL_HEADING = re.compile(rf"(?P<number>{_ROMAN}|[A-Z])\.\s+(?P<heading>\S.*)")
_WORDED = re.compile(r"(?P<word>Part|Chapter|Article)\s+(?P<number>[IVXLC]+|[A-Z]|\d+)\.?")
_BOLD = re.compile(r"\*\*(?P<inner>[^*](?:.*[^*])?)\*\*", re.S)
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
    bold = styled_lines(block, _BOLD)
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
        expected = _next_number(mark, before[-1].number if before else None)
        if mark.number != expected:
            what = NAMES[mark.kind]
            raise ParseError(self.file, mark.line, f"{what} {expected} (the next {what})", mark.label)


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
        _check(list(article.numbered()), file, f"paragraph of {article.mark.label}")  # type: ignore[union-attr]
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


# --- Freezing ----------------------------------------------------------------------------

_ITALIC_LEAD = re.compile(r"\*[^*]+\*")


@dataclass(frozen=True)
class Place:
    """Where a paragraph stands: what its id, eId and name are made of."""

    prefix: str
    """The anchor before its number (``op``, ``part-b-op``, ``annex-article-5-``)."""
    number: str
    """Its number, or its count among the unnumbered paragraphs of its kind and place."""
    eid_root: str
    """The eId before its number (``para``, ``sec_I__para``, ``sec_I__intro__p``)."""
    eid_number: str
    part: str
    """Its name before its number (``operative paragraph``, ``annex, article 5, paragraph``)."""
    role: str
    """``preambular``, ``operative``, ``annex`` or ``annex-unnumbered``: how its lead is found."""
    named_with_number: bool = True


Freeze = Callable[["Unit", Place], Paragraph]


@dataclass(frozen=True)
class Scope:
    """What the paragraphs of one node are named after."""

    anchor: str
    """Before a paragraph's number: ``""`` (body), ``part-b-``, ``annex-``, ``annex-article-5-``."""
    name: str
    """Before a paragraph's name: ``""``, ``part B, ``, ``annex I, ``."""
    eid: str | None
    """The eId of the enclosing division (or attachment), if any."""
    division: Division | None = None
    """The innermost division, for unnumbered paragraphs."""


@dataclass
class Assembler:
    """Freezes a tree into divisions and paragraphs with their ids, eIds and names.

    In the body, the unnumbered paragraphs before a node's numbered ones are preambular, and a
    node without numbered paragraphs may end with one unnumbered operative paragraph ("*Takes
    note* of …."). In an annex, unnumbered paragraphs may open or close any node.
    """

    file: str
    freeze: Freeze
    annex: bool
    restart: set[int]
    counts: dict[str, int] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)
    preamble: list[Paragraph] = field(default_factory=list)
    operative: list[Paragraph] = field(default_factory=list)
    """In an annex, every paragraph goes in ``operative``."""

    def assemble(self, root: Node, scope: Scope) -> tuple[Division, ...]:
        self._own(root.units, scope)
        return tuple(self._division(child, scope, None) for child in root.children)

    def _next(self, key: str) -> int:
        self.counts[key] = self.counts.get(key, 0) + 1
        return self.counts[key]

    def _division(self, node: Node, scope: Scope, parent: Division | None) -> Division:
        assert node.mark is not None
        division = self._describe(node.mark, scope, parent)
        if id(node) in self.restart:
            inner = Scope(f"{division.id}-", f"{division.name}, ", division.eid, division)
        else:
            inner = Scope(scope.anchor, scope.name, division.eid, division)
        paragraphs = tuple(self._own(node.units, inner))
        children = tuple(self._division(child, inner, division) for child in node.children)
        return replace(division, paragraphs=paragraphs, divisions=children)

    def _describe(self, mark: Mark, scope: Scope, parent: Division | None) -> Division:
        numbered_parent = parent if parent is not None and parent.number is not None else None
        outer = numbered_parent if numbered_parent and mark.kind != "article" else None
        prefix = scope.anchor.split("-")[0] + "-" if self.annex else ""
        anchor = ids.division_anchor(
            prefix, outer.id if outer else None, mark.kind, mark.number, mark.heading or ""
        )
        number = mark.number or str(self._next(f"{scope.eid}:heading"))
        eid = ids.division_eid(parent.eid if parent else _attachment(scope, self.annex), mark.kind, number)
        if mark.number is None:
            name = mark.heading or "heading"
        elif outer:
            name = f"{outer.name}, {NAMES[mark.kind]} {mark.number}"
        else:
            name = f"{_annex_name(scope) + ', ' if self.annex else ''}{NAMES[mark.kind]} {mark.number}"
        return Division(
            mark.kind, self._unique(anchor), eid, name, mark.line, mark.number, mark.label, mark.heading
        )

    def _unique(self, anchor: str) -> str:
        candidate, count = anchor, 1
        while candidate in self.taken:
            count += 1
            candidate = f"{anchor}-{count}"
        self.taken.add(candidate)
        return candidate

    # --- paragraphs ------------------------------------------------------------------------

    def _own(self, units: list[Unit], scope: Scope) -> list[Paragraph]:
        leading, numbered, trailing = self._split(units)
        if not self.annex and not numbered and leading and _single_operative(leading[-1]):
            leading, trailing = leading[:-1], leading[-1:]
        out = [self._leading(u, scope) for u in leading]
        out += [self._numbered(u, scope) for u in numbered]
        out += [self._trailing(u, scope) for u in trailing]
        return out

    def _split(self, units: list[Unit]) -> tuple[list[Unit], list[Unit], list[Unit]]:
        numbers = [i for i, u in enumerate(units) if u.kind == "number"]
        if not numbers:
            return units, [], []
        first, last = numbers[0], numbers[-1]
        stray = next((u for u in units[first:last] if u.kind != "number"), None)
        if stray is None and not self.annex and last != len(units) - 1:
            stray = units[last + 1]
        if stray is not None:
            what = (
                "a numbered annex paragraph"
                if self.annex
                else "a numbered operative paragraph or the closing"
            )
            raise ParseError(self.file, stray.line, what, stray.text)
        return units[:first], units[first : last + 1], units[last + 1 :]

    def _numbered(self, unit: Unit, scope: Scope) -> Paragraph:
        number = unit.number or ""
        root = f"{scope.eid}__para" if scope.eid else "para"
        if self.annex:
            place = Place(scope.anchor, number, root, number, f"{scope.name}paragraph", "annex")
        else:
            place = Place(
                f"{scope.anchor}op", number, root, number, f"{scope.name}operative paragraph", "operative"
            )
        return self._keep(self.freeze(unit, place), operative=True)

    def _leading(self, unit: Unit, scope: Scope) -> Paragraph:
        """An unnumbered paragraph before the numbered ones: preambular (or an annex's intro)."""
        division = scope.division
        if self.annex and division is not None:
            return self._unnumbered_in_annex(unit, scope, division, "intro")
        count = str(self._next(f"{scope.anchor}pp"))
        if scope.eid and division is not None:
            root, local = f"{scope.eid}__intro__p", str(self._next(f"{scope.eid}__intro"))
        elif scope.eid:
            root, local = f"{scope.eid}__preamble__p", count
        else:
            root, local = "preamble__p", count
        role = "annex-unnumbered" if self.annex else "preambular"
        place = Place(f"{scope.anchor}pp", count, root, local, f"{scope.name}preambular paragraph", role)
        return self._keep(self.freeze(unit, place), operative=self.annex)

    def _trailing(self, unit: Unit, scope: Scope) -> Paragraph:
        """An unnumbered paragraph after the numbered ones (or the only operative one)."""
        division = scope.division
        if self.annex:
            if division is None:
                return self._leading(unit, scope)
            return self._unnumbered_in_annex(unit, scope, division, "wrapUp")
        owner = f"{division.id}-op" if division else "op"
        count = str(self._next(owner))
        root = f"{scope.eid}__para" if scope.eid else "para"
        part = f"{division.name}, operative paragraph" if division else "operative paragraph"
        place = Place(owner, count, root, count, part, "operative", named_with_number=False)
        return self._keep(self.freeze(unit, place), operative=True)

    def _unnumbered_in_annex(self, unit: Unit, scope: Scope, division: Division, where: str) -> Paragraph:
        owner = f"{division.id}-p"
        count = str(self._next(owner))
        root, local = f"{division.eid}__{where}__p", str(self._next(f"{division.eid}__{where}"))
        place = Place(owner, count, root, local, f"{division.name}, unnumbered paragraph", "annex-unnumbered")
        return self._keep(self.freeze(unit, place), operative=True)

    def _keep(self, paragraph: Paragraph, operative: bool) -> Paragraph:
        (self.operative if operative else self.preamble).append(paragraph)
        return paragraph


def _single_operative(unit: Unit) -> bool:
    """A last unnumbered paragraph with a verb phrase in italics, not ending in a comma."""
    return bool(_ITALIC_LEAD.match(unit.text)) and not unit.text.rstrip().endswith(",")


def _attachment(scope: Scope, annex: bool) -> str | None:
    return scope.eid if annex else None


def _annex_name(scope: Scope) -> str:
    return scope.name.removesuffix(", ")
