"""The home and about pages say what a reader needs to know first."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest


def page(built_site: Path, name: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((built_site / name / "index.html").read_bytes())


@pytest.fixture(scope="module")
def home(built_site: Path) -> lxml.html.HtmlElement:
    return page(built_site, "")


def test_home_page_lists_the_facts_of_the_resolution(home: lxml.html.HtmlElement) -> None:
    article = home.xpath("//article")[0]
    facts = {
        dt.text_content().strip(): dd.text_content().strip()
        for dt, dd in zip(article.xpath(".//dl/dt"), article.xpath(".//dl/dd"), strict=True)
    }
    assert facts == {
        "Symbol": "A/HRC/RES/53/9",
        "Adopted by": "Human Rights Council, Fifty-third session (19 June–14 July 2023)",
        "Agenda item": "3: Promotion and protection of all human rights, civil, political, economic, "
        "social and cultural rights, including the right to development",
        "Adopted on": "12 July 2023, at the 34th meeting",
        "Vote": "Adopted without a vote",
    }
    assert not article.xpath(".//dd//dl"), "facts are nested in one another"


def test_home_page_title_is_the_resolution_s_title(home: lxml.html.HtmlElement) -> None:
    words = "".join(home.xpath("//article//h1")[0].xpath("text()")).strip()
    assert words == "Trafficking in persons, especially women and children"


def test_home_page_links_every_operative_paragraph_with_its_verb(home: lxml.html.HtmlElement) -> None:
    links = {a.get("href"): a.text_content() for a in home.xpath('//article//a[contains(@href, "text/#op")]')}
    assert {f"text/#op{n}" for n in range(1, 20)} <= set(links)
    assert "Takes note with appreciation" in links["text/#op13"]
    assert "Also calls upon" in links["text/#op4"]


def test_home_page_offers_the_four_downloads(home: lxml.html.HtmlElement, built_site: Path) -> None:
    hrefs = [a.get("href") for a in home.xpath('//a[starts-with(@href, "downloads/")]')]
    assert sorted(
        h.rsplit(".", 2)[-1] if h.endswith(".akn.xml") else h.rsplit(".", 1)[-1] for h in hrefs
    ) == ["json", "md", "txt", "xml"]
    assert all((built_site / href).stat().st_size > 1000 for href in hrefs)


def test_about_page_says_it_is_not_an_official_publication(built_site: Path) -> None:
    text = " ".join(page(built_site, "about").text_content().split())
    assert "not an official publication of the United Nations" in text
    assert "https://undocs.org/en/A/HRC/RES/53/9" in [
        a.get("href") for a in page(built_site, "about").iter("a")
    ]


def test_about_page_says_exactly_what_the_source_file_holds(built_site: Path) -> None:
    section = page(built_site, "about").xpath('//h2[@id="source"]/../following-sibling::p[1]')[0]
    text = " ".join(section.text_content().split())
    assert "without change" not in text
    assert [c.text for c in section.iter("code")] == ["*", "**"], "the italics and bold markers"
    assert "masthead" in text and "left out" in text
