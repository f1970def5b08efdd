"""An MkDocs hook of this renderer: a page's front matter holds plain text, and Material prints
``title``, ``description`` and our citation tags into its HTML as they are (in ``<title>``, the
navigation, the header and ``content="…"``), so they are escaped here, once, for HTML. The
JSON-LD is printed by ``tojson``, which is safe in a script element."""

from __future__ import annotations

from typing import Any

from markupsafe import escape

PRINTED_AS_HTML = ("title", "description")


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    meta = page.meta
    for key in PRINTED_AS_HTML:
        if isinstance(meta.get(key), str):
            meta[key] = escape(meta[key])
    if isinstance(meta.get("citation"), dict):
        meta["citation"] = {name: escape(value) for name, value in meta["citation"].items()}
    return markdown
