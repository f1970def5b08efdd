"""The site's own stylesheets reach a page as one file, and each own file is named for its content."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path, PurePosixPath

import pytest
from conftest import ROOT

from build_scripts.renderers.mkdocs_material.own_files import OwnFilesError, own_files, relinked

OURS = ["assets/first.css", "assets/second.css"]
PAGE = """<html><head>
<link rel="stylesheet" href="{up}assets/stylesheets/theme.css">
<link rel="stylesheet" href="{up}assets/first.css">
<link rel="stylesheet" href="{up}assets/second.css">
</head><body><script src="{up}assets/app.js" defer></script></body></html>
"""


def sources(folder: Path) -> Path:
    """Our files as written by hand, with comments."""
    (folder / "assets").mkdir(parents=True)
    (folder / "assets" / "first.css").write_text("/* blue */\np {\n  color: blue;\n}\n", encoding="utf-8")
    (folder / "assets" / "second.css").write_text("p{color:green}", encoding="utf-8")
    (folder / "assets" / "app.js").write_text("// log\nconsole.log(1);\n", encoding="utf-8")
    return folder


def test_the_stylesheets_are_joined_in_their_order_after_the_first_rules_and_the_script_renamed(
    tmp_path: Path,
) -> None:
    files = own_files(sources(tmp_path), OURS, ["assets/app.js"], first_rules=".dark{color:white}")
    bundle = files.renamed[PurePosixPath("assets/first.css")]
    assert files.renamed[PurePosixPath("assets/second.css")] == bundle
    assert files.contents[bundle] == b".dark{color:white}\np{color:blue}\np{color:green}\n"
    script = files.renamed[PurePosixPath("assets/app.js")]
    assert files.contents[script] == b"console.log(1);\n"
    assert set(files.contents) == {bundle, script}


def test_writing_replaces_the_files_as_written_by_hand(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    for name in ["first.css", "second.css", "app.js"]:
        (site / "assets" / name).write_text("copied as written", encoding="utf-8")
    own_files(sources(tmp_path / "docs"), OURS, ["assets/app.js"]).write(site)
    served = sorted(path.name for path in (site / "assets").iterdir())
    assert len(served) == 2 and not {"first.css", "second.css", "app.js"} & set(served), served


def test_a_name_carries_the_hash_of_the_content_it_names(tmp_path: Path) -> None:
    files = own_files(sources(tmp_path), ["assets/first.css"], ["assets/app.js"])
    assert len(set(files.renamed.values())) == 2
    for new in files.renamed.values():
        digest = hashlib.sha256(files.contents[new]).hexdigest()[:8]
        assert new.name.split(".")[-2] == digest, new
    # A file that is neither joined nor named by a page keeps its name, minified.
    assert files.contents[PurePosixPath("assets/second.css")] == b"p{color:green}\n"


PAGES = [("index.html", ""), ("op1/index.html", "../"), ("404.html", "/site/")]


@pytest.mark.parametrize(("page", "up"), PAGES)
def test_every_page_links_the_new_names_the_theme_first(tmp_path: Path, page: str, up: str) -> None:
    files = own_files(sources(tmp_path), OURS, ["assets/app.js"])
    html = relinked(PAGE.format(up=up), PurePosixPath(page), files.renamed, "/site/")
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)">', html)
    bundle, script = files.renamed[PurePosixPath(OURS[0])], files.renamed[PurePosixPath("assets/app.js")]
    assert stylesheets == [f"{up}assets/stylesheets/theme.css", f"{up}{bundle}"]
    assert re.findall(r'<script src="([^"]+)"', html) == [f"{up}{script}"]


def test_a_stylesheet_between_two_of_ours_stops_the_build(tmp_path: Path) -> None:
    """Joining them would move the other one's rules before the second file's in the cascade."""
    files = own_files(sources(tmp_path), OURS, [])
    other_then_second = 'other.css">\n<link rel="stylesheet" href="assets/second.css">'
    first_other_second = PAGE.format(up="").replace('second.css">', other_then_second)
    with pytest.raises(OwnFilesError, match="between"):
        relinked(first_other_second, PurePosixPath("index.html"), files.renamed, "/site/")


def test_a_link_written_in_another_form_stops_the_build_rather_than_break(tmp_path: Path) -> None:
    files = own_files(sources(tmp_path), OURS, [])
    with pytest.raises(OwnFilesError, match=r"other\.html"):
        relinked(
            '<link href="assets/first.css" rel="stylesheet">', PurePosixPath("other.html"), files.renamed, "/"
        )


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
