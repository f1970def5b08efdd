"""The enriched model -> the site's Markdown pages, through the Jinja2 templates.

View models (``views.py``) are computed here; the templates in ``templates/`` only loop and
print, every value escaped for Markdown unless it is marked safe (``escape.py``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from itertools import groupby
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined

from ..dates import long_date
from ..enriching.catalogue import REFERENCE_KINDS, Entry
from ..enriching.enrich import Enriched
from ..identifiers import (
    TEXT_PAGE,
    DocumentSymbol,
    download_file,
    footnote_ref_id,
    paragraph_page,
    short_name,
)
from ..model import Division, Paragraph
from ..site_address import SiteAddress
from .acronyms import AcronymExpander
from .citations import plain_citation
from .escape import Markdown, finalize, html, link_target, token
from .inline import InlineRenderer
from .paragraph_pages import LIST_PAGE, ROOT, PartPages
from .structured_data import citation_tags, legislation_jsonld
from .summary import summary_sentences
from .views import CitedText, DivisionView, EntryView, Link, NoteView, ParagraphView, View

TEMPLATES = Path(__file__).parent / "templates"
ENTRY_KINDS = {"term": "Glossary entry", "reference": "Reference", "theme": "Theme"}
PAGES = ("index", "text", "glossary", "references", "themes", "about", "accessibility")
DEFINITIONS_FILE = "definitions.json"
"""Every entry's definition, by the id that describes a link to it: read by the pages' script at
the reader's first interaction, not with every page."""
LINKED_AS_PAGE = ("un-body", "mechanism", "fund")
"""Kinds of reference whose official link opens a page about them rather than a text."""


def front_matter(**fields: Any) -> Markdown:
    """A page's front matter, its values as plain text (each a JSON value, which is also YAML)."""
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()]
    return Markdown("---\n" + "\n".join(lines) + "\n---")


def environment() -> Environment:
    """Templates that escape every value for Markdown, unless it is marked safe (escape.py)."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=True,
        finalize=finalize,
        # Compiled once, kept in the user's temporary folder (a changed template is compiled again).
        bytecode_cache=FileSystemBytecodeCache(),
    )
    env.filters.update(html=html, url=link_target, token=token, long_date=long_date)
    env.globals["front_matter"] = front_matter
    return env


def _cited_texts(entry: Entry, acronyms: AcronymExpander) -> tuple[CitedText, ...]:
    """A term's statements, consecutive ones with the same source cited once, after the last."""
    groups = []
    for (source, url), claims in groupby(entry.claims, key=lambda c: (c.source, c.url)):
        text = " ".join(acronyms.expand(c.text) for c in claims)
        stop = text[-1] if text.endswith((".", "?", "!")) else "."
        body = text[:-1] if text.endswith(stop) else text
        groups.append(CitedText(body, stop, acronyms.expand(source), url))
    return tuple(groups)


