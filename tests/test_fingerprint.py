"""The site's own stylesheets reach a page as one file, and each own file is named for its content."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from conftest import ROOT

from build_scripts.publishing.fingerprint import FingerprintError, bundle_and_fingerprint

OURS = ["assets/first.css", "assets/second.css"]
PAGE = """<html><head>
<link rel="stylesheet" href="{up}assets/stylesheets/theme.css">
<link rel="stylesheet" href="{up}assets/first.css">
<link rel="stylesheet" href="{up}assets/second.css">
</head><body><script src="{up}assets/app.js" defer></script></body></html>
"""


def small_site(folder: Path) -> Path:
    (folder / "assets" / "stylesheets").mkdir(parents=True)
    (folder / "assets" / "stylesheets" / "theme.css").write_text("p{color:red}", encoding="utf-8")
    (folder / "assets" / "first.css").write_text("p{color:blue}\n", encoding="utf-8")
    (folder / "assets" / "second.css").write_text("p{color:green}", encoding="utf-8")
    (folder / "assets" / "app.js").write_text("console.log(1);", encoding="utf-8")
    (folder / "index.html").write_text(PAGE.format(up=""), encoding="utf-8")
    (folder / "op1").mkdir()
    (folder / "op1" / "index.html").write_text(PAGE.format(up="../"), encoding="utf-8")
    (folder / "404.html").write_text(PAGE.format(up="/site/"), encoding="utf-8")
    return folder


def test_the_stylesheets_are_joined_in_their_order_and_the_script_renamed(tmp_path: Path) -> None:
    site = small_site(tmp_path)
    renamed = bundle_and_fingerprint(site, OURS, ["assets/app.js"], "/site/")
    joined = site / renamed["assets/first.css"]
    assert renamed["assets/second.css"] == renamed["assets/first.css"]
    assert joined.read_text(encoding="utf-8") == "p{color:blue}\np{color:green}\n"
    assert not (site / "assets" / "first.css").exists() and not (site / "assets" / "app.js").exists()
    assert (site / renamed["assets/app.js"]).read_text(encoding="utf-8") == "console.log(1);"


PAGES = [("index.html", ""), ("op1/index.html", "../"), ("404.html", "/site/")]


@pytest.mark.parametrize(("page", "up"), PAGES)
def test_every_page_links_the_new_names_the_theme_first(tmp_path: Path, page: str, up: str) -> None:
    site = small_site(tmp_path)
    renamed = bundle_and_fingerprint(site, OURS, ["assets/app.js"], "/site/")
    html = (site / page).read_text(encoding="utf-8")
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)">', html)
    assert stylesheets == [f"{up}assets/stylesheets/theme.css", up + renamed["assets/first.css"]]
    assert re.findall(r'<script src="([^"]+)"', html) == [up + renamed["assets/app.js"]]


def test_a_name_carries_the_hash_of_the_content_it_names(tmp_path: Path) -> None:
    site = small_site(tmp_path)
    for new in set(bundle_and_fingerprint(site, ["assets/first.css"], ["assets/app.js"], "/site/").values()):
        digest = hashlib.sha256((site / new).read_bytes()).hexdigest()[:8]
        assert Path(new).name.split(".")[-2] == digest, new


def test_a_stylesheet_between_two_of_ours_stops_the_build(tmp_path: Path) -> None:
    """Joining them would move the other one's rules before the second file's in the cascade."""
    site = small_site(tmp_path)
    (site / "assets" / "other.css").write_text("p{color:black}", encoding="utf-8")
    other_then_second = 'other.css">\n<link rel="stylesheet" href="assets/second.css">'
    first_other_second = PAGE.format(up="").replace('second.css">', other_then_second)
    (site / "index.html").write_text(first_other_second, encoding="utf-8")
    with pytest.raises(FingerprintError, match="between"):
        bundle_and_fingerprint(site, OURS, [], "/site/")
    assert (site / "assets" / "second.css").is_file(), "nothing is changed before the check"


def test_a_link_written_in_another_form_stops_the_build_rather_than_break(tmp_path: Path) -> None:
    site = small_site(tmp_path)
    (site / "other.html").write_text('<link href="assets/first.css" rel="stylesheet">', encoding="utf-8")
    with pytest.raises(FingerprintError, match=r"other\.html"):
        bundle_and_fingerprint(site, OURS, [], "/site/")


def test_each_built_page_loads_one_stylesheet_of_ours_named_for_its_content(built_site: Path) -> None:
    (joined,) = (built_site / "assets").glob("site.*.css")
    digest = hashlib.sha256(joined.read_bytes()).hexdigest()[:8]
    assert joined.name == f"site.{digest}.css"
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        links = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
        ours = [href for href in links if "/stylesheets/" not in href]
        assert [Path(href).name for href in ours] == [joined.name], page


def test_no_file_of_ours_is_served_under_a_name_without_its_hash(built_site: Path) -> None:
    written = {path.name for path in (ROOT / "docs" / "assets").glob("*.*") if path.suffix in (".css", ".js")}
    served = {path.name for path in (built_site / "assets").glob("*.*")}
    assert written and not written & served
    for name in ("reader", "material"):
        (script,) = (built_site / "assets").glob(f"{name}.*.js")
        assert script.name.split(".")[1] == hashlib.sha256(script.read_bytes()).hexdigest()[:8]
