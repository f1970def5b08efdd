"""Fixes to the HTML and assets that the theme writes, where no single partial can be overridden.

- ``autocomplete`` off its checkboxes (invalid HTML);
- its script bundle deferred, so it no longer holds back the first paint;
- its palette stylesheet replaced by the few rules this site's own colours need (palette.py),
  put at the head of the site's own stylesheet (own_files.py): one request fewer, the same
  cascade;
- an SVG favicon inlined as a ``data:`` address: one request fewer;
- a heading's permalink moved beside the heading, out of its accessible name;
- the marks that tell the search what to leave out (``data-search-exclude``) taken off the pages
  once the index is written: Material's indexer reads them, browsers do not.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
_BUNDLE = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')
# The line of the link, indentation included (matched from the line's start: a leading \s*
# would be tried at every space of the page).
_PALETTE = re.compile(
    r'^[ \t]*<link rel="stylesheet" href="[^"]*assets/stylesheets/palette\.[0-9a-f]+\.min\.css">\n?',
    re.MULTILINE,
)
_ICON = re.compile(r'<link rel="icon" href="[^"]*">')

# A heading as the toc extension writes it, its permalink last inside it.
_HEADING_WITH_PERMALINK = re.compile(
    r"<(?P<tag>h[1-6])(?P<attrs>\s[^>]*)?>(?P<inner>(?:(?!</h[1-6]>).)*?)"
    r'<a class="headerlink" href="(?P<href>#[^"]*)" title="(?P<title>[^"]*)">(?P<mark>[^<]*)</a></(?P=tag)>',
    re.DOTALL,
)
_TAGS = re.compile(r"<[^>]+>")
# The mark in a tag, as attr_list or a template writes it (with an empty value or none).
_SEARCH_EXCLUDE = re.compile(r'(<[a-z][a-z0-9]*\b[^<>]*?)\s+data-search-exclude(?:="")?(?=[\s/>])')


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


def without_search_exclude_marks(html: str) -> str:
    """Material's search indexer leaves out an element marked ``data-search-exclude`` but keeps
    the mark in the page, where it means nothing: the page is served without it."""
    # The pattern is tried at every tag: most pages have no mark, and are not searched.
    return _SEARCH_EXCLUDE.sub(r"\1", html) if "data-search-exclude" in html else html


def with_deferred_bundle(html: str) -> str:
    """The theme's bundle runs after parsing, in order with the site's own deferred scripts."""
    return _BUNDLE.sub(r'<script src="\1" defer></script>', html)


def without_palette_stylesheet(html: str) -> str:
    # Matched at the start of the line that names it: trying the pattern at every line of a
    # page costs more than all the other fixes.
    named = html.find("assets/stylesheets/palette.")
    match = _PALETTE.match(html, html.rfind("\n", 0, named) + 1) if named >= 0 else None
    return html[: match.start()] + html[match.end() :] if match else html


def with_inline_icon(html: str, data_url: str) -> str:
    return _ICON.sub(lambda _: f'<link rel="icon" href="{data_url}">', html)


def svg_data_url(svg: str) -> str:
    """An SVG as a ``data:`` address (percent-encoded: smaller than base64 for SVG). Spaces are
    encoded too: the HTML standard allows none in a URL (the Nu HTML Checker rejects them)."""
    return "data:image/svg+xml," + quote(" ".join(svg.split()), safe="=:/'")


def _icon_data_url(docs_dir: Path, icon: str | None) -> str | None:
    """The site's SVG icon as a ``data:`` address, or None (another kind of icon stays a file)."""
    path = docs_dir / icon if icon and icon.endswith(".svg") else None
    return svg_data_url(path.read_text(encoding="utf-8")) if path and path.is_file() else None


class ThemeFixes:
    """The fixes, applied to each page as it is written. Each fix of the theme's markup must
    mend something on some page of the site: one that mends nothing means that the theme's
    markup changed (an upgrade), and the build stops rather than quietly serve it unmended."""

    def __init__(self, docs_dir: Path, icon: str | None, palette_inlined: bool) -> None:
        self.theme_fixes: dict[str, Callable[[str], str]] = {
            "autocomplete off a checkbox": without_checkbox_autocomplete,
            "the theme's script bundle deferred": with_deferred_bundle,
            "a heading's permalink beside it": permalinks_beside_headings,
        }
        if palette_inlined:
            self.theme_fixes["the palette stylesheet's link"] = without_palette_stylesheet
        data_url = _icon_data_url(docs_dir, icon)
        if data_url:
            self.theme_fixes["the icon inlined"] = lambda html: with_inline_icon(html, data_url)
        self.mended = dict.fromkeys(self.theme_fixes, 0)

    def page(self, html: str) -> str:
        """The page with every fix applied."""
        for name, fix in self.theme_fixes.items():
            fixed = fix(html)
            if fixed != html:
                self.mended[name] += 1
            html = fixed
        return without_search_exclude_marks(without_dangling_toc_label(html))

    def unmended(self) -> list[str]:
        """The theme's fixes that mended nothing on any page so far."""
        return [name for name, pages in self.mended.items() if not pages]
