"""Print, forced colours and touch: a printed paragraph carries no highlight, no "Back to …"
link and the page's address once; in forced colours only the target paragraph has a border;
footnote references are targets of at least 24 × 24 px on touch screens."""

from __future__ import annotations

import pytest
from a11y_support import TEXT, browser_context, open_page

pytestmark = pytest.mark.browser

TARGET_STYLE_JS = """id => {
    const style = getComputedStyle(document.getElementById(id));
    return { background: style.backgroundColor, outline: style.outlineStyle,
             border: style.borderLeftStyle === "none" ? 0 : parseFloat(style.borderLeftWidth),
             borderColour: style.borderLeftColor, canvas: getComputedStyle(document.body).backgroundColor };
}"""


def test_printing_a_page_opened_at_a_paragraph_prints_no_highlight(page, site_url: str) -> None:
    page.goto(site_url + TEXT + "#op1c")
    page.wait_for_function("document.activeElement.id === 'op1c'")
    page.emulate_media(media="print")
    style = page.evaluate(TARGET_STYLE_JS, "op1c")
    assert style["background"] in ("rgba(0, 0, 0, 0)", "transparent"), style
    assert style["outline"] == "none" and style["border"] == 0, style


def test_back_links_are_not_printed_and_the_address_is_printed_once(page, site_url: str) -> None:
    page.goto(site_url + TEXT)
    address = site_url + TEXT  # where the page is read: the site names no address of its own
    assert address not in page.locator("body").inner_text()  # not on screen
    page.emulate_media(media="print")
    assert page.locator(".fn-back").count() > 0
    assert not any(link.is_visible() for link in page.locator(".fn-back").all())
    printed = page.locator("body").inner_text()
    assert printed.count(address) == 1, printed.count(address)


@pytest.mark.parametrize("path", ["", "glossary/", "accessibility/"])
def test_every_page_prints_its_own_address(page, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    page.emulate_media(media="print")
    assert page.locator("body").inner_text().count(site_url + path) == 1


def test_in_forced_colours_only_the_target_paragraph_has_a_border(browser, site_url: str) -> None:
    with browser_context(browser, site_url, forced_colors="active") as context:
        page = open_page(context, site_url + TEXT + "#op1c")
        page.wait_for_function("document.activeElement.id === 'op1c'")
        for unmarked in ["pp1", "op1", "op1b"]:
            style = page.evaluate(TARGET_STYLE_JS, unmarked)
            assert style["border"] == 0 or style["borderColour"] == style["canvas"], (unmarked, style)
        target = page.evaluate(TARGET_STYLE_JS, "op1c")
        assert target["border"] >= 2 and target["borderColour"] != target["canvas"], target


def footnote_boxes(page) -> list[dict]:
    return page.locator("sup.fn-ref a").evaluate_all(
        "links => links.map(a => a.getBoundingClientRect()).map(r => ({ w: r.width, h: r.height }))"
    )


def layout(page) -> list[list[float]]:
    """Where each footnote reference stands and how tall its paragraph is."""
    return page.locator("sup.fn-ref").evaluate_all(
        """sups => sups.map(s => { const r = s.getBoundingClientRect();
            return [Math.round(r.left), Math.round(r.width),
                    s.closest('.para, .footnote').getBoundingClientRect().height]; })"""
    )


def test_footnote_references_are_24_px_targets_on_touch_screens_without_moving_the_text(
    browser, site_url: str
) -> None:
    size = {"viewport": {"width": 360, "height": 740}}
    with browser_context(browser, site_url, **size, has_touch=True, is_mobile=True) as context:
        page = open_page(context, site_url + TEXT)
        assert page.evaluate("matchMedia('(pointer: coarse)').matches")
        touch_boxes, touch_layout = footnote_boxes(page), layout(page)
    with browser_context(browser, site_url, **size) as context:
        page = open_page(context, site_url + TEXT)
        mouse_layout = layout(page)
    assert touch_boxes and all(b["w"] >= 24 and b["h"] >= 24 for b in touch_boxes), touch_boxes
    assert touch_layout == mouse_layout  # the words and lines stay where they were
