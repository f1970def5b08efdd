"""Helpers of the accessibility tests: the built pages, browser contexts, axe-core, focus checks.

Everything that runs in the page is plain JavaScript evaluated by Playwright; the contrast
arithmetic is WCAG's (relative luminance, (L1 + 0.05) / (L2 + 0.05)).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import yaml

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
SCHEMES = ["light", "dark"]
WIDTHS = [1280, 320]
TEXT = "text/"


def site_path_prefix() -> str:
    """The path of site_url ("a-hrc-res-53-9/"; "" without one): the 404 page links its assets
    through it."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return urlparse(config.get("site_url") or "/").path.lstrip("/")


def html_pages(site: Path) -> list[str]:
    """Every HTML page of the built site, as a path relative to its root ("", "text/", "404.html")."""
    pages = []
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site).as_posix()
        pages.append(relative.removesuffix("index.html"))
    return pages


TEMPLATE_PAGES = {
    "": "the home page",
    "text/": "the full text",
    "op1c/": "a sub-paragraph's page (with its chapeau)",
    "op1/": "a paragraph's page (with its sub-paragraphs)",
    "fn1/": "a footnote's page",
    "paragraphs/": "the list of paragraph pages",
    "glossary/": "the glossary",
    "references/": "the references",
    "themes/": "the themes",
    "about/": "the About page",
    "accessibility/": "the accessibility statement",
    "404.html": "the page for an address with no page",
}
"""One page of each kind the site has: the browser checks that depend on a page's template and
markup, not on its words, run on these; the checks that need every page run once over all."""


def template_pages(site: Path) -> list[str]:
    """TEMPLATE_PAGES, each checked to be a page of the built site."""
    built = set(html_pages(site))
    missing = [path for path in TEMPLATE_PAGES if path not in built]
    assert not missing, f"pages of a kind the browser tests check are not built: {missing}"
    return list(TEMPLATE_PAGES)


@contextlib.contextmanager
def browser_context(browser, site_url: str, **options) -> Iterator[object]:
    """A context like conftest's ``page`` fixture (no request leaves the local site), with options.

    Requests under site_url's path (the 404 page's absolute links) are served from the root.
    """
    options.setdefault("viewport", {"width": 1280, "height": 900})
    context = browser.new_context(**options)
    prefixed = site_url + site_path_prefix()

    def route(route) -> None:
        url = route.request.url
        if not url.startswith(site_url):
            route.abort()
        elif url.startswith(prefixed):
            route.continue_(url=site_url + url[len(prefixed) :])
        else:
            route.continue_()

    context.route("**/*", route)
    try:
        yield context
    finally:
        context.close()


def scheme_options(scheme: str, width: int) -> dict:
    """Context options for a colour scheme (the palettes follow prefers-color-scheme) and a width."""
    return {"color_scheme": scheme, "viewport": {"width": width, "height": 900}}


def open_page(context, url: str):
    page = context.new_page()
    page.goto(url)
    return page


def definitions_loaded(page) -> None:
    """A pointer coming to the text (here to a paragraph's marginal label, away from any term)
    fetches the definitions; wait until every definition element of the page holds its words."""
    page.locator(".para .para-mark").first.hover()
    page.wait_for_function(
        "[...document.querySelectorAll('.definitions p[id^=\"def-\"]')].every(p => p.textContent.trim())"
    )


def settle(page) -> None:
    """Wait until no CSS transition or animation runs (the search fading in, for one)."""
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")


# --- axe-core ------------------------------------------------------------------------------


