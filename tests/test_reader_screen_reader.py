"""What a screen reader hears, read from Chromium's accessibility tree: headings named by their
text, each definition once per page, popovers that wait for a resting pointer, the "plain
reading" switch, and a colour scheme switch whose name and state agree."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from a11y_support import (
    TEXT,
    accessibility_tree,
    browser_context,
    definitions_loaded,
    open_page,
    tab_until,
    template_pages,
)
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

TERM = "a.gl-term"


# --- headings -------------------------------------------------------------------------------------


def test_every_headings_accessible_name_is_its_text(browser, site_url: str, built_site: Path) -> None:
    wrong = []
    with browser_context(browser, site_url) as context:
        page = context.new_page()
        for path in template_pages(built_site):
            page.goto(site_url + path)
            names = [n["name"] for n in accessibility_tree(page) if n["role"] == "heading"]
            texts = page.locator(":is(h1, h2, h3, h4, h5, h6)").evaluate_all(
                "hs => hs.filter(h => h.checkVisibility())"
                ".map(h => h.textContent.replace(/\\s+/g, ' ').trim())"
            )
            if names != texts:
                wrong.append(f"/{path}: {[n for n in names if n not in texts][:3]}")
    assert not wrong, "\n".join(wrong)


def test_a_headings_permalink_stays_beside_it_named_for_it(page, site_url: str) -> None:
    page.goto(site_url + "glossary/")
    heading = page.get_by_role("heading", name="Trafficking in persons", exact=True)
    expect(heading).to_have_count(1)
    expect(page.get_by_role("link", name="Link to the section Trafficking in persons")).to_have_count(1)
    heading_box = heading.bounding_box()
    link_box = page.locator('a.headerlink[href="#trafficking-in-persons"]').bounding_box()
    assert abs((link_box["y"] + link_box["height"]) - (heading_box["y"] + heading_box["height"])) < 12
    assert link_box["x"] >= heading_box["x"] + heading_box["width"] - 1  # on its line, after it


# --- definitions ---------------------------------------------------------------------------------


def test_definitions_come_at_the_first_interaction_not_with_the_page(page, site_url: str) -> None:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(site_url + TEXT, wait_until="load")
    page.wait_for_timeout(500)
    term = page.locator(".md-typeset .para a.gl-term[aria-describedby^='def-']").first
    # A visit that only reads, or searches, fetches no definitions, and the page carries none
    # of their words.
    page.locator("input.md-search__input").focus()
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert not [url for url in fetched if url.endswith("/definitions.json")]
    assert page.locator(".definitions p[id^='def-']").evaluate_all("ps => ps.every(p => !p.textContent)")
    # Without a script, a term is still a link to its glossary entry.
    assert term.get_attribute("href").startswith("../glossary/#")
    # The first key pressed fetches them, before the Tab key can reach the first term.
    tab_until(page, "el => el.matches('.md-typeset .para a.gl-term[aria-describedby^=\"def-\"]')")
    assert [url for url in fetched if url.endswith("/definitions.json")] == [site_url + "definitions.json"]
    definition = page.evaluate(
        "id => document.getElementById(id).textContent", term.get_attribute("aria-describedby")
    )
    assert len(definition.split()) > 5
    expect(term).to_have_accessible_description(definition)
    expect(page.locator("#term-popover")).to_have_text(definition)


def test_each_definition_is_heard_once_on_the_full_text(page, site_url: str) -> None:
    page.goto(site_url + TEXT)
    definitions_loaded(page)
    definitions = page.locator(".definitions p[id^='def-']").evaluate_all(
        "ps => ps.map(p => p.textContent.trim())"
    )
    links = [n for n in accessibility_tree(page) if n["role"] == "link" and n["description"]]
    heard = Counter(n["description"] for n in links)
    repeated = {d[:40]: count for d, count in heard.items() if d in definitions and count > 1}
    assert not repeated, repeated
    assert sum(1 for d in definitions if heard[d] == 1) == len(definitions)
    # Later links say which entry they open, in a few words: the kind of entry, and its name
    # where the link's words are not the name ("trafficked" opens "Trafficking in persons").
    trafficking = page.locator("a.gl-term[href$='#trafficking-in-persons']").evaluate_all(
        "links => links.map(a => a.textContent.replace(/\\s+/g, ' ').trim())"
    )
    heard_for = [n for n in links if n["name"] in trafficking]
    assert len(trafficking) > 10 and len(heard_for) >= len(trafficking)
    long = [n for n in heard_for if len(n["description"].split()) > 20]
    assert len(long) == 1, [n["name"] for n in long]
    short = {n["description"] for n in heard_for if n not in long}
    assert short <= {"Glossary entry", "Glossary entry: Trafficking in persons"}, short
    # All descriptions together: each definition once, and a few words for every other link.
    heard_words = sum(len(n["description"].split()) for n in links)
    definition_words = sum(len(d.split()) for d in definitions)
    assert heard_words <= definition_words + 8 * (len(links) - len(definitions)), heard_words


# When the pointer entered the term, and when its definition appeared (timed in the page, so a
# busy machine cannot make the delay look shorter or longer than it is).
TIMING_JS = """term => {
    window.timing = {};
    term.addEventListener("mouseenter", () => { window.timing.entered = performance.now(); });
    new MutationObserver(() => {
        const popover = document.getElementById("term-popover");
        if (popover && !popover.hidden && !window.timing.shown) window.timing.shown = performance.now();
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
}"""


def test_a_pointer_passing_over_terms_opens_no_definition(page, site_url: str) -> None:
    page.goto(site_url + TEXT + "#op1c")
    page.wait_for_function("document.activeElement.id === 'op1c'")
    terms = page.locator("#op1c a.gl-term")
    terms.first.evaluate(TIMING_JS)
    first, last = terms.first.bounding_box(), terms.last.bounding_box()
    page.mouse.move(first["x"] - 20, first["y"] + first["height"] / 2)
    # One sweep over every term of the paragraph, then away from the text.
    page.mouse.move(last["x"] + last["width"] / 2, last["y"] + last["height"] / 2, steps=8)
    page.mouse.move(5, 300, steps=2)
    page.wait_for_timeout(800)
    timing = page.evaluate("window.timing")
    assert "entered" in timing  # the pointer did pass over the first term
    assert "shown" not in timing, "a definition opened as the pointer passed"


def test_a_resting_pointer_opens_the_definition_after_a_short_delay(page, site_url: str) -> None:
    page.goto(site_url + TEXT)
    term = page.locator("#op1c a.gl-term").first
    term.scroll_into_view_if_needed()
    term.evaluate(TIMING_JS)
    term.hover()
    expect(page.locator("#term-popover")).to_be_visible(timeout=3000)
    timing = page.evaluate("window.timing")
    assert 250 <= timing["shown"] - timing["entered"] < 1500, timing


# --- plain reading --------------------------------------------------------------------------------


def term_links(page) -> int:
    return page.locator("#op1c").get_by_role("link", name="non-punishment principle").count()


def test_plain_reading_turns_term_links_into_words_and_is_remembered(page, site_url: str) -> None:
    page.goto(site_url + TEXT)
    switch = page.get_by_role("switch", name=re.compile("^Plain reading"))
    expect(switch).not_to_be_checked()  # off by default
    assert term_links(page) == 1
    words = page.locator("#op1c").inner_text()

    tab_until(page, "el => el.id === 'plain-reading'")
    page.keyboard.press("Space")
    expect(switch).to_be_checked()
    assert 'switch "Plain reading' in page.locator(".plain-reading").aria_snapshot()
    assert "[checked]" in page.locator(".plain-reading").aria_snapshot()  # its state is announced
    assert term_links(page) == 0
    assert page.locator("#op1c").inner_text() == words  # the words stay
    assert page.locator(".md-typeset .para a.gl-term[href], .md-typeset .para a.gl-ref[href]").count() == 0
    described = [n for n in accessibility_tree(page) if n["description"] and n["role"] != "switch"]
    assert not [n for n in described if n["role"] in ("link", "generic") and "Glossary" in n["description"]]

    page.goto(site_url + "glossary/")
    page.goto(site_url + TEXT)  # across pages
    expect(page.get_by_role("switch", name=re.compile("^Plain reading"))).to_be_checked()
    assert term_links(page) == 0

    page.get_by_role("switch", name=re.compile("^Plain reading")).press("Space")
    assert term_links(page) == 1
    page.reload()
    assert term_links(page) == 1


# --- the colour scheme switch --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scheme", "name"), [("light", "Light colour scheme"), ("dark", "Dark colour scheme")]
)
def test_the_checked_colour_scheme_is_the_one_in_use(browser, site_url: str, scheme, name) -> None:
    with browser_context(browser, site_url, color_scheme=scheme) as context:
        page = open_page(context, site_url + TEXT)
        palette = page.locator('form[data-md-component="palette"]')
        expect(palette.get_by_role("radio", name=name, exact=True)).to_be_checked()
        assert f'radio "{name}" [checked]' in palette.aria_snapshot()
        other = "dark" if scheme == "light" else "light"
        palette.get_by_role("radio", checked=True).press("ArrowDown")  # the other scheme, by keyboard
        expect(palette.get_by_role("radio", checked=True)).to_have_accessible_name(re.compile(other, re.I))
        expected = "slate" if other == "dark" else "default"
        page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') === '{expected}'")
