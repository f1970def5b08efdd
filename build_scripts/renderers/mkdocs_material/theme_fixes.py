"""Fixes to the HTML that the theme writes where no single partial can be overridden."""

from __future__ import annotations

import re
from pathlib import Path

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')


def without_checkbox_autocomplete(html: str) -> str:
    """HTML allows ``autocomplete`` only on text-like inputs, but Material's ``base.html`` puts
    it on its drawer and search toggles (checkboxes): the Nu HTML Checker reports an error."""
    return _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)


def fix_site(site_dir: Path) -> None:
    """Apply the fixes to every HTML file of the built site."""
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        fixed = without_checkbox_autocomplete(html)
        if fixed != html:
            page.write_text(fixed, encoding="utf-8")
