"""One text of the resolution -> one line of Markdown, with its links and footnote references.

The text's runs (:mod:`build_scripts.enriching.runs`) decide where links, the lead and the
markers fall; this module only writes each run through the macros of ``templates/inline.j2``.
The lead is set in italics, as the UN prints it.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from typing import Any

from ..enriching.catalogue import Entry
from ..enriching.enrich import AnnotatedText
from ..enriching.runs import Run, runs
from ..identifiers import footnote_number, footnote_ref_id
from ..model import FootnoteRef
from .escape import Markdown


class InlineRenderer:
    """Writes texts as Markdown through the macros of ``templates/inline.j2``."""

    def __init__(self, macros: Any) -> None:
        self.macros = macros
        self.ref_ids: dict[str, int] = {}
        self.root = ""
        """The way from the page being written to the folder of the site's pages (``../``)."""
        self.described: set[tuple[str, str]] = set()
        """The entries whose definition a link of the page already carries."""
        self.named: dict[tuple[str, str], Entry] = {}
        """The entries a later link names because its words are not the entry's name."""

    def start_page(self) -> None:
        """Footnote reference ids and definitions count again from the top of a new page."""
        self.ref_ids.clear()
        self.described.clear()
        self.named.clear()

    def ref_id(self, footnote: str) -> str:
        """``fnref1`` for the first reference to fn1, ``fnref1-2`` for a second one."""
        count = self.ref_ids[footnote] = self.ref_ids.get(footnote, 0) + 1
        return footnote_ref_id(footnote_number(footnote), count)

    def render(
        self, annotated: AnnotatedText, lead: str | None = None, refs: Sequence[FootnoteRef] = ()
    ) -> Markdown:
        pieces = runs(annotated.text, annotated.spans, lead, refs)
        out = []
        for in_lead, group in groupby(pieces, key=lambda run: run.in_lead):
            written = Markdown().join(self._run(run) for run in group)
            out.append(self.macros.emphasis(written) if in_lead else written)
        return Markdown().join(out)

    def _run(self, run: Run) -> Markdown | str:
        """A run as Markdown; its words as plain text, which the join escapes."""
        if run.kind == "marker":
            assert run.footnote is not None
            return self.macros.footnote_ref(footnote_number(run.footnote), self.ref_id(run.footnote))
        if run.kind == "entry":
            entry = run.entry
            assert entry is not None
            href = f"{self.root}{entry.page}.md#{entry.id}"
            css_class = "gl-term" if entry.kind == "term" else "gl-ref"
            return self.macros.entry_link(run.text, href, css_class, self._description(run.text, entry))
        if run.kind == "symbol":
            return self.macros.symbol_link(run.text, run.url)
        return run.text

    def _description(self, words: str, entry: Entry) -> str:
        """The id of what describes a link to an entry: its definition on the entry's first link
        of the page (a screen reader would otherwise repeat it at every mention); on later links
        only the kind of entry ("Glossary entry"), with its name if the words do not say it."""
        key = (entry.page, entry.id)
        if key not in self.described:
            self.described.add(key)
            return f"def-{entry.page}-{entry.id}"
        if " ".join(words.split()).casefold() == entry.name.casefold():
            return f"entry-{entry.page}"
        self.named[key] = entry
        return f"entry-{entry.page}-{entry.id}"
