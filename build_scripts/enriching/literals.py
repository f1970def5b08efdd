"""What every match of a pattern must contain: a quick test that spares most regular-expression searches.

A catalogue pattern such as ``\\b[Tt]rafficking in persons\\b`` can only match a text that holds
``trafficking in persons`` (in some case). Checking that with a substring test first skips the
search in the texts where it cannot match, which is nearly all of them: the catalogue has
hundreds of patterns, and a paragraph mentions a handful.
"""

from __future__ import annotations

import re
from functools import cache

# The parser of the standard library's regular expressions: the only way to read a pattern's
# structure without writing a parser of our own. A pattern it cannot read is simply not filtered.
from re import _constants as constants  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]

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
