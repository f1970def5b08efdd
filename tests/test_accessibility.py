"""WCAG 2.2 AA, checked in Chromium.

axe-core runs with every rule of its WCAG A/AA and best-practice tags (none is disabled) on every
HTML file of the built site (the 404 page included), and on one page of each kind
(``TEMPLATE_PAGES``) in the light and the dark colour scheme, 1280 and 320 pixels wide. Then what
axe cannot see, on one page of each kind: reflow, text spacing, focus visibility and contrast, the
skip link; and reduced motion, forced colours and print. The Nu HTML Checker reads every file.
The headings, landmarks and titles of every page are checked without a browser, in
test_site_html.py.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import material
import pytest
from a11y_support import (
    CLIPPED_TEXT_JS,
    CONTRAST_JS,
    ROOT,
    SCHEMES,
    TAB_STOPS_JS,
    TEXT,
    TEXT_SPACING_CSS,
    VNU,
    WIDTHS,
    axe_violations,
    browser_context,
    describe_violations,
    focus_problems,
    focus_state,
    html_pages,
    open_page,
    scheme_options,
    settle,
    tab_through,
    template_pages,
    vnu_errors,
)

MATERIAL = Path(material.__file__).parent / "templates"  # the installed theme, wherever it is
GENERATED = "{#-\n  This file was automatically generated - do not edit\n-#}\n"


def test_the_walk_finds_every_page_and_the_404_page(built_site: Path) -> None:
    pages = html_pages(built_site)
    assert "404.html" in pages
    for page in ["", "text/", "glossary/", "references/", "themes/", "about/", "accessibility/"]:
        assert page in pages


# --- axe-core -------------------------------------------------------------------------------


def axe_problems(browser, site_url: str, paths: list[str], scheme: str, width: int) -> list[str]:
    problems: list[str] = []
    with browser_context(browser, site_url, **scheme_options(scheme, width)) as context:
        page = context.new_page()
        for path in paths:
            page.goto(site_url + path)
            problems += describe_violations(f"/{path} ({scheme}, {width}px)", axe_violations(page))
    return problems


@pytest.mark.browser
def test_axe_finds_no_violation_on_any_page(browser, site_url: str, built_site: Path) -> None:
    problems = axe_problems(browser, site_url, html_pages(built_site), SCHEMES[0], WIDTHS[0])
    assert not problems, "\n".join(problems)


@pytest.mark.browser
@pytest.mark.parametrize(
    ("scheme", "width"), [(s, w) for s in SCHEMES for w in WIDTHS if (s, w) != (SCHEMES[0], WIDTHS[0])]
)
def test_axe_finds_no_violation_on_a_page_of_each_kind_in_either_scheme_and_width(
    browser, site_url: str, built_site: Path, scheme, width
) -> None:
    problems = axe_problems(browser, site_url, template_pages(built_site), scheme, width)
    assert not problems, "\n".join(problems)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violation_in_the_full_texts_interactive_states(browser, site_url: str, scheme) -> None:
    """What only JavaScript shows: the target highlight, a paragraph's menu, a definition, search results."""
    problems: list[str] = []
    with browser_context(browser, site_url, **scheme_options(scheme, 1280)) as context:
        page = open_page(context, site_url + TEXT + "#op1c")
        page.wait_for_function("document.activeElement.id === 'op1c'")
        problems += describe_violations("target #op1c", axe_violations(page))

        page.locator("#op1c a.para-link").click()
        page.locator("#menu-op1c").wait_for()
        problems += describe_violations("menu of op1c", axe_violations(page))

        page.locator("a.gl-term").first.focus()
        page.locator("#term-popover").wait_for()
        problems += describe_violations("definition popover", axe_violations(page))

        page.locator(".md-search__input").focus()
        page.keyboard.type("trafficking")
        page.wait_for_function(
            "/matching document/.test(document.querySelector('.md-search-result__meta').textContent)"
        )
        settle(page)
        problems += describe_violations("search results", axe_violations(page))
    assert not problems, "\n".join(problems)


# --- the Nu HTML Checker ----------------------------------------------------------------------


