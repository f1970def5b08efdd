"""A resolution in parts, sections, chapters and articles, published: every division is a heading
with its anchor on the full-text page, in the table of contents, in search, in each download
(the Akoma Ntoso still valid) and in the list of published anchors.

Two fixtures are built as sites of their own, with an empty catalogue: A/RES/79/281 (sections of
the body, each with its own preambular paragraph) and A/RES/80/162 (a convention annexed, in
chapters and articles).
"""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest
from a11y_support import axe_violations, browser_context, describe_violations, scheme_options
from conftest import ROOT
from lxml import etree
from test_akn import _schema_path
from test_hostile_text_in_browser import project as project
from test_hostile_text_in_browser import publish
from test_hostile_text_in_browser import server as server

from build_scripts.downloads.akn import NS
from build_scripts.model import Division, Resolution
from build_scripts.parsing.parse import parse_file

FIXTURES = ROOT / "tests" / "fixtures"
CASES = ["ga_sections_with_own_preamble", "ga_convention_chapters_articles"]


@pytest.fixture(scope="module", params=CASES)
def built(request: pytest.FixtureRequest, project: Path) -> tuple[Path, Resolution]:
    source = FIXTURES / request.param / "input.txt"
    site = publish(project, f"{request.param}.txt", source)
    return site, parse_file(source)[0]


def _divisions(resolution: Resolution) -> list[Division]:
    divisions = list(resolution.all_divisions())
    assert divisions
    return divisions


def test_every_division_is_one_heading_with_its_anchor(built: tuple[Path, Resolution]) -> None:
    site, resolution = built
    page = lxml.html.parse(str(site / "text" / "index.html")).getroot()
    for division in _divisions(resolution):
        found = page.xpath("//*[@id=$id]", id=division.id)
        assert len(found) == 1, division.id
        assert found[0].tag in ("h3", "h4", "h5", "h6"), division.id
        words = " ".join(found[0].text_content().split())
        assert (division.heading or "") in words and (division.label or "") in words


def test_every_paragraph_keeps_one_anchor_on_the_page(built: tuple[Path, Resolution]) -> None:
    site, resolution = built
    page = lxml.html.parse(str(site / "text" / "index.html")).getroot()
    ids = page.xpath("//@id")
    for paragraph in resolution.paragraphs():
        assert ids.count(paragraph.id) == 1, paragraph.id


def test_every_division_is_in_the_table_of_contents(built: tuple[Path, Resolution]) -> None:
    site, resolution = built
    page = lxml.html.parse(str(site / "text" / "index.html")).getroot()
    toc = {a.get("href") for a in page.xpath("//nav[contains(@class, 'md-nav--secondary')]//a")}
    assert {f"#{d.id}" for d in _divisions(resolution)} <= toc


def test_every_division_has_its_search_entry(built: tuple[Path, Resolution]) -> None:
    site, resolution = built
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries = {doc["location"]: doc for doc in index["docs"]}
    for division in _divisions(resolution):
        entry = entries[f"text/#{division.id}"]
        assert entry["title"].lower() == division.name.lower()
        assert (division.heading or "") in entry["text"]


def test_downloads_hold_the_divisions(built: tuple[Path, Resolution]) -> None:
    site, resolution = built
    downloads = site / "downloads"
    xml = etree.parse(str(next(downloads.glob("*.akn.xml"))))
    etree.XMLSchema(etree.parse(str(_schema_path()))).assertValid(xml)
    eids = set(xml.xpath("//@eId"))
    text = next(downloads.glob("*.txt")).read_text(encoding="utf-8")
    data = json.loads(next(downloads.glob("*.json")).read_text(encoding="utf-8"))
    listed = json.dumps(data, ensure_ascii=False)
    for division in _divisions(resolution):
        assert division.eid in eids
        assert " ".join(w for w in (division.label, division.heading) if w) in text
        assert f'"id": "{division.id}"' in listed
    heading = xml.xpath(
        "//a:*[@eId=$eid]/a:heading/text()", namespaces={"a": NS}, eid=_divisions(resolution)[0].eid
    )
    assert heading == [_divisions(resolution)[0].heading]


def test_published_anchors_list_the_divisions(built: tuple[Path, Resolution], project: Path) -> None:
    _, resolution = built
    manifest = json.loads((project / "published-anchors.json").read_text(encoding="utf-8"))
    text_page = manifest["anchors"]["text/"]
    for division in _divisions(resolution):
        assert text_page[division.id]["name"] == division.name
        assert "hash" in text_page[division.id]


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_the_structured_full_text(
    built: tuple[Path, Resolution], server: str, browser, scheme: str
) -> None:
    site, _ = built
    with browser_context(browser, server, **scheme_options(scheme, 1280)) as context:
        page = context.new_page()
        page.goto(f"{server}{site.name}/text/", wait_until="load")
        problems = describe_violations(f"{site.name}/text/ ({scheme})", axe_violations(page))
    assert not problems, "\n".join(problems)
