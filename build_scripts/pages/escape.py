"""Escaping for the pages: every value is escaped for where it is printed, unless it says it is
already safe there.

Two kinds of safe text, both MarkupSafe ``Markup`` strings (so that Jinja prints them as they are):

- :class:`Markdown`, text already written as Markdown. Joining, adding or formatting a plain
  string into it escapes that string for Markdown, as ``Markup`` does for HTML.
- ``Markup`` from :func:`html`, text escaped for raw HTML: an attribute's value, or the content
  of a block that Markdown leaves alone.

Python-Markdown with ``pymdownx.escapeall`` lets a backslash escape any character. Escaped
everywhere, because they start markup wherever they stand:
  \\ ` * _        escapes, code spans, emphasis
  [ ] ( ) !      links and images
  { }            attribute lists ({#id} would set an id)
  < > &          raw HTML and entities (<script>, &amp;, <!--)
  | ~ ^ =        tables and the strike, caret and mark syntaxes of extensions
Escaped only at the start of a text, where a line may begin:
  # - + : and "1." or "1)"   headings, lists, definition lists
White space is left alone: escaping a space would make it a no-break space.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup, escape

_ANYWHERE = re.compile(r"([\\`*_{}\[\]()<>&!|~^=])")
_LINE_START = re.compile(r"^([#\-+:])|^(\d+)([.)])")


def _escaped(text: str) -> str:
    escaped = _ANYWHERE.sub(r"\\\1", text.replace("\n", " "))
    return _LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", escaped)


class Markdown(Markup):
    """Text that is already Markdown: printed as it is, never escaped again."""

    __slots__ = ()

    @classmethod
    def escape(cls, s: Any) -> Markdown:
        """``s`` as Markdown: safe text as it is, anything else escaped to show as written."""
        if hasattr(s, "__html__"):
            return cls(s.__html__())
        return cls(_escaped(str(s)))


def markdown_text(text: str) -> Markdown:
    """Text that Markdown renders as exactly these characters."""
    return Markdown.escape(text)


def html(text: Any) -> Markup:
    """A value for an HTML attribute, or text inside an HTML block that Markdown leaves alone."""
    return escape(text)


def finalize(value: Any) -> Any:
    """What a template prints (Jinja's ``finalize``): escaped for Markdown, unless safe."""
    return value if hasattr(value, "__html__") else markdown_text(str(value))


_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]*")
_NOT_IN_TARGET = re.compile(r"[\s<>\\]")
_BRACKETS = re.compile(r"[()]")


def token(value: Any) -> Markup:
    """An id or a class name, printed as it is: it needs no escaping anywhere, and anything that
    would is refused rather than printed."""
    text = str(value)
    if not _TOKEN.fullmatch(text):
        raise ValueError(f"not an id or class name: {text!r}")
    return Markdown(text)


def link_target(href: str) -> Markdown:
    """A link's address in ``[words](address)``: white space, angle brackets and backslashes
    percent-encoded, and brackets too unless they pair up (``S/RES/1820(2008)`` stays as it is,
    as Markdown reads it)."""
    target = _NOT_IN_TARGET.sub(_percent, href)
    depth = 0
    for bracket in _BRACKETS.findall(target):
        depth += 1 if bracket == "(" else -1
        if depth < 0:
            break
    if depth:
        target = _BRACKETS.sub(_percent, target)
    return Markdown(target)


def _percent(match: re.Match[str]) -> str:
    return "".join(f"%{byte:02X}" for byte in match[0].encode())
