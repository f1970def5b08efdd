"""A crawl of the built site from its home page: every link, stylesheet, script and image."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest
from conftest import ROOT

from build_scripts.config import load_config

SITE_URL = load_config(ROOT).address.base
"""The site's own address ("" while it is not known)."""
LINKS = "//a[@href]/@href | //link[@href]/@href | //script[@src]/@src | //img[@src]/@src"


@dataclass(frozen=True)
class Link:
    page: str
    """The page it is on, relative to the site's root (``text/index.html``)."""
    url: str
    """As written."""


@dataclass
class Crawl:
    root: Path
    visited: set[str] = field(default_factory=set)
    internal: list[tuple[Link, str, str]] = field(default_factory=list)
    """(link, target file relative to the root, fragment)."""
    external: list[Link] = field(default_factory=list)
    ids: dict[str, set[str]] = field(default_factory=dict)

    def target(self, page: str, url: str) -> tuple[str, str] | None:
        """The file and fragment an internal link points to; None for an external one."""
        if SITE_URL and url.startswith(SITE_URL):
            url = "/" + url.removeprefix(SITE_URL)  # the canonical form of an internal link
            base = ""
        else:
            base = posixpath.dirname(page)
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            return None
        path = unquote(parts.path)
        if not path:
            return page, parts.fragment
        joined = posixpath.normpath(path.lstrip("/") if path.startswith("/") else posixpath.join(base, path))
        joined = "" if joined == "." else joined
        if path.endswith("/") or (self.root / joined).is_dir():
            joined = posixpath.join(joined, "index.html")
        return joined, parts.fragment

    def visit(self, page: str) -> None:
        queue = [page]
        while queue:
            page = queue.pop()
            if page in self.visited:
                continue
            self.visited.add(page)
            root = lxml.html.fromstring((self.root / page).read_bytes())
            self.ids[page] = set(root.xpath("//@id"))
            for url in root.xpath(LINKS):
                if url.startswith("data:"):
                    continue  # inline content (the icon), not a link to anywhere
                link = Link(page, url)
                target = self.target(page, url)
                if target is None:
                    self.external.append(link)
                    continue
                self.internal.append((link, *target))
                if target[0].endswith(".html") and (self.root / target[0]).is_file():
                    queue.append(target[0])
                if target[0].endswith(".css") and (self.root / target[0]).is_file():
                    self._stylesheet(target[0])

    def _stylesheet(self, sheet: str) -> None:
        if sheet in self.visited:
            return
        self.visited.add(sheet)
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", (self.root / sheet).read_text(encoding="utf-8")):
            if not url.startswith("data:"):
                link = Link(sheet, url)
                target = self.target(sheet, url)
                self.internal.append((link, *target)) if target else self.external.append(link)

    def ids_of(self, page: str) -> set[str]:
        if page not in self.ids:
            self.ids[page] = set(lxml.html.fromstring((self.root / page).read_bytes()).xpath("//@id"))
        return self.ids[page]


@pytest.fixture(scope="module")
def crawl(built_site: Path) -> Crawl:
    crawled = Crawl(built_site)
    crawled.visit("index.html")
    return crawled


def test_crawl_reaches_every_page_of_the_site(crawl: Crawl, built_site: Path) -> None:
    pages = {str(p.relative_to(built_site)) for p in built_site.rglob("*.html")} - {"404.html"}
    assert pages <= crawl.visited, sorted(pages - crawl.visited)
    assert len(crawl.internal) > 300


def test_every_internal_link_points_at_a_file_that_exists(crawl: Crawl) -> None:
    missing = [
        (link.page, link.url) for link, target, _ in crawl.internal if not (crawl.root / target).is_file()
    ]
    assert not missing, missing


def test_every_fragment_is_an_id_of_the_page_it_points_at(crawl: Crawl) -> None:
    broken = [
        (link.page, link.url)
        for link, target, fragment in crawl.internal
        if fragment and target.endswith(".html") and unquote(fragment) not in crawl.ids_of(target)
    ]
    assert not broken, broken
    same_page = [link for link, target, fragment in crawl.internal if fragment and target == link.page]
    assert len(same_page) > 100  # the paragraph links and footnote references were checked too


def test_every_external_link_is_a_well_formed_https_address(crawl: Crawl) -> None:
    assert crawl.external
    wrong = []
    for link in crawl.external:
        parts = urlsplit(link.url)
        if parts.scheme == "mailto":
            ok = bool(parts.path) and " " not in link.url
        elif parts.scheme == "data":  # an inlined image (the favicon): no request at all
            ok = link.url.startswith("data:image/svg+xml,") and not re.search(r"\s", link.url)
        else:
            ok = parts.scheme == "https" and bool(parts.netloc) and not re.search(r"\s", link.url)
        if not ok:
            wrong.append((link.page, link.url))
    assert not wrong, wrong


def test_crawl_reaches_the_page_and_data_of_every_paragraph_and_footnote(crawl: Crawl) -> None:
    from conftest import SOURCE

    from build_scripts.parsing.parse import parse_file

    resolution, _ = parse_file(SOURCE)
    anchors = [p.id for p in resolution.paragraphs()] + [n.id for n in resolution.footnotes]
    pages = {f"{anchor}/index.html" for anchor in anchors}
    assert pages <= crawl.visited, sorted(pages - crawl.visited)
    data = {target for _, target, _ in crawl.internal if target.endswith(".json")}
    assert {f"{anchor}/A-HRC-RES-53-9-{anchor}.json" for anchor in anchors} <= data
