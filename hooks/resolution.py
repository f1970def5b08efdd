"""MkDocs hooks, for ``mkdocs serve`` (and a plain ``mkdocs build``): a shim over the pipeline.

``python -m build_scripts build`` does not use them; it runs the same stages itself.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from build_scripts import pipeline
from build_scripts.config import load_config
from build_scripts.errors import ConversionError
from build_scripts.publishing.manifest import AnchorsChanged
from build_scripts.renderers.mkdocs_material import MkDocsMaterial, site_finishing
from build_scripts.renderers.mkdocs_material.page_meta import on_page_markdown  # noqa: F401 (a hook)
from build_scripts.renderers.mkdocs_material.template_cache import on_env  # noqa: F401 (a hook)

_conversions: dict[str, pipeline.Conversion] = {}
# The renderer's own plugin, run through this hook's events (a hook cannot add a plugin).
_finishing = site_finishing()


def on_config(config):
    return _finishing.on_config(config)


def on_post_page(output, page, config):
    return _finishing.on_post_page(output, page, config)


def on_post_template(output_content, template_name, config):
    return _finishing.on_post_template(output_content, template_name, config)


def on_pre_build(config) -> None:
    try:
        _conversions["current"] = pipeline.prepare_docs(load_config(Path(config.config_file_path).parent))
    except ConversionError as error:
        raise PluginError(f"The resolution could not be converted: {error}") from None
    except AnchorsChanged as error:
        raise PluginError(str(error)) from None


def on_post_build(config) -> None:
    _finishing.on_post_build(config)
    renderer = MkDocsMaterial(Path(config.config_file_path).parent)
    pipeline.finish_site(_conversions["current"], renderer, Path(config.site_dir))
