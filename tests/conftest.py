"""Shared fixtures: the real resolution, a freshly built site, a local server and a browser."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.browser import CHROMIUM_ARGS, find_chromium

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resolutions" / "A-HRC-RES-53-9.txt"


def build_site(
    destination: Path, project: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m build_scripts build`` of ``project`` into ``destination``, as ``make site`` runs it."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1689120000", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "build_scripts", "build", "--site-dir", str(destination)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once per test session from the project as it is."""
    destination = tmp_path_factory.mktemp("site")
    result = build_site(destination)
    assert result.returncode == 0, result.stderr
    return destination


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served on a free port of 127.0.0.1."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def chromium_path() -> str:
    path = find_chromium()
    if not path:
        pytest.fail(
            "No Chromium found: install Debian's chromium or set CHROMIUM_PATH (make test installs it)."
        )
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium, driven by Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, site_url: str) -> Iterator[object]:
    """A fresh page at 1280 × 900 that refuses every request to another host."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(site_url) else route.abort(),
    )
    opened = context.new_page()
    yield opened
    context.close()
