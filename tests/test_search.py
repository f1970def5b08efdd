"""The search as a reader uses it, in Chromium: the paragraph first, addresses as people write
them, result links named by their titles, and Escape that leaves focus on the search control."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from a11y_support import (
    SCHEMES,
    browser_context,
    focus_problems,
    focus_state,
    open_page,
    scheme_options,
    tab_until,
)

pytestmark = pytest.mark.browser

TEXT = "text/"
SEARCH_OPEN = "document.getElementById('__search').checked"

# What the reader sees, in order: every result link that matched. A page's own link is shown
# above its sections with the score 0 when only its sections matched: it is a heading, not a hit.
RESULTS = """() => [...document.querySelectorAll('.md-search-result__list a.md-search-result__link')]
  .filter(a => parseFloat(a.querySelector('article').dataset.mdScore) > 0)
  .map(a => a.getAttribute('href').replace(/^https?:\\/\\/[^/]+\\//, '').replace(/\\?h=[^#]*/, ''))"""

# Waits for the results of the last key typed: the list changed, then stayed still a while.
WATCH_RESULTS = """() => {
  window.__resultsChanged = 0;
  new MutationObserver(() => { window.__resultsChanged = performance.now(); })
    .observe(document.querySelector('.md-search-result'), {childList: true, subtree: true});
}"""
RESULTS_SETTLED = "window.__resultsChanged && performance.now() - window.__resultsChanged > 400"


@pytest.fixture(scope="module")
def paragraphs(built_site: Path) -> dict[str, str]:
    """The full text's search entries: location -> title and text, as the index holds them."""
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return {d["location"]: f"{d['title']} {d['text']}" for d in docs if d["location"].startswith(TEXT + "#")}


def _with(paragraphs: dict[str, str], pattern: str) -> set[str]:
    return {location for location, text in paragraphs.items() if re.search(pattern, text, re.I)}


@pytest.fixture
def search(page, site_url: str):
    """Type a query into the search box of the full text; the locations of the results shown."""
    page.goto(site_url + TEXT)
    field = page.locator("input.md-search__input")
    field.click()
    page.wait_for_function(
        "!/Initializing/.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    page.evaluate(WATCH_RESULTS)

    def run(query: str) -> list[str]:
        field.fill(query[:-1])
        page.evaluate("window.__resultsChanged = 0")
        page.keyboard.type(query[-1])  # the theme searches on each key released
        page.wait_for_function(RESULTS_SETTLED, polling=100)
        return page.evaluate(RESULTS)

    return run


def _paragraph(*anchors: str) -> set[str]:
    return {f"{TEXT}#{anchor}" for anchor in anchors}


# Query -> the results any of which is right first (read off the text of 53/9, not the search).
FIRST_RESULTS = {
    # Words and phrases: the paragraphs that say them.
    "non-punishment": _paragraph("op1c"),
    "supply chains": _paragraph("pp21", "op2g", "op3a"),
    "Special Rapporteur": _paragraph(*(f"op{n}" for n in range(12, 19))),
    "forced labour": _paragraph("pp7", "pp9", "pp21", "op1f"),
    "forced labor": _paragraph("pp7", "pp9", "pp21", "op1f"),
    "climate change": _paragraph("pp24"),
    "organ removal": _paragraph("op1m"),
    "child soldiers": _paragraph("pp9", "op1i"),
    "trust fund": _paragraph("op11"),
    "World Day against Trafficking": _paragraph("pp11"),
    "sexual exploitation": _paragraph("pp18", "op1f"),
    "agricultural workers": _paragraph("pp23", "op1n", "op2a", "op2c", "op2d", "op2f"),
    "victims' right to privacy": _paragraph("op1l"),
    "humanitarian crisis": _paragraph("op1i"),
    "respond favorably": _paragraph("op15"),
    "Durban": _paragraph("pp10"),
    "68/192": _paragraph("pp11"),
    # A typing error.
    "raporteur": _paragraph(*(f"op{n}" for n in range(12, 19))),
    # Addresses, as people write them.
    "op1c": _paragraph("op1c"),
    "OP1(c)": _paragraph("op1c"),
    "OP 1 (c)": _paragraph("op1c"),
    "1 (c)": _paragraph("op1c"),
    "1(c)": _paragraph("op1c"),
    "para 1 (c)": _paragraph("op1c"),
    "paragraph 1(c)": _paragraph("op1c"),
    "operative paragraph 1 (c)": _paragraph("op1c"),
    "pp3": _paragraph("pp3"),
    "PP 3": _paragraph("pp3"),
    "preambular paragraph 3": _paragraph("pp3"),
    "OP7": _paragraph("op7"),
    "paragraph 14": _paragraph("op14"),
    "footnote 2": _paragraph("fn2"),
    # The document itself.
    "A/HRC/RES/53/9": {TEXT},
    "a/hrc/res/53/9": {TEXT},
    "53/9": {TEXT},
}


def test_the_table_of_queries_is_realistic_and_long_enough() -> None:
    assert len(FIRST_RESULTS) >= 20
    from_the_issue = {"non-punishment", "supply chains", "Special Rapporteur", "forced labour", "children"}
    from_the_issue |= {"climate change", "op1c", "pp3", "OP7", "1(c)", "A/HRC/RES/53/9"}
    assert from_the_issue - {"children"} <= set(FIRST_RESULTS)  # "children": any paragraph, tested below
    assert {"forced labour", "forced labor", "raporteur"} <= set(FIRST_RESULTS)


def test_each_query_of_the_table_finds_the_right_paragraph_first(search) -> None:
    wrong = {}
    for query, expected in FIRST_RESULTS.items():
        results = search(query)
        if not results or results[0] not in expected:
            wrong[query] = results[:3]
    assert not wrong, wrong


@pytest.mark.parametrize("query", ["children", "victims", "trafficking", "traficking"])
def test_a_word_finds_a_paragraph_that_says_it_first(search, paragraphs, query: str) -> None:
    results = search(query)
    assert results and results[0] in _with(paragraphs, r"\b(children|victims?|trafficking)\b"), results[:3]


@pytest.mark.parametrize("query", ["supply chains", "non-punishment", "children", "Special Rapporteur"])
def test_paragraphs_come_before_every_other_page_which_still_follow(search, query: str) -> None:
    results = search(query)
    in_text = [location.startswith(TEXT) for location in results]
    assert any(in_text) and not all(in_text), results
    assert in_text == sorted(in_text, reverse=True), results  # every True before every False


@pytest.mark.parametrize(
    ("query", "phrase"),
    [
        ("sexual exploitation", r"sexual exploitation"),
        ("organ removal", r"organ removal"),
        ("labour exploitation", r"labour exploitation"),
    ],
)
def test_paragraphs_with_the_phrase_come_before_those_with_its_words_apart(
    search, paragraphs, query: str, phrase: str
) -> None:
    with_phrase = _with(paragraphs, phrase)
    words_apart = _with(paragraphs, r"(?=.*\b" + r")(?=.*\b".join(query.split()) + ")") - with_phrase
    assert with_phrase and words_apart, "the text must have both kinds for this test to prove anything"
    results = search(query)
    last_phrase = max(results.index(location) for location in with_phrase)
    first_apart = min(results.index(location) for location in words_apart)
    assert last_phrase < first_apart, results


# Each result's location and the words Material shows as missing from it ("Missing: …"), in
# the words shown below its link (docs/assets/material.js moves them out of it).
MISSING = """() => Object.fromEntries(
  [...document.querySelectorAll('.md-search-result__list a.md-search-result__link')].map(a => [
    a.getAttribute('href').replace(/^https?:\\/\\/[^/]+\\//, '').replace(/\\?h=[^#]*/, ''),
    [...(document.getElementById(a.getAttribute('aria-describedby')) || a)
      .querySelectorAll('.md-search-result__terms del')].map(del => del.textContent)]))"""


def test_a_form_of_a_word_finds_the_paragraphs_with_another_not_shown_as_missing(
    page, search, paragraphs
) -> None:
    other_form_only = _with(paragraphs, r"\btrafficking\b") - _with(paragraphs, r"\btrafficked\b")
    assert other_form_only, "the text must say trafficking alone somewhere for this test to prove anything"
    results = search("trafficked")
    assert other_form_only <= set(results), sorted(other_form_only - set(results))
    missing = page.evaluate(MISSING)
    assert not any(missing[location] for location in other_form_only), missing


def test_a_plural_finds_the_entries_that_say_the_singular(page, search, built_site: Path) -> None:
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    entries = {d["location"]: f"{d['title']} {d['text']}" for d in docs}
    # The first of these plurals whose singular some entry says without the plural.
    pairs = [("victim", "victims"), ("State", "States"), ("right", "rights"), ("worker", "workers")]
    singular_only, plural = set(), ""
    for singular, plural in pairs:
        singular_only = _with(entries, rf"\b{singular}\b") - _with(entries, rf"\b{plural}\b")
        if singular_only:
            break
    assert singular_only, (
        "the site must have entries that say a singular alone for this test to prove anything"
    )
    results = search(plural)
    assert singular_only <= set(results), sorted(singular_only - set(results))
    missing = page.evaluate(MISSING)
    assert not any(missing[location] for location in singular_only), missing


@pytest.mark.parametrize(
    ("query", "american", "british"),
    [
        ("labor market", "labor", "labour"),
        ("victim-centered", "centered", "centred"),
        ("policies and programs", "programs", "programmes"),
    ],
)
def test_an_american_spelling_finds_the_british_text(
    page, search, paragraphs, query: str, american: str, british: str
) -> None:
    with_british = _with(paragraphs, rf"\b{british}\b")
    assert with_british and not _with(paragraphs, rf"\b{american}\b")
    results = search(query)
    assert results and results[0] in with_british, results[:3]
    missing = page.evaluate(MISSING)
    assert not any(american in missing[location] for location in with_british & set(results)), missing


def test_a_word_still_being_typed_finds_the_paragraphs_with_its_forms(search, paragraphs) -> None:
    results = search("traffick")
    assert results and results[0] in _with(paragraphs, r"\btraffick(ing|ed|ers?)\b"), results[:3]
    assert _with(paragraphs, r"\btraffick") <= set(results)


def test_the_exact_address_comes_before_its_sub_paragraphs(search) -> None:
    results = search("op1")
    assert results[0] == f"{TEXT}#op1"
    assert f"{TEXT}#op1c" in results


def test_each_result_link_is_named_by_its_title_in_chromiums_accessibility_tree(page, search) -> None:
    search("non-punishment")
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    results = cdp.send("DOM.querySelector", {"nodeId": root, "selector": ".md-search-result__list"})["nodeId"]
    links = cdp.send("Accessibility.queryAXTree", {"nodeId": results, "role": "link"})["nodes"]
    names = [link.get("name", {}).get("value", "") for link in links]
    titles = page.locator(".md-search-result__list a.md-search-result__link").evaluate_all(
        "links => links.filter(a => !a.closest('details:not([open])'))"  # folded away: not in the tree
        "  .map(a => a.querySelector('h1, h2').textContent.trim())"
    )
    assert "Operative paragraph 1 (c)" in names
    assert names == titles and all(names), names
    op1c = next(link for link in links if link["name"]["value"] == "Operative paragraph 1 (c)")
    assert "non-punishment principle" in op1c["description"]["value"]  # the words around the match


def test_clicking_the_words_of_a_result_opens_it(page, search, site_url: str) -> None:
    search("non-punishment")
    page.locator(
        "#" + page.get_by_role("link", name="Operative paragraph 1 (c)").get_attribute("aria-describedby")
    ).click()
    page.wait_for_url(re.compile(r"#op1c$"))
    assert not page.evaluate(SEARCH_OPEN)


# The pages about the site itself are in the index by their headings alone: a heading's words
# find them, words of their body do not (each of these is said in a body, and only "colour" also
# elsewhere on the site).
ABOUT_THE_SITE = ("about/", "accessibility/")
HEADING_QUERIES = {
    "Accessibility statement": "accessibility/",
    "shortcuts": "accessibility/#shortcuts",
    "not an official publication": "about/#not-official",
}
BODY_ONLY_WORDS = ("colour", "Chromium", "converter")


def test_the_pages_about_the_site_are_found_by_their_headings_not_their_body_text(search) -> None:
    for query, heading in HEADING_QUERIES.items():
        assert heading in search(query), query
    found = {word: [r for r in search(word) if r.startswith(ABOUT_THE_SITE)] for word in BODY_ONLY_WORDS}
    assert not any(found.values()), found
    assert search("colour"), "the search must still find the word where a page other than these says it"


@pytest.mark.parametrize(("copied", "word"), [("victims'", "victims"), ("(trafficking)", "trafficking")])
def test_a_word_copied_with_its_punctuation_finds_what_the_word_finds(search, copied: str, word: str) -> None:
    expected = search(word)
    assert expected
    assert search(copied) == expected


def test_the_page_a_result_opens_highlights_the_words_searched(page, search) -> None:
    search("non-punishment")
    page.get_by_role("link", name="Operative paragraph 1 (c)").click()
    page.wait_for_url(re.compile(r"[?&]h=.*#op1c$"))
    marked = page.locator("#op1c mark")
    marked.first.wait_for()
    assert {"non", "punishment"} <= {word.lower() for word in marked.all_inner_texts()}


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", [1280, 320])
def test_escape_closes_the_search_and_leaves_focus_on_the_search_control(
    browser, site_url: str, width: int, scheme: str
) -> None:
    with browser_context(browser, site_url, **scheme_options(scheme, width)) as context:
        page = open_page(context, site_url + TEXT)
        tab_until(page, "el => el.matches('.md-search__input')", limit=6)
        page.wait_for_function(SEARCH_OPEN)
        page.keyboard.type("victims")
        page.wait_for_selector("a.md-search-result__link")
        page.keyboard.press("ArrowDown")  # focus on a result, then Escape
        page.keyboard.press("Escape")
        page.wait_for_timeout(300)  # the theme reacts to focus changes a moment later
        assert not page.evaluate(SEARCH_OPEN)
        state = focus_state(page)
        assert state is not None, "focus was left on the page's body"
        on_control = "!!document.activeElement.closest('.md-search__input, [for=\"__search\"]')"
        assert page.evaluate(on_control), state
        assert not focus_problems(state), state
        assert not page.evaluate(SEARCH_OPEN), "the search opened again"

        # From there the reader searches again: typing, or Enter on the header's button.
        page.keyboard.press("Enter" if width == 320 else "v")
        page.wait_for_function(SEARCH_OPEN)
        assert page.evaluate("document.activeElement.matches('.md-search__input')")


# --- A near word is named, never passed off as a match -----------------------------------------

META = "document.querySelector('.md-search-result__meta').textContent"


@pytest.mark.parametrize(
    ("typed", "near"),
    [("repatriation", "reparation"), ("raporteur", "rapporteur")],
)
def test_a_word_the_site_lacks_is_said_to_be_missing_and_the_near_word_named(
    page, search, typed: str, near: str
) -> None:
    """ "repatriation" is not in the resolution: its results are for "reparation", and the line
    that counts them (a live region) says so, rather than count them as matches."""
    assert search(typed)
    meta = page.evaluate(META)
    assert f"Nothing on this site contains “{typed}”" in meta, meta
    assert f"“{near}”" in meta, meta
    assert "matching document" not in meta


def test_a_word_the_site_has_is_counted_as_matching(page, search) -> None:
    assert search("reparation")
    meta = page.evaluate(META)
    assert re.fullmatch(r"\d+ matching documents?", meta.strip()), meta
