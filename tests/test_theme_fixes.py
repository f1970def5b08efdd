"""The theme's HTML is mended where it breaks the HTML standard."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import lxml.html
import material
import pytest
from conftest import ROOT
from mkdocs.exceptions import PluginError

from build_scripts.renderers.mkdocs_material.finishing import SiteFinishing
from build_scripts.renderers.mkdocs_material.palette import custom_colour_rules
from build_scripts.renderers.mkdocs_material.theme_fixes import (
    ThemeFixes,
    svg_data_url,
    without_checkbox_autocomplete,
    without_dangling_toc_label,
    without_search_exclude_marks,
)


def test_checkboxes_lose_their_autocomplete_attribute() -> None:
    html = '<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
    assert without_checkbox_autocomplete(html) == '<input class="md-toggle" type="checkbox" id="__drawer">'


def test_text_inputs_keep_theirs() -> None:
    html = '<input type="text" class="md-search__input" autocomplete="off">'
    assert without_checkbox_autocomplete(html) == html


def test_an_svg_data_address_has_no_space_or_double_quote() -> None:
    url = svg_data_url('<svg xmlns="http://www.w3.org/2000/svg">\n  <circle r="1"/>\n</svg>')
    assert url.startswith("data:image/svg+xml,")
    assert not re.search(r'[\s"]', url), url


def test_no_built_page_has_a_checkbox_with_autocomplete(built_site: Path) -> None:
    for path in built_site.rglob("*.html"):
        inputs = lxml.html.fromstring(path.read_bytes()).xpath("//input[@type='checkbox']")
        assert inputs, f"{path}: no checkbox, the test would prove nothing"
        assert not [i.get("id") for i in inputs if i.get("autocomplete") is not None], path


def test_a_toc_title_outside_the_navigation_labels_nothing() -> None:
    html = '<nav><label class="md-nav__title" for="__toc">Table of contents</label></nav>'
    assert (
        without_dangling_toc_label(html)
        == '<nav><label class="md-nav__title">Table of contents</label></nav>'
    )


def test_a_toc_title_with_its_toggle_on_the_page_keeps_its_label() -> None:
    html = (
        '<input type="checkbox" id="__toc"><label class="md-nav__title" for="__toc">Table of contents</label>'
    )
    assert without_dangling_toc_label(html) == html


@pytest.mark.parametrize(
    ("marked", "served"),
    [
        ('<p class="entry-link" data-search-exclude>', '<p class="entry-link">'),
        ('<h2 data-search-exclude id="a">A</h2>', '<h2 id="a">A</h2>'),
        ('<li data-search-exclude="">x</li>', "<li>x</li>"),
        ('<div class="s" hidden data-search-exclude>', '<div class="s" hidden>'),
        # The words as text, not a mark: kept.
        ("<code>data-search-exclude</code>", "<code>data-search-exclude</code>"),
        ("<p>&lt;p data-search-exclude&gt;</p>", "<p>&lt;p data-search-exclude&gt;</p>"),
    ],
)
def test_search_exclude_marks_are_taken_off_tags_only(marked: str, served: str) -> None:
    assert without_search_exclude_marks(marked) == served


def test_no_built_page_carries_a_search_exclude_mark(built_site: Path) -> None:
    marked = [
        str(path) for path in built_site.rglob("*.html") if "data-search-exclude" in path.read_text("utf-8")
    ]
    assert not marked


# --- Fewer and lighter requests ------------------------------------------------------------------

SCRIPT = re.compile(r"<script\b[^>]*\bsrc=\"([^\"]+)\"[^>]*>")


def test_every_script_of_every_page_is_deferred(built_site: Path) -> None:
    for path in built_site.rglob("*.html"):
        tags = [m.group(0) for m in SCRIPT.finditer(path.read_text(encoding="utf-8"))]
        assert any("bundle." in tag for tag in tags), path
        assert all(" defer" in tag for tag in tags), (path, tags)


def test_no_page_requests_the_palette_stylesheet_or_an_icon_file(built_site: Path) -> None:
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert not re.search(r"stylesheets/palette\.", html), path
        icons = re.findall(r'<link rel="icon" href="([^"]*)"', html)
        assert len(icons) == 1 and icons[0].startswith("data:image/svg+xml,"), path
        assert not re.search(r"[\s\"<>]", icons[0]), "a data: address is URL-encoded whole"
        assert unquote(icons[0]).split(",", 1)[1].startswith("<svg")


def test_the_dark_scheme_rules_come_first_in_the_first_stylesheet(built_site: Path) -> None:
    (joined,) = (built_site / "assets").glob("site.*.css")  # material.css first, then reader.css
    css = joined.read_text(encoding="utf-8")
    assert css.startswith("@media screen{[data-md-color-scheme=slate]{color-scheme:dark;")
    assert "--md-default-bg-color:" in css


def installed_palette() -> str:
    """Material's palette stylesheet, as installed."""
    stylesheets = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    return next(stylesheets.glob("palette.*.css")).read_text(encoding="utf-8")


