"""Metadata for machines: schema.org JSON-LD and the citation tags reference managers read."""

from __future__ import annotations

from ..identifiers import DocumentSymbol
from ..model import Resolution


def legislation_jsonld(resolution: Resolution, text_url: str) -> dict:
    """A schema.org ``Legislation`` for the resolution, with its paragraphs as parts."""
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


def citation_tags(resolution: Resolution, text_url: str) -> dict[str, str]:
    """The ``citation_*`` meta tags (Highwire Press names) that Zotero and Google Scholar read."""
    meta = resolution.metadata
    tags = {
        "citation_title": meta.title or f"Resolution {meta.number}",
        "citation_author": meta.body,
        "citation_publisher": f"United Nations, {meta.body}",
        "citation_technical_report_number": meta.symbol,
        "citation_language": "en",
        "citation_public_url": text_url,
        "citation_pdf_url": DocumentSymbol(meta.symbol).undocs_url,
    }
    if meta.adopted:
        tags["citation_date"] = meta.adopted.replace("-", "/")
        tags["citation_publication_date"] = meta.adopted.replace("-", "/")
    return tags
