"""The build, stage by stage: the one module that knows the order of the stages.

    read       the resolution's file             -> blocks of lines          reading/
    parse      blocks                            -> Resolution (the model)   parsing/
    enrich     Resolution + catalogue            -> Enriched                 enriching/
    pages      Enriched + the publisher's notes  -> Markdown pages           pages/
    downloads  Enriched                          -> AKN, JSON, text, .md     downloads/
    publish    published anchors checked; pages written into docs/           publishing/
    render     docs/ -> HTML site, then the renderer's own finishing         renderers/

Each stage takes the previous one's value and imports nothing from a later one. Nothing is
written until the conversion and the anchor check have succeeded, and the site is built in a
staging folder that replaces the previous site only when every step succeeded: a failed build
leaves the previous ``docs/`` pages and site exactly as they were.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

from .config import BuildConfig
from .downloads import downloads
from .enriching.catalogue import load_catalogue
from .enriching.enrich import Enriched, enrich
from .errors import Diagnostics
from .pages.render import PageRenderer
from .parsing.parse import parse_file
from .parsing.vocabulary import load_vocabulary
from .publishing import manifest, output
from .reading.publication import load_publication
from .renderers import Renderer

log = logging.getLogger("build_scripts")


@dataclass(frozen=True)
class Conversion:
    """What converting one resolution produced, before anything is written."""

    enriched: Enriched
    diagnostics: Diagnostics
    pages: dict[str, bytes]
    """The Markdown pages: path under docs/ -> content."""
    downloads: dict[str, bytes]
    """The data downloads: path under the built site -> content."""


def convert(config: BuildConfig) -> Conversion:
    """Read, parse, enrich and render one resolution in memory; ConversionError on bad input."""
    resolution, diagnostics = parse_file(config.source, config.source_name)
    enriched = enrich(resolution, load_catalogue(config.catalogue_dir), load_vocabulary())
    publication = {**load_publication(config.source), "site_url": config.address.setting}
    pages = PageRenderer(enriched, publication).pages()
    return Conversion(
        enriched,
        diagnostics,
        {name: text.encode("utf-8") for name, text in pages.items()},
        downloads(enriched, publication["file_stem"], config.address),
    )


def checked_conversion(config: BuildConfig) -> Conversion:
    """The conversion, once it keeps every published anchor (AnchorsChanged if not)."""
    conversion = convert(config)
    manifest.enforce(conversion, config.manifest, log)
    address_unknown = config.address.warning()
    if address_unknown:
        log.warning(address_unknown)
    for warning in conversion.diagnostics.warnings:
        log.warning(str(warning))
    if conversion.diagnostics.notes:
        log.info(
            f"{conversion.diagnostics.file}: {len(conversion.diagnostics.notes)} notes on the reading"
            " (print furniture removed); python -m build_scripts parse --verbose FILE lists them"
        )
    return conversion


def prepare_docs(config: BuildConfig) -> Conversion:
    """Convert, check the anchors and write the pages into docs/ (for a renderer that watches it)."""
    conversion = checked_conversion(config)
    output.write_pages(conversion.pages, config.docs_dir)
    return conversion


def finish_site(conversion: Conversion, renderer: Renderer, site_dir: Path) -> None:
    """Add the downloads to a rendered site, let the renderer finish it."""
    output.write_files(conversion.downloads, site_dir)
    renderer.finish(conversion.enriched, site_dir)


def build(config: BuildConfig, renderer: Renderer, site_dir: Path) -> Conversion:
    """The whole build: the site in ``site_dir`` and the pages in docs/, or nothing changed."""
    conversion = checked_conversion(config)
    staging_docs = output.staging_folder(config.docs_dir, "build")
    staging_site = output.staging_folder(site_dir, "build")
    try:
        _copy_hand_written(config.docs_dir, staging_docs)
        output.write_pages(conversion.pages, staging_docs)
        renderer.render(staging_docs, staging_site)
        finish_site(conversion, renderer, staging_site)
        output.write_pages(conversion.pages, config.docs_dir)
        output.replace_folder(staging_site, site_dir)
    finally:
        shutil.rmtree(staging_docs, ignore_errors=True)
        shutil.rmtree(staging_site, ignore_errors=True)
    return conversion


def _copy_hand_written(docs_dir: Path, destination: Path) -> None:
    """docs/ without the generated pages: what the renderer needs besides them (assets)."""
    if docs_dir.is_dir():
        generated = output.generated_pages(docs_dir)
        shutil.copytree(
            docs_dir,
            destination,
            dirs_exist_ok=True,
            ignore=lambda d, names: [name for name in names if Path(d) / name in generated],
        )
