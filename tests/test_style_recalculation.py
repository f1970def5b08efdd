"""What a change of the root's classes costs the browser: the theme's script changes them as it
starts on every page (``no-js`` to ``js``). A rule of the theme's that hangs on an element having
no class (``table:not([class])``) makes Chromium restyle every element under one whose class
changes: the whole page, at every load. The site has no table, so the build drops those rules
(``THEME_STAND_INS``), and only the root is restyled."""

from __future__ import annotations

import json
from pathlib import Path

import material
import pytest
from a11y_support import TEXT, browser_context, open_page

THEME_STYLESHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"

# Marks the page's root and asks for a style, which makes Chromium restyle what the mark touches.
MARK_THE_ROOT_JS = """() => {
  document.documentElement.classList.add("marked");
  return getComputedStyle(document.body).color;
}"""


def _restyled_by_marking_the_root(browser, page) -> int:
    """How many elements Chromium restyles after a class is added to the root."""
    page.evaluate("getComputedStyle(document.body).color")
    browser.start_tracing(
        page=page, categories=["devtools.timeline", "disabled-by-default-devtools.timeline"]
    )
    page.evaluate(MARK_THE_ROOT_JS)
    events = json.loads(browser.stop_tracing())["traceEvents"]
    return sum(
        event["args"]["elementCount"]
        for event in events
        if event.get("name") == "UpdateLayoutTree" and "elementCount" in event.get("args", {})
    )


@pytest.mark.browser
@pytest.mark.parametrize("path", [TEXT, "glossary/", "op1c/"])
def test_a_class_changed_on_the_root_restyles_almost_nothing(browser, site_url: str, path: str) -> None:
    with browser_context(browser, site_url) as context:
        page = open_page(context, site_url + path)
        page.wait_for_load_state("load")
        elements = page.evaluate("document.querySelectorAll('*').length")
        restyled = _restyled_by_marking_the_root(browser, page)
    assert restyled <= elements // 20, f"{restyled} of {elements} elements restyled"


@pytest.mark.browser
def test_with_the_themes_whole_stylesheet_the_same_change_restyles_the_page(browser, site_url: str) -> None:
    """Not vacuous: the measure finds the cost where the theme's table rules are kept."""
    whole = next(THEME_STYLESHEETS.glob("main.*.min.css")).read_text(encoding="utf-8")
    with browser_context(browser, site_url) as context:
        context.route(
            "**/assets/stylesheets/main.*.min.css",
            lambda route: route.fulfill(body=whole, content_type="text/css"),
        )
        page = open_page(context, site_url + TEXT)
        page.wait_for_load_state("load")
        elements = page.evaluate("document.querySelectorAll('*').length")
        restyled = _restyled_by_marking_the_root(browser, page)
    assert restyled >= elements // 2, f"{restyled} of {elements} elements restyled"
