"""The theme's stylesheet, trimmed to the rules the site can use, styles every page exactly as the
whole stylesheet does: each element (and its ::before and ::after) has the same computed style
with either, on every kind of page, in both colour schemes, on a phone and a desktop, printed, with
the search showing results and the navigation drawer open."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

import material
import pytest
from a11y_support import TEXT, browser_context, scheme_options, settle

from build_scripts.renderers.mkdocs_material.unused_css import (
    UsedNames,
    read_site,
    used_names,
    without_unused_rules,
)

THEME_STYLESHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
WHOLE_STYLESHEET = next(THEME_STYLESHEETS.glob("main.*.min.css")).read_text(encoding="utf-8")

# Durations only: a transition half-way would differ between two loads, not between stylesheets.
NO_MOTION = (
    "*,*::before,*::after{transition-duration:0s!important;transition-delay:0s!important;"
    "animation-duration:0s!important;animation-delay:0s!important}"
)

# Every element's computed style, and its ::before's and ::after's, as one short hash each
# (a page has thousands of elements of some 350 properties). Custom properties are not styles:
# the trimmed stylesheet leaves out those nothing uses.
STYLES_JS = """(detail) => {
  const skipped = /^(transition|animation)-(duration|delay)$|^--/;
  // A ::before or ::after without content is not drawn: the rest of its style is left alone
  // (computing it for every element would take seconds a page).
  const styleOf = (element, pseudo) => {
    const style = getComputedStyle(element, pseudo);
    if (pseudo && style.content === "none") return ["content: none"];
    const pairs = [];
    for (let i = 0; i < style.length; i++) {
      if (!skipped.test(style[i])) pairs.push(style[i] + ": " + style.getPropertyValue(style[i]));
    }
    return pairs;
  };
  const hash = pairs => {
    let h = 2166136261;
    const text = pairs.join(";");
    for (let i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 16777619); }
    return (h >>> 0).toString(36);
  };
  const parts = [null, "::before", "::after"];
  const elements = [...document.querySelectorAll("*")];
  if (detail !== null) return parts.map(p => styleOf(elements[detail], p));
  return elements.map(el => {
    const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
      (el.getAttribute("class") ? "." + el.getAttribute("class").trim().split(/\\s+/).join(".") : "");
    return name + " " + parts.map(p => hash(styleOf(el, p))).join(",");
  });
}"""


def _open_search(page) -> None:
    page.locator(".md-search__input").focus()
    page.keyboard.type("trafficking")
    page.wait_for_function(
        "/matching document/.test(document.querySelector('.md-search-result__meta').textContent)"
    )


def _open_drawer(page) -> None:
    page.locator(".site-drawer-button").click()
    page.wait_for_function("document.getElementById('__drawer').checked")


def _print(page) -> None:
    page.emulate_media(media="print")


STATES: dict[str, tuple[str, int, str, Callable | None]] = {
    "home, desktop, light": ("", 1280, "light", None),
    "full text, desktop, dark": (TEXT, 1280, "dark", None),
    "full text, phone, light": (TEXT, 320, "light", None),
    "full text at a paragraph": (TEXT + "#op1c", 1280, "light", None),
    "glossary, phone, dark": ("glossary/", 320, "dark", None),
    "paragraph page": ("op1c/", 1280, "light", None),
    "page not found": ("404.html", 1280, "light", None),
    "search results, desktop": (TEXT, 1280, "light", _open_search),
    "search results, phone, dark": (TEXT, 320, "dark", _open_search),
    "navigation drawer, phone": ("glossary/", 320, "light", _open_drawer),
    "full text, printed": (TEXT, 1280, "light", _print),
}


def _styles(stack: ExitStack, browser, site_url: str, state: tuple, whole: bool) -> tuple[object, list[str]]:
    """The page of ``state`` opened (closed with ``stack``), and its elements' computed styles:
    with the site's trimmed stylesheet, or with Material's whole one served in its place."""
    path, width, scheme, action = state
    context = stack.enter_context(browser_context(browser, site_url, **scheme_options(scheme, width)))
    if whole:
        context.route(
            "**/assets/stylesheets/main.*.min.css",
            lambda route: route.fulfill(body=WHOLE_STYLESHEET, content_type="text/css"),
        )
    page = context.new_page()
    page.goto(site_url + path, wait_until="load")
    page.add_style_tag(content=NO_MOTION)
    page.wait_for_load_state("networkidle")
    if action is not None:
        action(page)
    settle(page)
    return page, page.evaluate(STYLES_JS, None)


@pytest.mark.browser
@pytest.mark.parametrize("state", list(STATES), ids=list(STATES))
def test_every_element_is_styled_as_with_the_whole_stylesheet(browser, site_url: str, state: str) -> None:
    with ExitStack() as stack:
        trimmed_page, trimmed = _styles(stack, browser, site_url, STATES[state], whole=False)
        whole_page, whole = _styles(stack, browser, site_url, STATES[state], whole=True)
        # The theme's script may still be changing a state (the search opening on a phone) after
        # the last transition has ended: a difference must last before it counts.
        for _ in range(20):
            if trimmed == whole:
                break
            trimmed_page.wait_for_timeout(100)
            trimmed, whole = trimmed_page.evaluate(STYLES_JS, None), whole_page.evaluate(STYLES_JS, None)
        assert len(trimmed) == len(whole), "the two loads do not have the same elements"
        differing = [i for i, (a, b) in enumerate(zip(trimmed, whole, strict=True)) if a != b]
        if differing:
            first = differing[0]
            ours, theirs = trimmed_page.evaluate(STYLES_JS, first), whole_page.evaluate(STYLES_JS, first)
            changes = [
                f"{part or 'element'}: {sorted(set(a) ^ set(b))[:6]}"
                for part, a, b in zip(["", "::before", "::after"], ours, theirs, strict=True)
                if a != b
            ]
            pytest.fail(f"{len(differing)} elements styled otherwise, first {trimmed[first]}: {changes}")


# --- which rules go -------------------------------------------------------------------------


def _used(page: str, script: str = "") -> UsedNames:
    return used_names([f"<!doctype html><html><body>{page}</body></html>"], [script] if script else [])


def test_a_rule_for_a_class_on_no_page_goes_and_one_on_a_page_stays() -> None:
    css = ".note{color:red}.para{color:blue}"
    assert without_unused_rules(css, _used('<p class="para">x</p>')) == ".para{color:blue}"


def test_a_class_that_a_script_names_keeps_its_rules() -> None:
    css = ".md-search-result__link{color:red}.md-annotation{color:blue}"
    kept = without_unused_rules(css, _used("<p>x</p>", 'el.className = "md-search-result__link"'))
    assert kept == ".md-search-result__link{color:red}"


def test_of_a_list_of_selectors_only_those_that_may_match_stay() -> None:
    css = ".md-typeset .admonition,.md-typeset details{margin:0}"
    assert without_unused_rules(css, _used('<div class="md-typeset"><details>x</details></div>')) == (
        ".md-typeset details{margin:0}"
    )


def test_a_selector_function_holds_when_one_of_its_selectors_may() -> None:
    css = ".md-typeset :is(.admonition,dl){margin:0}.md-typeset :is(.admonition,table){margin:1px}"
    kept = without_unused_rules(css, _used('<div class="md-typeset"><dl><dt>x</dt></dl></div>'))
    assert kept == ".md-typeset :is(.admonition,dl){margin:0}"


def test_a_negation_requires_nothing() -> None:
    css = "p:not(.admonition-title){margin:0}"
    assert without_unused_rules(css, _used("<p>x</p>")) == css


def test_an_attribute_value_on_no_element_drops_the_rule() -> None:
    css = "[dir=rtl] .md-nav{left:0}[data-md-color-scheme=slate]{color:#fff}"
    kept = without_unused_rules(css, _used('<input data-md-color-scheme="slate"><nav class="md-nav"></nav>'))
    assert kept == "[data-md-color-scheme=slate]{color:#fff}"


def test_an_element_on_no_page_drops_the_rule_unless_a_script_creates_it() -> None:
    css = ".md-typeset table{margin:0}.md-search-result details{margin:1px}"
    used = _used('<div class="md-typeset md-search-result"></div>', 'h("details", {class: "x"})')
    assert without_unused_rules(css, used) == ".md-search-result details{margin:1px}"


def test_an_element_a_script_creates_only_to_stand_in_counts_only_on_a_page() -> None:
    css = ".md-typeset table:not([class]) th{padding:0}.md-search-result details{margin:1px}"
    script = 'e.replaceWith(x("table")); h("details", {class: "x"})'
    page = '<div class="md-typeset md-search-result"></div>'
    as_stand_in = used_names([page], [script], stand_ins=["table"])
    assert without_unused_rules(css, as_stand_in) == ".md-search-result details{margin:1px}"
    with_a_table = used_names([page + "<table><tr><th>x</th></tr></table>"], [script], stand_ins=["table"])
    assert without_unused_rules(css, with_a_table) == css


def test_a_media_query_left_empty_goes() -> None:
    css = "@media print{.md-banner{display:none}.md-header{display:none}}@media screen{.md-tabs{top:0}}"
    assert without_unused_rules(css, _used('<header class="md-header"></header>')) == (
        "@media print{.md-header{display:none}}"
    )


def test_a_custom_property_nothing_uses_goes_with_the_rules_it_empties() -> None:
    css = (
        ':root{--md-admonition-icon--note:url("data:image/svg+xml;charset=utf-8,<svg/>");--md-text:#000}'
        ".admonition{mask-image:var(--md-admonition-icon--note)}"
        ".md-typeset{color:var(--md-text)}:root{--md-tag-icon:url(x)}"
    )
    kept = without_unused_rules(css, _used('<div class="md-typeset"></div>'))
    assert kept == ":root{--md-text:#000}.md-typeset{color:var(--md-text)}"


def test_a_custom_property_the_sites_own_stylesheet_uses_stays() -> None:
    css = ":root{--md-accent-fg-color:#526cfe;--md-unused:1px}"
    kept = without_unused_rules(css, _used("<p>x</p>"), [".para:hover{color:var(--md-accent-fg-color)}"])
    assert kept == ":root{--md-accent-fg-color:#526cfe}"


def test_keyframes_no_rule_names_go() -> None:
    css = "@keyframes pulse{0%{opacity:0}}@keyframes spin{0%{rotate:0}}.md-header{animation:pulse 1s}"
    kept = without_unused_rules(css, _used('<header class="md-header"></header>'))
    assert kept == "@keyframes pulse{0%{opacity:0}}.md-header{animation:pulse 1s}"


def test_the_site_links_the_trimmed_stylesheet_by_a_name_of_its_own_content(built_site: Path) -> None:
    (trimmed,) = built_site.glob("assets/stylesheets/main.*.min.css")
    digest = re.match(r"main\.([0-9a-f]{8})\.min\.css", trimmed.name)[1]
    assert hashlib.sha256(trimmed.read_text(encoding="utf-8").rstrip("\n").encode()).hexdigest()[:8] == digest
    assert len(trimmed.read_text(encoding="utf-8")) < len(WHOLE_STYLESHEET) * 0.7
    for page in built_site.rglob("*.html"):
        assert f'/{trimmed.name}"' in page.read_text(encoding="utf-8"), page


def test_the_scripts_a_page_may_run_are_those_it_or_they_name(tmp_path: Path) -> None:
    """A page runs what it loads, and a worker that a loaded script starts; a script whose name
    merely ends with a named one's (``xapp.js`` beside ``app.js``), or that nothing names, is not."""
    page = '<script src="assets/app.js"></script>'
    (tmp_path / "assets").mkdir()
    scripts = {
        "app.js": 'new Worker("worker.min.js")',
        "worker.min.js": "self.onmessage = () => {}",
        "xapp.js": "unused()",
        "unnamed.js": "unused()",
    }
    for name, text in scripts.items():
        (tmp_path / "assets" / name).write_text(text, encoding="utf-8")
    site = read_site(tmp_path, {tmp_path / "index.html": page})
    assert sorted(path.name for path in site.scripts) == ["app.js", "worker.min.js"]
