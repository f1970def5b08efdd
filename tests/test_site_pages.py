"""The steps that finish a built site share one reading of its pages, and write them once."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.publishing.site_pages import edited_pages
from build_scripts.publishing.unused_css import read_site


def two_pages(folder: Path) -> tuple[Path, Path]:
    (folder / "op1").mkdir()
    home, paragraph = folder / "index.html", folder / "op1" / "index.html"
    home.write_text("<p>home</p>", encoding="utf-8")
    paragraph.write_text("<p>op1</p>", encoding="utf-8")
    return home, paragraph


def test_only_the_pages_changed_are_written(tmp_path: Path) -> None:
    home, paragraph = two_pages(tmp_path)
    before = paragraph.stat().st_mtime_ns
    with edited_pages(tmp_path) as pages:
        assert set(pages) == {home, paragraph}
        pages[home] = "<p>home, fixed</p>"
    assert home.read_text(encoding="utf-8") == "<p>home, fixed</p>"
    assert paragraph.stat().st_mtime_ns == before


def test_a_step_that_fails_leaves_every_page_as_it_was(tmp_path: Path) -> None:
    home, _ = two_pages(tmp_path)
    with pytest.raises(ValueError), edited_pages(tmp_path) as pages:
        pages[home] = "<p>half done</p>"
        raise ValueError("a later step failed")
    assert home.read_text(encoding="utf-8") == "<p>home</p>"


def test_an_inner_step_edits_the_enclosing_copy_and_writes_nothing(tmp_path: Path) -> None:
    home, _ = two_pages(tmp_path)
    with edited_pages(tmp_path) as outer:
        with edited_pages(tmp_path, outer) as inner:
            inner[home] = "<p>first step</p>"
        assert home.read_text(encoding="utf-8") == "<p>home</p>"
        assert outer[home] == "<p>first step</p>"
    assert home.read_text(encoding="utf-8") == "<p>first step</p>"


def test_the_scripts_a_page_may_run_are_those_it_or_they_name(tmp_path: Path) -> None:
    """A page runs what it loads, and a worker that a loaded script starts; a script whose name
    merely ends with a named one's (``xapp.js`` beside ``app.js``), or that nothing names, is not."""
    (tmp_path / "index.html").write_text('<script src="assets/app.js"></script>', encoding="utf-8")
    (tmp_path / "assets").mkdir()
    scripts = {
        "app.js": 'new Worker("worker.min.js")',
        "worker.min.js": "self.onmessage = () => {}",
        "xapp.js": "unused()",
        "unnamed.js": "unused()",
    }
    for name, text in scripts.items():
        (tmp_path / "assets" / name).write_text(text, encoding="utf-8")
    site = read_site(tmp_path)
    assert sorted(path.name for path in site.scripts) == ["app.js", "worker.min.js"]
