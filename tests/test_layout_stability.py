"""Nothing moves while a page loads: the text a reader has started on stays where it is while the
scripts start (the reading tools, the header's title, the marginal labels)."""

from __future__ import annotations

import pytest
from a11y_support import TEXT, browser_context

pytestmark = pytest.mark.browser

# Every layout shift of the page, as the browser reports it (buffered: from the first paint).
SHIFTS_JS = """() => new Promise(resolve => {
    const shifts = [];
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) {
            if (entry.hadRecentInput) continue;
            const moved = (entry.sources || []).map(s => s.node && (s.node.id || s.node.className));
            shifts.push({value: entry.value, moved});
        }
    }).observe({type: "layout-shift", buffered: true});
    setTimeout(() => resolve(shifts), 1000);
})"""


@pytest.mark.parametrize("width", [412, 1280])
@pytest.mark.parametrize("path", ["", TEXT, "op1c/", "glossary/"])
def test_a_page_does_not_move_while_it_loads(browser, site_url: str, path: str, width: int) -> None:
    with browser_context(browser, site_url, viewport={"width": width, "height": 823}) as context:
        page = context.new_page()
        page.goto(site_url + path, wait_until="load")
        shifts = page.evaluate(SHIFTS_JS)
    assert sum(shift["value"] for shift in shifts) == 0, shifts
