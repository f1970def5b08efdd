"""The full text in Chromium: paragraph link controls, copying links and citations, arriving at a
paragraph, definitions of terms (keyboard, pointer and touch), and footnotes."""

from __future__ import annotations

import pytest
from a11y_support import TEXT, browser_context, open_page, tab_until
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

OP1C = "#op1c > a.para-link"
CLIPBOARD = ["clipboard-read", "clipboard-write"]
FIRST_TERM = ".md-typeset .para a.gl-term[aria-describedby]"


def status_text(page) -> str:
    page.wait_for_function("document.querySelector('.live-status').textContent.trim() !== ''")
    return page.locator(".live-status").inner_text().strip()


# --- the paragraph link control ---------------------------------------------------------------


def test_the_link_control_is_a_button_named_for_what_it_does(page, site_url: str) -> None:
    page.goto(site_url + TEXT)
    control = page.get_by_role("button", name="Share or cite operative paragraph 1 (c)", exact=True)
    expect(control).to_have_count(1)
    expect(control).to_have_attribute("aria-expanded", "false")
    assert control.get_attribute("href") == "#op1c"  # without JavaScript, it is the paragraph's link


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_enter_and_space_open_the_menu_and_escape_closes_it(page, site_url: str, key) -> None:
    page.goto(site_url + TEXT)
    control = page.locator(OP1C)
    control.focus()
    page.keyboard.press(key)
    expect(control).to_have_attribute("aria-expanded", "true")
    menu = page.get_by_role("group", name="Operative paragraph 1 (c)")
    expect(menu).to_be_visible()
    expect(control).to_have_attribute("aria-controls", "menu-op1c")
    expect(page.locator("#menu-op1c button").first).to_be_focused()
    assert page.url == site_url + TEXT  # opening the menu does not follow the link

    page.keyboard.press("Escape")
    expect(menu).to_have_count(0)
    expect(control).to_have_attribute("aria-expanded", "false")
    expect(control).to_be_focused()


def test_copy_link_gives_the_paragraphs_page_by_default_and_its_anchor_when_chosen(
    browser, site_url: str
) -> None:
    with browser_context(browser, site_url, permissions=CLIPBOARD) as context:
        page = open_page(context, site_url + TEXT)
        page.locator(OP1C).click()
        menu = page.locator("#menu-op1c")
        expect(menu.get_by_role("radio", name="its own page")).to_be_checked()
        menu.get_by_role("button", name="Copy link").click()
        assert status_text(page) == "Link to operative paragraph 1 (c) copied."
        by_default = page.evaluate("navigator.clipboard.readText()")
        menu.get_by_role("radio", name="its place in the full text").check()
        menu.get_by_role("button", name="Copy link").click()
        chosen = page.evaluate("navigator.clipboard.readText()")
        # The choice holds for the next menu opened, and after a reload.
        page.reload()
        page.locator("#op1d > a.para-link").click()
        expect(
            page.locator("#menu-op1d").get_by_role("radio", name="its place in the full text")
        ).to_be_checked()
    # The address the page is read at: the site names none of its own until site_url is set
    # (test_site_address.py copies from a site that does).
    assert by_default == site_url + "op1c/"
    assert chosen == site_url + TEXT + "#op1c"


def test_copy_citation_gives_the_full_citation_with_the_paragraphs_page(browser, site_url: str) -> None:
    with browser_context(browser, site_url, permissions=CLIPBOARD) as context:
        page = open_page(context, site_url + TEXT)
        page.locator(OP1C).click()
        page.get_by_role("button", name="Copy citation").click()
        assert status_text(page) == "Citation of operative paragraph 1 (c) copied."
        copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == (
        "Human Rights Council resolution 53/9 (A/HRC/RES/53/9), operative paragraph 1 (c), "
        f"adopted 12 July 2023, {site_url}op1c/"
    )


def test_the_menu_opens_the_paragraphs_page(page, site_url: str) -> None:
    page.goto(site_url + TEXT)
    page.locator(OP1C).click()
    page.locator("#menu-op1c").get_by_role("link", name="Open the paragraph's page").click()
    page.wait_for_url(site_url + "op1c/")
    expect(page.locator("h1")).to_contain_text("Operative paragraph 1 (c)")


def test_the_copy_buttons_of_a_paragraphs_page_copy_what_is_shown_and_say_so(browser, site_url: str) -> None:
    with browser_context(browser, site_url, permissions=CLIPBOARD) as context:
        page = open_page(context, site_url + "op1c/")
        shown = page.locator("pre.citation-text").first.text_content()
        # Named once: the same button, whatever it says after the copy.
        button = page.get_by_role("button", name="Copy the BibTeX entry").element_handle()
        button.focus()
        page.keyboard.press("Enter")
        page.wait_for_function("b => b.textContent === 'Copied'", arg=button)
        assert status_text(page) == "Copied."
        assert page.evaluate("navigator.clipboard.readText()") == shown
        page.wait_for_function("b => b.textContent === 'Copy the BibTeX entry'", arg=button, timeout=4000)


