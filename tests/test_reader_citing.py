"""Citing a paragraph is visible and honest: the control says what it does, the menu shows the
address, the button says "Copied", a refused copy leaves the text selected, a click that asks
for a new tab gets one, and Escape closes only the menu that is open."""

from __future__ import annotations

import pytest
from a11y_support import TEXT, browser_context, open_page
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

OP1C = "#op1c > a.para-link"
CLIPBOARD = ["clipboard-read", "clipboard-write"]
REFUSE_CLIPBOARD = """
    const refuse = () => Promise.reject(new Error("refused"));
    Object.defineProperty(navigator, "clipboard", { value: { writeText: refuse } });
    document.execCommand = () => false;
"""


def test_the_control_is_named_for_opening_the_share_and_cite_menu(page, site_url: str) -> None:
    page.goto(site_url + TEXT)
    snapshot = page.locator("#op1c").aria_snapshot()
    assert 'button "Share or cite operative paragraph 1 (c)"' in snapshot
    assert page.locator(OP1C).get_attribute("aria-expanded") == "false"


def test_the_menu_shows_the_paragraphs_address_as_text_that_can_be_selected(page, site_url: str) -> None:
    page.goto(site_url + TEXT)
    page.locator(OP1C).click()
    address = page.locator("#menu-op1c .para-address")
    expect(address).to_be_visible()
    expect(address).to_have_text(f"Address: {site_url}op1c/")
    assert address.evaluate("el => getComputedStyle(el).userSelect") != "none"
    # A triple click selects the address, ready to copy by hand.
    address.locator(".copy-text").click(click_count=3)
    assert page.evaluate("getSelection().toString().trim()") == site_url + "op1c/"


@pytest.mark.parametrize(("label", "status"), [("Copy link", "Link to"), ("Copy citation", "Citation of")])
def test_the_copy_button_itself_says_copied_for_a_few_seconds(browser, site_url: str, label, status) -> None:
    with browser_context(browser, site_url, permissions=CLIPBOARD) as context:
        page = open_page(context, site_url + TEXT)
        page.locator(OP1C).click()
        button = page.locator("#menu-op1c button", has_text=label)
        button.click()
        expect(page.locator("#menu-op1c button").nth(0 if label == "Copy link" else 1)).to_have_text("Copied")
        page.wait_for_function("document.querySelector('.live-status').textContent.includes('copied')")
        assert page.locator(".live-status").inner_text().startswith(status)
        expect(page.get_by_role("button", name=label, exact=True)).to_be_visible(timeout=5000)


@pytest.mark.parametrize(
    ("label", "shown", "expected"),
    [
        ("Copy link", ".para-address .copy-text", "{site_url}op1c/"),
        (
            "Copy citation",
            ".para-citation",
            "Human Rights Council resolution 53/9 (A/HRC/RES/53/9), operative paragraph 1 (c), "
            "adopted 12 July 2023, {site_url}op1c/",
        ),
    ],
)
def test_a_refused_copy_shows_the_text_selected(browser, site_url: str, label, shown, expected) -> None:
    expected = expected.format(site_url=site_url)
    with browser_context(browser, site_url) as context:
        context.add_init_script(REFUSE_CLIPBOARD)
        page = open_page(context, site_url + TEXT)
        page.locator(OP1C).click()
        page.get_by_role("button", name=label, exact=True).click()
        expect(page.locator(f"#menu-op1c {shown}")).to_be_visible()
        expect(page.locator(f"#menu-op1c {shown}")).to_have_text(expected)
        page.wait_for_function("getSelection().toString().trim().length > 0")
        assert page.evaluate("getSelection().toString().trim()") == expected
        # Announced after a moment (so that a screen reader hears a new message), as it is waited for.
        expect(page.locator(".live-status")).to_contain_text("Could not copy")
        expect(page.get_by_role("button", name=label, exact=True)).to_be_visible()  # not "Copied"


@pytest.mark.parametrize("modifier", ["Control", "Shift"])
def test_a_click_asking_for_a_new_tab_or_window_follows_the_link(browser, site_url: str, modifier) -> None:
    with browser_context(browser, site_url) as context:
        page = open_page(context, site_url + TEXT)
        with context.expect_page() as opened:
            page.locator(OP1C).click(modifiers=[modifier])
        new = opened.value
        new.wait_for_load_state()
        assert new.url == site_url + TEXT + "#op1c"
        expect(page.locator("#menu-op1c")).to_have_count(0)  # the menu did not open as well


def test_middle_click_follows_the_link(browser, site_url: str) -> None:
    with browser_context(browser, site_url) as context:
        page = open_page(context, site_url + TEXT)
        with context.expect_page() as opened:
            page.locator(OP1C).click(button="middle")
        assert opened.value.url == site_url + TEXT + "#op1c"
        expect(page.locator("#menu-op1c")).to_have_count(0)


def test_escape_in_the_menu_closes_it_and_returns_to_its_own_control(page, site_url: str) -> None:
    page.goto(site_url + TEXT)
    page.locator(OP1C).click()
    page.get_by_role("button", name="Copy citation").focus()
    page.keyboard.press("Escape")
    expect(page.locator("#menu-op1c")).to_have_count(0)
    expect(page.locator(OP1C)).to_be_focused()
    expect(page.locator(OP1C)).to_have_attribute("aria-expanded", "false")


def test_escape_on_another_paragraphs_control_leaves_the_focus_there(page, site_url: str) -> None:
    page.goto(site_url + TEXT)
    page.locator(OP1C).click()
    other = page.locator("#op1b > a.para-link")
    other.focus()
    page.keyboard.press("Escape")
    expect(other).to_be_focused()