@pytest.mark.tools
def test_nu_html_checker_finds_no_error_in_any_page(built_site: Path) -> None:
    java = shutil.which("java")
    if not java or not VNU.exists():
        pytest.fail("The Nu HTML Checker needs Java and node_modules/vnu-jar (make test installs them).")
    files = [
        str(built_site / path / "index.html") if not path.endswith(".html") else str(built_site / path)
        for path in html_pages(built_site)
    ]
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    errors = vnu_errors(result.stderr)
    assert not errors, "\n".join(errors)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("template", "changes"),
    [
        (
            "partials/search.html",
            [
                ('role="dialog">', 'role="dialog" aria-label="{{ lang.t(\'search\') }}">'),
                ('scrollwrap" tabindex="0"', 'scrollwrap" tabindex="-1"'),
                ('result__meta">', 'result__meta" role="status" aria-live="polite">'),
            ],
        ),
    ],
)
def test_copied_theme_templates_differ_from_materials_only_by_their_fixes(template, changes) -> None:
    """overrides/ copies one of Material's partials whole: fail when an upgrade of the theme
    changes it, so that it is copied again rather than silently left behind."""
    original = (MATERIAL / template).read_text(encoding="utf-8")
    assert original.startswith(GENERATED)
    expected = original[len(GENERATED) :]
    for old, new in changes:
        assert expected.count(old) == 1, f"{template}: {old!r} no longer in the theme's template"
        expected = expected.replace(old, new)
    copy = (ROOT / "overrides" / template).read_text(encoding="utf-8")
    assert copy.startswith("{#-")
    assert copy[copy.index("-#}\n") + 4 :] == expected


# --- reflow and text spacing -------------------------------------------------------------------


def page_widths(page) -> tuple[int, int]:
    """The page's content width and the viewport's: the page scrolls sideways if the first is larger."""
    return page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")


@pytest.mark.browser
def test_no_page_scrolls_sideways_at_320_px(browser, site_url: str, built_site: Path) -> None:
    wide = []
    with browser_context(browser, site_url, viewport={"width": 320, "height": 640}) as context:
        page = context.new_page()
        for path in template_pages(built_site):
            page.goto(site_url + path)
            scroll, client = page_widths(page)
            if scroll > client:
                wide.append(f"/{path}: {scroll}px of content in {client}px")
    assert not wide, "\n".join(wide)


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_wcag_text_spacing_clips_no_text(browser, site_url: str, built_site: Path, width) -> None:
    clipped = []
    with browser_context(browser, site_url, viewport={"width": width, "height": 900}) as context:
        page = context.new_page()
        for path in template_pages(built_site):
            page.goto(site_url + path)
            page.add_style_tag(content=TEXT_SPACING_CSS)
            clipped += [f"/{path}: {item}" for item in page.evaluate(CLIPPED_TEXT_JS)]
            if width == 320:
                scroll, client = page_widths(page)
                if scroll > client:
                    clipped.append(f"/{path}: scrolls sideways with text spacing ({scroll} > {client})")
    assert not clipped, "\n".join(clipped)


# --- focus --------------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_tab_stop_shows_its_focus_clear_of_the_header(
    browser, site_url: str, built_site: Path, scheme, width
) -> None:
    """Tab through a page of each kind: each stop has a focus indicator of 3:1 or more, and nothing covers it.

    Reduced motion, so that the check sees the page as it settles, not the theme's fading
    search overlay in the quarter second after the search closes.
    """
    problems = []
    options = scheme_options(scheme, width) | {"reduced_motion": "reduce"}
    with browser_context(browser, site_url, **options) as context:
        page = context.new_page()
        for path in template_pages(built_site):
            page.goto(site_url + path)
            expected = page.evaluate(TAB_STOPS_JS, None)
            stops = 0
            for state in tab_through(page, limit=expected + 20):  # a long glossary has hundreds
                stops += 1
                problems += [f"/{path} {state['description']}: {p}" for p in focus_problems(state)]
            if stops != expected:  # every control is reached, and nothing hidden is
                problems.append(f"/{path}: {stops} Tab stops for {expected} controls")
    assert not problems, "\n".join(problems)


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_shift_tab_upwards_keeps_focus_clear_of_the_sticky_header(browser, site_url: str, width) -> None:
    with browser_context(
        browser, site_url, viewport={"width": width, "height": 700}, reduced_motion="reduce"
    ) as context:
        page = open_page(context, site_url + TEXT)
        page.locator("#fn4 a.fn-back").focus()
        problems = []
        for _ in range(40):
            page.keyboard.press("Shift+Tab")
            state = focus_state(page)
            problems += [f"{state['description']}: {p}" for p in focus_problems(state)]
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_the_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_content(
    browser, site_url: str, built_site: Path
) -> None:
    problems = []
    with browser_context(browser, site_url) as context:
        page = context.new_page()
        for path in template_pages(built_site):
            problems += skip_link_problems(page, site_url, path)
    assert not problems, "\n".join(problems)


def skip_link_problems(page, site_url: str, path: str) -> list[str]:
    page.goto(site_url + path)
    page.keyboard.press("Tab")
    skip = page.evaluate(
        "document.activeElement.matches('a.md-skip') && document.activeElement.textContent.trim()"
    )
    if skip != "Skip to content":
        return [f"/{path}: the first Tab stop is not the skip link"]
    page.keyboard.press("Enter")
    if not page.evaluate("!!document.activeElement.closest('.md-content article')"):
        return [f"/{path}: after the skip link, focus is not in the content"]
    # And the next Tab stop is in the content too, not back in the header.
    page.keyboard.press("Tab")
    if not page.evaluate("!!document.activeElement.closest('.md-content')"):
        return [f"/{path}: the Tab stop after the skip link's target is outside the content"]
    return []


