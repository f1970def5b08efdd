"""The data of each paragraph, sub-paragraph and footnote, as JSON beside its page.

``op1c/A-HRC-RES-53-9-op1c.json``: the part as the document model has it (for a paragraph,
with its sub-paragraphs), the opening words of the paragraphs it belongs to, the notes it
refers to, its addresses, its neighbours and its citation. While the site's address is not
known, the addresses are relative to the file and the citation names none.
"""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from ..enriching.enrich import Enriched
from ..identifiers import TEXT_PAGE, data_file, paragraph_page
from ..model import MODEL_VERSION, Paragraph, Resolution
from ..pages.citations import cited_with, plain_citation
from ..pages.paragraph_pages import parents
from ..site_address import SiteAddress


def _resolution(resolution: Resolution, url: str) -> dict[str, Any]:
    meta = resolution.metadata
    return {
        "symbol": meta.symbol,
        "body": meta.body,
        "number": meta.number,
        "title": meta.title,
        "adopted": meta.adopted,
        "work_uri": resolution.work_uri,
        "url": url,
    }


def _chapeau(paragraph: Paragraph, url: str) -> dict[str, Any]:
    data = {key: value for key, value in paragraph.to_dict().items() if key != "items"}
    return {**data, "url": url}


def _chain(paragraph: Paragraph, above: dict[str, Paragraph]) -> list[Paragraph]:
    """The paragraphs ``paragraph`` belongs to, outermost first."""
    chain = []
    while paragraph.id in above:
        paragraph = above[paragraph.id]
        chain.insert(0, paragraph)
    return chain


def _sequence(anchors: list[str]) -> dict[str, tuple[str | None, str | None]]:
    """The previous and next anchor of each anchor of a sequence."""
    return {
        anchor: (anchors[i - 1] if i > 0 else None, anchors[i + 1] if i + 1 < len(anchors) else None)
        for i, anchor in enumerate(anchors)
    }


class _Part(NamedTuple):
    anchor: str
    name: str
    kind: str
    """``paragraph`` or ``footnote``."""
    data: dict[str, Any]
    chain: list[Paragraph]
    footnotes: list[dict[str, Any]]


def _parts(resolution: Resolution) -> list[_Part]:
    """Every paragraph, then every footnote, with the paragraphs above it and the notes it cites."""
    above = parents(resolution)
    notes = {note.id: note.to_dict() for note in resolution.footnotes}
    parts = []
    for paragraph in resolution.paragraphs():
        chain = _chain(paragraph, above)
        cited = [r.footnote for p in (*chain, *paragraph.walk()) for r in p.footnote_refs]
        footnotes = [notes[n] for n in dict.fromkeys(cited) if n in notes]
        parts.append(_Part(paragraph.id, paragraph.name, "paragraph", paragraph.to_dict(), chain, footnotes))
    for note in resolution.footnotes:
        parts.append(_Part(note.id, f"footnote {note.number}", "footnote", notes[note.id], [], []))
    return parts


def _record(
    resolution: Resolution, part: _Part, path: str, address: SiteAddress, neighbours: tuple[str | None, ...]
) -> dict[str, Any]:
    """The data of one part, written at ``path`` in the site."""

    def link(target: str | None) -> str | None:
        return address.link(target, path) if target is not None else None

    page = paragraph_page(part.anchor)
    previous, following = (paragraph_page(n) if n else None for n in neighbours)
    return {
        "version": MODEL_VERSION,
        "kind": part.kind,
        "url": link(page),
        "full_text_url": link(f"{TEXT_PAGE}#{part.anchor}"),
        "citation": cited_with(plain_citation(resolution.metadata, part.name), address.absolute(page)),
        "resolution": _resolution(resolution, address.link(TEXT_PAGE, path)),
        "context": [_chapeau(p, address.link(paragraph_page(p.id), path)) for p in part.chain],
        part.kind: part.data,
        "footnotes": part.footnotes,
        "previous": link(previous),
        "next": link(following),
    }


def part_files(enriched: Enriched, file_stem: str, address: SiteAddress) -> dict[str, bytes]:
    """``{path under the site: JSON}`` for every paragraph and footnote.

    Its addresses are full ones when the site's address is known; else relative to the file
    (``../text/#op1c``), and its citation has none."""
    resolution = enriched.resolution
    parts = _parts(resolution)
    neighbours = _sequence([p.anchor for p in parts if p.kind == "paragraph"])
    neighbours |= _sequence([p.anchor for p in parts if p.kind == "footnote"])
    files = {}
    for part in parts:
        path = paragraph_page(part.anchor) + data_file(file_stem, part.anchor)
        record = _record(resolution, part, path, address, neighbours[part.anchor])
        files[path] = (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return files
