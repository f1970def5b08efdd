"""No page, download or file of the site offers a placeholder address.

The site's address is known only when ``site_url`` names a real host. Until then the site names
none (no canonical link, no sitemap, citations without an address, the JSON's addresses relative
to where they are written), and the pages' script copies and cites the address the reader has
the page at. With a real ``site_url``, every address is the full one made from it.
"""

from __future__ import annotations

import gzip
import json
import logging
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html
import pybtex.database
import pytest
from a11y_support import browser_context, open_page
from conftest import PLACEHOLDER_URL, PUBLISHED_URL, ROOT

from build_scripts import pipeline
from build_scripts.config import load_config
from build_scripts.pages.citations import ADDRESS_SLOT
from build_scripts.site_address import SiteAddress, is_reserved_host, relative_url

TEXT_FILES = (".html", ".json", ".xml", ".txt", ".md")
HOST = re.compile(r"\b[a-z][a-z0-9+.-]*://([^/\s\"'<>?#\\]+)", re.IGNORECASE)
ANYWHERE = "http://127.0.0.1:8000/some/path/"
"""Wherever a site without a known address is put: relative addresses must lead to the right
page from there."""


@pytest.mark.parametrize(
    ("target", "here", "relative"),
    [
        ("text/#op1c", "op1c/", "../text/#op1c"),
        ("text/", "text/", "./"),
        ("text/#op1", "text/", "#op1"),
        ("text/", "", "text/"),
        ("", "op1c/", "../"),
        ("op1c/", "op1c/A-HRC-RES-53-9-op1c.json", "./"),
        ("op1b/", "op1c/A-HRC-RES-53-9-op1c.json", "../op1b/"),
        ("text/#pp1", "downloads/A-HRC-RES-53-9.json", "../text/#pp1"),
    ],
)
def test_a_relative_address_leads_from_where_it_is_written_to_its_target(target, here, relative) -> None:
    assert relative_url(target, here) == relative
    assert urljoin(ANYWHERE + here, relative) == ANYWHERE + target


@pytest.mark.parametrize(
    ("site_url", "known"),
    [
        ("", False),
        ("https://resolutions.example.org/a-hrc-res-53-9/", False),
        ("https://example.com", False),
        ("https://EXAMPLE.NET./x/", False),
        ("https://docs.site.example/", False),
        ("https://site.test/", False),
        ("https://site.invalid/", False),
        ("http://localhost:8000/", False),
        ("http://app.localhost/", False),
        ("https://example.org.uk/", True),
        ("https://myexample.org/", True),
        (PUBLISHED_URL, True),
    ],
)
def test_the_address_is_known_only_on_a_host_not_reserved_for_examples_or_testing(site_url, known) -> None:
    address = SiteAddress(site_url)
    assert address.known is known
    assert address.absolute("op1c/") == (site_url.rstrip("/") + "/op1c/" if known else None)
    assert (address.warning() is None) is known


def _reserved_hosts(text: str) -> list[str]:
    return sorted({host for host in HOST.findall(text) if is_reserved_host(host.split(":")[0])})


def _placeholders(folder: Path) -> dict[str, list[str]]:
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.suffix == ".gz":
            text = gzip.decompress(path.read_bytes()).decode("utf-8")
        elif path.suffix in TEXT_FILES:
            text = path.read_text(encoding="utf-8")
        else:
            continue
        hosts = _reserved_hosts(text)
        if hosts:
            found[str(path.relative_to(folder))] = hosts
    return found


def test_the_project_sets_a_real_site_address_or_none() -> None:
    setting = load_config(ROOT).address.setting
    assert not setting or SiteAddress(setting).known, setting


@pytest.mark.parametrize("site", ["built_site", "placeholder_site"])
def test_no_built_file_or_page_names_a_placeholder_host(request, site: str) -> None:
    built = request.getfixturevalue(site)
    assert not _placeholders(built)
    assert not _placeholders(built.parent / "docs")  # the Markdown pages


def _html(site: Path, page: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / page / "index.html").read_bytes())


def _pages(site: Path) -> list[str]:
    """Every page of the site but the 404 page, as its path (``""``, ``text/``, ``op1c/``)."""
    pages = [str(p.parent.relative_to(site)) + "/" for p in site.rglob("index.html") if p.parent != site]
    return [*sorted(pages), ""]


@pytest.mark.parametrize("site", ["built_site", "placeholder_site"])
def test_without_an_address_no_page_has_a_canonical_link_og_url_or_public_url_and_there_is_no_sitemap(
    request, site: str
) -> None:
    built = request.getfixturevalue(site)
    assert not (built / "sitemap.xml").exists() and not (built / "sitemap.xml.gz").exists()
    for page in _pages(built):
        head = _html(built, page)
        assert not head.xpath('//link[@rel="canonical"] | //meta[@property="og:url"]'), page
        assert not head.xpath('//meta[@name="citation_public_url"]'), page


def _jsonld(site: Path, page: str) -> dict:
    [script] = _html(site, page).xpath('//script[@type="application/ld+json"]')
    return json.loads(script.text)


