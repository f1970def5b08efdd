"""The site's own scripts and styles are published minified; their sources stay readable."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from build_scripts.renderers.mkdocs_material.assets import minify_assets

OURS = ["reader.js", "material.js", "reader.css", "material.css"]


def test_minifying_drops_comments_and_spaces_and_leaves_the_theme_alone(tmp_path: Path) -> None:
    assets = tmp_path / "assets"
    (assets / "javascripts").mkdir(parents=True)
    (assets / "site.js").write_text("/* why */\nvar  answer = 42;  // because\n", encoding="utf-8")
    (assets / "site.css").write_text("/* why */\n.a  {  color : red ; }\n", encoding="utf-8")
    theirs = "/* theirs */ var x = 1;\n"
    (assets / "javascripts" / "bundle.js").write_text(theirs, encoding="utf-8")
    minify_assets(tmp_path)
    assert (assets / "site.js").read_text(encoding="utf-8") == "var answer=42;"
    assert (assets / "site.css").read_text(encoding="utf-8") == ".a{color:red}"
    assert (assets / "javascripts" / "bundle.js").read_text(encoding="utf-8") == theirs


@pytest.mark.parametrize("name", OURS)
def test_the_built_sites_assets_are_the_sources_minified(built_site: Path, name: str) -> None:
    source = (ROOT / "docs" / "assets" / name).read_text(encoding="utf-8")
    published = (built_site / "assets" / name).read_text(encoding="utf-8")
    assert "/*" not in published and len(published) < 0.8 * len(source)
