"""Every paragraph, sub-paragraph and footnote has a page of its own (``op1c/``), read as built HTML
(no JavaScript): its words, the chapeaux above it, its neighbours, its previews and citations."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pybtex.database
import pytest
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from conftest import PUBLISHED_URL, ROOT, SOURCE

from build_scripts.identifiers import title_case_name
from build_scripts.model import Resolution
from build_scripts.pages.escape import markdown_text
from build_scripts.parsing.parse import parse_file

SITE_URL = PUBLISHED_URL
"""The pages' addresses are full ones when the site's is known (test_site_address.py: when not)."""
RESOLUTION, _ = parse_file(SOURCE)
PARAGRAPHS = list(RESOLUTION.paragraphs())
PARTS = [(p.id, p.name, p.text) for p in PARAGRAPHS] + [
    (n.id, f"footnote {n.number}", n.text) for n in RESOLUTION.footnotes
]


def page(built_site: Path, anchor: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((built_site / anchor / "index.html").read_bytes())


def words(element: lxml.html.HtmlElement) -> str:
    """An element's text as a reader sees it, without numbers, labels and footnote markers."""
    copy = lxml.html.fromstring(lxml.html.tostring(element))
    labels = './/*[contains(@class, "para-num") or contains(@class, "fn-ref") or contains(@class, "fn-num")]'
    for extra in copy.xpath(labels):
        extra.drop_tree()
    return " ".join(copy.text_content().split())


def meta(document: lxml.html.HtmlElement, key: str) -> str:
    found = document.xpath(f'//meta[@name="{key}" or @property="{key}"]/@content')
    assert len(found) == 1, key
    return found[0]


def nav_links(document: lxml.html.HtmlElement) -> dict[str, str]:
    """The "In the full text" list: {its words before the link (or the link's words): href}."""
    heading = document.xpath('//h2[starts-with(normalize-space(), "In the full text")]')[0]
    row = heading.getparent()  # a heading stands in a row with its permalink beside it
    items = (row if "heading-row" in (row.get("class") or "") else heading).getnext().xpath("./li")
    return {(li.text or "").strip().rstrip(":") or li[0].text_content(): li[0].get("href") for li in items}


def test_every_paragraph_sub_paragraph_and_footnote_has_a_page_with_its_words(built_site: Path) -> None:
    assert len(PARTS) == 78
    for anchor, name, text in PARTS:
        document = page(built_site, anchor)
        assert document.xpath("string(//h1)").replace("¶", "").strip() == title_case_name(name), anchor
        shown = document.xpath('//div[@class="part-text"]/*')[0]
        assert words(shown) == " ".join(text.split()), anchor


def test_a_paragraphs_page_shows_its_sub_paragraphs_and_a_sub_paragraph_shows_none(built_site: Path) -> None:
    op1 = RESOLUTION.find("op1")
    blocks = page(built_site, "op1").xpath('//div[@class="part-text"]/p')
    assert [words(b) for b in blocks] == [" ".join(p.text.split()) for p in op1.walk()]
    assert len(page(built_site, "op1c").xpath('//div[@class="part-text"]/p')) == 1


def test_a_sub_paragraph_shows_its_chapeau_marked_as_context(built_site: Path) -> None:
    document = page(built_site, "op1c")
    context = document.xpath('//div[@class="part-context"]')
    assert len(context) == 1
    label = context[0].xpath('./p[contains(@class, "context-label")]')[0]
    assert label.text_content().startswith("Context: the opening words of operative paragraph 1")
    assert label.xpath(".//a/@href") == ["../op1/"]
    chapeau = context[0].xpath('./p[contains(concat(" ", @class, " "), " context ")]')
    assert [words(p) for p in chapeau] == [" ".join(RESOLUTION.find("op1").text.split())]
    # Context comes before the sub-paragraph's own words.
    assert document.xpath('//div[@class="part-context"]/following::div[@class="part-text"]')


def test_a_top_level_paragraph_and_a_footnote_have_no_context(built_site: Path) -> None:
    for anchor in ("pp1", "op1", "op19", "fn1"):
        assert not page(built_site, anchor).xpath('//div[@class="part-context"]'), anchor


def test_previous_and_next_follow_the_text_and_stop_at_the_ends(built_site: Path) -> None:
    first, last = PARAGRAPHS[0].id, PARAGRAPHS[-1].id
    assert "Previous" not in nav_links(page(built_site, first))
    assert "Next" not in nav_links(page(built_site, last))
    assert nav_links(page(built_site, "fn1")).keys() == {
        "Read in the full text",
        "Next",
        "All paragraph pages",
    }
    assert "Next" not in nav_links(page(built_site, f"fn{len(RESOLUTION.footnotes)}"))
    # Following "Next" from the first paragraph visits every paragraph once, in reading order.
    visited, anchor = [], first
    while anchor:
        visited.append(anchor)
        links = nav_links(page(built_site, anchor))
        assert links["Read in the full text"] == f"../text/#{anchor}"
        if visited[1:]:
            assert links["Previous"] == f"../{visited[-2]}/"
        anchor = links["Next"].strip("./") if "Next" in links else None
    assert visited == [p.id for p in PARAGRAPHS]


