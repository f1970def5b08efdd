"""Downloads: the enriched model -> the resolution as data (Akoma Ntoso, JSON, text, Markdown).

Takes :class:`~build_scripts.enriching.enrich.Enriched`; gives ``{path under the site: bytes}``.
"""

from __future__ import annotations

from ..enriching.catalogue import Entry
from ..enriching.enrich import Enriched
from ..identifiers import TEXT_PAGE, download_file
from ..site_address import SiteAddress
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


def downloads(enriched: Enriched, file_stem: str, address: SiteAddress) -> dict[str, bytes]:
    """The resolution as data, under ``downloads/``, and each paragraph's beside its page.

    The addresses in them are full ones when the site's address is known, else relative to the
    file they are written in."""
    resolution = enriched.resolution
    json_file = download_file(file_stem, "json")
    return {
        download_file(file_stem, "akn.xml"): akn_xml(resolution, _marked_entries(enriched), enriched.texts),
        json_file: model_json(resolution, address.link(TEXT_PAGE, json_file)).encode("utf-8"),
        download_file(file_stem, "txt"): plain_text(resolution).encode("utf-8"),
        download_file(file_stem, "md"): markdown_document(resolution).encode("utf-8"),
    } | part_files(enriched, file_stem, address)