# --- contrast that axe does not measure -----------------------------------------------------------


CONTRASTS = {  # what, whose colour, against the background behind what, at least
    "target paragraph's outline": ("#op1c", "outlineColor", ".md-content", 3),
    "target paragraph's text": ("#op1c", "color", "#op1c", 4.5),
    "link in the target paragraph": ("#op1c a", "color", "#op1c", 4.5),
    "link control on the target": ("#op1c > a.para-link", "color", "#op1c", 3),
    "link control elsewhere": ("#op1b > a.para-link", "color", "#op1b", 3),
    "menu button's border": ("#menu-op1c button", "borderTopColor", "#menu-op1c", 3),
    "menu button's text": ("#menu-op1c button", "color", "#menu-op1c", 4.5),
    "header's icons": (".md-header__button.md-logo", "color", ".md-header", 3),
    "header's title": (".md-header__topic", "color", ".md-header", 4.5),
    "footer's text": (".md-copyright__highlight", "color", ".md-footer-meta", 4.5),
}


@pytest.mark.browser
@pytest.mark.parametrize("scheme", SCHEMES)
def test_target_highlight_controls_header_and_footer_have_enough_contrast(
    browser, site_url: str, scheme
) -> None:
    """axe checks text; outlines, icons and borders (WCAG 1.4.11) need 3:1 too."""
    with browser_context(browser, site_url, **scheme_options(scheme, 1280)) as context:
        page = open_page(context, site_url + TEXT + "#op1c")
        page.wait_for_function("document.activeElement.id === 'op1c'")
        page.locator("#op1c > a.para-link").click()
        settle(page)
        found = {what: page.evaluate(CONTRAST_JS, list(args[:3])) for what, args in CONTRASTS.items()}
    low = [f"{what}: {ratio:.2f}:1" for what, ratio in found.items() if ratio < CONTRASTS[what][3]]
    assert not low, "\n".join(low)


# --- motion, forced colours, print ------------------------------------------------------------------

ANIMATED = ".md-sidebar--primary, .md-search__overlay, .md-header__button, .md-skip"


@pytest.mark.browser
def test_reduced_motion_turns_transitions_off(browser, site_url: str) -> None:
    durations = {}
    for motion in ["no-preference", "reduce"]:
        viewport = {"width": 320, "height": 640}
        with browser_context(browser, site_url, viewport=viewport, reduced_motion=motion) as context:
            page = open_page(context, site_url + TEXT)
            durations[motion] = page.evaluate(
                "s => [...document.querySelectorAll(s)].map(el => getComputedStyle(el).transitionDuration)",
                ANIMATED,
            )
    assert any(d != "0s" for d in durations["no-preference"])  # the theme does animate
    assert all(d == "0s" for d in durations["reduce"]), durations["reduce"]


FORCED_JS = """() => {
    const control = document.querySelector("#op1c a.para-link");
    const style = getComputedStyle(control), box = control.getBoundingClientRect();
    const target = getComputedStyle(document.getElementById("op1c"));
    return {
        opacity: style.opacity, visibility: style.visibility, width: box.width, height: box.height,
        icon: getComputedStyle(control, "::before").backgroundColor,
        canvas: getComputedStyle(document.body).backgroundColor,
        outline: target.outlineStyle, outlineWidth: parseFloat(target.outlineWidth),
    };
}"""


@pytest.mark.browser
def test_forced_colours_keep_the_link_control_and_the_target_visible(browser, site_url: str) -> None:
    with browser_context(browser, site_url, forced_colors="active") as context:
        page = open_page(context, site_url + TEXT + "#op1c")
        page.wait_for_function("document.activeElement.id === 'op1c'")
        found = page.evaluate(FORCED_JS)
    assert found["opacity"] == "1" and found["visibility"] == "visible", found
    assert found["width"] >= 24 and found["height"] >= 24, found
    assert found["icon"] != found["canvas"], found
    assert found["outline"] != "none" and found["outlineWidth"] >= 2, found


@pytest.mark.browser
def test_print_leaves_out_the_navigation_and_keeps_paragraph_numbers(page, site_url: str) -> None:
    page.goto(site_url + TEXT)
    page.emulate_media(media="print")
    hidden = page.evaluate(
        "() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer', 'a.para-link']"
        ".map(s => [s, getComputedStyle(document.querySelector(s)).display])"
    )
    assert all(display == "none" for _, display in hidden), hidden
    assert page.locator("#op1 .para-num").is_visible()
    assert page.locator("#op1c .para-num").inner_text() == "(c)"
    assert page.locator("#op1c .para-num").is_visible()