def test_the_status_region_is_a_polite_live_region(page, site_url: str) -> None:
    page.goto(site_url + TEXT)
    region = page.locator(".live-status")
    expect(region).to_have_count(1)
    expect(region).to_have_role("status")


# --- arriving at a paragraph ----------------------------------------------------------------------


@pytest.mark.parametrize("width", [1280, 320])
def test_opening_op1c_directly_highlights_it_fully_in_view_below_the_header(
    browser, site_url: str, width
) -> None:
    with browser_context(browser, site_url, viewport={"width": width, "height": 800}) as context:
        page = open_page(context, site_url + TEXT + "#op1c")
        page.wait_for_function("document.activeElement.id === 'op1c'")
        box = page.evaluate(
            """() => { const p = document.getElementById('op1c').getBoundingClientRect();
                       const h = document.querySelector('.md-header').getBoundingClientRect();
                       const s = getComputedStyle(document.getElementById('op1c'));
                       return { top: p.top, bottom: p.bottom, header: h.bottom, height: innerHeight,
                                background: s.backgroundColor, outline: s.outlineStyle }; }"""
        )
    assert box["top"] >= box["header"], box
    assert box["bottom"] <= box["height"], box
    assert box["background"] not in ("rgba(0, 0, 0, 0)", "transparent") and box["outline"] != "none", box


def test_a_footnote_reference_leads_to_the_note_and_the_back_link_returns(page, site_url: str) -> None:
    page.goto(site_url + TEXT)
    reference = page.get_by_role("link", name="Footnote 1", exact=True)
    expect(reference).to_have_count(1)
    note_id = reference.get_attribute("href").lstrip("#")
    paragraph = reference.evaluate("a => a.closest('.para').id")
    control = page.locator(f"#{paragraph} > a.para-link")
    paragraph_name = control.get_attribute("data-name")

    reference.click()
    page.wait_for_function(f"document.activeElement.id === '{note_id}'")
    back = page.locator(f"#{note_id} a.fn-back")
    expect(back).to_have_accessible_name(f"Back to {paragraph_name}")
    assert back.get_attribute("href") == "#" + reference.get_attribute("id")
    # Every note's back links say where they go.
    names = page.locator(".footnote a.fn-back").all_inner_texts()
    assert names and all(name.startswith("Back to ") and len(name) > len("Back to ") for name in names)
    refs = page.locator("sup.fn-ref a").evaluate_all("links => links.map(a => a.getAttribute('aria-label'))")
    assert refs and all(label and label.startswith("Footnote ") for label in refs)


# --- definitions --------------------------------------------------------------------------------


def definition_of(page, selector: str) -> str:
    return page.locator(selector).first.evaluate(
        "a => document.getElementById(a.getAttribute('aria-describedby')).textContent.trim()"
    )


def test_a_terms_definition_shows_on_focus_closes_on_escape_and_reopens_on_enter(page, site_url: str) -> None:
    page.goto(site_url + TEXT)
    tab_until(page, "el => el.matches('.md-typeset .para a.gl-term[aria-describedby]')")
    term = page.locator(FIRST_TERM).first
    definition = definition_of(page, FIRST_TERM)
    assert len(definition.split()) > 5  # fetched at the first key press, before the term is reached
    expect(term).to_have_accessible_description(definition)
    expect(term).to_be_focused()
    popover = page.locator("#term-popover")
    expect(popover).to_be_visible()
    expect(popover).to_have_text(definition)
    expect(popover).to_have_role("tooltip")

    page.keyboard.press("Escape")
    expect(popover).to_be_hidden()
    expect(term).to_be_focused()

    page.keyboard.press("Enter")
    expect(popover).to_be_visible()
    assert page.url == site_url + TEXT  # Enter showed the definition, it did not follow the link
    page.keyboard.press("Enter")
    page.wait_for_url("**/glossary/**")


def test_a_first_tap_shows_the_definition_and_a_second_tap_follows_the_link(browser, site_url: str) -> None:
    options = {"viewport": {"width": 360, "height": 740}, "has_touch": True, "is_mobile": True}
    with browser_context(browser, site_url, **options) as context:
        page = open_page(context, site_url + TEXT)
        term = page.locator(FIRST_TERM).first
        term.scroll_into_view_if_needed()
        term.tap()
        popover = page.locator("#term-popover")
        expect(popover).to_be_visible()
        expect(popover).to_have_text(definition_of(page, FIRST_TERM))
        assert page.url == site_url + TEXT
        box = popover.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360  # within the phone's screen

        term.tap()
        page.wait_for_url("**/glossary/**")
