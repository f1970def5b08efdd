"""Renderers: Markdown pages in a docs folder -> an HTML site.

A renderer is one adapter module with two steps, so that the rest of the build never depends
on a particular static-site generator:

- ``render(docs_dir, site_dir)``: build the HTML site from the Markdown pages;
- ``finish(enriched, site_dir)``: what only this renderer knows how to do to its own output
  (its search index, fixes to its theme's markup).

MkDocs with the Material theme (:mod:`.mkdocs_material`) is the one in use.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from ..enriching.enrich import Enriched


class RenderError(Exception):
    """The renderer could not build the site; the message says why."""


class Renderer(Protocol):
    name: str

    def render(self, docs_dir: Path, site_dir: Path) -> None:
        """Build the site from ``docs_dir`` into the empty folder ``site_dir``; RenderError if it fails."""
        ...

    def finish(self, enriched: Enriched, site_dir: Path) -> None:
        """Renderer-specific work on the built site (search entries, theme fixes)."""
        ...


def renderer_for(name: str, project_root: Path) -> Renderer:
    """The renderer called ``name`` for the project at ``project_root``."""
    if name == "mkdocs-material":
        from .mkdocs_material import MkDocsMaterial

        return MkDocsMaterial(project_root)
    raise RenderError(f"unknown renderer {name!r}: the one available is 'mkdocs-material'")
