"""Markup and script in a resolution's text show as text on the page, and nothing runs.

Each input of the bad-input corpus that converts is published as a site of its own (with an
empty catalogue, since the glossary is written for 53/9), and opened in Chromium.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from a11y_support import browser_context
from conftest import ROOT
from playwright.sync_api import Page

from benchmarks.local_site import serve
from build_scripts.parsing.parse import parse_file

CORPUS = ROOT / "tests" / "bad_inputs"
HOSTILE = [
    "html_script.txt",
    "html_in_title.txt",
    "html_comment.txt",
    "html_entities.txt",
    "markdown_asterisks.txt",
    "markdown_underscores.txt",
    "markdown_links.txt",
    "markdown_attributes.txt",
    "backticks.txt",
    "pipes_table.txt",
    "rtl_emoji_bidi.txt",
]
EMPTY_CATALOGUE = {
    "glossary.yaml": "terms: []\n",
    "references.yaml": "references: []\n",
    "themes.yaml": "themes: []\n",
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project's build (not its resolution, manifest or data) and an empty catalogue."""
    copy = tmp_path_factory.mktemp("hostile")
    for name in ("mkdocs.yml", "hooks", "overrides", "build_scripts", "docs/assets"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, copy / name)
    catalogue = copy / "catalogue"
    catalogue.mkdir()
    for name, text in EMPTY_CATALOGUE.items():
        (catalogue / name).write_text(text)
    (copy / "resolutions").mkdir()
    return copy


def publish(project: Path, name: str, source: Path | None = None) -> Path:
    """Build a site from one input of the corpus (or from ``source``, published as ``name``);
    return its folder."""
    shutil.copy(source or CORPUS / name, project / "resolutions" / name)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["extra"]["resolution"] = f"resolutions/{name}"
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    site = project / "site" / name
    env = {**os.environ, "CATALOGUE_DIR": str(project / "catalogue")}
    (project / "published-anchors.json").unlink(missing_ok=True)
    for command in (
        ["-m", "build_scripts", "anchors", "update", "--reason", "first publication"],
        ["-m", "build_scripts", "build", "--site-dir", str(site)],
    ):
        result = subprocess.run(
            [sys.executable, *command], cwd=project, env=env, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def server(project: Path) -> Iterator[str]:
    with serve(project / "site") as url:
        yield url


def watched_page(context) -> tuple[Page, list[str]]:
    """A new page, and the messages of every dialog a script of it opens (each dismissed)."""
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return page, dialogs


@pytest.mark.browser
@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_text_shows_literally_and_runs_nothing(
    project: Path, server: str, browser, name: str
) -> None:
    publish(project, name)
    resolution, _ = parse_file(CORPUS / name)
    with browser_context(browser, server) as context:
        page, dialogs = watched_page(context)
        page.goto(f"{server}{name}/text/", wait_until="load")
        shown = page.evaluate(
            """ids => ids.map(id => {
                const copy = document.getElementById(id).cloneNode(true);
                const added = '.para-link, .para-num, .para-mark, sup.fn-ref';
                copy.querySelectorAll(added).forEach(e => e.remove());
                return copy.textContent.replace(/\\s+/g, ' ').trim();
            })""",
            [p.id for p in resolution.paragraphs()],
        )
        injected = page.evaluate(
            "document.querySelectorAll('article script, article img, article b, article code').length"
        )
        # The home page's title and previews name the resolution by its title, as written.
        page.goto(f"{server}{name}/", wait_until="load")
        home = page.evaluate(PAGE_TITLES_JS)
        injected += page.evaluate("document.querySelectorAll('head b, head img, title *').length")
    assert shown == [" ".join(p.text.split()) for p in resolution.paragraphs()]
    meta = resolution.metadata
    title = f"{meta.body} resolution {meta.number}" + (f": {meta.title}" if meta.title else "")
    assert home["title"].startswith(title)
    assert home["meta"]["og:title"] == home["meta"]["twitter:title"] == title
    assert home["meta"]["description"].startswith(f"{meta.body} resolution {meta.number} ({meta.symbol})")
    assert injected == 0
    assert dialogs == []


# The tab's title and every meta tag that previews a page where its link is pasted.
PAGE_TITLES_JS = """() => {
    const meta = {};
    document.querySelectorAll('meta[name], meta[property]').forEach(m => {
        meta[m.getAttribute('name') || m.getAttribute('property')] = m.getAttribute('content');
    });
    return {title: document.title, meta};
}"""


# The words of a paragraph's own page, as shown, and its citations.
PART_WORDS_JS = """() => {
    const shown = document.querySelector('.part-text > *').cloneNode(true);
    shown.querySelectorAll('.para-num, sup.fn-ref').forEach(e => e.remove());
    const citation = [...document.querySelectorAll('.citation-text')].map(e => e.textContent);
    return {shown: shown.textContent.replace(/\\s+/g, ' ').trim(), citation};
}"""


@pytest.mark.browser
@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_text_shows_literally_on_each_paragraphs_page_title_and_previews(
    project: Path, server: str, browser, name: str
) -> None:
    from build_scripts.identifiers import title_case_name
    from build_scripts.pages.paragraph_pages import DESCRIPTION_QUOTE, TITLE_QUOTE, quote

    publish(project, name)
    resolution, _ = parse_file(CORPUS / name)
    with browser_context(browser, server) as context:
        page, dialogs = watched_page(context)
        for paragraph in resolution.paragraphs():
            page.goto(f"{server}{name}/{paragraph.id}/", wait_until="load")
            seen = {**page.evaluate(PAGE_TITLES_JS), **page.evaluate(PART_WORDS_JS)}
            markup = "article script, article img, article b, article code:not(pre > code)"
            injected = page.evaluate(f"document.querySelectorAll('{markup}').length")
            words = " ".join(paragraph.text.split())
            title = f"{title_case_name(paragraph.name)}: “{quote(paragraph.text, TITLE_QUOTE)}”"
            assert seen["shown"] == words, paragraph.id
            assert seen["title"].startswith(title), paragraph.id
            for key in ("og:title", "twitter:title"):
                assert seen["meta"][key] == title, (paragraph.id, key)
            for key in ("description", "og:description", "twitter:description"):
                assert seen["meta"][key].startswith(f"“{quote(paragraph.text, DESCRIPTION_QUOTE)}”"), key
            if resolution.metadata.title:
                assert seen["meta"]["citation_title"].startswith(" ".join(resolution.metadata.title.split()))
            assert f"{paragraph.name}" in seen["citation"][0]
            assert injected == 0, paragraph.id
    assert dialogs == []
