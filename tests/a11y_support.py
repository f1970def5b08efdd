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
    """The path of site_url ("a-hrc-res-53-9/"): the 404 page links its assets through it."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return urlparse(config["site_url"]).path.lstrip("/")


def html_pages(site: Path) -> list[str]:
    """Every HTML page of the built site, as a path relative to its root ("", "text/", "404.html")."""
    pages = []
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site).as_posix()
        pages.append(relative.removesuffix("index.html"))
    return pages


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


def settle(page) -> None:
    """Wait until no CSS transition or animation runs (the search fading in, for one)."""
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")


# --- axe-core ------------------------------------------------------------------------------


def axe_violations(page, include: str | None = None) -> list[dict]:
    """axe-core's violations on the page (or inside ``include``), for AXE_TAGS, no rule disabled."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async ([tags, include]) => {
            const result = await axe.run(include ? { include: [include] } : document,
                                         { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ") + ": " + (n.failureSummary || "").replace(/\\s+/g, " ")),
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

TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

CLIPPED_TEXT_JS = """() => {
    const clipped = [];
    for (const el of document.querySelectorAll("body *")) {
        if (el.closest(".visually-hidden, [hidden], script, style, svg")) continue;
        const style = getComputedStyle(el);
        const hides = v => v === "hidden" || v === "clip";
        if (!hides(style.overflowX) && !hides(style.overflowY)) continue;
        if (style.visibility === "hidden" || style.display === "none" || parseFloat(style.opacity) === 0) continue;
        if (el.offsetParent === null && style.position !== "fixed") continue;
        // A box closed to nothing (the search results while the search is closed) hides, not clips.
        if (el.clientWidth === 0 || el.clientHeight === 0) continue;
        // The header's title repeats the site's name and the page's title (its h1 and <title>):
        // the theme shortens it with an ellipsis when it does not fit, at any spacing.
        if (el.closest(".md-header__topic")) continue;
        const text = (el.innerText || "").trim();
        if (!text) continue;
        const over = (hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1)
                  || (hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1);
        if (over) clipped.push(`${el.tagName.toLowerCase()}.${[...el.classList].join(".")}: ` +
                               `"${text.slice(0, 60)}" (${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight})`);
    }
    return clipped;
}"""


# --- focus ---------------------------------------------------------------------------------------

# What the browser shows of the focused element: whether a focus indicator is drawn (outline or
# box-shadow), its contrast with what surrounds it, and whether anything (the sticky header, an
# overlay, a popover) covers the element.
FOCUS_JS = """async () => {
    // Two frames: the theme reacts to focus on the next frame (the search opens, for one).
    await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const parse = c => { const m = (c.match(/[\\d.]+/g) || []).map(Number); return [m[0] || 0, m[1] || 0, m[2] || 0, m.length >= 4 ? m[3] : 1]; };
    const over = (top, bottom) => { const a = top[3]; return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]); };
    const background = start => {
        const layers = [];
        for (let node = start; node && node.nodeType === 1; node = node.parentElement) {
            const c = parse(getComputedStyle(node).backgroundColor);
            if (c[3] > 0) layers.push(c);
            if (c[3] >= 1) break;
        }
        let colour = [255, 255, 255, 1];
        if (layers.length && layers[layers.length - 1][3] >= 1) colour = layers.pop();
        while (layers.length) colour = over(layers.pop(), colour);
        return colour;
    };
    const luminance = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
    const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };

    let shown = el;  // a visually hidden radio shows its focus on the label after it
    if (el.matches("input.md-option") && el.nextElementSibling && el.nextElementSibling.tagName === "LABEL") shown = el.nextElementSibling;
    const style = getComputedStyle(shown);
    const width = parseFloat(style.outlineWidth) || 0;
    const outline = style.outlineStyle !== "none" && width >= 2;
    const shadow = style.boxShadow && style.boxShadow !== "none";
    const offset = parseFloat(style.outlineOffset) || 0;
    let ring = 0;
    if (outline) {
        const colour = parse(style.outlineColor);
        const behind = background(offset < 0 ? shown : shown.parentElement);
        ring = contrast(over(colour, behind), behind);
    }
    const rects = shown.getClientRects();
    const box = rects.length ? rects[0] : shown.getBoundingClientRect();
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    const hit = box.width > 0 && box.height > 0 ? document.elementFromPoint(x, y) : null;
    const header = document.querySelector(".md-header");
    const headerBottom = header ? header.getBoundingClientRect().bottom : 0;
    const onTop = hit && (shown === hit || shown.contains(hit) || el.contains(hit));
    const name = el.getAttribute("aria-label") || (el.innerText || el.value || "").trim().slice(0, 40);
    return {
        description: `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}.${[...el.classList].join(".")} "${name}"`,
        indicator: outline || shadow,
        ring: Math.round(ring * 100) / 100,
        visible: !!onTop && y >= 0 && y <= window.innerHeight && x >= 0 && x <= window.innerWidth,
        belowHeader: shown.closest(".md-header, .md-skip") !== null || box.top >= headerBottom - 1,
        covering: hit && !onTop ? `${hit.tagName.toLowerCase()}.${[...hit.classList].join(".")}` : "",
    };
}"""


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
        state = page.evaluate(FOCUS_JS)
        if state is None or state["description"] == first:
            return
        first = first or state["description"]
        yield state
    raise AssertionError(f"focus did not come round after {limit} presses of {key}")


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
