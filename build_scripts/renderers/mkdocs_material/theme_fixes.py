"""Fixes to the HTML that the theme writes where no single partial can be overridden."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')

# A heading as the toc extension writes it, its permalink last inside it.
_HEADING_WITH_PERMALINK = re.compile(
    r"<(?P<tag>h[1-6])(?P<attrs>\s[^>]*)?>(?P<inner>(?:(?!</h[1-6]>).)*?)"
    r'<a class="headerlink" href="(?P<href>#[^"]*)" title="(?P<title>[^"]*)">(?P<mark>[^<]*)</a></(?P=tag)>',
    re.DOTALL,
)
_TAGS = re.compile(r"<[^>]+>")


def without_checkbox_autocomplete(html: str) -> str:
    """HTML allows ``autocomplete`` only on text-like inputs, but Material's ``base.html`` puts
    it on its drawer and search toggles (checkboxes): the Nu HTML Checker reports an error."""
    return _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)


def _permalink_beside(match: re.Match[str]) -> str:
    tag, inner = match["tag"], match["inner"]
    text = " ".join(html_lib.unescape(_TAGS.sub("", inner)).split())
    label = html_lib.escape(f"Link to the section {text}", quote=True)
    return (
        f'<div class="heading-row heading-row--{tag}"><{tag}{match["attrs"] or ""}>{inner}</{tag}>'
        f'<a class="headerlink" href="{match["href"]}" title="{match["title"]}" aria-label="{label}">'
        f"{match['mark']}</a></div>"
    )


def permalinks_beside_headings(html: str) -> str:
    """Inside a heading, its permalink becomes part of the heading's accessible name ("Preamble
    Link to the section Preamble"), read at every heading a screen reader lists: put it beside
    the heading, named for it, in a wrapper that keeps them on one line."""
    return _HEADING_WITH_PERMALINK.sub(_permalink_beside, html)


def fix_site(site_dir: Path) -> None:
    """Apply the fixes to every HTML file of the built site."""
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        fixed = permalinks_beside_headings(without_checkbox_autocomplete(html))
        if fixed != html:
            page.write_text(fixed, encoding="utf-8")