def axe_violations(page, include: str | None = None) -> list[dict]:
    """axe-core's violations on the page (or inside ``include``), for AXE_TAGS, no rule disabled.

    Run once transitions have ended: a colour half-way through a fade is not the page's colour.
    """
    settle(page)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async ([tags, include]) => {
            const options = { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] };
            const result = await axe.run(include ? { include: [include] } : document, options);
            const summary = n => n.target.join(" ") + ": " + (n.failureSummary || "").replace(/\\s+/g, " ");
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(summary),
            }));
        }""",
        [AXE_TAGS, include],
    )


def describe_violations(where: str, violations: list[dict]) -> list[str]:
    lines = []
    for violation in violations:
        lines.append(f"{where}: {violation['id']} ({violation['impact']}) {violation['help']}")
        lines.extend(f"    {node[:300]}" for node in violation["nodes"][:5])
    return lines


# --- text spacing (WCAG 1.4.12) -----------------------------------------------------------------

# The spacing of WCAG 1.4.12, on every element; paragraphs spaced 2 em.
TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

# Boxes that hide their overflow and hold more text than they show.
CLIPPED_TEXT_JS = """() => {
    const clipped = [];
    const hides = v => v === "hidden" || v === "clip";
    for (const el of document.querySelectorAll("body *")) {
        if (el.closest(".visually-hidden, [hidden], script, style, svg")) continue;
        const style = getComputedStyle(el);
        if (!hides(style.overflowX) && !hides(style.overflowY)) continue;
        if (style.visibility === "hidden" || style.display === "none") continue;
        if (parseFloat(style.opacity) === 0) continue;
        if (el.offsetParent === null && style.position !== "fixed") continue;
        // A box closed to nothing (the search results while the search is closed) hides, not clips.
        if (el.clientWidth === 0 || el.clientHeight === 0) continue;
        // The header's title repeats the site's name and the page's title (its h1 and <title>):
        // the theme shortens it with an ellipsis when it does not fit, at any spacing.
        if (el.closest(".md-header__topic")) continue;
        const text = (el.innerText || "").trim();
        if (!text) continue;
        const tall = hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
        const wide = hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
        if (tall || wide) {
            const name = `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`;
            const sizes = `${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}`;
            clipped.push(`${name}: "${text.slice(0, 60)}" (${sizes})`);
        }
    }
    return clipped;
}"""


# --- colours and focus ---------------------------------------------------------------------------

# WCAG's contrast arithmetic, shared by the scripts below: colours as [r, g, b, alpha].
COLOUR_JS = """
    const parse = css => {
        const n = (css.match(/[\\d.]+/g) || []).map(Number);
        return [n[0] || 0, n[1] || 0, n[2] || 0, n.length >= 4 ? n[3] : 1];
    };
    const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
    const background = start => {  // what shows behind an element: its and its ancestors' backgrounds
        const layers = [];
        for (let node = start; node && node.nodeType === 1; node = node.parentElement) {
            const colour = parse(getComputedStyle(node).backgroundColor);
            if (colour[3] > 0) layers.push(colour);
            if (colour[3] >= 1) break;
        }
        let colour = [255, 255, 255, 1];
        if (layers.length && layers[layers.length - 1][3] >= 1) colour = layers.pop();
        while (layers.length) colour = over(layers.pop(), colour);
        return colour;
    };
    const channel = v => (v /= 255) <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    const luminance = c => 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
    const contrast = (a, b) => {
        const [high, low] = [luminance(a), luminance(b)].sort((p, q) => q - p);
        return (high + 0.05) / (low + 0.05);
    };
