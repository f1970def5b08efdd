"""Downloads: the enriched model -> the resolution as data (Akoma Ntoso, JSON, text, Markdown).

Takes :class:`~build_scripts.enriching.enrich.Enriched`; gives ``{path under the site: bytes}``.
"""

from __future__ import annotations

from ..enriching.enrich import Enriched
from .akn import akn_xml
from .exports import markdown_document, model_json, plain_text


def downloads(enriched: Enriched, file_stem: str, text_url: str) -> dict[str, bytes]:
    """The resolution as data, under ``downloads/``."""
    resolution = enriched.resolution
    stem = f"downloads/{file_stem}"
    return {
        f"{stem}.akn.xml": akn_xml(resolution, enriched.catalogue.references),
        f"{stem}.json": model_json(resolution, text_url).encode("utf-8"),
        f"{stem}.txt": plain_text(resolution).encode("utf-8"),
        f"{stem}.md": markdown_document(resolution).encode("utf-8"),
    }
