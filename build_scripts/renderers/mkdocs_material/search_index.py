"""The search index: one result per paragraph.

Material's search plugin cuts pages into sections at headings. The full text has a heading
per part, not per paragraph, so after the build its sections are replaced by one entry for
each paragraph, footnote and closing line, located at that paragraph's anchor.

The full text's entries carry a ``boost`` (Material's per-document boost) and an ``address``
field, the anchor ("op1c") or, for the full text itself, the document symbol. The search worker
(``overrides/assets/javascripts/workers/search-adapter.js``) reads both: it lists the most
boosted page's results first, and turns the ways people write an address ("OP 1 (c)",
"preambular paragraph 3") into the anchor that the ``address`` field holds. The other forms of
a word ("trafficking" for "trafficked", "labour" for "labor") are the worker's too: it finds
them among the index's words when it starts, with lunr's stemmer, and adds them to each query.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ...enriching.enrich import Enriched
from ...identifiers import title_case_name
from ...model import Division, Paragraph, Resolution

# One entry of Material's search index: location, title, text and optional fields.
SearchEntry = dict[str, Any]

# The full text's entries rank before every other page's (the search worker orders by it).
FULL_TEXT_BOOST = 10


def paragraph_entries(enriched: Enriched, page: str) -> list[SearchEntry]:
    """Search entries for the full-text page: the page, then every paragraph in order."""
    resolution = enriched.resolution
    meta = resolution.metadata
    masthead = " ".join(resolution.masthead)
    entries = [_entry(page, f"Full text of resolution {meta.number}", masthead, meta.symbol)]
    for item in _reading_order(resolution):
        if isinstance(item, Division):
            text = " ".join(w for w in (item.label, item.heading) if w)
        else:
            text = f"{item.label} {item.text}" if item.label else item.text
        entries.append(_entry(f"{page}#{item.id}", title_case_name(item.name), text, item.id))
    for note in resolution.footnotes:
        entries.append(_entry(f"{page}#{note.id}", f"Footnote {note.number}", note.text, note.id))
    if resolution.closing.lines:
        entries.append(_entry(f"{page}#closing", "Closing", " ".join(resolution.closing.lines), "closing"))
    return entries


def _reading_order(resolution: Resolution) -> Iterator[Division | Paragraph]:
    """Every division and paragraph (sub-paragraphs too), body then annexes, in reading order."""
    for outline in (resolution.outline(), *(annex.outline() for annex in resolution.annexes)):
        for _, item in outline:
            yield from [item] if isinstance(item, Division) else item.walk()


def _entry(location: str, title: str, text: str, address: str) -> SearchEntry:
    return {"location": location, "title": title, "text": text, "address": address, "boost": FULL_TEXT_BOOST}


def rewrite_index(index_file: Path, enriched: Enriched, page: str) -> None:
    """Material's index with the full text's sections replaced by its paragraph entries."""
    index = json.loads(index_file.read_text(encoding="utf-8"))
    others = [doc for doc in index["docs"] if not doc["location"].startswith(page)]
    index["docs"] = others + paragraph_entries(enriched, page)
    index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
