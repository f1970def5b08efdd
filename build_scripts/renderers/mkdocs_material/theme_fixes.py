"""Fixes to the HTML that the theme writes where no single partial can be overridden."""

from __future__ import annotations

import re
from pathlib import Path

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')


def without_checkbox_autocomplete(html: str) -> str:
    """HTML allows ``autocomplete`` only on text-like inputs, but Material's ``base.html`` puts
    it on its drawer and search toggles (checkboxes): the Nu HTML Checker reports an error."""
    return _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)


_TOC_LABEL = '<label class="md-nav__title" for="__toc">'


def without_dangling_toc_label(html: str) -> str:
    """On a page outside the navigation (a paragraph's page), Material writes the table of
    contents' title as a label for the ``__toc`` toggle, which only the navigation holds: the
    Nu HTML Checker reports a label for a control that is not there. The title stays, as text."""
    if 'id="__toc"' in html:
        return html
    return html.replace(_TOC_LABEL, '<label class="md-nav__title">')


def fix_site(site_dir: Path) -> None:
    """Apply the fixes to every HTML file of the built site."""
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        fixed = without_dangling_toc_label(without_checkbox_autocomplete(html))
        if fixed != html:
            page.write_text(fixed, encoding="utf-8")
