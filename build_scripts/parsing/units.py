"""A paragraph of the source before it is placed in the tree: what kind of block it is."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..reading.normalize import Block
from .divisions import Mark

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
TO_DIGITS = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
# A marker has at most three digits: a longer run of superscript digits is text, not a note number.
MARKERS = re.compile(f"(?<![{SUPERSCRIPT_DIGITS}])[{SUPERSCRIPT_DIGITS}]{{1,3}}(?![{SUPERSCRIPT_DIGITS}])")
_FOOTNOTE = re.compile(f"(?P<marker>[{SUPERSCRIPT_DIGITS}]{{1,3}})\\s+(?P<text>\\S.*)", re.S)
_NUMBERED = re.compile(r"(?P<number>\d+)\.\s+(?P<text>\S.*)", re.S)
# "(a)", "(iv)"; "(6)" too: text recognition's "(b)" (items.OCR_LOOKALIKES).
_ITEM = re.compile(r"\((?P<number>[a-z]{1,5}|6)\)\s+(?P<text>\S.*)", re.S)
_DASH = re.compile(r"(?P<label>[-–—•])\s+(?P<text>\S.*)", re.S)
BARE_LABEL = re.compile(r"\d+\.|\([a-z]{1,5}\)|[-–—•]")
ANNEX = re.compile(r"Annex(?:\s+(?P<number>[IVXLC]+|\d+))?")
LEAD = re.compile(r"\*(?P<lead>[^*]+)\*")


@dataclass
class Unit:
    """A paragraph of the source before it is placed in the tree (page breaks mended)."""

    kind: str  # number, item, dash, plain, footnote, division
    line: int
    text: str
    label: str | None = None
    number: str | None = None
    children: list[Unit] = field(default_factory=list)
    scheme: str = ""
    mark: Mark | None = None
    """The heading of a part, section, chapter or article (kind ``division``)."""

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
