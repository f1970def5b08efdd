"""(c) The full-text page's cold load on a slow network, and (d) the search, in headless Chromium."""

from __future__ import annotations

import gzip
import statistics
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .local_site import ChromiumNotFound, launch_chromium, serve

# A slow mobile connection: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up (Lighthouse's "slow 4G").
NETWORK = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}
QUERIES = {
    "non-punishment": "h=non+punishment#op1c",
    "victims": "h=victims#",
    "special rapporteur": "h=special+rapporteur#",
}

PAINTS = """() => new Promise(resolve => {
  const found = {};
  new PerformanceObserver(list => { for (const e of list.getEntries()) found[e.name] = e.startTime; })
    .observe({type: 'paint', buffered: true});
  new PerformanceObserver(list => { for (const e of list.getEntries()) found[e.entryType] = e.startTime; })
    .observe({type: 'largest-contentful-paint', buffered: true});
  const nav = performance.getEntriesByType('navigation')[0];
  const events = {'dom-content-loaded': nav.domContentLoadedEventEnd, 'load': nav.loadEventEnd};
  setTimeout(() => resolve({...found, ...events}), 100);
})"""

# Times from the last key released in the search box to the first frame that shows the result.
WATCH_SEARCH = """needle => {
  const input = document.querySelector('input.md-search__input');
  let last = 0;
  const key = () => { last = performance.now(); };
  input.addEventListener('keyup', key);
  window.__searchShown = new Promise(resolve => {
    const observer = new MutationObserver(() => {
      if (!last || !document.querySelector(`a.md-search-result__link[href*="${needle}"]`)) return;
      observer.disconnect();
      input.removeEventListener('keyup', key);
      requestAnimationFrame(() => resolve(performance.now() - last));
    });
    observer.observe(document.querySelector('.md-search-result'), {childList: true, subtree: true});
  });
}"""


def local_file(site: Path, base: str, url: str) -> Path:
    path = unquote(urlsplit(url.removeprefix(base)).path)
    target = site / path
    return target / "index.html" if path.endswith("/") or path == "" or target.is_dir() else target


def gzip_size(data: bytes) -> int:
    """What a server compressing at gzip's default level (6) would send."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def _cold_load(browser, base: str, site: Path) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    context.route(
        "**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort()
    )
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", NETWORK)
    page.goto(base + "text/", wait_until="load")
    page.wait_for_load_state("networkidle")
    timings = page.evaluate(PAINTS)
    context.close()
    files = {}
    for url in requested:
        if url.startswith(base):
            data = local_file(site, base, url).read_bytes()
            files[url.removeprefix(base) or "/"] = (len(data), gzip_size(data))
    return {
        "requests": len(requested),
        "foreign_requests": sum(not url.startswith(base) for url in requested),
        "files": files,
        "raw_bytes": sum(raw for raw, _ in files.values()),
        "gzip_bytes": sum(packed for _, packed in files.values()),
        "timings": timings,
    }


def _search_times(browser, base: str, runs: int) -> dict[str, float]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(
        "**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort()
    )
    page = context.new_page()
    page.goto(base + "text/", wait_until="networkidle")
    box = page.locator("input.md-search__input")
    times: dict[str, list[float]] = {query: [] for query in QUERIES}
    for _ in range(runs):
        for query, needle in QUERIES.items():
            box.fill("")
            box.click()
            page.evaluate(WATCH_SEARCH, needle)
            page.keyboard.type(query)
            times[query].append(page.evaluate("window.__searchShown"))
            page.keyboard.press("Escape")
    context.close()
    return {query: statistics.median(values) for query, values in times.items()}


def measure(site: Path, runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    index = (site / "search" / "search_index.json").read_bytes()
    with serve(site) as base, sync_playwright() as playwright:
        try:
            browser = launch_chromium(playwright)
        except ChromiumNotFound as error:
            raise SystemExit(str(error)) from None
        try:
            loads = [_cold_load(browser, base, site) for _ in range(runs)]
            search = _search_times(browser, base, runs)
        finally:
            browser.close()
    names = sorted({name for load in loads for name in load["timings"]})
    timings = {
        name: statistics.median(load["timings"].get(name, float("nan")) for load in loads) for name in names
    }
    first = loads[0]
    return {
        "requests": first["requests"],
        "foreign_requests": max(load["foreign_requests"] for load in loads),
        "files": first["files"],
        "raw_bytes": first["raw_bytes"],
        "gzip_bytes": first["gzip_bytes"],
        "timings_ms": timings,
        "search_index_raw_bytes": len(index),
        "search_index_gzip_bytes": gzip_size(index),
        "search_index_loaded_on_page_load": any(
            name.endswith("search_index.json") for name in first["files"]
        ),
        "search_ms": search,
    }