def test_previews_quote_the_start_of_the_paragraph(built_site: Path) -> None:
    document = page(built_site, "op1c")
    title = document.xpath("string(//title)")
    assert title.startswith("Operative paragraph 1 (c): “Fully recognizing victims' rights and implementing")
    for key in ("og:title", "twitter:title"):
        assert meta(document, key) == title.rsplit(" - ", 1)[0]
    for key in ("description", "og:description", "twitter:description"):
        assert meta(document, key).startswith(
            "“Fully recognizing victims' rights and implementing the non-punishment"
        )
        assert "operative paragraph 1 (c)" in meta(document, key)
    for anchor, _, text in PARTS:
        start = " ".join(text.split())[:40]
        description = meta(page(built_site, anchor), "og:description")
        assert description.startswith(f"“{start}"), anchor


def test_each_page_has_its_own_canonical_address_and_is_part_of_the_resolution(published_site: Path) -> None:
    for anchor in ("pp3", "op1c", "fn2"):
        document = page(published_site, anchor)
        url = SITE_URL + f"{anchor}/"
        assert document.xpath('//link[@rel="canonical"]/@href') == [url]
        assert meta(document, "og:url") == url
        assert meta(document, "citation_public_url") == url
        data = json.loads(document.xpath('//script[@type="application/ld+json"]')[0].text)
        assert data["@id"] == data["url"] == url
        assert data["isPartOf"]["legislationIdentifier"] == "A/HRC/RES/53/9"
        assert data["isPartOf"]["url"] == SITE_URL + "text/"
    op1c = json.loads(page(published_site, "op1c").xpath('//script[@type="application/ld+json"]')[0].text)
    assert op1c["identifier"] == f"{RESOLUTION.work_uri}/~{RESOLUTION.find('op1c').eid}"


def citation_texts(document: lxml.html.HtmlElement) -> list[str]:
    """The plain citation, the BibTeX and the CSL-JSON, as shown for selecting by hand."""
    return [element.text_content() for element in document.xpath('//*[contains(@class, "citation-text")]')]


def test_the_plain_citation_is_the_one_the_full_text_copies_with_the_pages_address(
    published_site: Path,
) -> None:
    plain, _, _ = citation_texts(page(published_site, "op1c"))
    assert plain == (
        "Human Rights Council resolution 53/9 (A/HRC/RES/53/9), operative paragraph 1 (c), adopted "
        f"12 July 2023, {SITE_URL}op1c/"
    )


@pytest.mark.parametrize(("anchor", "name"), [("op1c", "operative paragraph 1 (c)"), ("fn4", "footnote 4")])
def test_the_bibtex_entry_parses_back_with_the_pages_address(
    published_site: Path, anchor: str, name: str
) -> None:
    _, bibtex, _ = citation_texts(page(published_site, anchor))
    entries = pybtex.database.parse_string(bibtex, "bibtex").entries
    assert list(entries) == [f"A-HRC-RES-53-9-{anchor}"]
    entry = entries[f"A-HRC-RES-53-9-{anchor}"]
    assert entry.type == "techreport"
    assert entry.fields["url"] == f"{SITE_URL}{anchor}/"
    assert entry.fields["title"] == f"Trafficking in persons, especially women and children, {name}"
    assert entry.fields["number"] == "A/HRC/RES/53/9"
    assert (entry.fields["year"], entry.fields["month"], entry.fields["date"]) == (
        "2023",
        "July",
        "2023-07-12",
    )
    assert [str(p) for p in entry.persons["author"]] == ["{Human Rights Council}"]


def test_the_csl_json_parses_back_and_a_citation_processor_formats_it(published_site: Path) -> None:
    _, _, csl = citation_texts(page(published_site, "op1c"))
    items = json.loads(csl)
    assert len(items) == 1 and items[0]["URL"] == f"{SITE_URL}op1c/"
    assert items[0]["issued"] == {"date-parts": [[2023, 7, 12]]}
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    bibliography.register(Citation([CitationItem(items[0]["id"])]))
    assert [str(entry) for entry in bibliography.bibliography()] == [
        "Human Rights Council (2023) Trafficking in persons, especially women and children, operative "
        "paragraph 1 (c). Human Rights Council resolution A/HRC/RES/53/9. United Nations. "
        f"Available at: {SITE_URL}op1c/."
    ]