"""

# The contrast of a colour property of one element against the background behind another.
CONTRAST_JS = (
    "([selector, property, behind]) => {"
    + COLOUR_JS
    + """
    const element = document.querySelector(selector);
    const back = background(document.querySelector(behind));
    return contrast(over(parse(getComputedStyle(element)[property]), back), back);
}"""
)

# What the browser shows of the focused element: whether a focus indicator is drawn (outline or
# box-shadow), its contrast with what surrounds it, and whether anything (the sticky header, an
# overlay, a popover) covers the element.
FOCUS_JS = (
    "async (settle) => {"
    + COLOUR_JS
    + """
    // The theme reacts to some focus changes a frame later (the search opens): wait if asked.
    if (settle) {
        await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
        const running = document.getAnimations().map(a => a.finished.catch(() => null));
        await Promise.race([Promise.all(running), new Promise(done => setTimeout(done, 1000))]);
    }
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    let shown = el;  // a visually hidden radio shows its focus on the label after it
    const next = el.nextElementSibling;
    if (el.matches("input.md-option") && next && next.tagName === "LABEL") shown = next;

    const style = getComputedStyle(shown);
    const outline = style.outlineStyle !== "none" && (parseFloat(style.outlineWidth) || 0) >= 2;
    const shadow = style.boxShadow && style.boxShadow !== "none";
    let ring = 0;
    if (outline) {  // an outline inside the element is seen against the element's background
        const inside = (parseFloat(style.outlineOffset) || 0) < 0;
        const behind = background(inside ? shown : shown.parentElement);
        ring = contrast(over(parse(style.outlineColor), behind), behind);
    }

    const rects = shown.getClientRects();
    const box = rects.length ? rects[0] : shown.getBoundingClientRect();
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    const hit = box.width > 0 && box.height > 0 ? document.elementFromPoint(x, y) : null;
    const onTop = hit && (shown === hit || shown.contains(hit) || el.contains(hit));
    const inView = y >= 0 && y <= window.innerHeight && x >= 0 && x <= window.innerWidth;
    // Partly under the sticky header: the header, not the element, is at the element's top edge.
    const edge = box.width > 0 ? document.elementFromPoint(x, Math.max(0, box.top + 1)) : null;
    const underHeader = !!(edge && edge.closest(".md-header") && !shown.closest(".md-header"));
    const describe = node => `${node.tagName.toLowerCase()}${node.id ? "#" + node.id : ""}` +
                             `.${[...node.classList].join(".")}`;
    const name = el.getAttribute("aria-label") || (el.innerText || el.value || "").trim().slice(0, 40);
    return {
        description: `${describe(el)} "${name}"`,
        indicator: outline || shadow,
        ring: Math.round(ring * 100) / 100,
        visible: !!onTop && inView,
        belowHeader: !underHeader,
        covering: hit && !onTop ? describe(hit) : "",
    };
}"""
)


def focus_state(page) -> dict | None:
    """FOCUS_JS now; if it finds a problem, again once the page has had two frames to settle."""
    state = page.evaluate(FOCUS_JS, False)
    if focus_problems(state):
        state = page.evaluate(FOCUS_JS, True)
    return state


def focus_problems(state: dict | None) -> list[str]:
    """What is wrong with the focus indicator described by FOCUS_JS (nothing: an empty list)."""
    if state is None:
        return []
    problems = []
    if not state["indicator"]:
        problems.append("no focus indicator")
    elif state["ring"] and state["ring"] < 3:
        problems.append(f"focus indicator contrast {state['ring']}:1 < 3:1")
    if not state["visible"]:
        problems.append(f"hidden (covered by {state['covering'] or 'nothing: out of view or no size'})")
    elif not state["belowHeader"]:
        problems.append("partly under the sticky header")
    return problems


def tab_through(page, limit: int = 400, key: str = "Tab") -> Iterator[dict]:
    """Press ``key`` until focus comes back where it started; yield FOCUS_JS after every press."""
    first = None
    for _ in range(limit):
        page.keyboard.press(key)
        state = focus_state(page)
        if state is None or state["description"] == first:
            return
        first = first or state["description"]
        yield state
    raise AssertionError(f"focus did not come round after {limit} presses of {key}")


# The Tab stops a page should have, in document order (no positive tabindex on this site): what
# is focusable, shown and not disabled; of a group of radio buttons, the checked one only.
TAB_STOPS_JS = """(until) => {
    const candidates = "a[href], button, input, select, textarea, summary, [tabindex]";
    const stops = [...document.querySelectorAll(candidates)].filter(el =>
        el.tabIndex >= 0 && !el.disabled && !el.closest("[inert]")
        && el.checkVisibility({ visibilityProperty: true })
        && !(el.type === "radio" && !el.checked)
        || el.matches("input.md-option:checked"));  // visually hidden radios: their labels show
    if (!until) return stops.length;
    const last = document.querySelector(until);
    const upTo = el => el === last || el.compareDocumentPosition(last) & Node.DOCUMENT_POSITION_FOLLOWING;
    return stops.filter(upTo).length;
}"""


def tab_until(page, predicate_js: str, limit: int = 300) -> int:
    """Press Tab until ``predicate_js`` (called with the focused element) is true; the presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => ({predicate_js})(document.activeElement)"):
            return presses
    raise AssertionError(f"not reached in {limit} presses of Tab: {predicate_js}")


# --- the Nu HTML Checker -----------------------------------------------------------------------


def vnu_errors(output: str) -> list[str]:
    """The messages of ``vnu.jar --errors-only --format json``, one line each."""
    messages = json.loads(output or "{}").get("messages", [])
    return [
        f"{m.get('url', '').rsplit('/', 2)[-2:]} line {m.get('lastLine')}: {m.get('message')}"
        for m in messages
        if m.get("type") in ("error", "non-document-error")
    ]


# --- Chromium's accessibility tree ------------------------------------------------------------


def accessibility_tree(page) -> list[dict[str, str]]:
    """Every node of Chromium's accessibility tree (what a screen reader is given): its role,
    name and description, read through the DevTools protocol."""
    session = page.context.new_cdp_session(page)
    try:
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()

    def value(node: dict, key: str) -> str:
        return str((node.get(key) or {}).get("value") or "")

    return [
        {"role": value(n, "role"), "name": value(n, "name"), "description": value(n, "description")}
        for n in nodes
        if not n.get("ignored")
    ]
