"""The dark scheme without Material's whole palette stylesheet.

Material's ``palette.css`` holds every named primary and accent colour for both schemes; this
site's colours are its own (``primary: custom``), so the only rules of that file it needs are
those that no named colour limits: the dark scheme (``slate``) and the pause of transitions
while the scheme switches. They are taken from the
installed theme at each build, so an upgrade of Material brings its own, and the stylesheet
is no longer requested by the pages.
"""

from __future__ import annotations

import re

import tinycss2

_NAMED_COLOUR = re.compile(r"data-md-color-(?:primary|accent)=(?!custom\b)[\w-]+")


def _kept_selectors(prelude: str) -> list[str]:
    """The selectors of a rule that can hold with this site's own colours."""
    selectors = [selector.strip() for selector in prelude.split(",")]
    return [s for s in selectors if not _NAMED_COLOUR.search(s)]


def _rules(nodes: list) -> list[str]:
    kept = []
    for node in nodes:
        if node.type == "qualified-rule":
            selectors = _kept_selectors(tinycss2.serialize(node.prelude))
            if selectors:
                kept.append(",".join(selectors) + "{" + tinycss2.serialize(node.content) + "}")
        elif node.type == "at-rule" and node.content is not None and node.lower_at_keyword == "media":
            inner = _rules(tinycss2.parse_rule_list(node.content, skip_whitespace=True, skip_comments=True))
            if inner:
                kept.append("@media" + tinycss2.serialize(node.prelude) + "{" + "".join(inner) + "}")
    return kept


def custom_colour_rules(css: str) -> str:
    """The rules of Material's palette stylesheet that apply with custom colours."""
    return "".join(_rules(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True)))
