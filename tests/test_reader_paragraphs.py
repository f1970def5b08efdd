"""Every paragraph can be seen, named and reached: marginal labels, the "Go to paragraph" field,
addresses written in other ways, an unknown address, and the paragraph being read in the header."""

from __future__ import annotations

import pytest
from a11y_support import TEXT, browser_context, open_page, tab_until
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

NOTICE = "#address-notice"
HEADER_LABEL = '[data-md-component="header-topic"] .site-position'


def arrived_at(page, anchor: str) -> None:
    # The browser itself may focus a focusable fragment target before the page's own
    # hashchange handler marks it, so both are awaited together.
    page.wait_for_function(
        f"document.activeElement.id === '{anchor}'"
        f" && document.getElementById('{anchor}').classList.contains('is-target')",
        timeout=5000,
    )


# --- marginal labels ---------------------------------------------------------------------------


def test_every_paragraph_shows_a_marginal_label_that_screen_readers_skip(page, site_url: str) -> None:
    page.goto(site_url + TEXT)
    paragraphs = page.locator(".md-typeset .para")
    assert page.locator(".md-typeset .para > .para-mark").count() == paragraphs.count() > 0
    expect(page.locator("#pp14 > .para-mark")).to_have_text("PP 14")
    expect(page.locator("#pp14 > .para-mark")).to_be_visible()
    expect(page.locator("#op1c > .para-mark")).to_have_text("OP 1 (c)")
    # The control already names the paragraph: the label is not read a second time.
    snapshot = page.locator("#pp14").aria_snapshot()
    assert "PP 14" not in snapshot and 'button "Share or cite preambular paragraph 14"' in snapshot


def test_marginal_labels_are_printed(page, site_url: str) -> None:
    page.goto(site_url + TEXT)
    page.emulate_media(media="print")
    expect(page.locator("#pp14 > .para-mark")).to_be_visible()
    expect(page.locator("#op1c > .para-mark")).to_have_text("OP 1 (c)")


# --- the "Go to paragraph" field ---------------------------------------------------------------

# What people type, and the paragraph it opens (None: there is no such paragraph).
TYPED = [
    ("op1c", "op1c"),
    ("OP1c", "op1c"),
    ("OP1(c)", "op1c"),
    ("OP 1 (c)", "op1c"),
    ("1 (c)", "op1c"),
    ("1(c)", "op1c"),
    ("para 1 (c)", "op1c"),
    ("paragraph 1(c)", "op1c"),
    ("operative paragraph 1 (c)", "op1c"),
    ("op 01 c", "op1c"),
    ("op1", "op1"),
    ("7", "op7"),
    ("pp14", "pp14"),
    ("PP 14", "pp14"),
    ("pp03", "pp3"),
    ("pp. 3", "pp3"),
    ("preambular paragraph 14", "pp14"),
    ("#op1C", "op1c"),
    ("https://example.org/text/#OP1C", "op1c"),
    ("footnote 1", "fn1"),
    ("fn1", "fn1"),
    ("op20", None),
    ("pp99", None),
    ("victims", None),
    ("1 (zz)", None),
]


def test_the_go_to_field_opens_each_way_of_writing_an_address(page, site_url: str) -> None:
    page.goto(site_url + TEXT)
    field = page.get_by_role("textbox", name="Go to paragraph")
    wrong = []
    for typed, expected in TYPED:
        page.evaluate("document.querySelectorAll('.is-target').forEach(e => e.classList.remove('is-target'))")
        field.fill(typed)
        field.press("Enter")
        if expected:
            try:
                arrived_at(page, expected)
            except (AssertionError, PlaywrightTimeout):  # report every row, not only the first
                wrong.append(f"{typed!r}: not at {expected} ({page.evaluate('location.hash')})")
                continue
            if not page.url.endswith("#" + expected):
                wrong.append(f"{typed!r}: address {page.url}")
        else:
            notice = page.locator(NOTICE)
            if typed not in notice.inner_text():
                wrong.append(f"{typed!r}: no notice naming it ({notice.inner_text()!r})")
        page.evaluate("document.getElementById('address-notice').textContent = ''")
    assert not wrong, "\n".join(wrong)


def test_the_go_to_field_is_reached_by_keyboard_and_moves_the_focus(page, site_url: str) -> None:
    page.goto(site_url + TEXT)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the skip link, to the text's title
    tab_until(page, "el => el.id === 'goto-paragraph'", limit=2)  # after the title's permalink
    page.keyboard.type("pp14")
    page.keyboard.press("Enter")
    arrived_at(page, "pp14")
    box = page.evaluate("document.getElementById('pp14').getBoundingClientRect().top")
    assert 0 <= box < 900


# --- addresses in the address bar ----------------------------------------------------------------


@pytest.mark.parametrize(("address", "anchor"), [("#OP1c", "op1c"), ("#op1C", "op1c"), ("#pp03", "pp3")])
def test_an_address_with_other_case_or_zeros_opens_the_paragraph(
    page, site_url: str, address, anchor
) -> None:
    page.goto(site_url + TEXT + address)
    arrived_at(page, anchor)
    assert page.url.endswith("#" + anchor)  # the address bar shows the paragraph's own address
    expect(page.locator(NOTICE)).to_be_empty()


def test_an_unknown_address_shows_a_polite_notice_with_the_contents(browser, site_url: str) -> None:
    with browser_context(browser, site_url, viewport={"width": 320, "height": 640}) as context:
        page = open_page(context, site_url + TEXT + "#op20")
        notice = page.get_by_role("status").filter(has_text="op20")
        expect(notice).to_be_visible()
        expect(notice).to_contain_text("There is no paragraph “op20” in this text.")
        parts = notice.get_by_role("link")
        assert parts.evaluate_all("links => links.map(a => a.getAttribute('href'))") == [
            "#preamble",
            "#operative",
            "#notes",
            "#paragraph-pages",
        ]
        assert notice.evaluate("n => n.getBoundingClientRect().bottom") <= 641  # in view
        parts.nth(1).click()
        page.wait_for_url("**#operative")


# --- where the reader is -------------------------------------------------------------------------


@pytest.mark.parametrize("width", [1280, 320])
def test_the_header_names_the_paragraph_being_read(browser, site_url: str, width) -> None:
    with browser_context(browser, site_url, viewport={"width": width, "height": 800}) as context:
        page = open_page(context, site_url + TEXT + "#op1c")
        arrived_at(page, "op1c")
        label = page.locator(HEADER_LABEL)
        expect(label).to_have_text("OP 1 (c) · ")
        expect(label).to_be_visible()
        page.evaluate("document.getElementById('pp5').scrollIntoView({ block: 'start' })")
        expect(label).to_have_text("PP 5 · ")
        page.evaluate("window.scrollTo(0, 0)")
        expect(label).to_have_text("")
