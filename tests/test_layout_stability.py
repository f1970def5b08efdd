"""Nothing moves while a page loads: the text a reader has started on stays where it is while the
scripts start (the reading tools, the header's title, the marginal labels)."""

from __future__ import annotations

import pytest
from a11y_support import TEXT, browser_context

pytestmark = pytest.mark.browser

# Every layout shift of the page, as the browser reports it (buffered: from the first paint), with
# whether what moved is something the reader reads: the header or the page's content.
SHIFTS_JS = """() => new Promise(resolve => {
    const shifts = [];
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) {
            if (entry.hadRecentInput) continue;
            const nodes = (entry.sources || []).map(s => s.node).filter(Boolean);
            const element = n => n.nodeType === 1 ? n : n.parentElement;
            shifts.push({
                value: entry.value,
                moved: nodes.map(n => element(n).id || element(n).className),
                read: nodes.some(n => element(n).closest('.md-header, .md-content')),
            });
        }
    }).observe({type: "layout-shift", buffered: true});
    setTimeout(() => resolve(shifts), 1000);
})"""

# Lighthouse reports layout shift to three decimals: below this, it says 0. On a busy machine the
# theme's navigation drawer, off screen on a phone, has been seen to shift by 0.0003.
REPORTED_AS_NONE = 0.0005


@pytest.mark.parametrize("width", [412, 1280])
@pytest.mark.parametrize("path", ["", TEXT, "op1c/", "glossary/"])
def test_a_page_does_not_move_while_it_loads(browser, site_url: str, path: str, width: int) -> None:
    with browser_context(browser, site_url, viewport={"width": width, "height": 823}) as context:
        page = context.new_page()
        page.goto(site_url + path, wait_until="load")
        shifts = page.evaluate(SHIFTS_JS)
    assert not [shift for shift in shifts if shift["read"]], shifts
    assert sum(shift["value"] for shift in shifts) < REPORTED_AS_NONE, shifts


def test_the_home_pages_facts_stay_put_whatever_face_their_labels_are_painted_in(
    browser, site_url: str
) -> None:
    """A slow machine may paint the bold labels before their bold face is ready: the values
    beside them must not move when it comes (seen as a layout shift of the home page)."""
    with browser_context(browser, site_url, viewport={"width": 1280, "height": 823}) as context:
        page = context.new_page()
        page.goto(site_url)
        values = (
            "() => [...document.querySelectorAll('.facts dd')].map(dd => dd.getBoundingClientRect().left)"
        )
        bold = page.evaluate(values)
        page.add_style_tag(content=".md-typeset .facts dt { font-weight: 400 !important; }")
        assert page.evaluate(values) == bold