class PageRenderer:
    """Renders every page of one resolution."""

    def __init__(self, enriched: Enriched, publication: dict[str, Any]) -> None:
        self.enriched = enriched
        self.resolution = enriched.resolution
        self.publication = publication
        self.env = environment()
        self.inline = InlineRenderer(self.env.get_template("inline.j2").module)
        self.address = SiteAddress(publication.get("site_url", ""))

    def pages(self) -> dict[str, str]:
        """Path under docs/ -> Markdown, for every page: the site's pages, then one per paragraph
        and footnote (``op1c/index.md``) and their list."""
        context = self.common()
        pages = {f"{name}.md": getattr(self, f"_{name}")(context) for name in PAGES}
        return pages | PartPages(self).pages(context) | {DEFINITIONS_FILE: self._definition_texts()}

    def render(self, template: str, context: dict[str, Any], **extra: Any) -> str:
        return self.env.get_template(template).render(**context, **extra)

    def common(self) -> dict[str, Any]:
        """What every template is given: the resolution, its metadata and the publisher's notes."""
        resolution = self.resolution
        meta = resolution.metadata
        return {
            "r": resolution,
            "meta": meta,
            "symbol_url": DocumentSymbol(meta.symbol).undocs_url,
            "publication": self.publication,
            "adopted": long_date(meta.adopted),
            "citation_example": plain_citation(meta, "operative paragraph 1"),
            "citation_template": plain_citation(meta, "{name}"),
            "list_page": LIST_PAGE,
            # From the full text and a paragraph's page (both a folder down, ``text/``, ``op1c/``).
            "definitions_file": ROOT + DEFINITIONS_FILE,
            "downloads": {
                kind: download_file(self.publication["file_stem"], kind)
                for kind in ("akn.xml", "json", "txt", "md")
            },
            # Where a paragraph's page is from the full text: the menu's "Open the paragraph's page".
            "paragraph_page_template": ROOT + paragraph_page("{anchor}"),
            "counts": {
                "preamble": len(resolution.preamble),
                "operative": len(resolution.operative),
                "sub_paragraphs": sum(1 for p in resolution.operative for _ in p.walk())
                - len(resolution.operative),
                "footnotes": len(resolution.footnotes),
            },
        }

    def described(self, page: str) -> dict[str, Any]:
        """The JSON-LD and citation tags of the page at ``page`` (``""``, ``text/``) that
        describe the resolution."""
        return {
            "jsonld": legislation_jsonld(self.resolution, self.address.link(TEXT_PAGE, page)),
            "citation_tags": citation_tags(self.resolution, self.address.absolute(TEXT_PAGE)),
        }

    # --- the full text -------------------------------------------------------------------

    def paragraph_views(
        self, paragraph: Paragraph, kind: str, depth: int = 0, items: bool = True
    ) -> list[ParagraphView]:
        """The paragraph as Markdown, then (with ``items``) each of its sub-paragraphs."""
        annotated = self.enriched.texts[paragraph.id]
        markdown = self.inline.render(annotated, paragraph.lead, paragraph.footnote_refs)
        classes = ("para", kind if depth == 0 else "item", f"level-{depth}")
        views = [
            ParagraphView(
                paragraph.id, paragraph.name, short_name(paragraph.name), paragraph.label, markdown, classes
            )
        ]
        for item in paragraph.items if items else ():
            views.extend(self.paragraph_views(item, "item", depth + 1))
        return views

    def _division_view(self, division: Division, depth: int) -> DivisionView:
        return DivisionView(
            division.id, min(3 + depth, 6), division.label, division.heading or "", division.name
        )

    def _outline_views(
        self, outline: Iterable[tuple[int, Division | Paragraph]], annex: bool = False
    ) -> list[View]:
        """The views of a text's divisions and paragraphs, in reading order."""
        preambular = {id(p) for p in self.resolution.preamble}
        views: list[View] = []
        for level, item in outline:
            if isinstance(item, Division):
                views.append(self._division_view(item, level))
                continue
            kind = "annex" if annex else "preambular" if id(item) in preambular else "operative"
            views.extend(self.paragraph_views(item, kind))
        return views

    def _body_views(self) -> tuple[list[View], list[View]]:
        """The preamble's views and the operative part's: the operative part starts at the first
        operative paragraph or the first division that is not a heading over preambular ones."""
        resolution = self.resolution
        outline = list(resolution.outline())
        preambular = {id(p) for p in resolution.preamble}

        def in_preamble(item: Division | Paragraph) -> bool:
            if isinstance(item, Paragraph):
                return id(item) in preambular
            inner = [p for _, p in item.walk() if isinstance(p, Paragraph)]
            return item.kind == "heading" and all(id(p) in preambular for p in inner)

        split = next(
            (i for i, (level, item) in enumerate(outline) if level == 0 and not in_preamble(item)),
            len(outline),
        )
        return self._outline_views(outline[:split]), self._outline_views(outline[split:])

    def _masthead_views(self) -> tuple[list[tuple[Markdown, bool]], str]:
        """The masthead's lines as Markdown, each with whether it is set in bold (the agenda
        item's title), and the heading line apart (it becomes the h1)."""
        resolution = self.resolution
        meta = resolution.metadata
        agenda_title = meta.agenda_item.title if meta.agenda_item else None
        heading = resolution.heading_index
        lines = []
        for index, line in enumerate(resolution.masthead):
            if index != heading:
                markdown = self.inline.render(self.enriched.texts[f"masthead-{index + 1}"])
                lines.append((markdown, line == agenda_title))
        title = resolution.masthead[heading] if heading is not None else meta.symbol
        return lines, title

    def note_views(self, shown: Iterable[Paragraph] | None = None) -> list[NoteView]:
        """The notes that the paragraphs ``shown`` on a page refer to (all, on the full text),
        each with a link back to every reference, in the order the page shows them."""
        every_note = shown is None
        paragraphs = list(self.resolution.paragraphs() if shown is None else shown)
        notes = []
        for note in self.resolution.footnotes:
            refs = [
                (footnote_ref_id(note.number, i + 1), p.name)
                for i, p in enumerate(p for p in paragraphs for r in p.footnote_refs if r.footnote == note.id)
            ]
            if not (refs or every_note):
                continue
            markdown = self.inline.render(self.enriched.texts[note.id])
            notes.append(NoteView(note.id, note.number, markdown, tuple(refs)))
        return notes

    def _text(self, context: dict[str, Any]) -> str:
        resolution = self.resolution
        self.inline.start_page()
        # Rendered in reading order: the first link to each entry is the one that describes it.
        masthead, heading = self._masthead_views()
        preamble, operative = self._body_views()
        closing = [
            self.inline.render(self.enriched.texts[f"closing-{i + 1}"])
            for i in range(len(resolution.closing.lines))
        ]
        annexes = [
            (annex, annex.title_lines, self._outline_views(annex.outline(), annex=True))
            for annex in resolution.annexes
        ]
        return self.render(
            "text.md.j2",
            context,
            masthead=masthead,
            heading=heading,
            preamble=preamble,
            operative=operative,
            annexes=annexes,
            closing=closing,
            notes=self.note_views(),
            definitions=self.definitions(),
            **self.described(TEXT_PAGE),
        )

    def _used_entries(self, keys: Iterable[str] | None = None) -> dict[tuple[str, str], Entry]:
        """(page, id) -> entry, of every entry linked from the texts ``keys`` (or from any)."""
        texts = self.enriched.texts
        return {
            (s.entry.page, s.entry.id): s.entry
            for t in (texts.values() if keys is None else (texts[key] for key in keys))
            for s in t.spans
            if s.entry
        }

    def _definition_texts(self) -> str:
        """The definitions file: ``{"def-glossary-…": "its definition"}``, for every entry linked."""
        definitions = {
            f"def-{page}-{eid}": entry.description for (page, eid), entry in self._used_entries().items()
        }
        return json.dumps(dict(sorted(definitions.items())), ensure_ascii=False, separators=(",", ":")) + "\n"

    def definitions(self, keys: Iterable[str] | None = None) -> list[tuple[str, str]]:
        """(id, text) of what describes a page's links to entries, once rendered: those of the
        texts ``keys``, or of every text.

        The first link to an entry is described by its definition (``def-glossary-…``), which
        the popovers show: its element is empty on the page, and the script fills it from the
        definitions file. Later links are described by the kind of entry they open
        (``entry-glossary``), and by its name when their words differ from it (``Glossary
        entry: Trafficking in persons``), written on the page."""
        used = self._used_entries(keys)
        definitions = [(f"def-{page}-{eid}", "") for page, eid in sorted(used)]
        kinds = {entry.page: ENTRY_KINDS[entry.kind] for entry in used.values()}
        named = [
            (f"entry-{page}-{eid}", f"{kinds[page]}: {entry.name}")
            for (page, eid), entry in sorted(self.inline.named.items())
        ]
        return definitions + [(f"entry-{page}", kind) for page, kind in sorted(kinds.items())] + named

    # --- the indexes ---------------------------------------------------------------------

    def _entry_view(self, entry: Entry, acronyms: AcronymExpander) -> EntryView:
        mentions: list[Link] = []
        for text in self.enriched.mentions_of(entry):
            link = Link(f"text.md#{text.anchor}", text.name)
            if link not in mentions:
                mentions.append(link)
        acronyms.introduce(entry)
        definition = _cited_texts(entry, acronyms)
        description = "" if definition else acronyms.expand(entry.description)
        link_kind = "page" if entry.category in LINKED_AS_PAGE else "text"
        return EntryView(entry, description, definition, tuple(mentions), link_kind)

    def _views(self, entries: Iterable[Entry]) -> list[EntryView]:
        """Views of entries in the order the page shows them, acronyms spelled out once."""
        acronyms = AcronymExpander(self.enriched.catalogue.references)
        return [self._entry_view(entry, acronyms) for entry in entries]

    def _facts(self) -> list[tuple[str, str]]:
        """The home page's list of facts: (term, Markdown)."""
        resolution = self.resolution
        meta = resolution.metadata
        session = meta.session
        adopted_by = meta.body + (f", {session.ordinal}" if session else "")
        if session and session.dates:
            adopted_by += f" ({session.dates})"
        facts = [("Symbol", meta.symbol), ("Adopted by", adopted_by)]
        if meta.agenda_item:
            agenda = meta.agenda_item
            facts.append(("Agenda item", agenda.number + (f": {agenda.title}" if agenda.title else "")))
        if meta.adopted:
            meeting = (
                f", at the {resolution.closing.meeting or meta.adopted_at}"
                if (resolution.closing.meeting or meta.adopted_at)
                else ""
            )
            facts.append(("Adopted on", long_date(meta.adopted) + meeting))
        if resolution.closing.vote:
            facts.append(("Vote", resolution.closing.vote))
        return facts

    def _index(self, context: dict[str, Any]) -> str:
        structure = [
            (f"text.md#{p.id}", p.label or "", p.lead or p.text.split(" ")[0], len(list(p.walk())) - 1)
            for p in self.resolution.operative
        ]
        summary = summary_sentences(
            self.publication.get("summary"), self.resolution, self.publication.get("file", "")
        )
        summary_links = [
            (sentence.says, [Link(f"text.md#{anchor}", name) for anchor, name in sentence.references])
            for sentence in summary
        ]
        return self.render(
            "index.md.j2",
            context,
            structure=structure,
            facts=self._facts(),
            summary=summary_links,
            **self.described(""),
        )

    def _glossary(self, context: dict[str, Any]) -> str:
        views = self._views(sorted(self.enriched.catalogue.terms, key=lambda t: t.name.lower()))
        groups = [
            (letter, f"letter-{letter.lower()}", list(items))
            for letter, items in groupby(views, key=lambda v: v.entry.name[0].upper())
        ]
        return self.render("glossary.md.j2", context, groups=groups)

    def _references(self, context: dict[str, Any]) -> str:
        order = [
            r for kind in REFERENCE_KINDS for r in self.enriched.catalogue.references if r.category == kind
        ]
        views = self._views(order)
        groups = [
            (kind, title, [v for v in views if v.entry.category == kind])
            for kind, title in REFERENCE_KINDS.items()
        ]
        return self.render("references.md.j2", context, groups=[g for g in groups if g[2]])

    def _themes(self, context: dict[str, Any]) -> str:
        views = self._views(self.enriched.catalogue.themes)
        return self.render("themes.md.j2", context, themes=views)

    def _about(self, context: dict[str, Any]) -> str:
        return self.render("about.md.j2", context)

    def _accessibility(self, context: dict[str, Any]) -> str:
        return self.render("accessibility.md.j2", context)
