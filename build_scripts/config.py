"""The build's settings, read once from the project and passed to every stage that needs them.

No stage reads the environment or a configuration file itself: the command line (or the
MkDocs hook) calls :func:`load_config` and hands the result on.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import ConversionError
from .site_address import SiteAddress

PACKAGE_DATA = Path(__file__).parent / "data"
"""The catalogue written for the published resolution (glossary, references, themes)."""
CONFIG_FILE = "mkdocs.yml"
MANIFEST_FILE = "published-anchors.json"


@dataclass(frozen=True)
class BuildConfig:
    """Where the build reads and writes, and the address the site is published at (if known)."""

    root: Path
    """The project folder."""
    source: Path
    """The resolution's text (``.txt``) or official PDF (``.pdf``)."""
    source_name: str
    """The source as the configuration names it, for messages (relative to the project)."""
    address: SiteAddress
    """Where the site is published, from ``site_url``: canonical links and citations are made
    from it when it is known (site_address.py)."""
    catalogue_dir: Path
    docs_dir: Path
    manifest: Path
    """``published-anchors.json``: the anchors the site has promised to keep."""


class _PlainLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as plain data: MkDocs's own tags (``!ENV``, ``!relative``) read as nothing."""


_PlainLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config_file(root: Path) -> dict[str, Any]:
    """The project's configuration file as plain data."""
    path = root / CONFIG_FILE
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_PlainLoader) or {}
    except (OSError, yaml.YAMLError) as error:
        raise ConversionError(str(path), 1, "a readable configuration file", str(error)) from None


def load_config(root: Path, environ: Mapping[str, str] = os.environ) -> BuildConfig:
    """Read the project's settings; ``CATALOGUE_DIR`` in the environment replaces the catalogue."""
    root = root.resolve()
    settings = read_config_file(root)
    extra = settings.get("extra") or {}
    source_name = extra.get("resolution")
    if not isinstance(source_name, str) or not source_name:
        raise ConversionError(str(root / CONFIG_FILE), 1, "extra.resolution: the resolution's file")
    catalogue = environ.get("CATALOGUE_DIR") or extra.get("catalogue")
    return BuildConfig(
        root=root,
        source=root / source_name,
        source_name=source_name,
        address=SiteAddress(settings.get("site_url") or ""),
        catalogue_dir=(root / catalogue) if catalogue else PACKAGE_DATA,
        docs_dir=root / (settings.get("docs_dir") or "docs"),
        manifest=root / MANIFEST_FILE,
    )
