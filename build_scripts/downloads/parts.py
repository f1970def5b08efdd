"""The data of each paragraph, sub-paragraph and footnote, as JSON beside its page.

``op1c/A-HRC-RES-53-9-op1c.json``: the part as the document model has it (for a paragraph,
with its sub-paragraphs), the opening words of the paragraphs it belongs to, the notes it
refers to, its addresses, its neighbours and its citation.
"""

from __future__ import annotations

import json
from typing import Any

from ..enriching.enrich import Enriched
from ..identifiers import data_file, paragraph_page
from ..model import MODEL_VERSION, Paragraph, Resolution
from ..pages.citations import plain_citation
from ..pages.paragraph_pages import parents


def _resolution(resolution: Resolution, site_url: str) -> dict[str, Any]:
    meta = resolution.metadata
    return {
        "symbol": meta.symbol,
        "body": meta.body,
        "number": meta.number,
        "title": meta.title,
        "adopted": meta.adopted,
        "work_uri": resolution.work_uri,
        "url": site_url + "text/",
    }


def _chapeau(paragraph: Paragraph, site_url: str) -> dict[str, Any]:
    data = {key: value for key, value in paragraph.to_dict().items() if key != "items"}
    return {**data, "url": site_url + paragraph_page(paragraph.id)}


def _chain(paragraph: Paragraph, above: dict[str, Paragraph]) -> list[Paragraph]:
    """The paragraphs ``paragraph`` belongs to, outermost first."""
    chain = []
    while paragraph.id in above:
        paragraph = above[paragraph.id]
        chain.insert(0, paragraph)
    return chain


def _sequence(anchors: list[str], site_url: str) -> dict[str, tuple[str | None, str | None]]:
    """The addresses of the previous and next page of each anchor of a sequence."""
    urls = [site_url + paragraph_page(anchor) for anchor in anchors]
    return {
        anchor: (urls[i - 1] if i > 0 else None, urls[i + 1] if i + 1 < len(urls) else None)
        for i, anchor in enumerate(anchors)
    }


def part_files(enriched: Enriched, file_stem: str, site_url: str) -> dict[str, bytes]:
    """``{path under the site: JSON}`` for every paragraph and footnote."""
    resolution = enriched.resolution
    site_url = site_url.rstrip("/") + "/"
    above = parents(resolution)
    notes = {note.id: note.to_dict() for note in resolution.footnotes}
    paragraphs = list(resolution.paragraphs())
    neighbours = _sequence([p.id for p in paragraphs], site_url) | _sequence(list(notes), site_url)
    records = []
    for paragraph in paragraphs:
        chain = _chain(paragraph, above)
        cited = [r.footnote for p in (*chain, *paragraph.walk()) for r in p.footnote_refs]
        footnotes = [notes[n] for n in dict.fromkeys(cited) if n in notes]
        records.append((paragraph.id, paragraph.name, "paragraph", paragraph.to_dict(), chain, footnotes))
    for note in resolution.footnotes:
        records.append((note.id, f"footnote {note.number}", "footnote", notes[note.id], [], []))
    files = {}
    for anchor, name, kind, data, chain, footnotes in records:
        url = site_url + paragraph_page(anchor)
        previous, following = neighbours[anchor]
        record = {
            "version": MODEL_VERSION,
            "kind": kind,
            "url": url,
            "full_text_url": f"{site_url}text/#{anchor}",
            "citation": f"{plain_citation(resolution.metadata, name)}, {url}",
            "resolution": _resolution(resolution, site_url),
            "context": [_chapeau(p, site_url) for p in chain],
            kind: data,
            "footnotes": footnotes,
            "previous": previous,
            "next": following,
        }
        text = json.dumps(record, ensure_ascii=False, indent=2) + "\n"
        files[paragraph_page(anchor) + data_file(file_stem, anchor)] = text.encode("utf-8")
    return files
