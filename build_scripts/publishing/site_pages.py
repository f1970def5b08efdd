"""A built site's HTML pages, read once for all the steps that finish the site, written once.

Each finishing step (the theme's fixes, the trimmed stylesheet, the files named for their
content) changes some links or marks on every page. Reading and writing every page at each step
cost more than the changes themselves; the steps share one copy of the pages in memory instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def edited_pages(site_dir: Path, pages: dict[Path, str] | None = None) -> Iterator[dict[Path, str]]:
    """Every HTML page of ``site_dir`` (path -> HTML), for the block to change in place; the
    pages it changed are written when it ends without an error, and nothing if it raises.
    ``pages``: the copy that an enclosing block is editing, which that block writes."""
    if pages is not None:
        yield pages
        return
    read = {path: path.read_text(encoding="utf-8") for path in sorted(site_dir.rglob("*.html"))}
    edited = dict(read)
    yield edited
    for path, html in edited.items():
        if html != read.get(path):
            path.write_text(html, encoding="utf-8")
