"""One search result per paragraph.

Material's search plugin cuts pages into sections at headings. The full text has a heading
per part, not per paragraph, so after the build its sections are replaced by one entry for
each paragraph, footnote and closing line, located at that paragraph's anchor.
"""

from __future__ import annotations

import json
from pathlib import Path

from .enrich import Enriched


def _label(name: str) -> str:
    return name[:1].upper() + name[1:]


def paragraph_entries(enriched: Enriched, page: str) -> list[dict[str, str]]:
    """Search entries for the full-text page: the page, then every paragraph in order."""
    resolution = enriched.resolution
    meta = resolution.metadata
    entries = [
        {
            "location": page,
            "title": f"Full text of resolution {meta.number}",
            "text": " ".join(resolution.masthead),
        }
    ]
    for paragraph in resolution.paragraphs():
        text = f"{paragraph.label} {paragraph.text}" if paragraph.label else paragraph.text
        entries.append({"location": f"{page}#{paragraph.id}", "title": _label(paragraph.name), "text": text})
    for note in resolution.footnotes:
        entries.append(
            {"location": f"{page}#{note.id}", "title": f"Footnote {note.number}", "text": note.text}
        )
    if resolution.closing.lines:
        entries.append(
            {"location": f"{page}#closing", "title": "Closing", "text": " ".join(resolution.closing.lines)}
        )
    return entries


def index_paragraphs(index_file: Path, enriched: Enriched, page: str) -> None:
    """Replace the full-text page's sections in Material's search index with paragraph entries."""
    index = json.loads(index_file.read_text(encoding="utf-8"))
    others = [doc for doc in index["docs"] if not doc["location"].startswith(page)]
    index["docs"] = others + paragraph_entries(enriched, page)
    index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
