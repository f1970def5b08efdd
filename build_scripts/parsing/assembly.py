"""Freezing the tree of a text into the model: every division and paragraph gets its id, eId
and name from where it stands (see ``identifiers.py`` for the scheme)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from .. import identifiers as ids
from ..errors import ParseError
from ..model import Division, Paragraph
from .divisions import NAMES, Mark, Node

if TYPE_CHECKING:
    from .units import Unit

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
