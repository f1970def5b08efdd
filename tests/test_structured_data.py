"""Machines can read what the pages are: schema.org JSON-LD and citation tags."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest
from conftest import PUBLISHED_URL, SOURCE

from build_scripts.parsing.parse import parse_file

SITE_URL = PUBLISHED_URL
"""The site's address, known: full addresses are made from it (test_site_address.py: not known)."""


def head(built_site: Path, name: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((built_site / name / "index.html").read_bytes())


def jsonld(page: lxml.html.HtmlElement) -> dict:
    scripts = page.xpath('//script[@type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].text)


@pytest.mark.parametrize("name", ["", "text"])
def test_pages_describe_the_resolution_as_legislation(published_site: Path, name: str) -> None:
    data = jsonld(head(published_site, name))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Legislation"
    assert data["legislationIdentifier"] == "A/HRC/RES/53/9"
    assert data["legislationType"] == "resolution"
    assert data["legislationDate"] == "2023-07-12"
    assert data["legislationPassedBy"] == {"@type": "Organization", "name": "Human Rights Council"}
    assert data["legislationJurisdiction"] and data["inLanguage"] == "en"
    assert data["url"] == SITE_URL + "text/"


def test_every_paragraph_is_a_part_with_its_address(published_site: Path) -> None:
    resolution, _ = parse_file(SOURCE)
    parts = jsonld(head(published_site, "text"))["hasPart"]
    assert [p["url"] for p in parts] == [f"{SITE_URL}text/#{p.id}" for p in resolution.paragraphs()]
    names = {p["url"].rsplit("#", 1)[1]: p["name"] for p in parts}
    assert names["op1c"] == "Operative paragraph 1 (c)"


def test_reference_managers_find_citation_tags(published_site: Path) -> None:
    page = head(published_site, "text")
    tags = {
        m.get("name"): m.get("content") for m in page.xpath("//head/meta[starts-with(@name, 'citation_')]")
    }
    assert tags["citation_title"] == "Trafficking in persons, especially women and children"
    assert tags["citation_date"] == "2023/07/12"
    assert tags["citation_publisher"] == "United Nations, Human Rights Council"
    assert tags["citation_technical_report_number"] == "A/HRC/RES/53/9"
    assert tags["citation_public_url"] == SITE_URL + "text/"


def test_shared_links_preview_with_open_graph_tags(published_site: Path) -> None:
    page = head(published_site, "text")
    tags = {
        m.get("property"): m.get("content") for m in page.xpath("//head/meta[starts-with(@property, 'og:')]")
    }
    assert tags["og:title"] == "Full text"
    assert tags["og:url"] == SITE_URL + "text/"
    assert "53/9" in tags["og:description"]
