"""A built site served on 127.0.0.1, and the Chromium that opens it: one of each, shared by the
tests (tests/conftest.py) and the benchmarks (benchmarks/browser.py)."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
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


# What a web server compresses: text, not images that are compressed already.
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


class _GzipHandler(_QuietHandler):
    """Static files gzip-compressed (level 6, a web server's default) for a client that accepts
    it, as a production server sends them; anything else as http.server sends it."""

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].split("#", 1)[0].endswith("/"):
                return super().send_head()  # http.server redirects to the folder's address
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        accepted = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepted and path.is_file() and content_type.startswith(COMPRESSED_TYPES)):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve(folder: Path, compress: bool = False) -> Iterator[str]:
    """``folder`` as static files on a free port of 127.0.0.1, plain and uncompressed as
    http.server serves them, or gzip-compressed when ``compress`` (as a production server
    would: the benchmarks); yields the base address (``http://127.0.0.1:PORT/``)."""
    handler = functools.partial(_GzipHandler if compress else _QuietHandler, directory=str(folder))
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
