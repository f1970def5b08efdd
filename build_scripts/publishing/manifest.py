"""The published anchors: the pages and anchors of the site that others may already link to.

``published-anchors.json`` at the project root (committed) lists every page of the site, every
download, and every anchor: each paragraph, sub-paragraph and footnote of the full text (with
its name and a short hash of its number and text) and each glossary, reference and theme entry.

Every build checks the site against it (the pipeline calls :func:`enforce`). The
build fails, naming the anchor and what changed, when a listed page or anchor is gone or a
paragraph anchor now points at other words: a link that someone published would then break,
or silently land on another paragraph. New anchors are fine; they are reported as not yet in
the manifest. A change made on purpose is recorded, with its reason, by::

    .venv/bin/python -m build_scripts anchors update --reason "Corrigendum A/HRC/RES/53/9/Corr.1"

and ``check`` prints the differences without writing anything.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..enriching.enrich import Enriched
from ..identifiers import TEXT_PAGE

UPDATE_COMMAND = '.venv/bin/python -m build_scripts anchors update --reason "why it changed"'
_ABOUT = (
    "The pages and anchors of the published site. The build fails if one disappears or a paragraph "
    "anchor points at other text (hash = sha256 of number and text). Change it on purpose with: "
    "python -m build_scripts anchors update --reason '...'. Written by build_scripts/publishing/manifest.py."
)


class AnchorsChanged(Exception):
    """A published page or anchor is gone or points elsewhere; the message says which and what to do."""


def text_hash(number: str | None, text: str) -> str:
    """A short fingerprint of a paragraph's number and words: which paragraph an anchor points at."""
    return hashlib.sha256(f"{number or ''}\n{text}".encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Anchor:
    page: str
    id: str
    name: str
    hash: str | None = None
    """For paragraphs and footnotes only."""
    line: int | None = None
    """The source line, in messages; not recorded."""
    text: str = ""
    """The start of the text, in messages; not recorded."""

    @property
    def url(self) -> str:
        return f"{self.page}#{self.id}"

    def record(self) -> dict[str, str]:
        return {"name": self.name} if self.hash is None else {"name": self.name, "hash": self.hash}


@dataclass
class Published:
    """What a site publishes: its pages, its downloads and its anchors, page by page."""

    pages: list[str]
    files: list[str] | None
    """Downloads; None when unknown (the check was given the model only)."""
    anchors: dict[str, dict[str, Anchor]]


def published(model: Any) -> Published:
    """Pages and anchors of a build (``pipeline.Conversion``) or of an enriched model (``Enriched``)."""
    from ..pages.paragraph_pages import part_page_files
    from ..pages.render import PAGES

    if isinstance(model, Enriched):
        pages = [f"{name}.md" for name in PAGES] + part_page_files(model.resolution)
        enriched, files = model, None
    else:
        # Pages are what a reader opens; other generated files (the definitions the pages
        # load) are not addresses anyone links to.
        pages = [name for name in model.pages if name.endswith(".md")]
        enriched, files = model.enriched, sorted(model.downloads)
    resolution = enriched.resolution
    text: dict[str, Anchor] = {}
    for paragraph in resolution.paragraphs():
        number = paragraph.label or paragraph.number
        fingerprint = text_hash(number, paragraph.text)
        text[paragraph.id] = Anchor(
            TEXT_PAGE, paragraph.id, paragraph.name, fingerprint, paragraph.line, paragraph.text
        )
    for division in resolution.all_divisions():
        fingerprint = text_hash(division.label, division.heading or "")
        heading = division.heading or ""
        text[division.id] = Anchor(TEXT_PAGE, division.id, division.name, fingerprint, division.line, heading)
    for note in resolution.footnotes:
        fingerprint = text_hash(str(note.number), note.text)
        name = f"footnote {note.number}"
        text[note.id] = Anchor(TEXT_PAGE, note.id, name, fingerprint, note.line, note.text)
    anchors = {TEXT_PAGE: text}
    catalogue = enriched.catalogue
    for entry in (*catalogue.terms, *catalogue.references, *catalogue.themes):
        page = f"{entry.page}/"
        anchors.setdefault(page, {})[entry.id] = Anchor(page, entry.id, entry.name)
    urls = [page_url(name) for name in pages]
    if not isinstance(model, Enriched):
        _add_sections(model.pages, anchors)
    return Published(urls, files, anchors)


def page_url(name: str) -> str:
    """A page's address in the site from its file under docs/: ``text.md`` -> ``text/``,
    ``op1c/index.md`` -> ``op1c/``, ``index.md`` -> the home page, ``""``."""
    stem = name.removesuffix(".md")
    return stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"


SECTION = "section"
"""The name recorded for an anchor that is not a paragraph, footnote or catalogue entry."""
# The ids a page's Markdown gives its headings and blocks: "## Preamble { #preamble }",
# "{: #op1c .para }", '<div class="closing" id="closing" markdown>'.
_SECTION_ID = re.compile(r'\{:? *#([A-Za-z][\w-]*)|<div\b[^>]*\bid="([A-Za-z][\w-]*)"[^>]*\bmarkdown>')


def _add_sections(files: dict[str, bytes], anchors: dict[str, dict[str, Anchor]]) -> None:
    """The other anchors of each page (parts of the text, sections of the index pages)."""
    for name, content in sorted(files.items()):
        page = page_url(name)
        for match in _SECTION_ID.finditer(content.decode("utf-8")):
            anchor = match[1] or match[2]
            anchors.setdefault(page, {}).setdefault(anchor, Anchor(page, anchor, SECTION))


# --- The manifest file ---------------------------------------------------------------------------


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _listed(manifest: dict[str, Any]) -> dict[str, dict[str, dict[str, str]]]:
    return manifest.get("anchors", {})


def dumps(manifest: dict[str, Any]) -> str:
    """JSON with one anchor (and one history entry) per line: a change shows as a one-line diff."""

    def one(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    def block(items: list[str], indent: str) -> str:
        return "\n".join(f"{indent}{item}{',' if i < len(items) - 1 else ''}" for i, item in enumerate(items))

    pages = [
        f"{one(page)}: {{\n" + block([f"{one(k)}: {one(v)}" for k, v in items.items()], "      ") + "\n    }"
        for page, items in manifest["anchors"].items()
    ]
    fields = [
        f'"about": {one(manifest["about"])}',
        f'"pages": {one(manifest["pages"])}',
        f'"files": {one(manifest["files"])}',
        '"anchors": {\n' + block(pages, "    ") + "\n  }",
        '"history": [\n' + block([one(entry) for entry in manifest["history"]], "    ") + "\n  ]",
    ]
    return "{\n" + block(fields, "  ") + "\n}\n"


# --- Checking ------------------------------------------------------------------------------------


@dataclass
class Report:
    """The differences between a build and the manifest."""

    missing_manifest: bool = False
    removed_pages: list[str] = field(default_factory=list)
    removed_files: list[str] = field(default_factory=list)
    removed: list[tuple[str, str, str]] = field(default_factory=list)
    """(page, id, name) of listed anchors the build no longer has."""
    changed: list[tuple[Anchor, dict[str, str]]] = field(default_factory=list)
    """(the anchor now, what the manifest says) for anchors whose text or name changed."""
    added: list[Anchor] = field(default_factory=list)
    added_pages: list[str] = field(default_factory=list)
    added_files: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        gone = self.removed_pages or self.removed_files or self.removed
        return not (self.missing_manifest or gone or self.changed)

    @property
    def new(self) -> list[str]:
        """What the build has that the manifest does not list yet (not an error)."""
        pages = [f"page {p or '(home)'}" for p in self.added_pages]
        return pages + self.added_files + [a.url for a in self.added]

    def failures(self) -> list[str]:
        lines = [f"page {p or '(the home page)'} is no longer built" for p in self.removed_pages]
        lines += [f"download {f} is no longer built" for f in self.removed_files]
        for page, anchor, name in self.removed:
            lines.append(f"{page}#{anchor} ({name}) is gone: no element of the page has this id now")
        for now, was in self.changed:
            what = []
            if now.name != was.get("name"):
                what.append(f"it was {was.get('name')!r}, it is now {now.name!r}")
            if now.hash != was.get("hash"):
                start = " ".join(now.text.split())[:70]
                hashes = f"hash {was.get('hash')} -> {now.hash}"
                what.append(f"its number or text changed ({hashes}); it now reads {start!r}…")
            where = f" (source line {now.line})" if now.line else ""
            lines.append(f"{now.url}{where} now points at different text: " + "; ".join(what))
        return lines

    def message(self, manifest: Path) -> str:
        if self.missing_manifest:
            return (
                f"No list of published anchors at {manifest}. Create it with:\n  "
                + UPDATE_COMMAND.replace("why it changed", "first publication")
            )
        return (
            f"Published links would break ({manifest.name} lists them):\n"
            + "\n".join(f"  - {line}" for line in self.failures())
            + "\nLinks to these from other sites, documents and citations would break or land on other text."
            " If the change is on purpose, record it with its reason, then build again:\n  " + UPDATE_COMMAND
        )


def compare(model: Any, manifest: dict[str, Any] | None) -> Report:
    """What changed between a build (or an enriched model) and a manifest."""
    if manifest is None:
        return Report(missing_manifest=True)
    now = published(model)
    report = Report()
    report.removed_pages = [p for p in manifest.get("pages", []) if p not in now.pages]
    report.added_pages = [p for p in now.pages if p not in manifest.get("pages", [])]
    if now.files is not None:
        report.removed_files = [f for f in manifest.get("files", []) if f not in now.files]
        report.added_files = [f for f in now.files if f not in manifest.get("files", [])]
    listed = _listed(manifest)
    for page, records in listed.items():
        current = now.anchors.get(page, {})
        for anchor, record in records.items():
            found = current.get(anchor)
            if found is None and record.get("name") == SECTION and now.files is None:
                continue  # sections are known from the pages, which a model alone does not have
            if found is None:
                report.removed.append((page, anchor, record.get("name", "")))
            elif found.name != record.get("name") or found.hash != record.get("hash"):
                report.changed.append((found, record))
    for page, anchors in now.anchors.items():
        report.added += [a for anchor, a in anchors.items() if anchor not in listed.get(page, {})]
    return report


def check(model: Any, path: Path) -> Report:
    return compare(model, load(path) if path.exists() else None)


def enforce(model: Any, path: Path, log: Any = None) -> Report:
    """Raise AnchorsChanged with a message for the person building when a published link would break."""
    report = check(model, path)
    if not report.ok:
        raise AnchorsChanged(report.message(path))
    if report.new and log is not None:
        more = f" and {len(report.new) - 8} more" if len(report.new) > 8 else ""
        shown = ", ".join(report.new[:8]) + more
        log.info(f"Not yet in {path.name}: {shown}. Record them with: {UPDATE_COMMAND}")
    return report


# --- Updating ------------------------------------------------------------------------------------


def _changes(report: Report, first: bool, now: Published) -> list[str]:
    if first:
        count = sum(len(a) for a in now.anchors.values())
        return [f"first list: {len(now.pages)} pages, {len(now.files or [])} downloads, {count} anchors"]
    changes = [f"removed or changed: {line}" for line in report.failures()]
    if len(report.new) <= 10:
        return changes + [f"added: {item}" for item in report.new]
    by_page: dict[str, int] = {}
    for anchor in report.added:
        by_page[anchor.page] = by_page.get(anchor.page, 0) + 1
    counts = [f"{page} {count}" for page, count in by_page.items()]
    counts += [f"page {p or '(home)'}" for p in report.added_pages] + report.added_files
    return [*changes, f"added {len(report.new)}: " + ", ".join(counts)]


def updated(
    model: Any, manifest: dict[str, Any] | None, reason: str, date: str
) -> tuple[dict[str, Any], list[str]]:
    """The manifest rewritten to match the build, with the reason recorded; and the changes."""
    if not reason.strip():
        raise ValueError("a reason is needed: it tells later readers why published links changed")
    report = compare(model, manifest)
    now = published(model)
    changes = _changes(report, manifest is None, now)
    if not changes:
        return manifest or {}, []
    history = list((manifest or {}).get("history", []))
    history.append({"date": date, "reason": " ".join(reason.split()), "changes": changes})
    files = now.files if now.files is not None else (manifest or {}).get("files", [])
    record = {
        "about": _ABOUT,
        "pages": now.pages,
        "files": files,
        "anchors": {page: {a.id: a.record() for a in items.values()} for page, items in now.anchors.items()},
        "history": history,
    }
    return record, changes
