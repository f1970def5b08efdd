"""A page of its own for every paragraph, sub-paragraph and footnote (``op1c/``), and their list.

Each page shows the part's text with its links and notes; for a sub-paragraph, the opening
words (chapeau) of every paragraph above it, marked as context; where it sits in the full
text; and its citation as plain text, BibTeX and CSL-JSON. Its title and description quote the
start of its words, so that a link pasted elsewhere previews them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ..identifiers import TEXT_PAGE, data_file, paragraph_page, portion_uri, title_case_name
from ..model import Footnote, Paragraph, Resolution
from .citations import ADDRESS_SLOT, bibtex, cited_with, csl_json, plain_citation
from .structured_data import citation_tags
from .views import Link, NoteView, ParagraphView

if TYPE_CHECKING:
    from .render import PageRenderer

ROOT = "../"
"""From a part's page (``op1c/index.md``) back to the folder of the other pages."""
LIST_PAGE = "paragraphs.md"
TITLE_QUOTE = 60
"""About how many characters of the text a page's title quotes."""
DESCRIPTION_QUOTE = 160


def page_file(anchor: str) -> str:
    """The Markdown file of a part's page under docs/: ``op1c/index.md``."""
    return paragraph_page(anchor) + "index.md"


def part_page_files(resolution: Resolution) -> list[str]:
    """The docs/ files of the paragraph pages of a resolution, and of their list."""
    anchors = [p.id for p in resolution.paragraphs()] + [n.id for n in resolution.footnotes]
    return [page_file(anchor) for anchor in anchors] + [LIST_PAGE]


def quote(text: str, limit: int) -> str:
    """The start of ``text``, cut after a whole word near ``limit`` characters, with ``…`` if cut."""
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    cut = words[: limit + 1].rsplit(" ", 1)[0] if " " in words[:limit] else words[:limit]
    return cut.rstrip(",;:") + "…"


@dataclass(frozen=True)
class CitationForm:
    """A part's citation in one form, as the page shows it."""

    text: str
    """With the part's address, or without one while the site's address is not known."""
    with_address: str | None = None
    """While the site's address is not known: the form with ADDRESS_SLOT where the address
    goes, for the pages' script to fill with the address the reader has the page at."""


@dataclass(frozen=True)
class PartView:
    """What the template of a part's page prints."""

    anchor: str
    title: str
    """Its name: ``Operative paragraph 1 (c)``."""
    kind: str
    """``paragraph`` or ``footnote``."""
    front_matter: dict[str, Any]
    context: list[tuple[Link, ParagraphView]]
    """For each paragraph above: its page, and its chapeau."""
    blocks: list[ParagraphView] | list[NoteView]
    """The part's text, then its sub-paragraphs; or the footnote."""
    notes: list[NoteView]
    referred_from: list[Link]
    full_text: str
    previous: Link | None
    next: Link | None
    citation: CitationForm
    bibtex: CitationForm
    csl_json: CitationForm
    data_file: str
    definitions: list[tuple[str, str]]


def parents(resolution: Resolution) -> dict[str, Paragraph]:
    """Each sub-paragraph's id -> the paragraph it belongs to."""
    found: dict[str, Paragraph] = {}
    for paragraph in resolution.paragraphs():
        for item in paragraph.items:
            found[item.id] = paragraph
    return found


def neighbours(anchors: list[tuple[str, str]]) -> dict[str, tuple[Link | None, Link | None]]:
    """(previous, next) of each part in a sequence of (anchor, name)."""
    links = [Link(ROOT + page_file(anchor), title_case_name(name)) for anchor, name in anchors]
    return {
        anchor: (links[i - 1] if i > 0 else None, links[i + 1] if i + 1 < len(links) else None)
        for i, (anchor, _) in enumerate(anchors)
    }