def test_without_an_address_the_json_ld_addresses_are_relative_to_the_page(built_site: Path) -> None:
    for page in ("", "text/"):
        data = _jsonld(built_site, page)
        assert urljoin(ANYWHERE + page, data["url"]) == ANYWHERE + "text/"
        assert urljoin(ANYWHERE + page, data["hasPart"][0]["url"]) == ANYWHERE + "text/#pp1"
    data = _jsonld(built_site, "op1c/")
    assert urljoin(ANYWHERE + "op1c/", data["@id"]) == ANYWHERE + "op1c/"
    assert urljoin(ANYWHERE + "op1c/", data["isPartOf"]["url"]) == ANYWHERE + "text/"


def test_without_an_address_the_downloads_addresses_are_relative_to_the_file(built_site: Path) -> None:
    here = "op1c/A-HRC-RES-53-9-op1c.json"
    data = json.loads((built_site / here).read_text(encoding="utf-8"))
    for key, target in [
        ("url", "op1c/"),
        ("full_text_url", "text/#op1c"),
        ("previous", "op1b/"),
        ("next", "op1d/"),
    ]:
        assert urljoin(ANYWHERE + here, data[key]) == ANYWHERE + target
    assert urljoin(ANYWHERE + here, data["resolution"]["url"]) == ANYWHERE + "text/"
    assert urljoin(ANYWHERE + here, data["context"][0]["url"]) == ANYWHERE + "op1/"
    assert data["citation"].endswith("operative paragraph 1 (c), adopted 12 July 2023")
    here = "downloads/A-HRC-RES-53-9.json"
    model = json.loads((built_site / here).read_text(encoding="utf-8"))
    assert urljoin(ANYWHERE + here, model["operative"][0]["url"]) == ANYWHERE + "text/#op1"


def _citations(site: Path, page: str) -> list[lxml.html.HtmlElement]:
    return _html(site, page).xpath('//*[contains(@class, "citation-text")]')


def test_without_an_address_the_shown_citations_name_none_and_carry_a_slot_for_the_script(
    built_site: Path,
) -> None:
    plain, bibtex, csl = _citations(built_site, "op1c/")
    assert plain.text_content() == (
        "Human Rights Council resolution 53/9 (A/HRC/RES/53/9), operative paragraph 1 (c), "
        "adopted 12 July 2023"
    )
    entry = pybtex.database.parse_string(bibtex.text_content(), "bibtex").entries["A-HRC-RES-53-9-op1c"]
    assert "url" not in entry.fields and entry.fields["number"] == "A/HRC/RES/53/9"
    assert "URL" not in json.loads(csl.text_content())[0]
    for form in (plain, bibtex, csl):
        assert form.get("data-address-form").count(ADDRESS_SLOT) == 1


def test_the_build_says_once_that_the_address_is_not_known_and_what_to_do(caplog) -> None:
    config = load_config(ROOT)
    for site_url, warnings in (("", 1), (PLACEHOLDER_URL, 1), (PUBLISHED_URL, 0)):
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="build_scripts"):
            pipeline.checked_conversion(
                config.__class__(**{**vars(config), "address": SiteAddress(site_url)})
            )
        said = [r.message for r in caplog.records if "site_url" in r.message]
        assert len(said) == warnings, said
        if warnings:
            assert "not yet known" in said[0] and "Set site_url in mkdocs.yml" in said[0]


# --- With a real address: every address is the full one, as before -------------------------


def test_with_an_address_every_page_has_its_canonical_link_and_the_sitemap_lists_them(
    published_site: Path,
) -> None:
    pages = _pages(published_site)
    for page in pages:
        head = _html(published_site, page)
        assert head.xpath('//link[@rel="canonical"]/@href') == [PUBLISHED_URL + page], page
        assert head.xpath('//meta[@property="og:url"]/@content') == [PUBLISHED_URL + page], page
    sitemap = lxml.etree.fromstring((published_site / "sitemap.xml").read_bytes())
    listed = sitemap.xpath("//s:loc/text()", namespaces={"s": "http://www.sitemaps.org/schemas/sitemap/0.9"})
    assert sorted(listed) == sorted(PUBLISHED_URL + page for page in pages)
    assert (
        gzip.decompress((published_site / "sitemap.xml.gz").read_bytes())
        == (published_site / "sitemap.xml").read_bytes()
    )