def test_each_pages_data_is_downloadable_as_json_beside_it(published_site: Path) -> None:
    for anchor, _, text in PARTS:
        links = page(published_site, anchor).xpath("//a[@download]/@href")
        assert links == [f"A-HRC-RES-53-9-{anchor}.json"], anchor
        data = json.loads((published_site / anchor / links[0]).read_text(encoding="utf-8"))
        assert data["url"] == f"{SITE_URL}{anchor}/" and data["full_text_url"] == f"{SITE_URL}text/#{anchor}"
        assert data[data["kind"]]["text"] == text
    op1c = json.loads((published_site / "op1c" / "A-HRC-RES-53-9-op1c.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in op1c["context"]] == ["op1"] and "items" not in op1c["context"][0]
    assert (op1c["previous"], op1c["next"]) == (f"{SITE_URL}op1b/", f"{SITE_URL}op1d/")
    pp9 = json.loads((published_site / "pp9" / "A-HRC-RES-53-9-pp9.json").read_text(encoding="utf-8"))
    assert [note["id"] for note in pp9["footnotes"]] == ["fn1"]


def test_a_paragraphs_footnote_is_on_its_page_and_the_footnotes_page_names_where_it_is_cited(
    built_site: Path,
) -> None:
    pp19 = page(built_site, "pp19")
    assert pp19.xpath('//sup[@class="fn-ref"]/a/@href') == ["#fn3", "#fn4"]
    notes = pp19.xpath('//*[@id="fn3" or @id="fn4"]')
    shown = [words(note).split(" Back to ")[0] for note in notes]
    assert shown == [note.text for note in RESOLUTION.footnotes[2:4]]
    fn3 = page(built_site, "fn3")
    assert "Referred to in Preambular paragraph 19" in " ".join(fn3.text_content().split())


def test_the_pages_are_listed_in_the_anchor_manifest(built_site: Path) -> None:
    manifest = json.loads((ROOT / "published-anchors.json").read_text(encoding="utf-8"))
    for anchor, _, _ in PARTS:
        assert f"{anchor}/" in manifest["pages"], anchor
        assert f"{anchor}/A-HRC-RES-53-9-{anchor}.json" in manifest["files"], anchor
    assert "paragraph-pages" in manifest["anchors"]["text/"]


def test_search_keeps_one_result_per_paragraph_the_full_texts(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    for anchor, _, _ in PARTS:
        assert locations.count(f"text/#{anchor}") == 1, anchor
        assert not [loc for loc in locations if loc.startswith(f"{anchor}/")], anchor
    assert not [loc for loc in locations if loc.startswith("paragraphs/")]


def test_the_navigation_shows_the_pages_only_as_paragraph_pages_on_the_full_text(built_site: Path) -> None:
    text = page(built_site, "text")
    sidebar = text.xpath('//nav[contains(@class, "md-nav--primary")]//a/@href')
    assert not [href for href in sidebar if any(href.rstrip("/").endswith(a) for a, _, _ in PARTS)]
    assert len(sidebar) < 15
    toc = text.xpath('//nav[contains(@class, "md-nav--secondary")]//a[@href="#paragraph-pages"]')
    assert toc and {" ".join(a.text_content().split()) for a in toc} == {"Paragraph pages"}
    listed = page(built_site, "paragraphs").xpath("//article//li/a/@href")
    assert listed == [f"../{anchor}/" for anchor, _, _ in PARTS]


def test_the_full_texts_menu_knows_where_each_paragraphs_page_is(built_site: Path) -> None:
    data = page(built_site, "text").xpath('//*[@id="citation-data"]')[0]
    template = data.get("data-page")
    for paragraph in PARAGRAPHS:
        assert (built_site / "text" / template.replace("{anchor}", paragraph.id) / "index.html").is_file()


def test_a_second_level_sub_paragraph_shows_both_chapeaux(tmp_path: Path) -> None:
    from build_scripts.enriching.catalogue import load_catalogue
    from build_scripts.enriching.enrich import enrich
    from build_scripts.pages.render import PageRenderer
    from build_scripts.parsing.vocabulary import load_vocabulary

    resolution, _ = parse_file(ROOT / "tests" / "fixtures" / "nested_items" / "input.txt")
    deep = next(p for p in resolution.paragraphs() if p.id.count("-") == 1 and not p.id.startswith("annex"))
    above = chapeaux_of(resolution, deep.id)
    for name, key in (("glossary", "terms"), ("references", "references"), ("themes", "themes")):
        (tmp_path / f"{name}.yaml").write_text(f"{key}: []\n", encoding="utf-8")
    enriched = enrich(resolution, load_catalogue(tmp_path), load_vocabulary())
    pages = PageRenderer(
        enriched, {"summary": [], "contact": None, "file_stem": "nested", "site_url": SITE_URL}
    ).pages()
    markdown = pages[f"{deep.id}/index.md"]
    context = markdown.split('<div class="part-context" markdown>')[1].split("</div>")[0]
    links = " and ".join(f"[{markdown_text(p.name)}](../{p.id}/index.md)" for p in above)
    assert f"Context: the opening words of {links}, which this sub-paragraph continues." in context
    assert len(above) == 2 and context.count(".context }") == 2


def chapeaux_of(resolution: Resolution, anchor: str) -> list:
    """The paragraphs above ``anchor``, outermost first, found by walking the model."""
    for top in (*resolution.preamble, *resolution.operative):
        path = _path(top, anchor)
        if path:
            return path[:-1]
    return []


def _path(paragraph, anchor: str) -> list:
    if paragraph.id == anchor:
        return [paragraph]
    for item in paragraph.items:
        found = _path(item, anchor)
        if found:
            return [paragraph, *found]
    return []