class PartPages:
    """Renders the page of every paragraph and footnote of one resolution, and their list."""

    def __init__(self, renderer: PageRenderer) -> None:
        self.renderer = renderer
        self.resolution = renderer.resolution
        self.meta = self.resolution.metadata
        self.address = renderer.address
        self.file_stem = renderer.publication["file_stem"]
        self.parents = parents(self.resolution)
        paragraphs = [(p.id, p.name) for p in self.resolution.paragraphs()]
        notes = [(n.id, f"footnote {n.number}") for n in self.resolution.footnotes]
        self.neighbours = {**neighbours(paragraphs), **neighbours(notes)}

    def pages(self, context: dict[str, Any]) -> dict[str, str]:
        """docs/ path -> Markdown, for every part, and the list of them."""
        inline = self.renderer.inline
        inline.root = ROOT
        try:
            views = [self._paragraph(p) for p in self.resolution.paragraphs()]
            views += [self._footnote(n) for n in self.resolution.footnotes]
        finally:
            inline.root = ""
        # The same for every part: the home page and the list, from a part's folder.
        links = {"home": f"{ROOT}index.md", "all_parts": ROOT + LIST_PAGE}
        pages = {
            page_file(v.anchor): self.renderer.render("part.md.j2", context, part=v, **links) for v in views
        }
        meta = self.meta
        first = next(self.resolution.paragraphs(), None)
        pages[LIST_PAGE] = self.renderer.render(
            "parts.md.j2",
            context,
            parts=self._list(),
            example=(paragraph_page(first.id), first.name) if first else None,
            description=(
                f"Every paragraph, sub-paragraph and footnote of {meta.body} resolution {meta.number} "
                f"({meta.symbol}), each with a page of its own to link to and cite."
            ),
        )
        return pages

    # --- one part --------------------------------------------------------------------------

    def _paragraph(self, paragraph: Paragraph) -> PartView:
        self.renderer.inline.start_page()
        above = self._above(paragraph)
        context = [self._chapeau(p, depth) for depth, p in enumerate(above)]
        blocks = self.renderer.paragraph_views(paragraph, self._kind(paragraph), depth=len(above))
        shown = [*above, *paragraph.walk()]
        notes = self.renderer.note_views([p for p in shown if p.footnote_refs])
        return self._view(
            paragraph.id, paragraph.name, paragraph.text, "paragraph", context, blocks, notes, []
        )

    def _footnote(self, note: Footnote) -> PartView:
        self.renderer.inline.start_page()
        markdown = self.renderer.inline.render(self.renderer.enriched.texts[note.id])
        block = NoteView(note.id, note.number, markdown, ())
        citing = [p for p in self.resolution.paragraphs() for r in p.footnote_refs if r.footnote == note.id]
        referred = [Link(ROOT + page_file(p.id), title_case_name(p.name)) for p in citing]
        name = f"footnote {note.number}"
        return self._view(note.id, name, note.text, "footnote", [], [block], [], referred)

    def _view(
        self,
        anchor: str,
        name: str,
        text: str,
        kind: str,
        context: list[tuple[Link, ParagraphView]],
        blocks: list[ParagraphView] | list[NoteView],
        notes: list[NoteView],
        referred: list[Link],
    ) -> PartView:
        page = paragraph_page(anchor)
        url = self.address.absolute(page)
        previous, following = self.neighbours[anchor]
        forms = self._citations(anchor, name, url)
        return PartView(
            anchor=anchor,
            title=title_case_name(name),
            kind=kind,
            front_matter=self._front_matter(anchor, name, text, page),
            context=context,
            blocks=blocks,
            notes=notes,
            referred_from=referred,
            full_text=f"{ROOT}text.md#{anchor}",
            previous=previous,
            next=following,
            citation=forms[0],
            bibtex=forms[1],
            csl_json=forms[2],
            data_file=data_file(self.file_stem, anchor),
            definitions=self.renderer.definitions(self._texts(anchor)),
        )

    def _citations(self, anchor: str, name: str, url: str | None) -> list[CitationForm]:
        """The plain, BibTeX and CSL-JSON citations of a part whose full address is ``url``."""

        def forms(address: str | None) -> tuple[str, str, str]:
            return (
                cited_with(plain_citation(self.meta, name), address),
                bibtex(self.meta, name, anchor, address),
                csl_json(self.meta, name, anchor, address),
            )

        if url:
            return [CitationForm(text) for text in forms(url)]
        return [
            CitationForm(text, slotted)
            for text, slotted in zip(forms(None), forms(ADDRESS_SLOT), strict=True)
        ]

    def _above(self, paragraph: Paragraph) -> list[Paragraph]:
        """The paragraphs a sub-paragraph belongs to, outermost first."""
        chain = []
        while paragraph.id in self.parents:
            paragraph = self.parents[paragraph.id]
            chain.insert(0, paragraph)
        return chain

    def _kind(self, paragraph: Paragraph) -> str:
        """``preambular``, ``operative`` or ``annex``: the part of the text it stands in."""
        top = next(iter(self._above(paragraph)), paragraph)
        if top in self.resolution.preamble:
            return "preambular"
        return "operative" if top in self.resolution.operative else "annex"

    def _chapeau(self, paragraph: Paragraph, depth: int) -> tuple[Link, ParagraphView]:
        """A paragraph above, as context: its own words without its sub-paragraphs."""
        view = self.renderer.paragraph_views(paragraph, self._kind(paragraph), depth, items=False)[0]
        link = Link(ROOT + page_file(paragraph.id), paragraph.name)
        return link, replace(view, classes=(*view.classes, "context"))

    def _texts(self, anchor: str) -> list[str]:
        """The keys of the enriched texts shown on a part's page."""
        paragraph = self.resolution.find(anchor)
        if paragraph is None:
            return [anchor]
        return [p.id for p in (*self._above(paragraph), *paragraph.walk())]

    def _front_matter(self, anchor: str, name: str, text: str, page: str) -> dict[str, Any]:
        """Title, description, JSON-LD and citation tags of the part's page (at ``page``, ``op1c/``):
        the words of the part first.

        The values are plain text: a renderer escapes them for where it prints them.
        """
        title = f"{title_case_name(name)}: “{quote(text, TITLE_QUOTE)}”"
        description = (
            f"“{quote(text, DESCRIPTION_QUOTE)}” {title_case_name(plain_citation(self.meta, name))}."
        )
        tags = citation_tags(self.resolution, self.address.absolute(page))
        tags["citation_title"] = f"{tags['citation_title']}, {name}"
        return {
            "title": title,
            "description": description,
            "jsonld": self._jsonld(anchor, name, text, page),
            "citation": tags,
            # Search has one result per paragraph, the full text's (it opens the paragraph
            # among its neighbours); a short page needs no table of contents beside it.
            "search": {"exclude": True},
            "hide": ["toc"],
        }

    def _jsonld(self, anchor: str, name: str, text: str, page: str) -> dict[str, Any]:
        """The part as a schema.org ``CreativeWork``; its addresses relative to its page (which
        JSON-LD resolves against the page's own) while the site's address is not known."""
        meta = self.meta
        paragraph = self.resolution.find(anchor)
        url = self.address.link(page, page)
        text_url = self.address.link(TEXT_PAGE, page)
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "CreativeWork",
            "@id": url,
            "url": url,
            "name": f"{meta.symbol}, {name}",
            "text": text,
            "inLanguage": "en",
            "isPartOf": {
                "@type": "Legislation",
                "@id": text_url,
                "name": meta.title or f"Resolution {meta.number}",
                "legislationIdentifier": meta.symbol,
                "url": text_url,
            },
        }
        if paragraph is not None and self.resolution.work_uri:
            data["identifier"] = portion_uri(self.resolution.work_uri, paragraph.eid)
        return data

    # --- the list ------------------------------------------------------------------------

    def _list(self) -> list[tuple[str, list[tuple[Link, str, int]]]]:
        """(group heading, [(page, the start of its words, depth)]) for the list page."""
        depth: dict[str, int] = {}
        for paragraph in self.resolution.paragraphs():  # a paragraph comes before its items
            parent = self.parents.get(paragraph.id)
            depth[paragraph.id] = depth[parent.id] + 1 if parent else 0

        def row(anchor: str, name: str, text: str) -> tuple[Link, str, int]:
            return (
                Link(paragraph_page(anchor) + "index.md", title_case_name(name)),
                quote(text, 70),
                depth.get(anchor, 0),
            )

        groups = [
            ("Preamble", [row(p.id, p.name, p.text) for top in self.resolution.preamble for p in top.walk()]),
            (
                "Operative part",
                [row(p.id, p.name, p.text) for top in self.resolution.operative for p in top.walk()],
            ),
        ]
        for annex in self.resolution.annexes:
            groups.append(
                (annex.heading, [row(p.id, p.name, p.text) for top in annex.paragraphs for p in top.walk()])
            )
        groups.append(
            ("Notes", [row(n.id, f"footnote {n.number}", n.text) for n in self.resolution.footnotes])
        )
        return [(heading, rows) for heading, rows in groups if rows]
