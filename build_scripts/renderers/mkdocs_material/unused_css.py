"""A theme's stylesheet without the rules that no page of the site can use.

A theme's stylesheet styles every feature the theme has (admonitions, code, tabs, tables,
right-to-left scripts…); a site uses a few. A rule is kept when some page could match it:
every class, id, attribute and element its selector requires is on a page, or named in a
script that could add it at run time (a script's every word counts as a name it could add,
so a state the theme's script sets, such as an open search, keeps its rules; an element it
creates only to stand in for one already on a page counts only when a page has one). A custom
property that no kept rule, page or script uses goes too, with the rules left empty.

The check is by names, not by matching whole selectors against the pages: it can keep a rule
that no element matches, never drop one that an element could match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import tinycss2
from tinycss2 import ast

from .own_files import hashed_name

_WORD = re.compile(r"[A-Za-z0-9_-]+")
# A start tag: its element, and its attributes (a quoted value may hold ">").
_START_TAG = re.compile(r"""<([a-zA-Z][\w-]*)([^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)>""")
_INLINE_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)
# An element a script may create: a quoted name (createElement("mark"), h("details")) or a tag
# in a string of markup ("<mark>").
_ELEMENT_IN_SCRIPT = re.compile(r"""["'`]([a-z][a-z0-9-]*)["'`]|<([a-z][a-z0-9-]*)""")
_VAR = re.compile(r"var\(\s*(--[\w-]+)")
_CUSTOM_PROPERTY = re.compile(r"--[\w-]+")

# Selector functions that hold when one of their selectors does; :not() and the :nth-…()
# family require no name to be present.
_ANY_OF = frozenset({"is", "where", "matches", "-webkit-any", "-moz-any", "has"})
_NESTED_RULES = frozenset({"media", "supports", "layer", "container"})
# Attribute operators whose value must be the whole value or one of its words.
_WHOLE_VALUE = frozenset({"=", "~="})


@dataclass(frozen=True)
class UsedNames:
    """What the pages hold and the scripts name: what a selector may require."""

    elements: frozenset[str]
    """Element names on the pages, and those a script quotes (it may create them)."""
    names: frozenset[str]
    """Every word of the pages' tags (classes, ids, attribute names and values), and of the
    scripts."""
    custom_properties: frozenset[str]
    """Custom properties the pages or scripts name (a script may read or set them)."""


def used_names(pages: Iterable[str], scripts: Iterable[str], stand_ins: Iterable[str] = ()) -> UsedNames:
    """The names that the HTML ``pages`` (their inline scripts too) and the JavaScript
    ``scripts`` use. ``stand_ins``: elements that the scripts create only to stand in, for a
    moment, for one already on a page; a script's naming them does not count."""
    # The pages share most of their tags and all their inline scripts: each is read once.
    tags: set[tuple[str, str]] = set()
    inline_scripts: set[str] = set()
    properties: set[str] = set()
    for page in pages:
        tags.update(_START_TAG.findall(page))
        inline_scripts.update(_INLINE_SCRIPT.findall(page))
        properties.update(_CUSTOM_PROPERTY.findall(page))
    on_pages = {element.lower() for element, _ in tags}
    names = set(_WORD.findall(" ".join(attributes for _, attributes in tags)))
    created: set[str] = set()
    for script in [*scripts, *sorted(inline_scripts)]:
        names.update(_WORD.findall(script))
        created.update(quoted or tag for quoted, tag in _ELEMENT_IN_SCRIPT.findall(script))
        properties.update(_CUSTOM_PROPERTY.findall(script))
    elements = on_pages | (created - set(stand_ins))
    return UsedNames(frozenset(elements), frozenset(names), frozenset(properties))


def without_unused_rules(css: str, used: UsedNames, other_stylesheets: Iterable[str] = ()) -> str:
    """``css`` with only the rules that some page may match, and the custom properties that
    they, the pages, the scripts or ``other_stylesheets`` (the site's own, loaded beside it) use."""
    kept = _kept(tinycss2.parse_stylesheet(css, True, True), used)
    others = "\n".join(other_stylesheets)
    outside = set(_VAR.findall(others)) | used.custom_properties
    while True:  # a property used only by a property that goes, goes next time round
        values = " ".join(d for rule in _rules_in(kept) for d in rule.declarations)
        wanted = set(_VAR.findall(values)) | outside
        if not any(_drop_unwanted(rule, wanted) for rule in _rules_in(kept)):
            break
    names = set(_WORD.findall(values)) | set(_WORD.findall(others))
    return "".join(_serialized_item(item, names) for item in kept)


@dataclass
class _Rule:
    prelude: str
    declarations: list[str]
    """Each as written ("color:var(--md-typeset-color)")."""


@dataclass
class _Block:
    """An at-rule holding rules (``@media``, ``@supports``)."""

    header: str
    items: list[_Rule | _Block | _Other]


@dataclass
class _Other:
    """Any other at-rule, as written; a ``@keyframes`` with its name."""

    text: str
    keyframes: str | None


def _kept(nodes: list[ast.Node], used: UsedNames) -> list[_Rule | _Block | _Other]:
    kept: list[_Rule | _Block | _Other] = []
    for node in nodes:
        if node.type == "qualified-rule":
            selectors = [s for s in split_on_commas(node.prelude) if _may_match(s, used)]
            if selectors:
                declarations = tinycss2.parse_blocks_contents(node.content, True, True)
                written = [_declaration(d) for d in declarations if d.type == "declaration"]
                kept.append(_Rule(",".join(_serialized(s) for s in selectors), written))
        elif node.type == "at-rule" and node.content is not None and node.lower_at_keyword in _NESTED_RULES:
            inner = _kept(tinycss2.parse_rule_list(node.content, True, True), used)
            if inner:
                kept.append(_Block("@" + node.at_keyword + tinycss2.serialize(node.prelude), inner))
        elif node.type == "at-rule":
            name = _serialized(node.prelude) if node.lower_at_keyword.endswith("keyframes") else None
            kept.append(_Other(tinycss2.serialize([node]), name))
    return kept


def _rules_in(items: list[_Rule | _Block | _Other]) -> Iterator[_Rule]:
    for item in items:
        if isinstance(item, _Rule):
            yield item
        elif isinstance(item, _Block):
            yield from _rules_in(item.items)


def _drop_unwanted(rule: _Rule, wanted: set[str]) -> bool:
    """Remove the custom properties of ``rule`` that are not ``wanted``; whether any was."""
    kept = [d for d in rule.declarations if not d.startswith("--") or d.split(":", 1)[0] in wanted]
    dropped = len(kept) != len(rule.declarations)
    rule.declarations = kept
    return dropped


def _serialized_item(item: _Rule | _Block | _Other, names: set[str]) -> str:
    """An item as CSS; empty if it holds no declaration, or is a ``@keyframes`` no rule names."""
    if isinstance(item, _Rule):
        return f"{item.prelude}{{{';'.join(item.declarations)}}}" if item.declarations else ""
    if isinstance(item, _Block):
        inner = "".join(_serialized_item(child, names) for child in item.items)
        return f"{item.header}{{{inner}}}" if inner else ""
    return item.text if item.keyframes is None or item.keyframes in names else ""


def _declaration(declaration: ast.Declaration) -> str:
    value = tinycss2.serialize(declaration.value).strip()
    return f"{declaration.name}:{value}{'!important' if declaration.important else ''}"


def _serialized(tokens: list[ast.Node]) -> str:
    return tinycss2.serialize(tokens).strip()


def split_on_commas(tokens: list[ast.Node]) -> list[list[ast.Node]]:
    """A selector list's tokens, one list per selector (an empty one where two commas meet)."""
    parts: list[list[ast.Node]] = [[]]
    for token in tokens:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def _may_match(selector: list[ast.Node], used: UsedNames) -> bool:
    """Whether every name that ``selector`` (one of a list) requires is in ``used``."""
    previous: ast.Node | None = None
    for token in selector:
        after = previous.value if previous is not None and previous.type == "literal" else None
        if not _token_may_match(token, after, used):
            return False
        if token.type not in ("whitespace", "comment"):
            previous = token
    return True


def _token_may_match(token: ast.Node, after: str | None, used: UsedNames) -> bool:
    """Whether the name that ``token`` (which follows the literal ``after``) requires is used."""
    if token.type == "ident":
        if after == ".":
            return token.value in used.names
        # After ":" a pseudo-class or -element; otherwise an element name.
        return after == ":" or token.value.lower() in used.elements
    if token.type == "hash":
        return token.value in used.names
    if token.type == "[] block":
        return _attribute_may_match(token.content, used)
    if token.type == "function" and token.lower_name in _ANY_OF:
        return any(_may_match(s, used) for s in split_on_commas(token.arguments))
    return True


def _attribute_may_match(content: list[ast.Node], used: UsedNames) -> bool:
    """``[name]``, ``[name=value]``, ``[name~=value]``: the name, and the value as whole words,
    are used; other operators (``^=``, ``*=``…) match part of a value: the name must be."""
    tokens = [t for t in content if t.type not in ("whitespace", "comment")]
    if not tokens or tokens[0].type != "ident":
        return True  # a form this check does not read (a namespace): kept
    if tokens[0].value not in used.names:
        return False
    operator = "".join(t.value for t in tokens[1:] if t.type == "literal")
    values = [t.value for t in tokens[1:] if t.type in ("ident", "string")]
    if operator not in _WHOLE_VALUE or not values:
        return True
    return all(word in used.names for word in values[0].split())


@dataclass(frozen=True)
class SitePages:
    """A built site's pages, its scripts, and the stylesheets the pages load."""

    pages: dict[Path, str]
    scripts: dict[Path, str]
    stylesheets: set[Path]


_STYLESHEET = re.compile(r"<link\b[^>]*\brel=\"stylesheet\"[^>]*\bhref=\"([^\"]+)\"")


def read_site(site_dir: Path, pages: dict[Path, str], never_run: Iterable[Path] = ()) -> SitePages:
    """The site's ``pages`` (path -> HTML), the scripts of ``site_dir`` they may run, and the
    files of this site that their stylesheets come from.

    A page may run a script it loads, and one whose file name it or such a script holds (a
    worker, whose results the page shows: Material's search worker writes the ``<mark>`` of a
    result). ``never_run`` are scripts that a file names but no page of this site runs."""
    stylesheets: set[Path] = set()
    for path, page in pages.items():
        for address in _STYLESHEET.findall(page):
            target = _local_file(site_dir, path, address)
            if target is not None:
                stylesheets.add(target)
    texts = list(pages.values())
    scripts: dict[Path, str] = {}
    excluded = {path.resolve() for path in never_run}
    unnamed = sorted(path for path in site_dir.rglob("*.js") if path.resolve() not in excluded)
    while named := _named_in(texts, unnamed):
        texts = [script.read_text(encoding="utf-8") for script in named]
        scripts.update(zip(named, texts, strict=True))
        unnamed = [script for script in unnamed if script not in scripts]
    return SitePages(pages, scripts, stylesheets)


def _named_in(texts: Iterable[str], scripts: list[Path]) -> list[Path]:
    """The ``scripts`` whose file name one of ``texts`` holds. A script's name ends as the
    scripts' names all do (``.js``): only what comes before each such ending in the texts can
    hold one, which spares looking for every name in every page."""
    endings = {Path(script.name).suffix for script in scripts}
    longest = max((len(script.name) for script in scripts), default=0)
    before_ending = {
        text[max(0, found.end() - longest) : found.end()]
        for ending in endings
        for text in texts
        for found in re.finditer(re.escape(ending), text)
    }
    return [script for script in scripts if any(part.endswith(script.name) for part in before_ending)]


def _local_file(site_dir: Path, page: Path, address: str) -> Path | None:
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    target = (page.parent / parts.path).resolve()
    return target if target.is_file() and target.is_relative_to(site_dir.resolve()) else None


def trim_stylesheet(
    site_dir: Path,
    stylesheet: Path,
    pages: dict[Path, str],
    never_run: Iterable[Path] = (),
    stand_ins: Iterable[str] = (),
) -> Path:
    """Remove from ``stylesheet`` (a file of ``site_dir``) the rules none of ``pages`` (path ->
    HTML) may use; return its new path, and point the pages at it (in ``pages``).
    ``never_run``: as for :func:`read_site`; ``stand_ins``: as for :func:`used_names`.

    Its name carries a hash of its content (``main.57a0d79d.min.css``), so that a browser never
    keeps an older copy: the trimmed file gets the hash of its own content. Its source map,
    which describes the whole file, is removed.
    """
    site_dir = site_dir.resolve()
    stylesheet = stylesheet.resolve()
    site = read_site(site_dir, pages, never_run)
    used = used_names(site.pages.values(), site.scripts.values(), stand_ins)
    others = [p.read_text(encoding="utf-8") for p in sorted(site.stylesheets - {stylesheet})]
    trimmed = without_unused_rules(stylesheet.read_text(encoding="utf-8"), used, others)
    name = hashed_name(PurePosixPath(stylesheet.name), trimmed.encode("utf-8")).name
    target = stylesheet.with_name(name)
    target.write_text(trimmed + "\n", encoding="utf-8")
    if target != stylesheet:
        stylesheet.unlink()
    stylesheet.with_name(stylesheet.name + ".map").unlink(missing_ok=True)
    for path, page in pages.items():
        pages[path] = page.replace(f'/{stylesheet.name}"', f'/{name}"')
    return target
