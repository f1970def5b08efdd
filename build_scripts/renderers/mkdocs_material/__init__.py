"""The MkDocs + Material renderer: the only part of the build that knows MkDocs, Material's
search index, its partials and the fixes its markup needs.

Supported: MkDocs 1.6 and Material for MkDocs 9.x (end of life 5 May 2027). A successor is
added as another adapter beside this one.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ...enriching.enrich import Enriched
from ...publishing.assets import minify_assets
from ...publishing.fingerprint import FingerprintError, bundle_and_fingerprint
from ...publishing.site_pages import edited_pages
from ...publishing.unused_css import trim_stylesheet
from .. import RenderError
from .search_index import rewrite_index
from .theme_fixes import fix_site

CONFIG_FILE = "mkdocs.yml"
PAGE_META_HOOK = Path(__file__).with_name("page_meta.py")
TEMPLATE_CACHE_HOOK = Path(__file__).with_name("template_cache.py")
TEXT_PAGE = "text/"
# The theme's stylesheet: every feature of Material, of which the site uses a few.
THEME_STYLESHEETS = "assets/stylesheets/main.*.min.css"
SEARCH_LANGUAGE_SCRIPTS = "assets/javascripts/lunr/**/*.js"
# Elements the theme's script creates only to stand in for one already on a page: it wraps each
# table of a page in a scrolling box by putting a new table in its place and the box in the new
# one's. Their rules stay when a page has one. Kept, the table rules would cost every page:
# they hang on a table's having no class (`table:not([class])`), so that Chromium restyles every
# element under one whose class changes, the whole page when the script marks the root.
THEME_STAND_INS = ("table",)
END_OF_LIFE = (
    "Material for MkDocs 9.x, this site's renderer, reaches end of life on 5 May 2027 and its "
    'successor does not run MkDocs hooks; see "Renderers" in README.md.'
)
log = logging.getLogger("build_scripts")


class MkDocsMaterial:
    """Builds the site with MkDocs and the Material theme, as configured in ``mkdocs.yml``."""

    name = "mkdocs-material"

    def __init__(self, project_root: Path, settings: Any = None) -> None:
        self.config_file = project_root / CONFIG_FILE
        self.settings = settings
        """MkDocs's configuration once loaded: by :meth:`render`, or given by ``mkdocs serve``."""

    def render(self, docs_dir: Path, site_dir: Path) -> None:
        log.warning(END_OF_LIFE)
        from mkdocs import config as mkdocs_config
        from mkdocs.commands import build as mkdocs_build
        from mkdocs.exceptions import MkDocsException

        try:
            # Not the project's hook, which is for `mkdocs serve` alone (here the pipeline has
            # already written the pages): this renderer's own, which escape the pages' metadata
            # and keep the theme's templates compiled.
            settings = mkdocs_config.load_config(
                str(self.config_file),
                docs_dir=str(docs_dir),
                site_dir=str(site_dir),
                strict=True,
                hooks=[str(PAGE_META_HOOK), str(TEMPLATE_CACHE_HOOK)],
            )
            self.settings = settings
            settings.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build.build(settings)
            finally:
                settings.plugins.on_shutdown()
        except MkDocsException as error:
            raise RenderError(f"MkDocs could not build the site: {error}") from None

    def finish(self, enriched: Enriched, site_dir: Path) -> None:
        if self.settings is None:
            raise RenderError("the MkDocs renderer finishes a site it has rendered")
        index_file = site_dir / "search" / "search_index.json"
        if index_file.exists():
            rewrite_index(index_file, enriched, TEXT_PAGE)
        theme = self.settings["theme"]
        stylesheets = [_path(entry) for entry in self.settings["extra_css"]]
        scripts = [_path(entry) for entry in self.settings["extra_javascript"]]
        base_path = urlsplit(self.settings["site_url"] or "/").path
        if theme.custom_dir:
            # The theme's files of our own (the search worker's adapter), minified like docs/assets/.
            minify_assets(Path(theme.custom_dir), site_dir)
        # Every step changes every page: they share one reading of the pages, written once.
        with edited_pages(site_dir) as pages:
            fix_site(site_dir, stylesheets[0] if stylesheets else None, theme["favicon"], pages)
            for stylesheet in sorted(site_dir.glob(THEME_STYLESHEETS)):
                trim_stylesheet(
                    site_dir, stylesheet, _search_language_scripts(site_dir), pages, THEME_STAND_INS
                )
            try:
                bundle_and_fingerprint(site_dir, stylesheets, scripts, base_path, pages)
            except FingerprintError as error:
                raise RenderError(str(error)) from None


def _search_language_scripts(site_dir: Path) -> list[Path]:
    """The search's scripts for languages (lunr's stemmers and word splitters). Its worker
    names some of them, but they run in the worker and only cut and stem words: they write no
    markup that a stylesheet could match."""
    return sorted(site_dir.glob(SEARCH_LANGUAGE_SCRIPTS))


def _path(entry: Any) -> str:
    """An ``extra_css`` entry: a path, or (MkDocs 1.6) an object or mapping with one."""
    if isinstance(entry, str):
        return entry
    return str(getattr(entry, "path", None) or entry.get("path", ""))


def serve(project_root: Path, address: str) -> None:
    """``mkdocs serve``: MkDocs watches the files and calls the project's hook on every build."""
    from mkdocs.commands import serve as mkdocs_serve

    logging.getLogger("mkdocs").setLevel(logging.INFO)
    log.warning(END_OF_LIFE)
    mkdocs_serve.serve(str(project_root / CONFIG_FILE), dev_addr=address, livereload=True)
