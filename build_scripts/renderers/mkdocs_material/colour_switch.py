"""The pause of transitions while the colour scheme switches, aimed at the elements that have one.

Material stops every transition while the scheme switches, so that no colour fades from one
scheme to the other: it marks ``body`` with ``data-md-color-switching`` and its palette
stylesheet holds ``[data-md-color-switching] *, … :before, … :after {transition-duration: 0s
!important}``. Its script also does this once at every page load, and the universal selector
makes Chromium recalculate the style of every element of the page, and of its ``::before`` and
``::after``, each time the mark comes and goes: on the full text, two recalculations of some
800 elements in the tasks that start the page. Only an element with a transition needs the
rule, so the universal selector is replaced by the compounds that give an element (or its
``::before``, or its ``::after``: a transition is not inherited) a transition in the site's
stylesheets, without their pseudo-classes (``.md-nav__link:hover`` gives ``.md-nav__link``):
every element that can have a transition still matches, and the browser recalculates those
alone. If any transition is given by a selector that names no class, id, attribute or element,
the rule is left as it is.

The theme's script marks body at its start, in the long task that starts it, and takes the mark
off at the next frame. Pages are written with the mark already on body (``marked_as_switching``,
one of the theme's fixes): the script's marking changes nothing, and only the unmarking
costs a recalculation, in a frame of its own. The trade: the transitions (a link's colour on
hover, the drawer sliding) wait for the theme's script, and never run where it does not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import partial
from pathlib import Path

import tinycss2
from tinycss2 import ast

from ...publishing.build_cache import cached_text
from ...publishing.unused_css import split_on_commas

SWITCHING = "data-md-color-switching"
_BODY = re.compile(r"<body\b(?![^>]*\bdata-md-color-switching\b)")
_COMBINATORS = frozenset({">", "+", "~"})
_PSEUDO_ELEMENTS = ("", "::before", "::after")
# A transition that does nothing (the reduced-motion rule's ``transition: none``).
_TRANSITION_PROPERTIES = ("transition", "transition-duration")
_NO_TRANSITION = frozenset({"none", "0s", "0ms", "0", "initial", "unset", "revert"})


def marked_as_switching(html: str) -> str:
    """The page's body marked as switching, as the theme's script marks it when it starts."""
    return _BODY.sub(f"<body {SWITCHING}", html, count=1)


def pause_only_transitions(stylesheets: Iterable[Path], rewritten: Iterable[Path]) -> list[Path]:
    """Narrow the switching rule in each of ``rewritten`` to the compounds that give an element
    (or its ``::before`` or ``::after``) a transition in any of ``stylesheets``; the files changed.
    The result is kept for the next build given the same stylesheets (reading them all is most of
    the build's finishing)."""
    sources = [path.read_text(encoding="utf-8") for path in stylesheets]
    code = [Path(__file__).read_text(encoding="utf-8"), tinycss2.__version__]
    changed = []
    for path in rewritten:
        css = path.read_text(encoding="utf-8")
        if SWITCHING not in css:
            continue
        inputs = [*code, css, *sources]
        narrowed = cached_text("paused-transitions", inputs, partial(_narrowed, css, sources))
        if narrowed != css:
            path.write_text(narrowed, encoding="utf-8")
            changed.append(path)
    return changed


def _narrowed(css: str, sources: list[str]) -> str:
    compounds = transition_compounds(sources)
    return css if compounds is None else with_narrow_switching_rule(css, compounds)


def transition_compounds(stylesheets: Iterable[str]) -> dict[str, list[str]] | None:
    """For the element itself (""), ``::before`` and ``::after``: the last compounds, without
    pseudo-classes, of every selector that gives it a transition, in order; None if one of them
    names nothing (``*``, ``:hover``). Other pseudo-elements are not paused, as in the theme."""
    found: dict[str, dict[str, None]] = {pseudo: {} for pseudo in _PSEUDO_ELEMENTS}
    for css in stylesheets:
        for prelude in _preludes_with_transition(_parsed(css)):
            for selector in _selectors(prelude):
                last = _last_compound(selector)
                pseudo = _pseudo_element(last)
                if pseudo not in found:
                    continue
                compound = _featured_part(last)
                if not compound:
                    return None
                found[pseudo].setdefault(compound)
    return {pseudo: list(compounds) for pseudo, compounds in found.items()}


def with_narrow_switching_rule(css: str, compounds: dict[str, list[str]]) -> str:
    """``css`` with the switching rule's universal selectors replaced by ``:is(compounds)``."""
    if not any(compounds.values()) or SWITCHING not in css:
        return css
    narrow = ",".join(
        f"[{SWITCHING}] :is({','.join(each)}){pseudo}" for pseudo, each in compounds.items() if each
    )
    return "".join(_rewritten(node, narrow) for node in _parsed(css))


def _rewritten(node: ast.Node, narrow: str) -> str:
    if node.type == "qualified-rule" and _is_switching_rule(node.prelude):
        return narrow + "{" + tinycss2.serialize(node.content) + "}"
    if node.type == "at-rule" and node.content is not None and SWITCHING in tinycss2.serialize(node.content):
        inner = "".join(_rewritten(child, narrow) for child in _parsed_rules(node.content))
        return "@" + node.at_keyword + tinycss2.serialize(node.prelude) + "{" + inner + "}"
    return node.serialize()


def _is_switching_rule(prelude: list[ast.Node]) -> bool:
    """Every selector is the mark, a descendant combinator, then any element or pseudo-element."""
    selectors = _selectors(prelude)
    return bool(selectors) and all(_is_switching_selector(selector) for selector in selectors)


def _is_switching_selector(selector: list[ast.Node]) -> bool:
    tokens = _trimmed(selector)
    if not tokens or tokens[0].type != "[] block":
        return False
    if tinycss2.serialize(tokens[0].content).strip() != SWITCHING:
        return False
    rest = tokens[1:]
    if not rest or rest[0].type != "whitespace":
        return False
    return _featured_part(_trimmed(rest)) == ""


def _preludes_with_transition(nodes: list[ast.Node]) -> Iterable[list[ast.Node]]:
    for node in nodes:
        if node.type == "qualified-rule":
            if _gives_transition(node.content):
                yield node.prelude
        elif node.type == "at-rule" and node.content is not None:
            yield from _preludes_with_transition(_parsed_rules(node.content))


def _gives_transition(content: list[ast.Node]) -> bool:
    for declaration in tinycss2.parse_blocks_contents(content, skip_whitespace=True, skip_comments=True):
        if declaration.type != "declaration" or declaration.lower_name not in _TRANSITION_PROPERTIES:
            continue
        values = [
            token.serialize().lower()
            for token in declaration.value
            if token.type not in ("whitespace", "comment") and not _is_literal(token, ",")
        ]
        if not set(values) <= _NO_TRANSITION:
            return True
    return False


def _last_compound(selector: list[ast.Node]) -> list[ast.Node]:
    """The tokens after the selector's last combinator."""
    tokens = _trimmed(selector)
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index]
        if token.type == "whitespace" or (token.type == "literal" and token.value in _COMBINATORS):
            return tokens[index + 1 :]
    return tokens


