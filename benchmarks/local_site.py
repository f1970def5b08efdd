"""A built site served on 127.0.0.1, and the Chromium that opens it: one of each, shared by the
tests (tests/conftest.py) and the benchmarks (benchmarks/browser.py)."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NO_CHROMIUM = (
    "No Chromium found: install Debian's chromium or set CHROMIUM_PATH (make test and make bench install it)."
)


class ChromiumNotFound(RuntimeError):
    """Neither CHROMIUM_PATH nor a ``chromium`` on the PATH."""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """``folder`` as static files on a free port of 127.0.0.1, plain and uncompressed as
    http.server serves them; yields the base address (``http://127.0.0.1:PORT/``)."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def find_chromium() -> str | None:
    """The Chromium CHROMIUM_PATH names, or Debian's ``chromium``."""
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


def launch_chromium(playwright: Playwright) -> Browser:
    """Headless Chromium from the system's binary, driven by Playwright (it downloads no browser)."""
    path = find_chromium()
    if not path:
        raise ChromiumNotFound(NO_CHROMIUM)
    return playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
