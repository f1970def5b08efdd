"""What the site's pages load, made lighter and mended, as MkDocs writes each page.

An MkDocs plugin of this renderer, run by ``python -m build_scripts build`` and by ``mkdocs
serve`` alike. Before any page is rendered, our scripts and stylesheets are minified, joined and
named for their content (own_files.py), so that each page is written once with its fixes
(theme_fixes.py) and its links to our files. After the last page, the theme's stylesheet loses
the rules that no page can use (unused_css.py): its new name is known only then, and each page
kept in memory gets it (one replacement a page, no second reading).

While the site's address is not known (site_address.py), MkDocs is given none: its pages have no
canonical link and it writes no sitemap, which only full addresses can make.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from ...site_address import SiteAddress
from .own_files import OwnFiles, OwnFilesError, own_files, relinked
from .palette import custom_colour_rules
from .theme_fixes import ThemeFixes
from .unused_css import trim_stylesheet

SITEMAP = "sitemap.xml"
"""MkDocs's template of the sitemap (it writes a gzipped copy beside it)."""
# The theme's stylesheet: every feature of Material, of which the site uses a few.
THEME_STYLESHEETS = "assets/stylesheets/main.*.min.css"
THEME_PALETTES = "assets/stylesheets/palette.*.min.css"
# The search's scripts for languages (lunr's stemmers and word splitters). Its worker names
# some of them, but they run in the worker and only cut and stem words: they write no markup
# that a stylesheet could match.
SEARCH_LANGUAGE_SCRIPTS = "assets/javascripts/lunr/**/*.js"


class SiteFinishing(BasePlugin):
    """Finishes each page as MkDocs writes it, and the site's files after the last one.

    ``stand_ins``: elements the theme's script creates only to stand in for one already on a
    page (unused_css.used_names)."""

    def __init__(self, stand_ins: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.stand_ins = stand_ins
        self.pages: dict[Path, str] = {}
        self.ours = OwnFiles()
        self.custom = OwnFiles()
        self.fixes: ThemeFixes | None = None
        self.base_path = "/"
        self.address_known = False

    def on_config(self, config: Any) -> Any:
        self.pages = {}
        self.address_known = SiteAddress(config["site_url"] or "").known
        if not self.address_known:
            config["site_url"] = None
        docs_dir = Path(config["docs_dir"])
        palette = _theme_file(config, THEME_PALETTES)
        first_rules = custom_colour_rules(palette.read_text(encoding="utf-8")) if palette else ""
        try:
            self.ours = own_files(
                docs_dir, map(_path, config["extra_css"]), map(_path, config["extra_javascript"]), first_rules
            )
        except OwnFilesError as error:
            raise PluginError(str(error)) from None
        custom_dir = config["theme"].custom_dir
        # The theme's files of our own (the search worker's adapter), minified like docs/assets/.
        self.custom = own_files(Path(custom_dir), [], []) if custom_dir else OwnFiles()
        self.fixes = ThemeFixes(docs_dir, config["theme"]["favicon"], palette is not None)
        self.base_path = urlsplit(config["site_url"] or "/").path
        return config

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        return self._finished(output, PurePosixPath(page.file.dest_uri), config)

    def on_post_template(self, output_content: str, template_name: str, config: Any) -> str:
        if template_name == SITEMAP and not self.address_known:
            return ""  # MkDocs writes no file for a template that gives nothing
        if not template_name.endswith(".html"):  # the sitemap
            return output_content
        return self._finished(output_content, PurePosixPath(template_name), config)

    def _finished(self, html: str, path: PurePosixPath, config: Any) -> str:
        assert self.fixes is not None, "on_config comes first"
        try:
            html = relinked(self.fixes.page(html), path, self.ours.renamed, self.base_path)
        except OwnFilesError as error:
            raise PluginError(str(error)) from None
        self.pages[Path(config["site_dir"]) / path] = html
        return html

    def on_post_build(self, config: Any) -> None:
        assert self.fixes is not None, "on_config comes first"
        unmended = self.fixes.unmended()
        if unmended:
            raise PluginError(
                f"the theme's markup has changed: no page needed these fixes: {', '.join(unmended)}. "
                "Check the pages against theme_fixes.py (renderers/mkdocs_material/) and update it."
            )
        site_dir = Path(config["site_dir"])
        self.ours.write(site_dir)
        self.custom.write(site_dir)
        before = dict(self.pages)
        never_run = sorted(site_dir.glob(SEARCH_LANGUAGE_SCRIPTS))
        for stylesheet in sorted(site_dir.glob(THEME_STYLESHEETS)):
            trim_stylesheet(site_dir, stylesheet, self.pages, never_run, self.stand_ins)
        for path, html in self.pages.items():
            if html != before[path]:
                path.write_text(html, encoding="utf-8")


def _theme_file(config: Any, pattern: str) -> Path | None:
    """The first file of the theme's folders that matches ``pattern``."""
    for folder in config["theme"].dirs:
        found = sorted(Path(folder).glob(pattern))
        if found:
            return found[0]
    return None


def _path(entry: Any) -> str:
    """An ``extra_css`` or ``extra_javascript`` entry: a path, or (MkDocs 1.6) an object or
    mapping with one."""
    if isinstance(entry, str):
        return entry
    return str(getattr(entry, "path", None) or entry.get("path", ""))
