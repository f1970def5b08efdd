"""MkDocs hooks: convert the resolution before each build (keeping every published anchor),
add the downloads and index its paragraphs after it.

Thin on purpose: the work is done by build_scripts, so the pages stay plain Markdown.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project root, for build_scripts

from build_scripts import manifest, search_index, site, theme_fixes
from build_scripts.errors import ConversionError

_builds: dict[str, site.Build] = {}


def on_pre_build(config) -> None:
    root = Path(config.config_file_path).parent
    source = config.extra["resolution"]

    def keeps_published_anchors(build: site.Build) -> None:
        manifest.enforce(build, root / manifest.FILE_NAME, site.log)

    try:
        _builds["current"] = site.build_docs(
            root / source, Path(config.docs_dir), source, config.site_url or "", check=keeps_published_anchors
        )
    except ConversionError as error:
        raise PluginError(f"The resolution could not be converted: {error}") from None
    except manifest.AnchorsChanged as error:
        raise PluginError(str(error)) from None


def on_post_build(config) -> None:
    build = _builds["current"]
    site.write_downloads(build, Path(config.site_dir))
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    if index_file.exists():
        search_index.rewrite_index(index_file, build.enriched, site.TEXT_PAGE)


def on_post_page(output: str, page, config) -> str:
    return theme_fixes.without_checkbox_autocomplete(output)


def on_post_template(output_content: str, template_name: str, config) -> str:
    return theme_fixes.without_checkbox_autocomplete(output_content)
