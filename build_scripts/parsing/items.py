"""Sub-paragraphs: each "(a)", "(i)" or dash item under the paragraph or item it belongs to."""

from __future__ import annotations

from .. import identifiers as ids
from ..errors import ParseError
from .units import Unit

_SCHEMES = ("number", "letter", "roman", "dash")
# What text recognition (OCR) misreads a letter as, in a PDF made from a scan: "(6)" for "(b)".
OCR_LOOKALIKES = {"6": "b"}


def _expected(scheme: str, count: int) -> str:
    """The label the next item of a list needs, when it already has ``count`` items."""
    return {"letter": ids.letter_label, "roman": ids.roman_label}.get(scheme, lambda _: "–")(count)


def _describe(scheme: str, count: int) -> str:
    return "a dash item" if scheme == "dash" else f"sub-paragraph ({_expected(scheme, count)})"


def nest_items(units: list[Unit], file: str) -> list[Unit]:
    """Put each sub-paragraph under the paragraph or item it belongs to."""
    tops: list[Unit] = []
    stack: list[Unit] = []  # the open parents; stack[0] is the top paragraph
    for index, unit in enumerate(units):
        if unit.kind not in ("item", "dash"):
            tops.append(unit)
            stack = [unit] if unit.kind != "division" else []
            continue
        if not stack:
            raise ParseError(file, unit.line, "a paragraph before its first sub-paragraph", unit.label)
        following = units[index + 1] if index + 1 < len(units) else None
        _place(unit, stack, file, following.number if following and following.kind == "item" else None)
    return tops


def _place(unit: Unit, stack: list[Unit], file: str, next_label: str | None) -> None:
    _read_lookalike(unit, stack)
    label = unit.number or ""
    # "(i)" after "(h)" is the letter, unless "(ii)" follows: then it opens a list under "(h)".
    opens_roman = label == "i" and next_label == "ii"
    # Continue the deepest list that expects this label.
    for depth in range(len(stack) - 1, -1, -1):
        parent = stack[depth]
        if not parent.children:
            continue
        scheme = parent.children[0].scheme
        if scheme == "letter" and opens_roman:
            continue
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


def _read_lookalike(unit: Unit, stack: list[Unit]) -> None:
    """An OCR misreading ("(6)") is the letter it stands for when a lettered list open here
    expects that letter next; the label stays as printed."""
    letter = OCR_LOOKALIKES.get(unit.number or "")
    if letter is None:
        return
    for parent in stack:
        children = parent.children
        if children and children[0].scheme == "letter" and _expected("letter", len(children)) == letter:
            unit.number = letter
            return
