"""The hand-written catalogue: glossary terms, referenced instruments and themes (data/*.yaml).

Loading checks the data and names the file and line of anything wrong, so that a typo in a
pattern stops the build with a message instead of silently linking nothing.
"""

from __future__ import annotations

import re
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
class Entry:
    """A glossary term, a referenced instrument or body, or a theme."""

    kind: str
    """``term``, ``reference`` or ``theme``."""
    id: str
    name: str
    patterns: tuple[re.Pattern[str], ...]
    description: str
    file: str
    line: int
    source: str | None = None
    """For a term: where its definition comes from."""
    category: str | None = None
    """For a reference: its kind (``treaty``, ``un-body``, …)."""
    url: str | None = None
    date: str | None = None
    symbol: str | None = None
    short_names: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()

    @property
    def address(self) -> EntryAddress:
        return EntryAddress(self.kind, self.id)

    @property
    def page(self) -> str:
        return self.address.page


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


def _entry(kind: str, raw: dict, path: Path, name_key: str, required: tuple[str, ...]) -> Entry:
    line = raw.get("__line__", 0)
    missing = [k for k in ("id", name_key, "patterns", *required) if not raw.get(k)]
    if missing:
        raise ConversionError(str(path), line, "the fields " + ", ".join(missing), str(raw.get("id")))
    if raw["id"] != slug(raw["id"]):
        raise ConversionError(
            str(path), line, f"an id of lowercase words and hyphens ({slug(raw['id'])})", raw["id"]
        )
    patterns = []
    for pattern in raw["patterns"]:
        try:
            patterns.append(re.compile(pattern))
        except re.error as error:
            raise ConversionError(str(path), line, f"a valid regular expression ({error})", pattern) from None
    url = raw.get("url")
    if url is not None and not re.fullmatch(r"https://[^\s/$.?#][^\s]*", url):
        raise ConversionError(str(path), line, "an https:// link", url)
    return Entry(
        kind=kind,
        id=raw["id"],
        name=raw[name_key],
        patterns=tuple(patterns),
        description=" ".join(str(raw.get("definition") or raw.get("description") or "").split()),
        file=str(path),
        line=line,
        source=raw.get("source"),
        category=raw.get("kind"),
        url=url,
        date=str(raw["date"]) if raw.get("date") else None,
        symbol=raw.get("symbol"),
        short_names=tuple(raw.get("short_names") or ()),
        acronyms=tuple(raw.get("acronyms") or ()),
    )


def load_catalogue(data_dir: Path = DATA_DIR) -> Catalogue:
    """Read glossary.yaml, references.yaml and themes.yaml, checking every entry."""
    terms = tuple(
        _entry("term", raw, data_dir / "glossary.yaml", "term", ("definition", "source"))
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
