"""The build: a resolution's text file -> the site's Markdown pages and downloads in docs/.

Everything is converted and rendered in memory first; only when all of it succeeded are the
files written, each through a temporary file and a rename. A failed build leaves the pages
of the previous build exactly as they were.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .akn import akn_xml
from .catalogue import load_catalogue
from .enrich import Enriched, enrich
from .errors import ConversionError, Diagnostics
from .exports import markdown_document, model_json, plain_text
from .parse import parse_file
from .render import PageRenderer
from .vocabulary import load_vocabulary

log = logging.getLogger("mkdocs.build_scripts")
TEXT_PAGE = "text/"


@dataclass(frozen=True)
class Build:
    """What one build produced, before anything is written."""

    enriched: Enriched
    diagnostics: Diagnostics
    files: dict[str, bytes]
    """The Markdown pages: path under docs/ -> content."""
    downloads: dict[str, bytes]
    """The data downloads: path under the built site -> content. They are written into the
    site after MkDocs built it, since MkDocs would take ``.md`` files in docs/ for pages."""


def load_publication(source: Path) -> dict[str, Any]:
    """The hand-written notes beside the text (``<name>.yaml``): the home page's summary."""
    notes = source.with_suffix(".yaml")
    data: dict[str, Any] = {"summary": [], "contact": None}
    if notes.exists():
        try:
            data.update(yaml.safe_load(notes.read_text(encoding="utf-8")) or {})
        except yaml.YAMLError as error:
            raise ConversionError(str(notes), 1, "readable YAML", str(error)) from None
    data["file_stem"] = source.stem
    data["file"] = str(notes)
    return data


def convert(source: Path, display_name: str | None = None, site_url: str = "") -> Build:
    """Parse, enrich and render one resolution; raises ConversionError on bad input."""
    resolution, diagnostics = parse_file(source, display_name)
    enriched = enrich(resolution, load_catalogue(), load_vocabulary())
    publication = load_publication(source)
    publication["site_url"] = site_url
    pages = PageRenderer(enriched, publication).pages()
    files = {name: text.encode("utf-8") for name, text in pages.items()}
    return Build(enriched, diagnostics, files, downloads(enriched, publication))


def downloads(enriched: Enriched, publication: dict[str, Any]) -> dict[str, bytes]:
    """The resolution as data, under downloads/: Akoma Ntoso, JSON, plain text, Markdown."""
    resolution = enriched.resolution
    stem = f"downloads/{publication['file_stem']}"
    text_url = publication.get("site_url", "").rstrip("/") + "/" + TEXT_PAGE
    return {
        f"{stem}.akn.xml": akn_xml(resolution, enriched.catalogue.references),
        f"{stem}.json": model_json(resolution, text_url).encode("utf-8"),
        f"{stem}.txt": plain_text(resolution).encode("utf-8"),
        f"{stem}.md": markdown_document(resolution).encode("utf-8"),
    }


def _write_if_changed(path: Path, content: bytes) -> bool:
    if path.exists() and path.read_bytes() == content:
        return False  # unchanged files are left alone, so `mkdocs serve` does not rebuild in a loop
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(handle, "wb") as stream:
        stream.write(content)
    os.replace(temporary, path)
    return True


def write(build: Build, docs_dir: Path) -> list[str]:
    """Write the build's files into docs/, remove generated files it no longer makes."""
    changed = [
        name for name, content in sorted(build.files.items()) if _write_if_changed(docs_dir / name, content)
    ]
    generated = set(docs_dir.glob("*.md"))
    for stale in generated - {docs_dir / name for name in build.files}:
        stale.unlink()
        changed.append(str(stale.relative_to(docs_dir)))
    return changed


def write_downloads(build: Build, site_dir: Path) -> None:
    """Write the downloads into the built site."""
    for name, content in sorted(build.downloads.items()):
        _write_if_changed(site_dir / name, content)


def build_docs(
    source: Path,
    docs_dir: Path,
    display_name: str | None = None,
    site_url: str = "",
    check: Callable[[Build], object] | None = None,
) -> Build:
    """Convert ``source``, run ``check`` on the result, then write its pages into ``docs_dir``.

    A conversion error or a failed check raises before anything is written.
    """
    build = convert(source, display_name, site_url)
    if check is not None:
        check(build)
    for warning in build.diagnostics.warnings:
        log.warning(str(warning))
    write(build, docs_dir)
    return build