def test_with_an_address_the_json_ld_citation_tags_and_downloads_use_it(published_site: Path) -> None:
    data = _jsonld(published_site, "text/")
    assert data["url"] == PUBLISHED_URL + "text/" and data["hasPart"][0]["url"] == PUBLISHED_URL + "text/#pp1"
    part = _jsonld(published_site, "op1c/")
    assert part["@id"] == part["url"] == PUBLISHED_URL + "op1c/"
    assert part["isPartOf"]["url"] == PUBLISHED_URL + "text/"
    tags = _html(published_site, "text/").xpath('//meta[@name="citation_public_url"]/@content')
    assert tags == [PUBLISHED_URL + "text/"]
    data = json.loads((published_site / "op1c" / "A-HRC-RES-53-9-op1c.json").read_text(encoding="utf-8"))
    assert (data["url"], data["full_text_url"], data["previous"]) == (
        PUBLISHED_URL + "op1c/",
        PUBLISHED_URL + "text/#op1c",
        PUBLISHED_URL + "op1b/",
    )
    assert data["citation"].endswith(f"adopted 12 July 2023, {PUBLISHED_URL}op1c/")
    model = json.loads((published_site / "downloads" / "A-HRC-RES-53-9.json").read_text(encoding="utf-8"))
    assert model["operative"][0]["url"] == PUBLISHED_URL + "text/#op1"


def test_with_an_address_the_shown_citations_name_it(published_site: Path) -> None:
    plain, bibtex, csl = _citations(published_site, "op1c/")
    assert plain.text_content().endswith(f"adopted 12 July 2023, {PUBLISHED_URL}op1c/")
    entry = pybtex.database.parse_string(bibtex.text_content(), "bibtex").entries["A-HRC-RES-53-9-op1c"]
    assert entry.fields["url"] == PUBLISHED_URL + "op1c/"
    assert json.loads(csl.text_content())[0]["URL"] == PUBLISHED_URL + "op1c/"
    assert all(form.get("data-address-form") is None for form in (plain, bibtex, csl))
    assert urlsplit(PUBLISHED_URL).hostname and not is_reserved_host(urlsplit(PUBLISHED_URL).hostname)


# --- In the browser: what "Copy link" and "Copy citation" put on the clipboard ----------------

CLIPBOARD = ["clipboard-read", "clipboard-write"]
CITED = (
    "Human Rights Council resolution 53/9 (A/HRC/RES/53/9), operative paragraph 1 (c), adopted 12 July 2023"
)


def _copied(page, anchor: str, label: str) -> str:
    """What the full text's menu of ``anchor`` copies with the button ``label``."""
    page.locator(f"#{anchor} > a.para-link").click()
    page.locator(f"#menu-{anchor}").get_by_role("button", name=label, exact=True).click()
    page.wait_for_function("document.querySelector('.live-status').textContent.includes('copied')")
    copied = page.evaluate("navigator.clipboard.readText()")
    page.keyboard.press("Escape")
    page.evaluate("document.querySelector('.live-status').textContent = ''")
    return copied


@pytest.mark.browser
def test_without_an_address_copying_gives_the_address_the_page_is_read_at(browser, site_url: str) -> None:
    with browser_context(browser, site_url, permissions=CLIPBOARD) as context:
        # Opened from a search result: the query the search adds is no part of the address.
        page = open_page(context, site_url + "text/?h=victims#op1b")
        link, citation = _copied(page, "op1c", "Copy link"), _copied(page, "op1c", "Copy citation")
        page.locator("#op1c > a.para-link").click()
        page.locator("#menu-op1c").get_by_role("radio", name="its place in the full text").check()
        page.keyboard.press("Escape")
        in_text = _copied(page, "op1c", "Copy link")
    assert link == site_url + "op1c/"
    assert citation == f"{CITED}, {site_url}op1c/"
    assert in_text == site_url + "text/#op1c"


@pytest.mark.browser
def test_without_an_address_a_paragraphs_page_cites_the_address_it_is_read_at(browser, site_url: str) -> None:
    with browser_context(browser, site_url, permissions=CLIPBOARD) as context:
        page = open_page(context, site_url + "op1c/?utm=x")
        plain, bibtex, csl = (element.text_content() for element in page.locator(".citation-text").all())
        page.get_by_role("button", name="Copy the BibTeX entry").click()
        page.wait_for_function("document.querySelector('.live-status').textContent.includes('Copied')")
        copied = page.evaluate("navigator.clipboard.readText()")
        page.emulate_media(media="print")
        printed = page.locator(".print-address").inner_text()
    address = site_url + "op1c/"
    assert plain == f"{CITED}, {address}"
    entry = pybtex.database.parse_string(bibtex, "bibtex").entries["A-HRC-RES-53-9-op1c"]
    assert entry.fields["url"] == address and copied == bibtex
    assert json.loads(csl)[0]["URL"] == address
    assert printed == address


@pytest.mark.browser
def test_with_an_address_copying_gives_the_published_address_wherever_the_page_is_read(
    browser, published_site_url: str
) -> None:
    with browser_context(browser, published_site_url, permissions=CLIPBOARD) as context:
        page = open_page(context, published_site_url + "text/")
        link, citation = _copied(page, "op1c", "Copy link"), _copied(page, "op1c", "Copy citation")
        part = open_page(context, published_site_url + "op1c/")
        plain = part.locator(".citation-text").first.text_content()
    assert link == PUBLISHED_URL + "op1c/"
    assert citation == f"{CITED}, {PUBLISHED_URL}op1c/"
    assert plain == f"{CITED}, {PUBLISHED_URL}op1c/"
