"""Terms and instruments are linked both ways, and the links change no word of the text."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest
import yaml
from conftest import ROOT, SOURCE

from build_scripts.enriching.catalogue import load_catalogue
from build_scripts.parsing.parse import parse_file

DATA = ROOT / "build_scripts" / "data"
# What the full-text page shows besides the resolution's words inside a paragraph.
ADDED = (
    './/a[contains(@class, "para-link")] | .//sup[contains(@class, "fn-ref")] | .//span[@class="para-num"]'
    ' | .//span[@class="para-mark"]'
    ' | .//a[contains(@class, "fn-back")] | .//span[@class="fn-num"]'
)


def page(built_site: Path, name: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((built_site / name / "index.html").read_bytes())


@pytest.fixture(scope="module")
def text_page(built_site: Path) -> lxml.html.HtmlElement:
    return page(built_site, "text")


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def paragraph_words(element: lxml.html.HtmlElement) -> str:
    copy = lxml.html.fromstring(lxml.html.tostring(element))
    for added in copy.xpath(ADDED):
        added.drop_tree()
    return " ".join(copy.text_content().split())


def mention_links(index_page: lxml.html.HtmlElement, entry_id: str) -> list[str]:
    heading = index_page.get_element_by_id(entry_id)
    row = heading.getparent()  # a heading stands in a row with its permalink
    links = []
    for sibling in row.itersiblings():
        if sibling.tag in ("h2", "h3") or "heading-row" in (sibling.get("class") or ""):
            break
        if "entry-mentions" in (sibling.get("class") or ""):
            links += [a.get("href") for a in sibling.iter("a")]
    return links


def test_links_change_no_word_of_any_paragraph(text_page: lxml.html.HtmlElement) -> None:
    resolution, _ = parse_file(SOURCE)
    for paragraph in resolution.paragraphs():
        shown = paragraph_words(text_page.get_element_by_id(paragraph.id))
        assert shown == " ".join(paragraph.text.split()), paragraph.id


def test_no_link_inside_another_link(built_site: Path) -> None:
    for path in built_site.rglob("*.html"):
        tree = lxml.html.fromstring(path.read_bytes())
        assert not tree.xpath("//a//a"), path


def test_no_link_inside_a_heading_of_the_text(text_page: lxml.html.HtmlElement) -> None:
    headings = text_page.xpath("//article//*[self::h1 or self::h2 or self::h3]")
    for heading in headings:
        assert not heading.xpath('.//a[contains(@class, "gl-term") or contains(@class, "gl-ref")]')


@pytest.mark.parametrize(("page_name", "kind"), [("glossary", "terms"), ("references", "references")])
def test_every_mentioned_in_link_lands_on_a_paragraph_that_mentions_it(
    built_site: Path, text_page: lxml.html.HtmlElement, catalogue, page_name: str, kind: str
) -> None:
    index_page = page(built_site, page_name)
    for entry in getattr(catalogue, kind):
        links = mention_links(index_page, entry.id)
        assert links, f"{entry.id} lists no paragraph"
        for link in links:
            target = text_page.get_element_by_id(link.split("#")[1])
            words = paragraph_words(target)
            assert entry.matches(target.get("id"), words), f"{entry.id} -> {link}"


def test_every_entry_is_linked_from_the_text(text_page: lxml.html.HtmlElement, catalogue) -> None:
    """Each term and instrument is a link somewhere in the text, or, where the text cites it by
    its document symbol, that symbol links to the official document instead."""
    hrefs = {a.get("href") for a in text_page.iter("a")}
    for entry in catalogue.linkable:
        official = entry.symbol and f"https://undocs.org/en/{entry.symbol}" in hrefs
        assert f"../{entry.page}/#{entry.id}" in hrefs or official, entry.id


def test_a_term_s_definition_describes_its_first_link_and_names_the_entry_on_later_ones(
    text_page: lxml.html.HtmlElement, catalogue, built_site: Path
) -> None:
    link = text_page.xpath('//p[@id="op1c"]//a[contains(@class, "gl-term")]')[0]
    term = next(t for t in catalogue.terms if link.get("href").endswith("#" + t.id))
    links = text_page.xpath(f'//a[contains(@class, "gl-term")][@href="{link.get("href")}"]')
    described = [text_page.get_element_by_id(a.get("aria-describedby")).text_content() for a in links]
    # The first link's description is filled, at the reader's first interaction, from the file
    # of definitions; the page holds the element it fills.
    definitions = json.loads((built_site / "definitions.json").read_text(encoding="utf-8"))
    assert described[0] == ""
    assert definitions[links[0].get("aria-describedby")] == term.description
    for later, text in zip(links[1:], described[1:], strict=True):
        same = " ".join(later.text_content().split()).casefold() == term.name.casefold()
        assert text == ("Glossary entry" if same else f"Glossary entry: {term.name}"), later.text_content()


@pytest.mark.parametrize(
    ("page_name", "data", "key"),
    [("glossary", "glossary", "terms"), ("references", "references", "references")],
)
def test_the_page_has_one_entry_for_each_entry_of_its_data_file(
    built_site: Path, page_name: str, data: str, key: str
) -> None:
    written = yaml.safe_load((DATA / f"{data}.yaml").read_text(encoding="utf-8"))[key]
    shown = page(built_site, page_name).xpath("//article//h3/@id")
    assert sorted(shown) == sorted(entry["id"] for entry in written)
