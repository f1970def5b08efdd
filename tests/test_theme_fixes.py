"""The theme's HTML is mended where it breaks the HTML standard."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from build_scripts.renderers.mkdocs_material.theme_fixes import without_checkbox_autocomplete


def test_checkboxes_lose_their_autocomplete_attribute() -> None:
    html = '<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
    assert without_checkbox_autocomplete(html) == '<input class="md-toggle" type="checkbox" id="__drawer">'


def test_text_inputs_keep_theirs() -> None:
    html = '<input type="text" class="md-search__input" autocomplete="off">'
    assert without_checkbox_autocomplete(html) == html


def test_no_built_page_has_a_checkbox_with_autocomplete(built_site: Path) -> None:
    for path in built_site.rglob("*.html"):
        inputs = lxml.html.fromstring(path.read_bytes()).xpath("//input[@type='checkbox']")
        assert inputs, f"{path}: no checkbox, the test would prove nothing"
        assert not [i.get("id") for i in inputs if i.get("autocomplete") is not None], path
