"""The keyboard alone: shortcuts off by default, search, the drawer, the colour scheme switch,
and the journey from the top of the full text to a paragraph's link and back to the paragraph."""

from __future__ import annotations

import pytest
from a11y_support import (
    TAB_STOPS_JS,
    TEXT,
    browser_context,
    focus_problems,
    focus_state,
    open_page,
    tab_until,
)

pytestmark = pytest.mark.browser

SEARCH_FOCUSED = "document.activeElement.matches('.md-search__input')"
SEARCH_OPEN = "document.getElementById('__search').checked"


# --- single-key shortcuts (WCAG 2.1.4) ----------------------------------------------------------


def test_single_key_shortcuts_do_not_search_or_navigate_by_default(page, site_url: str) -> None:
    page.goto(site_url + TEXT)
    for key in ["s", "/", "f"]:
        page.keyboard.press(key)
        page.wait_for_timeout(200)  # the theme reacts to keys asynchronously: give it the time
        assert not page.evaluate(SEARCH_FOCUSED), f"{key!r} focused the search"
        assert not page.evaluate(SEARCH_OPEN), f"{key!r} opened the search"
    page.keyboard.press("n")  # next page
    page.wait_for_timeout(300)
    assert page.url == site_url + TEXT


def test_the_setting_on_the_accessibility_statement_turns_shortcuts_on_and_off(page, site_url: str) -> None:
    page.goto(site_url + "accessibility/")
    setting = page.get_by_label("Turn on single-key shortcuts")
    assert setting.is_visible() and not setting.is_checked()
    tab_until(page, "el => el.id === 'shortcut-setting'")
    page.keyboard.press("Space")
    assert setting.is_checked()
    assert page.evaluate("localStorage.getItem('site.shortcuts')") == "on"

    page.goto(site_url + TEXT)
    page.keyboard.press("/")
    page.wait_for_function(SEARCH_FOCUSED)
    page.keyboard.press("Escape")
    page.keyboard.press("s")
    page.wait_for_function(SEARCH_FOCUSED)

    page.goto(site_url + "accessibility/")
    assert setting.is_checked()  # the setting is remembered
    setting.press("Space")
    assert page.evaluate("localStorage.getItem('site.shortcuts')") is None
    page.goto(site_url + TEXT)
    page.keyboard.press("s")
    page.wait_for_timeout(200)
    assert not page.evaluate(SEARCH_FOCUSED)


# --- search ------------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [1280, 320])
def test_search_by_keyboard_announces_the_number_of_results_and_opens_one(
    browser, site_url: str, width
) -> None:
    with browser_context(browser, site_url, viewport={"width": width, "height": 800}) as context:
        page = open_page(context, site_url + TEXT)
        presses = tab_until(page, "el => el.matches('.md-search__input')", limit=6)
        assert presses <= 5
        page.wait_for_function(SEARCH_OPEN)  # focus opens the search, at either width
        assert not focus_problems(focus_state(page))

        page.keyboard.type("victims")
        meta = page.locator(".md-search-result__meta")
        page.wait_for_function(
            "/\\d+ matching documents?/.test(document.querySelector('.md-search-result__meta').textContent)"
        )
        assert meta.get_attribute("role") == "status"
        assert meta.get_attribute("aria-live") == "polite"
        assert page.get_by_role("dialog", name="Search").count() == 1

        page.keyboard.press("ArrowDown")
        assert page.evaluate("document.activeElement.matches('.md-search-result__link')")
        assert not focus_problems(focus_state(page))
        target = page.evaluate("document.activeElement.href")
        page.keyboard.press("Enter")
        page.wait_for_url(target)


def test_escape_closes_the_search(page, site_url: str) -> None:
    page.goto(site_url + TEXT)
    tab_until(page, "el => el.matches('.md-search__input')", limit=6)
    page.keyboard.type("victims")
    page.wait_for_function(SEARCH_OPEN)
    page.keyboard.press("Escape")
    page.wait_for_function(f"!({SEARCH_OPEN})")


