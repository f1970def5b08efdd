"""Downloads: the enriched model -> the resolution as data (Akoma Ntoso, JSON, text, Markdown).

Takes :class:`~build_scripts.enriching.enrich.Enriched`; gives ``{path under the site: bytes}``.
"""

from __future__ import annotations

from ..enriching.catalogue import Entry
from ..enriching.enrich import Enriched
from .akn import akn_xml
from .exports import markdown_document, model_json, plain_text


def _marked_entries(enriched: Enriched) -> list[Entry]:
    """The instruments of the catalogue, then every term the text marks (each needs its TLC)."""
    terms = {
        s.entry.id: s.entry
        for t in enriched.texts.values()
        for s in t.spans
        if s.entry and s.entry.kind == "term"
    }
    return [*enriched.catalogue.references, *(terms[key] for key in sorted(terms))]


def downloads(enriched: Enriched, file_stem: str, text_url: str) -> dict[str, bytes]:
    """The resolution as data, under ``downloads/``."""
    resolution = enriched.resolution
    stem = f"downloads/{file_stem}"
    return {
        f"{stem}.akn.xml": akn_xml(resolution, _marked_entries(enriched), enriched.texts),
        f"{stem}.json": model_json(resolution, text_url).encode("utf-8"),
        f"{stem}.txt": plain_text(resolution).encode("utf-8"),
        f"{stem}.md": markdown_document(resolution).encode("utf-8"),
    }