def test_palette_rules_keep_the_dark_scheme_and_drop_named_colours() -> None:
    rules = custom_colour_rules(installed_palette())
    assert "[data-md-color-scheme=slate]{" in rules and "--md-typeset-a-color" in rules
    assert "[data-md-color-switching]" in rules
    assert "data-md-color-primary=" not in rules and "data-md-color-accent=" not in rules
    assert len(rules) < len(installed_palette()) / 3


def test_our_scripts_and_styles_are_served_minified_without_comments(built_site: Path) -> None:
    palette_rules = custom_colour_rules(installed_palette())
    sources = {
        "reader.*.js": ["reader.js"],
        "material.*.js": ["material.js"],
        "site.*.css": ["material.css", "reader.css"],
    }
    for served, names in sources.items():
        source = "".join((ROOT / "docs" / "assets" / name).read_text(encoding="utf-8") for name in names)
        (built_file,) = (built_site / "assets").glob(served)
        # The palette's rules are put first by the build.
        built = built_file.read_text(encoding="utf-8").removeprefix(palette_rules)
        assert len(built) < 0.8 * len(source), served
        assert "/*" not in built and "//" not in built.replace("://", ""), served


# --- A fix that mends nothing stops the build ------------------------------------------------


def theme_page() -> str:
    """The markup the theme writes that the fixes mend, as Material 9 writes it."""
    return (
        '<link rel="icon" href="assets/favicon.svg">\n'
        '<link rel="stylesheet" href="assets/stylesheets/palette.0123abcd.min.css">\n'
        '<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
        '<h2 id="a">A<a class="headerlink" href="#a" title="Link to this section">¶</a></h2>'
        '<script src="assets/javascripts/bundle.0123abcd.min.js"></script>'
    )


def test_every_fix_mends_the_theme_markup_it_was_written_for(tmp_path: Path) -> None:
    (tmp_path / "favicon.svg").write_text("<svg/>", encoding="utf-8")
    fixes = ThemeFixes(tmp_path, "favicon.svg", palette_inlined=True)
    fixed = fixes.page(theme_page())
    assert fixes.unmended() == []
    assert "autocomplete" not in fixed and "palette." not in fixed and " defer>" in fixed
    assert 'href="data:image/svg+xml,' in fixed and 'class="heading-row' in fixed


def test_a_fix_whose_markup_no_page_has_is_named(tmp_path: Path) -> None:
    """As after an upgrade of the theme that changed its markup: the fix would silently do nothing."""
    fixes = ThemeFixes(tmp_path, None, palette_inlined=False)
    fixes.page(theme_page().replace(' autocomplete="off"', ""))
    assert fixes.unmended() == ["autocomplete off a checkbox"]


def test_the_build_stops_naming_a_fix_that_mended_nothing(tmp_path: Path) -> None:
    finishing = SiteFinishing()
    finishing.fixes = ThemeFixes(tmp_path, None, palette_inlined=False)
    finishing.fixes.page("<p>a page the theme no longer writes as it did</p>")
    with pytest.raises(PluginError, match="autocomplete off a checkbox") as error:
        finishing.on_post_build({"site_dir": str(tmp_path)})
    assert "theme_fixes.py" in str(error.value)
