"""Downloads: the enriched model -> the resolution as data (Akoma Ntoso, JSON, text, Markdown).

Takes :class:`~build_scripts.enriching.enrich.Enriched`; gives ``{path under the site: bytes}``.
"""

from __future__ import annotations

from ..enriching.catalogue import Entry
from ..enriching.enrich import Enriched
from ..identifiers import download_file
from .akn import akn_xml
from .exports import markdown_document, model_json, plain_text
from .parts import part_files


def _marked_entries(enriched: Enriched) -> list[Entry]:
    """The instruments of the catalogue, then every term the text marks (each needs its TLC)."""
    terms = {
        s.entry.id: s.entry
        for t in enriched.texts.values()
        for s in t.spans
        if s.entry and s.entry.kind == "term"
    }
    return [*enriched.catalogue.references, *(terms[key] for key in sorted(terms))]


def downloads(enriched: Enriched, file_stem: str, site_url: str) -> dict[str, bytes]:
    """The resolution as data, under ``downloads/``, and each paragraph's beside its page."""
    text_url = site_url.rstrip("/") + "/text/"
    resolution = enriched.resolution
    return {
        download_file(file_stem, "akn.xml"): akn_xml(resolution, _marked_entries(enriched), enriched.texts),
        download_file(file_stem, "json"): model_json(resolution, text_url).encode("utf-8"),
        download_file(file_stem, "txt"): plain_text(resolution).encode("utf-8"),
        download_file(file_stem, "md"): markdown_document(resolution).encode("utf-8"),
    } | part_files(enriched, file_stem, site_url)
