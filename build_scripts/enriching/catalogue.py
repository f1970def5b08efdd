"""The hand-written catalogue: glossary terms, referenced instruments and themes (data/*.yaml).

Loading checks the data and names the file and line of anything wrong, so that a typo in a
pattern stops the build with a message instead of silently linking nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import ConversionError
from ..identifiers import EntryAddress, slug

DATA_DIR = Path(__file__).parent.parent / "data"
"""The catalogue written for the published resolution; a build can name another one."""
REFERENCE_KINDS = {
    "treaty": "Treaties",
    "protocol": "Protocols",
    "ilo-convention": "ILO conventions",
    "ilo-recommendation": "ILO recommendations",
    "declaration": "Declarations and political commitments",
    "ga-resolution": "General Assembly resolutions",
    "hrc-resolution": "Human Rights Council resolutions",
    "guidelines": "Principles and guidelines",
    "document": "Other documents",
    "un-body": "United Nations bodies",
    "mechanism": "Mechanisms",
    "fund": "Funds",
}


@dataclass(frozen=True)
class Pattern:
    """A regular expression that finds an entry, limited, if need be, to one sense of the words."""

    regex: re.Pattern[str]
    after: re.Pattern[str] | None = None
    """A context the text before the match must contain ("businesses … act with" before
    "due diligence"), so that the same words in another sense are left to another entry."""

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        for match in self.regex.finditer(text):
            if self.after is None or self.after.search(text[: match.start()]):
                yield match

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)


@dataclass(frozen=True)
class Passage:
    """Where in a source a statement is made, and a short exact quotation of it."""

    at: str
    """The pinpoint: an article, paragraph or principle (``article 3 (a)``)."""
    quote: str


@dataclass(frozen=True)
class Claim:
    """One statement of a definition and the source that makes it."""

    text: str
    source: str
    """The instrument and its article, or a document symbol (``A/RES/60/147, principle 10``)."""
    url: str
    """The source's official text or page."""
    support: tuple[Passage, ...] = ()
    """The passages of the source that bear the statement out, so that a reader can check it;
    empty while the passage has not been found in a copy of the source."""


@dataclass(frozen=True)
class Entry:
    """A glossary term, a referenced instrument or body, or a theme."""

    kind: str
    """``term``, ``reference`` or ``theme``."""
    id: str
    name: str
    patterns: tuple[Pattern, ...]
    description: str
    file: str
    line: int
    claims: tuple[Claim, ...] = ()
    """For a term: its definition, statement by statement, each with its source."""
    not_in: frozenset[str] = frozenset()
    """Texts (paragraph or footnote ids) in which the entry is never found."""
    not_within: tuple[re.Pattern[str], ...] = ()
    """Phrases in another sense: a match inside one of them is not this entry."""
    category: str | None = None
    """For a reference: its kind (``treaty``, ``un-body``, …)."""
    url: str | None = None
    date: str | None = None
    symbol: str | None = None
    short_names: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    support: tuple[Passage, ...] = ()
    """For a reference: the passages that bear its description out (``at``: the pinpoint in
    the entry's own text, or a source's symbol and its part; ``quote``: exact words)."""

    @property
    def address(self) -> EntryAddress:
        return EntryAddress(self.kind, self.id)

    @property
    def page(self) -> str:
        return self.address.page

    def matches(self, key: str, text: str) -> list[re.Match[str]]:
        """Where the entry is found in the text ``key``, in its own sense only."""
        if key in self.not_in:
            return []
        excluded = [(m.start(), m.end()) for phrase in self.not_within for m in phrase.finditer(text)]
        return [
            match
            for pattern in self.patterns
            for match in pattern.finditer(text)
            if not any(start <= match.start() and match.end() <= end for start, end in excluded)
        ]


