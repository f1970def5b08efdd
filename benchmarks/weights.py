"""What Chromium really fetches: each page's cold load, and the search once the reader starts it,
the site beside the plain page, both served gzip-compressed on 127.0.0.1.

Bytes are the browser's own count, from Resource Timing: ``transferSize`` of the document and of
every resource the page and its workers fetched (the encoded body, gzip here, plus a fixed 300
bytes for the headers that Chromium reports for each response fetched over the network).
"""

from __future__ import annotations

import contextlib
import json
import statistics
from pathlib import Path

from .local_site import ChromiumNotFound, launch_chromium, serve

FETCHED = """() => [
    performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
  .map(e => ({name: e.name, transfer: e.transferSize, body: e.encodedBodySize, start: e.startTime}))"""
WORKER_FETCHED = """() => performance.getEntriesByType('resource')
  .map(e => ({name: e.name, transfer: e.transferSize, body: e.encodedBodySize, start: e.startTime}))"""

# From the focus on the search field to Material's search being ready: the status line leaves
# "Initializing search" when the worker has indexed the site and answers.
WATCH_READY = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  window.__searchReady = new Promise(resolve => {
    const input = document.querySelector('input.md-search__input');
    input.addEventListener('focus', () => {
      const focused = performance.now();
      const check = () => {
        if (/Initializing/i.test(meta.textContent)) return false;
        resolve({ms: performance.now() - focused, at: focused});
        return true;
      };
      if (!check()) {
        const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
        observer.observe(meta, {childList: true, subtree: true, characterData: true});
      }
    }, {once: true});
  });
}"""


def paragraph_pages(root: Path) -> list[str]:
    """Every paragraph and footnote page of the published site (``pp3/``, ``op1c/``, ``fn1/``)."""
    pages = json.loads((root / "published-anchors.json").read_text(encoding="utf-8"))["pages"]
    return [page for page in pages if any(character.isdigit() for character in page)]


def _context(browser, base: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    foreign: list[str] = []

    def route(route) -> None:
        if route.request.url.startswith(base) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    return context, foreign


def _fetched(page) -> list[dict]:
    entries = page.evaluate(FETCHED)
    for worker in page.workers:
        with contextlib.suppress(Exception):  # a worker that ended has nothing more to tell
            entries += worker.evaluate(WORKER_FETCHED)
    return entries


def _opened_cold(browser, base: str, path: str):
    """``path`` opened in a new context with an empty, disabled cache, once the network is idle:
    (context, page, the requests to other hosts)."""
    context, foreign = _context(browser, base)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    page.goto(base + path, wait_until="load")
    page.wait_for_load_state("networkidle")
    return context, page, foreign


def cold_load(browser, base: str, path: str) -> dict:
    """One load with an empty cache: bytes transferred, requests, requests to other hosts."""
    context, page, foreign = _opened_cold(browser, base, path)
    page.wait_for_timeout(300)  # a worker started at load fetches its scripts
    entries = [e for e in _fetched(page) if e["name"].startswith(base)]
    context.close()
    return {
        "bytes": sum(e["transfer"] for e in entries),
        "body_bytes": sum(e["body"] for e in entries),
        "requests": len(entries),
        "foreign_requests": len(foreign),
        "files": {e["name"].removeprefix(base) or "/": e["transfer"] for e in entries},
    }


def search_start(browser, base: str, path: str = "text/") -> dict:
    """A cold load of ``path``, then the reader focuses the search field: what is fetched from
    then on until the search is ready, and how long that takes."""
    context, page, foreign = _opened_cold(browser, base, path)
    page.evaluate(WATCH_READY)
    page.locator("input.md-search__input").focus()
    ready = page.evaluate("window.__searchReady")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    entries = [e for e in _fetched(page) if e["name"].startswith(base)]
    context.close()
    after = [e for e in entries if e["start"] >= ready["at"] or "/workers/" in e["name"]]
    # A worker's own clock starts with it: its fetches all follow the focus that started it.
    return {
        "ready_ms": ready["ms"],
        "bytes": sum(e["transfer"] for e in after),
        "body_bytes": sum(e["body"] for e in after),
        "requests": len(after),
        "foreign_requests": len(foreign),
        "files": {e["name"].removeprefix(base): e["transfer"] for e in after},
    }


def measure(site: Path, plain: Path, root: Path, runs: int) -> dict:
    """Cold loads of the plain page and of the site's full text, home, glossary and every
    paragraph page; the search's start on the full text, ``runs`` times (median)."""
    from playwright.sync_api import sync_playwright

    with (
        serve(site, compress=True) as base,
        serve(plain, compress=True) as plain_base,
        sync_playwright() as pw,
    ):
        try:
            browser = launch_chromium(pw)
        except ChromiumNotFound as error:
            raise SystemExit(str(error)) from None
        try:
            baseline = cold_load(browser, plain_base, "")
            pages = {
                name: cold_load(browser, base, path)
                for name, path in (("full text", "text/"), ("home", ""), ("glossary", "glossary/"))
            }
            parts = {path: cold_load(browser, base, path) for path in paragraph_pages(root)}
            starts = [search_start(browser, base) for _ in range(runs)]
        finally:
            browser.close()
    sizes = sorted(parts.items(), key=lambda item: item[1]["bytes"])
    return {
        "plain": baseline,
        "pages": pages,
        "paragraph_pages": {path: load["bytes"] for path, load in parts.items()},
        "paragraph_foreign_requests": sum(load["foreign_requests"] for load in parts.values()),
        "largest_paragraph_page": (sizes[-1][0], sizes[-1][1]),
        "median_paragraph_page": (sizes[len(sizes) // 2][0], sizes[len(sizes) // 2][1]),
        "search": {
            "bytes": starts[0]["bytes"],
            "body_bytes": starts[0]["body_bytes"],
            "files": starts[0]["files"],
            "foreign_requests": max(start["foreign_requests"] for start in starts),
            "ready_ms": statistics.median(start["ready_ms"] for start in starts),
            "ready_ms_each": [start["ready_ms"] for start in starts],
        },
    }
