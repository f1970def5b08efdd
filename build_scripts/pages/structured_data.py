"""Metadata for machines: schema.org JSON-LD and the citation tags reference managers read."""

from __future__ import annotations

from ..identifiers import DocumentSymbol
from ..model import Resolution


def legislation_jsonld(resolution: Resolution, text_url: str) -> dict:
    """A schema.org ``Legislation`` for the resolution, with its paragraphs as parts.

    ``text_url``: the full text's address, full or relative to the page (JSON-LD resolves a
    relative one against the page's own address)."""
    meta = resolution.metadata
    parts = [
        {"@type": "CreativeWork", "name": p.address.title, "url": f"{text_url}#{p.id}"}
        for p in resolution.paragraphs()
    ]
    data = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": meta.title or f"Resolution {meta.number}",
        "legislationIdentifier": meta.symbol,
        "legislationType": "resolution",
        "legislationPassedBy": {"@type": "Organization", "name": meta.body},
        "legislationJurisdiction": "United Nations",
        "inLanguage": "en",
        "url": text_url,
        "sameAs": DocumentSymbol(meta.symbol).undocs_url,
        "hasPart": parts,
    }
    if meta.adopted:
        data["legislationDate"] = meta.adopted
    return data


def citation_tags(resolution: Resolution, url: str | None) -> dict[str, str]:
    """The ``citation_*`` meta tags (Highwire Press names) that Zotero and Google Scholar read.

    ``url``: the full address of what is cited; None while the site's address is not known
    (these readers take only a full one), and then no tag names one."""
    meta = resolution.metadata
    tags = {
        "citation_title": meta.title or f"Resolution {meta.number}",
        "citation_author": meta.body,
        "citation_publisher": f"United Nations, {meta.body}",
        "citation_technical_report_number": meta.symbol,
        "citation_language": "en",
    }
    if url:
        tags["citation_public_url"] = url
    tags["citation_pdf_url"] = DocumentSymbol(meta.symbol).undocs_url
    if meta.adopted:
        tags["citation_date"] = meta.adopted.replace("-", "/")
        tags["citation_publication_date"] = meta.adopted.replace("-", "/")
    return tags