@dataclass(frozen=True)
class Catalogue:
    terms: tuple[Entry, ...]
    references: tuple[Entry, ...]
    themes: tuple[Entry, ...]
    by_id: dict[str, Entry] = field(default_factory=dict, compare=False)

    @property
    def linkable(self) -> tuple[Entry, ...]:
        return self.terms + self.references


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Records the line of every mapping as ``__line__``, for messages."""


def _mapping_with_line(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def _load(path: Path, key: str) -> list[dict]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except (OSError, yaml.YAMLError) as error:
        raise ConversionError(
            str(path),
            getattr(getattr(error, "problem_mark", None), "line", 0) + 1,
            "readable YAML",
            str(error),
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise ConversionError(str(path), 1, f"a top-level list '{key}:'", type(data).__name__)
    return data[key]


def _regex(pattern: object, path: Path, line: int) -> re.Pattern[str]:
    try:
        return re.compile(str(pattern))
    except re.error as error:
        raise ConversionError(
            str(path), line, f"a valid regular expression ({error})", str(pattern)
        ) from None


def _pattern(raw: object, path: Path, line: int) -> Pattern:
    """A pattern is a regular expression, or ``{match: …, after: …}`` for one limited to a sense."""
    if isinstance(raw, dict):
        if not raw.get("match"):
            raise ConversionError(
                str(path), raw.get("__line__", line), "a 'match:' regular expression", str(raw)
            )
        after = raw.get("after")
        return Pattern(_regex(raw["match"], path, line), _regex(after, path, line) if after else None)
    return Pattern(_regex(raw, path, line))


def _url(url: object, path: Path, line: int) -> str | None:
    if url is not None and not re.fullmatch(r"https://[^\s/$.?#][^\s]*", str(url)):
        raise ConversionError(str(path), line, "an https:// link", str(url))
    return None if url is None else str(url)


def _passages(raw: object, path: Path, line: int) -> tuple[Passage, ...]:
    """A statement's support: a list of ``{at: …, quote: …}``, or ``[]`` while none is found.

    The field is required, so that a statement written without looking up its passage stops
    the build rather than passing unnoticed."""
    if not isinstance(raw, list):
        raise ConversionError(str(path), line, "'support:' as a list of 'at:' and 'quote:' (or [])", str(raw))
    passages = []
    for item in raw:
        where = item.get("__line__", line) if isinstance(item, dict) else line
        if not (isinstance(item, dict) and item.get("at") and item.get("quote")):
            raise ConversionError(str(path), where, "a supporting passage with at and quote", str(item))
        passages.append(Passage(" ".join(str(item["at"]).split()), " ".join(str(item["quote"]).split())))
    return tuple(passages)


def _claims(raw: object, path: Path, line: int) -> tuple[Claim, ...]:
    """A term's definition: a list of ``{says: …, source: …, url: …, support: […]}``."""
    if not isinstance(raw, list):
        raise ConversionError(
            str(path), line, "a definition as a list of 'says:', 'source:' and 'url:'", str(raw)
        )
    claims = []
    for item in raw:
        where = item.get("__line__", line) if isinstance(item, dict) else line
        missing = [k for k in ("says", "source", "url") if not (isinstance(item, dict) and item.get(k))]
        if isinstance(item, dict) and "support" not in item:
            missing.append("support")
        if missing:
            raise ConversionError(str(path), where, "a statement with " + ", ".join(missing), str(item))
        text = " ".join(str(item["says"]).split())
        claims.append(
            Claim(
                text,
                " ".join(str(item["source"]).split()),
                _url(item["url"], path, where) or "",
                _passages(item["support"], path, where),
            )
        )
    return tuple(claims)


def _entry(kind: str, raw: dict, path: Path, name_key: str, required: tuple[str, ...]) -> Entry:
    line = raw.get("__line__", 0)
    missing = [k for k in ("id", name_key, "patterns", *required) if not raw.get(k)]
    if missing:
        raise ConversionError(str(path), line, "the fields " + ", ".join(missing), str(raw.get("id")))
    if raw["id"] != slug(raw["id"]):
        raise ConversionError(
            str(path), line, f"an id of lowercase words and hyphens ({slug(raw['id'])})", raw["id"]
        )
    claims = _claims(raw["definition"], path, line) if kind == "term" else ()
    support = _passages(raw["support"], path, line) if kind == "reference" and "support" in raw else ()
    description = " ".join(c.text for c in claims) or str(raw.get("description") or "")
    return Entry(
        kind=kind,
        id=raw["id"],
        name=raw[name_key],
        patterns=tuple(_pattern(p, path, line) for p in raw["patterns"]),
        description=" ".join(description.split()),
        file=str(path),
        line=line,
        claims=claims,
        not_in=frozenset(raw.get("not_in") or ()),
        not_within=tuple(_regex(p, path, line) for p in raw.get("not_within") or ()),
        category=raw.get("kind"),
        url=_url(raw.get("url"), path, line),
        date=str(raw["date"]) if raw.get("date") else None,
        symbol=raw.get("symbol"),
        short_names=tuple(raw.get("short_names") or ()),
        acronyms=tuple(raw.get("acronyms") or ()),
        support=support,
    )


def load_catalogue(data_dir: Path = DATA_DIR) -> Catalogue:
    """Read glossary.yaml, references.yaml and themes.yaml, checking every entry."""
    terms = tuple(
        _entry("term", raw, data_dir / "glossary.yaml", "term", ("definition",))
        for raw in _load(data_dir / "glossary.yaml", "terms")
    )
    references = tuple(
        _entry("reference", raw, data_dir / "references.yaml", "name", ("kind", "url"))
        for raw in _load(data_dir / "references.yaml", "references")
    )
    themes = tuple(
        _entry("theme", raw, data_dir / "themes.yaml", "name", ("description",))
        for raw in _load(data_dir / "themes.yaml", "themes")
    )
    by_id: dict[str, Entry] = {}
    for entry in (*terms, *references, *themes):
        if entry.kind == "reference" and entry.category not in REFERENCE_KINDS:
            raise ConversionError(
                entry.file, entry.line, "a kind among " + ", ".join(REFERENCE_KINDS), entry.category
            )
        key = f"{entry.page}#{entry.id}"
        if key in by_id:
            raise ConversionError(
                entry.file, entry.line, f"a unique id (another entry is '{entry.id}')", entry.id
            )
        by_id[key] = entry
    return Catalogue(terms, references, themes, by_id)