def _pseudo_element(compound: list[ast.Node]) -> str:
    """The compound's pseudo-element (``::before``, also written ``:before``), or ""."""
    for index, token in enumerate(compound):
        if token.type == "ident" and index and _is_literal(compound[index - 1], ":"):
            name = token.lower_value
            if name in ("before", "after") or (index > 1 and _is_literal(compound[index - 2], ":")):
                return "::" + name
    return ""


def _featured_part(compound: list[ast.Node]) -> str:
    """The compound's element name, classes, id and attributes, pseudo-classes and
    pseudo-elements left out: what a matching element must carry ("" if nothing)."""
    kept: list[ast.Node] = []
    index = 0
    while index < len(compound):
        token = compound[index]
        if token.type == "literal" and token.value == ":":
            index += 1
            while index < len(compound) and _is_literal(compound[index], ":"):
                index += 1
            index += 1  # the pseudo-class or pseudo-element's name or function
            continue
        if token.type == "literal" and token.value == "." and index + 1 < len(compound):
            kept += compound[index : index + 2]
            index += 2
            continue
        if token.type in ("ident", "hash", "[] block"):
            kept.append(token)
        index += 1
    return tinycss2.serialize(kept)


def _is_literal(token: ast.Node, value: str) -> bool:
    return token.type == "literal" and token.value == value


def _selectors(prelude: list[ast.Node]) -> list[list[ast.Node]]:
    return [selector for selector in split_on_commas(prelude) if _trimmed(selector)]


def _trimmed(tokens: list[ast.Node]) -> list[ast.Node]:
    tokens = [token for token in tokens if token.type != "comment"]
    while tokens and tokens[0].type == "whitespace":
        tokens = tokens[1:]
    while tokens and tokens[-1].type == "whitespace":
        tokens = tokens[:-1]
    return tokens


def _parsed(css: str) -> list[ast.Node]:
    return tinycss2.parse_stylesheet(css, skip_whitespace=False, skip_comments=True)


def _parsed_rules(content: list[ast.Node]) -> list[ast.Node]:
    return tinycss2.parse_rule_list(content, skip_whitespace=False, skip_comments=True)
