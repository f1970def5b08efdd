"""Escaping the resolution's words for Markdown, so that they show as written, never as markup.

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

_ANYWHERE = re.compile(r"([\\`*_{}\[\]()<>&!|~^=])")
_LINE_START = re.compile(r"^([#\-+:])|^(\d+)([.)])")


def markdown_text(text: str) -> str:
    """Text that Markdown renders as exactly these characters."""
    escaped = _ANYWHERE.sub(r"\\\1", text.replace("\n", " "))
    return _LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", escaped)


def attribute(text: str) -> str:
    """A value for an HTML attribute in double quotes, or text inside an HTML element."""
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
