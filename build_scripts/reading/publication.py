"""The publisher's notes beside a resolution's text (``<name>.yaml``): the home page's summary
and the contact address of the accessibility statement."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..errors import ConversionError


def load_publication(source: Path) -> dict[str, Any]:
    """The notes for ``source``; empty ones when there is no notes file."""
    notes = source.with_suffix(".yaml")
    data: dict[str, Any] = {"summary": [], "contact": None}
    if notes.exists():
        try:
            data.update(yaml.safe_load(notes.read_text(encoding="utf-8")) or {})
        except yaml.YAMLError as error:
            raise ConversionError(str(notes), 1, "readable YAML", str(error)) from None
    data["file_stem"] = source.stem
    data["file"] = str(notes)
    return data
