"""The pause of transitions while the colour scheme switches: aimed at the elements that have a
transition, and still stopping every one of them (no colour fades from one scheme to the other)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from a11y_support import browser_context, open_page

from build_scripts.renderers.mkdocs_material.colour_switch import (
    marked_as_switching,
    transition_compounds,
    with_narrow_switching_rule,
)

SWITCHING_RULE = (
    "[data-md-color-switching] *,[data-md-color-switching] :after,[data-md-color-switching] :before"
    "{transition-duration:0s!important}"
)
THEME = (
    ".md-typeset a,.md-typeset a:before{transition:color 125ms}"
    "[data-md-toggle=search]:checked~.md-header .md-search__overlay{transition:width 0s,opacity .25s}"
    "@media screen{.md-nav__link:hover{transition-duration:.25s}}"
    "@media (prefers-reduced-motion:reduce){*,*::before,*::after{transition:none!important}}"
    ".md-typeset p{color:red}"
)


def test_the_switching_rule_names_each_compound_that_gives_a_transition() -> None:
    compounds = transition_compounds([THEME])
    assert compounds == {"": ["a", ".md-search__overlay", ".md-nav__link"], "::before": ["a"], "::after": []}
    narrowed = with_narrow_switching_rule(".x{color:red}" + SWITCHING_RULE, compounds)
    assert narrowed == (
        ".x{color:red}"
        "[data-md-color-switching] :is(a,.md-search__overlay,.md-nav__link),"
        "[data-md-color-switching] :is(a)::before{transition-duration:0s!important}"
    )


def test_the_switching_rule_inside_a_media_rule_is_narrowed_too() -> None:
    narrowed = with_narrow_switching_rule(
        "@media screen{" + SWITCHING_RULE + "}", {"": [".b"], "::after": [".c"]}
    )
    assert narrowed == (
        "@media screen{[data-md-color-switching] :is(.b),[data-md-color-switching] :is(.c)::after"
        "{transition-duration:0s!important}}"
    )


@pytest.mark.parametrize("selector", ["*", ":hover", "::before", ":after", ".a > *", ".a :focus-visible"])
def test_a_transition_on_any_element_leaves_the_rule_universal(selector: str) -> None:
    theme = THEME + selector + "{transition:opacity .2s}"
    assert transition_compounds([theme]) is None


def test_a_rule_that_is_not_the_switching_rule_is_left_alone() -> None:
    css = "[data-md-color-switching] .x *{transition-duration:0s}[data-md-color-switching]{color:red}"
    assert with_narrow_switching_rule(css, {"": [".b"]}) == css


def test_the_built_switching_rule_has_no_universal_selector(built_site: Path) -> None:
    (joined,) = (built_site / "assets").glob("site.*.css")
    css = joined.read_text(encoding="utf-8")
    rules = re.findall(r"[^{}]*\[data-md-color-switching\][^{}]*\{[^}]*\}", css)
    assert len(rules) == 1
    assert "*" not in rules[0] and ":is(a," in rules[0] and "transition-duration:0s!important" in rules[0]


# Every element and its ::before and ::after whose computed transition lasts: with the scheme
# switching (the mark on body), there must be none.
LASTING_TRANSITIONS_JS = """() => {
  const lasting = [];
  for (const element of document.body.querySelectorAll('*')) {
    for (const pseudo of [null, '::before', '::after']) {
      const style = getComputedStyle(element, pseudo);
      const durations = style.transitionDuration.split(',').map(parseFloat);
      if (durations.some(d => d > 0)) lasting.push(`${element.tagName} ${element.classList}${pseudo ?? ''}`);
    }
  }
  return lasting;
}"""

# When the theme marks body as switching, note what still has a transition, at once (before the
# theme takes the mark off at the next frame).
WATCH_SWITCH_JS = """lastingTransitions => {
  window.__during = [];
  new MutationObserver(() => {
    if (document.body.hasAttribute('data-md-color-switching')) window.__during.push(lastingTransitions());
  }).observe(document.body, { attributes: true, attributeFilter: ['data-md-color-switching'] });
}"""


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", ["text/", "glossary/", ""])
def test_no_transition_runs_while_the_scheme_switches(browser, site_url: str, path: str, width: int) -> None:
    options = {"viewport": {"width": width, "height": 900}, "color_scheme": "light"}
    with browser_context(browser, site_url, **options) as context:
        page = open_page(context, site_url + path)
        page.wait_for_function("document.querySelector('form[data-md-component=\"palette\"] input:checked')")
        # Not vacuous: outside a switch, links and the theme's controls have their transitions.
        assert len(page.evaluate(LASTING_TRANSITIONS_JS)) > 10
        page.evaluate(f"({WATCH_SWITCH_JS})({LASTING_TRANSITIONS_JS})")
        for scheme in ["slate", "default"]:
            page.locator('form[data-md-component="palette"] label:not([hidden])').click()
            page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') === '{scheme}'")
        during = page.evaluate("window.__during")
        assert len(during) == 2, "the theme marks body at each switch"
        assert during == [[], []]


@pytest.mark.browser
def test_our_scripts_change_no_class_of_the_root_element(browser, site_url: str) -> None:
    """Our scripts mark the root with an attribute: where the theme's table rules are kept (a
    page with a table), a class changed on the root restyles every element of the page."""
    classes = []
    for blocked in [None, "**/assets/{reader,material}.*.js"]:
        with browser_context(browser, site_url) as context:
            if blocked:
                context.route(blocked, lambda route: route.abort())
            page = open_page(context, site_url + "text/")
            page.wait_for_load_state("load")
            page.wait_for_function("document.documentElement.classList.contains('js')")
            classes.append(page.evaluate("document.documentElement.className"))
            if not blocked:
                assert page.evaluate("document.documentElement.hasAttribute('data-material-js')")
    assert classes[0] == classes[1]


def test_a_page_is_written_with_its_body_marked_as_switching() -> None:
    page = '<html><head></head><body dir="ltr" data-md-color-scheme="default"><p>&lt;body x</p></body></html>'
    marked = marked_as_switching(page)
    assert marked == (
        '<html><head></head><body data-md-color-switching dir="ltr" data-md-color-scheme="default">'
        "<p>&lt;body x</p></body></html>"
    )
    assert marked_as_switching(marked) == marked, "marked twice"


def test_every_built_page_starts_with_its_body_marked(built_site: Path) -> None:
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert len(re.findall(r"<body\b[^>]*\bdata-md-color-switching\b", html)) == 1, path


@pytest.mark.browser
def test_the_theme_takes_the_mark_off_when_it_starts_and_only_then(browser, site_url: str) -> None:
    """The trade: transitions wait for the theme's script, and never run where it does not."""
    marked = []
    for blocked in [None, "**/assets/javascripts/bundle.*.min.js"]:
        with browser_context(browser, site_url, color_scheme="light") as context:
            if blocked:
                context.route(blocked, lambda route: route.abort())
            page = open_page(context, site_url + "text/")
            page.wait_for_load_state("load")
            if not blocked:
                page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")
            page.wait_for_timeout(200)
            marked.append(page.evaluate("document.body.hasAttribute('data-md-color-switching')"))
            link = "getComputedStyle(document.querySelector('.md-typeset a')).transitionDuration"
            assert (page.evaluate(link) == "0s") == marked[-1]
    assert marked == [False, True]