# --- the theme's controls ----------------------------------------------------------------------


def test_the_navigation_drawer_opens_and_closes_by_keyboard_on_a_phone(browser, site_url: str) -> None:
    with browser_context(
        browser, site_url, viewport={"width": 320, "height": 640}, reduced_motion="reduce"
    ) as context:
        page = open_page(context, site_url + TEXT)
        menu = page.get_by_role("button", name="Navigation menu")
        assert tab_until(page, "el => el.matches('.site-drawer-button')", limit=3) == 2  # after the skip link
        assert menu.get_attribute("aria-expanded") == "false"

        page.keyboard.press("Enter")
        assert menu.get_attribute("aria-expanded") == "true"
        assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
        assert not focus_problems(focus_state(page))
        # The table of contents of the page is in the drawer's list, reachable by Tab.
        tab_until(page, "el => el.getAttribute('href') === '#operative'", limit=10)
        assert not focus_problems(focus_state(page))

        page.keyboard.press("Escape")
        assert menu.get_attribute("aria-expanded") == "false"
        assert page.evaluate("document.activeElement.matches('.site-drawer-button')")
        assert not page.locator(".md-sidebar--primary a[href]").first.is_visible()

        # Tabbing past the drawer's last link closes it, rather than focusing the dimmed page.
        page.keyboard.press("Enter")
        tab_until(page, "el => !el.closest('.md-sidebar--primary')", limit=20)
        assert menu.get_attribute("aria-expanded") == "false"
        assert not focus_problems(focus_state(page))


def test_the_colour_scheme_switch_works_by_keyboard_in_both_schemes(browser, site_url: str) -> None:
    for scheme, other in [("light", "slate"), ("dark", "default")]:
        with browser_context(browser, site_url, color_scheme=scheme, reduced_motion="reduce") as context:
            page = open_page(context, site_url + TEXT)
            tab_until(page, "el => el.matches('input.md-option')", limit=4)
            assert not focus_problems(focus_state(page)), scheme
            page.keyboard.press("Enter")
            page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') === '{other}'")
            assert not focus_problems(focus_state(page)), scheme


# --- the journey to a paragraph ----------------------------------------------------------------


def test_keyboard_journey_from_the_top_of_the_text_to_paragraph_op1c(browser, site_url: str) -> None:
    """Tab to op1c's link control, open it, copy its link, follow it: focus and highlight on op1c."""
    permissions = ["clipboard-read", "clipboard-write"]
    with browser_context(browser, site_url, permissions=permissions, reduced_motion="reduce") as context:
        page = open_page(context, site_url + TEXT)
        presses = tab_until(page, "el => el.matches('#op1c > a.para-link')", limit=400)
        # One press per control before it, in reading order: no trap, no detour, no hidden stop.
        assert presses == page.evaluate(TAB_STOPS_JS, "#op1c > a.para-link")
        assert not focus_problems(focus_state(page))

        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.textContent") == "Copy link"
        page.keyboard.press("Enter")
        page.wait_for_function("document.querySelector('.live-status').textContent.includes('copied')")
        assert page.evaluate("navigator.clipboard.readText()") == site_url + "op1c/"

        # Copy citation, the choice of address (one stop), the paragraph's page, then "Go to".
        tab_until(page, "el => el.textContent === 'Go to operative paragraph 1 (c)'", limit=5)
        page.keyboard.press("Enter")
        # Focus (which the browser may move first) and the highlight (the page's own) together.
        page.wait_for_function(
            "document.activeElement.id === 'op1c' && document.activeElement.classList.contains('is-target')"
        )
        assert page.url.endswith("/text/#op1c")
        top, header_bottom = page.evaluate(
            "[document.getElementById('op1c').getBoundingClientRect().top,"
            " document.querySelector('.md-header').getBoundingClientRect().bottom]"
        )
        assert top >= header_bottom
