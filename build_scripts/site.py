"""The build: a resolution's text file -> the site's Markdown pages and downloads in docs/.

Everything is converted and rendered in memory first; only when all of it succeeded are the
files written, each through a temporary file and a rename. A failed build leaves the pages
of the previous build exactly as they were.
"""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .catalogue import load_catalogue
from .enrich import Enriched, enrich
from .errors import ConversionError, Diagnostics
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
    """Path under docs/ -> content."""


def load_publication(source: Path) -> dict[str, Any]:
    """The hand-written notes beside the text (``<name>.yaml``): the home page's summary."""
    notes = source.with_suffix(".yaml")
    data: dict[str, Any] = {"summary": []}
    if notes.exists():
        try:
            data.update(yaml.safe_load(notes.read_text(encoding="utf-8")) or {})
        except yaml.YAMLError as error:
            raise ConversionError(str(notes), 1, "readable YAML", str(error)) from None
    data["file_stem"] = source.stem
    return data


def convert(source: Path, display_name: str | None = None, site_url: str = "") -> Build:
    """Parse, enrich and render one resolution; raises ConversionError on bad input."""
    resolution, diagnostics = parse_file(source, display_name)
    enriched = enrich(resolution, load_catalogue(), load_vocabulary())
    publication = load_publication(source)
    publication["site_url"] = site_url
    pages = PageRenderer(enriched, publication).pages()
    files = {name: text.encode("utf-8") for name, text in pages.items()}
    files.update(downloads(enriched, publication))
    return Build(enriched, diagnostics, files)


def downloads(enriched: Enriched, publication: dict[str, Any]) -> dict[str, bytes]:
    """The resolution as data, under downloads/."""
    return {}


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
    changed = [name for name, content in sorted(build.files.items()) if _write_if_changed(docs_dir / name, content)]
    generated = {*docs_dir.glob("*.md"), *docs_dir.glob("downloads/*")}
    for stale in generated - {docs_dir / name for name in build.files}:
        stale.unlink()
        changed.append(str(stale.relative_to(docs_dir)))
    return changed


def build_docs(source: Path, docs_dir: Path, display_name: str | None = None, site_url: str = "") -> Build:
    """Convert ``source`` and write its pages into ``docs_dir``; log warnings."""
    build = convert(source, display_name, site_url)
    for warning in build.diagnostics.warnings:
        log.warning(str(warning))
    write(build, docs_dir)
    return build
