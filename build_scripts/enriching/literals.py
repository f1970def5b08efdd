"""What every match of a pattern must contain: a quick test that spares most regular-expression searches.

A catalogue pattern such as ``\\b[Tt]rafficking in persons\\b`` can only match a text that holds
``trafficking in persons`` (in some case). Checking that with a substring test first skips the
search in the texts where it cannot match, which is nearly all of them: the catalogue has
hundreds of patterns, and a paragraph mentions a handful.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache

# The parser of the standard library's regular expressions: the only way to read a pattern's
# structure without writing a parser of our own. A pattern it cannot read is simply not filtered.
from re import _constants as constants  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]
from typing import Protocol

SHORTEST = 3
"""A shorter literal filters too little to be worth the test."""


def _character(op: object, value: object) -> str | None:
    """The lowercase letter this element matches, if it matches one letter in either case."""
    if op is constants.LITERAL:
        found = chr(value)  # type: ignore[arg-type]
    elif op is constants.IN:
        letters = {chr(v) for o, v in value if o is constants.LITERAL}  # type: ignore[attr-defined]
        if len(letters) != len(value) or len({c.lower() for c in letters}) != 1:  # type: ignore[arg-type]
            return None
        found = next(iter(letters))
    else:
        return None
    return found.lower() if found.isascii() else None


@cache
def required_literal(pattern: re.Pattern[str]) -> str | None:
    """The longest lowercase text every match of ``pattern`` contains, or None if there is none.

    Only the pattern's top-level sequence is read: each of its elements is part of every match.
    Zero-width assertions (``\\b``) do not break a run of letters; anything else does.
    """
    try:
        elements = parser.parse(pattern.pattern, pattern.flags).data
    except (re.error, AttributeError, TypeError):
        return None
    best, run = "", ""
    for op, value in elements:
        if op is constants.AT:
            continue
        character = _character(op, value)
        if character is None:
            best, run = max(best, run, key=len), ""
        else:
            run += character
    best = max(best, run, key=len)
    return best if len(best) >= SHORTEST else None


def may_match(pattern: re.Pattern[str], lowered_text: str) -> bool:
    """False only when ``pattern`` cannot match the text whose lowercase form is given."""
    literal = required_literal(pattern)
    return literal is None or literal in lowered_text


class _HasPatterns(Protocol):
    @property
    def patterns(self) -> Sequence[object]: ...


class Candidates:
    """Which of a list of entries (each with its ``patterns``) may match a text, in their order:
    those with a pattern whose required literal the text holds, or a pattern without one."""

    def __init__(self, entries: Iterable[_HasPatterns]) -> None:
        self.always: frozenset[int] = frozenset()
        by_literal: dict[str, set[int]] = defaultdict(set)
        always = set()
        for index, entry in enumerate(entries):
            literals = {required_literal(pattern.regex) for pattern in entry.patterns}  # type: ignore[attr-defined]
            if None in literals:
                always.add(index)
                continue
            for literal in literals:
                by_literal[literal].add(index)  # type: ignore[index]
        self.always = frozenset(always)
        self.by_literal = {literal: frozenset(indexes) for literal, indexes in by_literal.items()}

    def per_text(self, lowered_texts: Sequence[str]) -> list[list[int]]:
        """For each text (in lowercase), the indexes, in order, of the entries that may match it.

        The texts are searched as one: each literal is looked for once per text that holds it
        (and once more), rather than in every text. A literal found across the line between two
        texts adds an entry to test, never removes one."""
        joined = "\n".join(lowered_texts)
        starts = list(itertools.accumulate((len(text) + 1 for text in lowered_texts[:-1]), initial=0))
        found = [set(self.always) for _ in lowered_texts]
        for literal, indexes in self.by_literal.items():
            at = joined.find(literal)
            while at >= 0:
                text = bisect.bisect_right(starts, at) - 1
                found[text] |= indexes
                if text + 1 == len(starts):
                    break
                at = joined.find(literal, starts[text + 1])
        return [sorted(indexes) for indexes in found]
