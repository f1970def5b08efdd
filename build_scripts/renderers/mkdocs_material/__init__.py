"""The MkDocs + Material renderer: the only part of the build that knows MkDocs, Material's
search index, its partials and the fixes its markup needs.

Supported: MkDocs 1.6 and Material for MkDocs 9.x (end of life 5 May 2027). A successor is
added as another adapter beside this one.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ...config import read_config_file
from ...enriching.enrich import Enriched
from ...publishing.assets import minify_assets
from .. import RenderError
from .search_index import rewrite_index
from .theme_fixes import fix_site

CONFIG_FILE = "mkdocs.yml"
TEXT_PAGE = "text/"
END_OF_LIFE = (
    "Material for MkDocs 9.x, this site's renderer, reaches end of life on 5 May 2027 and its "
    'successor does not run MkDocs hooks; see "Renderers" in README.md.'
)
log = logging.getLogger("build_scripts")


class MkDocsMaterial:
    """Builds the site with MkDocs and the Material theme, as configured in ``mkdocs.yml``."""

    name = "mkdocs-material"

    def __init__(self, project_root: Path) -> None:
        self.config_file = project_root / CONFIG_FILE

    def render(self, docs_dir: Path, site_dir: Path) -> None:
        log.warning(END_OF_LIFE)
        from mkdocs import config as mkdocs_config
        from mkdocs.commands import build as mkdocs_build
        from mkdocs.exceptions import MkDocsException

        try:
            # hooks=[]: the project's hook is for `mkdocs serve` alone; here the pipeline has
            # already written the pages.
            settings = mkdocs_config.load_config(
                str(self.config_file), docs_dir=str(docs_dir), site_dir=str(site_dir), strict=True, hooks=[]
            )
            settings.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build.build(settings)
            finally:
                settings.plugins.on_shutdown()
        except MkDocsException as error:
            raise RenderError(f"MkDocs could not build the site: {error}") from None

    def finish(self, enriched: Enriched, site_dir: Path) -> None:
        index_file = site_dir / "search" / "search_index.json"
        if index_file.exists():
            rewrite_index(index_file, enriched, TEXT_PAGE)
        settings = read_config_file(self.config_file.parent)
        stylesheets = [_path(entry) for entry in settings.get("extra_css") or []]
        theme = settings.get("theme") or {}
        fix_site(site_dir, stylesheets[0] if stylesheets else None, theme.get("favicon"))
        if theme.get("custom_dir"):
            # The theme's files of our own (the search worker's adapter), minified like docs/assets/.
            minify_assets(self.config_file.parent / theme["custom_dir"], site_dir)


def _path(entry: str | dict) -> str:
    """An ``extra_css`` entry: a path, or a mapping with one."""
    return entry if isinstance(entry, str) else str(entry.get("path", ""))


def serve(project_root: Path, address: str) -> None:
    """``mkdocs serve``: MkDocs watches the files and calls the project's hook on every build."""
    from mkdocs.commands import serve as mkdocs_serve

    logging.getLogger("mkdocs").setLevel(logging.INFO)
    log.warning(END_OF_LIFE)
    mkdocs_serve.serve(str(project_root / CONFIG_FILE), dev_addr=address, livereload=True)
