"""The built site's HTML: anchors, full text, page basics, no other hosts, the search index."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest
from conftest import ROOT, SOURCE

from build_scripts.config import load_config
from build_scripts.parsing.parse import parse_file

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# What the full-text page adds to the words of the resolution: paragraph and heading link
# controls, marginal labels, footnote reference numbers, "Back to …" links, hidden definitions.
CONTROLS = (
    './/a[contains(@class, "para-link") or contains(@class, "headerlink") or contains(@class, "fn-back")]'
    ' | .//span[@class="para-mark"] | .//sup[contains(@class, "fn-ref")] | .//*[@hidden]'
)
SITE_URL = load_config(ROOT).address.base
"""The site's own address ("" while it is not known)."""


def html(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(path.read_bytes())


@pytest.fixture(scope="module")
def pages(built_site: Path) -> dict[str, lxml.html.HtmlElement]:
    return {str(path.relative_to(built_site)): html(path) for path in sorted(built_site.rglob("*.html"))}


@pytest.fixture(scope="module")
def text_page(pages: dict[str, lxml.html.HtmlElement]) -> lxml.html.HtmlElement:
    return pages["text/index.html"]


@pytest.fixture(scope="module")
def resolution():
    return parse_file(SOURCE)[0]


@pytest.fixture(scope="module")
def search_docs(built_site: Path) -> list[dict[str, str]]:
    return json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def is_subsequence(words: list[str], within: list[str]) -> tuple[bool, int]:
    """Whether ``words`` appear in ``within`` in order; else the index of the first that does not."""
    position = 0
    for index, word in enumerate(words):
        try:
            position = within.index(word, position) + 1
        except ValueError:
            return False, index
    return True, len(words)


def source_words() -> tuple[list[str], list[str]]:
    """The words of the source, body and footnotes apart (page breaks put notes mid-text)."""
    blocks = re.split(r"\n\s*\n", SOURCE.read_text(encoding="utf-8"))
    is_note = [bool(re.match(f"\\s*[{SUPERSCRIPTS}]+\\s", block)) for block in blocks]

    def words(chosen: list[str]) -> list[str]:
        return re.sub(f"[{SUPERSCRIPTS}*]", "", " ".join(chosen)).split()

    return words([b for b, n in zip(blocks, is_note, strict=True) if not n]), words(
        [b for b, n in zip(blocks, is_note, strict=True) if n]
    )


# --- Anchors and ids ---------------------------------------------------------------------------


def test_every_paragraph_and_footnote_of_the_model_is_an_id_once_on_the_full_text_page(
    text_page, resolution
) -> None:
    ids = text_page.xpath("//@id")
    expected = [p.id for p in resolution.paragraphs()] + [n.id for n in resolution.footnotes]
    assert len(expected) > 70
    wrong = {anchor: ids.count(anchor) for anchor in expected if ids.count(anchor) != 1}
    assert not wrong, f"anchor -> times found as an id: {wrong}"


def test_ids_are_unique_on_every_page(pages) -> None:
    for name, root in pages.items():
        ids = root.xpath("//@id")
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        assert not duplicates, f"{name}: {duplicates}"


# --- The full text -----------------------------------------------------------------------------


def test_full_text_page_shows_every_word_of_the_source_in_order(text_page) -> None:
    article = text_page.xpath("//article")[0]
    for control in article.xpath(CONTROLS):
        control.drop_tree()
    shown = article.text_content().split()
    body, notes = source_words()
    assert len(body) > 3000 and notes
    for part, words in (("text", body), ("footnotes", notes)):
        found, index = is_subsequence(words, shown)
        before = " ".join(words[max(0, index - 8) : index])
        assert found, f"{part}: word {index} {words[index]!r} missing after {before!r}"


# --- Every page --------------------------------------------------------------------------------


def test_every_page_has_one_h1_english_a_unique_title_and_a_description(pages) -> None:
    titles: dict[str, str] = {}
    for name, root in pages.items():
        assert len(root.xpath("//h1")) == 1, f"{name}: {len(root.xpath('//h1'))} h1"
        assert root.get("lang") == "en", name
        title = root.findtext(".//title")
        assert title and title.strip(), name
        assert title not in titles, f"{name} and {titles.get(title)} share the title {title!r}"
        titles[title] = name
        description = root.xpath('//meta[@name="description"]/@content')
        assert len(description) == 1 and description[0].strip(), name


def test_no_page_shows_python_internals(built_site: Path) -> None:
    """A template that prints a method or an object instead of its value (``counts.items``)."""
    for path in sorted(built_site.rglob("*.html")):
        leaks = re.findall(
            r"<(?:built-in )?(?:method|function|bound method)[^>]*>|object at 0x[0-9a-f]+", path.read_text()
        )
        assert not leaks, f"{path.relative_to(built_site)}: {leaks[:3]}"


def _foreign(url: str) -> bool:
    url = url.strip()
    return url.startswith("//") or (
        urlsplit(url).scheme in ("http", "https") and not (SITE_URL and url.startswith(SITE_URL))
    )


def test_no_page_loads_anything_from_another_host(pages, built_site: Path) -> None:
    for name, root in pages.items():
        loaded = root.xpath("//link/@href | //script/@src | //img/@src | //source/@src | //iframe/@src")
        assert not [url for url in loaded if _foreign(url)], name
        styles = " ".join(root.xpath("//style/text() | //@style"))
        assert not [u for u in re.findall(r"url\(\s*['\"]?([^'\")]+)", styles) if _foreign(u)], name
    for css in built_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(r"@import\s+['\"]([^'\"]+)", text)
        assert not [u for u in urls if _foreign(u)], css.name
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, css.name


# --- The search index --------------------------------------------------------------------------


def test_search_index_has_one_entry_per_paragraph_at_its_anchor(search_docs, resolution) -> None:
    for paragraph in resolution.paragraphs():
        entries = [d for d in search_docs if d["location"] == f"text/#{paragraph.id}"]
        assert len(entries) == 1, f"{paragraph.id}: {len(entries)} entries"
        assert entries[0]["title"] == paragraph.name[:1].upper() + paragraph.name[1:]
    titles = {d["location"]: d["title"] for d in search_docs}
    assert titles["text/#op1c"] == "Operative paragraph 1 (c)"


def test_the_full_texts_entries_carry_their_address_and_the_highest_boost(search_docs, resolution) -> None:
    by_location = {d["location"]: d for d in search_docs}
    for paragraph in resolution.paragraphs():
        assert by_location[f"text/#{paragraph.id}"]["address"] == paragraph.id
    assert by_location["text/"]["address"] == resolution.metadata.symbol
    boosts = {d["location"].startswith("text/"): d.get("boost", 1) for d in search_docs}
    assert boosts[True] > boosts[False]


def test_searching_the_index_for_non_punishment_finds_operative_paragraph_1_c(search_docs) -> None:
    found = [
        d["location"]
        for d in search_docs
        if "non-punishment" in d["text"] and d["location"].startswith("text/")
    ]
    assert found == ["text/#op1c"]


# The pages about the site itself, in the index by their headings alone; the pages whose entries
# keep their words, with the heading level of an entry.
HEADINGS_ONLY = ("about/", "accessibility/")
ENTRY_HEADINGS = {"glossary/": "h3", "references/": "h3", "themes/": "h2"}


def test_only_the_pages_about_the_site_are_in_the_index_by_their_headings_alone(search_docs, pages) -> None:
    for page in HEADINGS_ONLY:
        headings = pages[page + "index.html"].xpath("//article//*[self::h1 or self::h2 or self::h3][@id]")
        expected = [
            (page + ("" if h.tag == "h1" else "#" + h.get("id")), h.text_content().strip()) for h in headings
        ]
        entries = [d for d in search_docs if d["location"].startswith(page)]
        assert [(d["location"], d["title"]) for d in entries] == expected
        assert not [d["location"] for d in entries if d["text"]]
    texts = {d["location"]: d["text"] for d in search_docs}
    for page, level in ENTRY_HEADINGS.items():
        anchors = pages[page + "index.html"].xpath(f"//article//{level}/@id")
        assert anchors and all(texts[f"{page}#{anchor}"] for anchor in anchors), page
    assert all(text for location, text in texts.items() if location.startswith("text/"))


def test_a_references_official_link_is_indexed_by_its_symbol_never_by_its_address(search_docs, pages) -> None:
    texts = {d["location"]: d["text"] for d in search_docs}
    shown = {
        line.xpath("preceding::h3[1]/@id")[0]: line.xpath(".//a")[0].text_content()
        for line in pages["references/index.html"].xpath('//p[contains(@class, "entry-link")]')
    }
    symbols = {anchor: link for anchor, link in shown.items() if not link.startswith("http")}
    assert symbols and len(symbols) < len(shown), (
        "both kinds of link are needed for this test to prove anything"
    )
    assert all(symbols[anchor] in texts[f"references/#{anchor}"] for anchor in symbols)
    assert not [d["location"] for d in search_docs if "http" in d["text"]]


# --- In the browser ----------------------------------------------------------------------------


def _search(page, site_url: str, query: str) -> list[tuple[str, str]]:
    """Type ``query`` into Material's search box; the (location, title) of each result shown."""
    page.goto(site_url + "text/")
    page.locator("input.md-search__input").click()
    page.keyboard.type(query, delay=20)
    highlighted = "+".join(re.split(r"[\s\-]+", query))  # Material puts the query's terms in ?h=
    page.wait_for_selector(f'a.md-search-result__link[href*="h={highlighted}#"]', state="attached")
    results = page.locator("a.md-search-result__link").evaluate_all(
        "links => links.map(a => [a.getAttribute('href'), a.querySelector('h1, h2')?.textContent || ''])"
    )
    return [(re.sub(r"\?h=[^#]*", "", href).removeprefix(site_url), title.strip()) for href, title in results]


@pytest.mark.browser
def test_search_box_finds_non_punishment_at_operative_paragraph_1_c(page, site_url: str) -> None:
    results = _search(page, site_url, "non-punishment")
    assert ("text/#op1c", "Operative paragraph 1 (c)") in results


def _entries_with(search_docs, pattern: str) -> set[str]:
    return {d["location"] for d in search_docs if re.search(pattern, f"{d['title']} {d['text']}", re.I)}


@pytest.mark.browser
def test_search_box_finds_victim_and_victims_when_typing_victim(page, site_url: str, search_docs) -> None:
    results = {location for location, _ in _search(page, site_url, "victim")}
    expected = _entries_with(search_docs, r"\bvictims?\b")
    assert len(expected) > 20
    assert expected <= results, sorted(expected - results)


@pytest.mark.browser
def test_full_text_page_requests_nothing_from_another_host(browser, site_url: str) -> None:
    context = browser.new_context()
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    context.route(
        "**/*", lambda route: route.continue_() if route.request.url.startswith(site_url) else route.abort()
    )
    page = context.new_page()
    page.goto(site_url + "text/", wait_until="networkidle")
    context.close()
    assert requested and all(url.startswith(site_url) for url in requested), [
        u for u in requested if not u.startswith(site_url)
    ]


@pytest.mark.browser
def test_search_box_finds_trafficking_when_typing_trafficked(page, site_url: str, search_docs) -> None:
    results = {location for location, _ in _search(page, site_url, "trafficked")}
    other_forms_only = _entries_with(search_docs, r"\btrafficking\b") - _entries_with(
        search_docs, r"\btrafficked\b"
    )
    assert other_forms_only, "every entry has 'trafficked': the test would prove nothing"
    assert other_forms_only <= results, sorted(other_forms_only - results)


# --- structure: headings, landmarks, titles (every page, read from its HTML) -----------------

HIDDEN = (
    "ancestor-or-self::*[@hidden or contains(concat(' ', normalize-space(@class), ' '), ' md-search ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' visually-hidden ')]"
)
LANDMARKS = (
    "//nav | //aside | //*[@role='navigation' or @role='complementary' or @role='search' or @role='region']"
)


def structure_problems(path: str, page: lxml.html.HtmlElement) -> list[str]:
    """One h1, first; no heading level skipped; every landmark labelled (the search's, inside its
    labelled dialog, is the one of its kind); one main; the language English."""
    problems = []
    headings = [h for h in page.xpath("//h1 | //h2 | //h3 | //h4 | //h5 | //h6") if not h.xpath(HIDDEN)]
    levels = [int(h.tag[1]) for h in headings]
    if levels.count(1) != 1 or levels[:1] != [1]:
        problems.append(f"/{path}: {levels.count(1)} h1, the first heading is h{levels[:1]}")
    skips = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
    if skips:
        problems.append(f"/{path}: heading levels skipped: {skips}")
    unlabelled = [
        lxml.html.tostring(el, encoding="unicode")[:80]
        for el in page.xpath(LANDMARKS)
        if not el.get("aria-label") and not el.get("aria-labelledby") and el.get("role") != "search"
    ]
    if unlabelled:
        problems.append(f"/{path}: landmarks without a label: {unlabelled}")
    if len(page.xpath("//main")) != 1 or page.get("lang") != "en":
        problems.append(f"/{path}: {len(page.xpath('//main'))} main landmarks, lang={page.get('lang')!r}")
    return problems


def test_one_h1_no_skipped_heading_level_labelled_landmarks_and_unique_titles(
    pages: dict[str, lxml.html.HtmlElement],
) -> None:
    problems, titles = [], {}
    for path, page in pages.items():
        problems += structure_problems(path, page)
        titles.setdefault(page.findtext(".//title"), []).append(path)
    problems += [f"title {title!r} shared by {paths}" for title, paths in titles.items() if len(paths) > 1]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("markup", "problem"),
    [
        ("<h2>A</h2><h1>B</h1>", "the first heading is h[2]"),
        ("<h1>A</h1><h3>B</h3>", "heading levels skipped: [(1, 3)]"),
        ("<h1>A</h1><h1>B</h1>", "2 h1"),
        ("<h1>A</h1><nav>x</nav>", "landmarks without a label"),
    ],
)
def test_the_structure_check_finds_each_fault(markup: str, problem: str) -> None:
    page = lxml.html.fromstring(f'<html lang="en"><body><main>{markup}</main></body></html>')
    assert problem in " ".join(structure_problems("x", page))
    fine = lxml.html.fromstring('<html lang="en"><body><main><h1>A</h1><h2>B</h2></main></body></html>')
    assert structure_problems("x", fine) == []
