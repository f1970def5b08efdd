"""The MkDocs + Material renderer: the only part of the build that knows MkDocs, Material's
search index, its partials and the fixes its markup needs.

Supported: MkDocs 1.6 and Material for MkDocs 9.x (end of life 5 May 2027). A successor is
added as another adapter beside this one.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ...enriching.enrich import Enriched
from .. import RenderError
from .finishing import SiteFinishing
from .search_index import rewrite_index

CONFIG_FILE = "mkdocs.yml"
PAGE_META_HOOK = Path(__file__).with_name("page_meta.py")
TEMPLATE_CACHE_HOOK = Path(__file__).with_name("template_cache.py")
TEXT_PAGE = "text/"
# Elements the theme's script creates only to stand in for one already on a page: it wraps each
# table of a page in a scrolling box by putting a new table in its place and the box in the new
# one's. Their rules stay when a page has one. Kept, the table rules would cost every page:
# they hang on a table's having no class (`table:not([class])`), so that Chromium restyles every
# element under one whose class changes, the whole page when the script marks the root.
THEME_STAND_INS = ("table",)
END_OF_LIFE = (
    "Material for MkDocs 9.x, this site's renderer, reaches end of life on 5 May 2027 and its "
    'successor does not run MkDocs hooks; see "Renderers" in guide/architecture.md.'
)
log = logging.getLogger("build_scripts")


def site_finishing() -> SiteFinishing:
    """This renderer's plugin that finishes each page as MkDocs writes it (finishing.py)."""
    return SiteFinishing(stand_ins=THEME_STAND_INS)


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
            settings.plugins["site-finishing"] = site_finishing()
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


def serve(project_root: Path, address: str) -> None:
    """``mkdocs serve``: MkDocs watches the files and calls the project's hook on every build."""
    from mkdocs.commands import serve as mkdocs_serve

    logging.getLogger("mkdocs").setLevel(logging.INFO)
    log.warning(END_OF_LIFE)
    mkdocs_serve.serve(str(project_root / CONFIG_FILE), dev_addr=address, livereload=True)
