"""One text of the resolution -> one line of Markdown, with its links and footnote references.

The lead (verb or opening phrase) is set in italics, as the UN prints it. Links come from the
enriched spans; a span that would cut the lead or a footnote marker in two is not linked.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..enriching.catalogue import Entry
from ..enriching.enrich import AnnotatedText, Span
from ..model import FootnoteRef
from .escape import markdown_text


def _keep(span: Span, lead_end: int, refs: Sequence[FootnoteRef]) -> bool:
    crosses_lead = span.start < lead_end < span.end
    splits_marker = any(span.start < r.offset < span.end for r in refs)
    return not crosses_lead and not splits_marker


class InlineRenderer:
    """Writes texts as Markdown through the macros of ``templates/inline.j2``."""

    def __init__(self, macros: Any) -> None:
        self.macros = macros
        self.ref_ids: dict[str, int] = {}
        self.described: set[tuple[str, str]] = set()
        """The entries whose definition a link of the page already carries."""

    def start_page(self) -> None:
        """Footnote reference ids and definitions count again from the top of a new page."""
        self.ref_ids.clear()
        self.described.clear()

    def ref_id(self, footnote: str) -> str:
        """``fnref1`` for the first reference to fn1, ``fnref1-2`` for a second one."""
        count = self.ref_ids[footnote] = self.ref_ids.get(footnote, 0) + 1
        base = "fnref" + footnote.removeprefix("fn")
        return base if count == 1 else f"{base}-{count}"

    def render(
        self, annotated: AnnotatedText, lead: str | None = None, refs: Sequence[FootnoteRef] = ()
    ) -> str:
        text = annotated.text
        lead_end = len(lead) if lead and text.startswith(lead) else 0
        spans = [s for s in annotated.spans if _keep(s, lead_end, refs)]
        if not lead_end:
            return self._range(text, 0, len(text), spans, refs)
        head = self._range(
            text,
            0,
            lead_end,
            [s for s in spans if s.end <= lead_end],
            [r for r in refs if r.offset < lead_end],
        )
        tail = self._range(
            text,
            lead_end,
            len(text),
            [s for s in spans if s.start >= lead_end],
            [r for r in refs if r.offset >= lead_end],
        )
        return self.macros.emphasis(head) + tail

    def _entry_link(self, words: str, entry: Entry) -> str:
        """A link to a catalogue entry. Only the entry's first link on a page is described by its
        definition: a screen reader would otherwise repeat it at every mention."""
        key = (entry.page, entry.id)
        first = key not in self.described
        self.described.add(key)
        return self.macros.entry_link(words, entry, first)

    def _range(
        self, text: str, start: int, end: int, spans: Sequence[Span], refs: Sequence[FootnoteRef]
    ) -> str:
        events = sorted(
            [(s.start, 1, s) for s in spans] + [(r.offset, 0, r) for r in refs], key=lambda e: e[:2]
        )
        out, position = [], start
        for at, _, item in events:
            out.append(markdown_text(text[position:at]))
            if isinstance(item, Span):
                words = markdown_text(text[item.start : item.end])
                link = (
                    self._entry_link(words, item.entry)
                    if item.entry
                    else self.macros.symbol_link(words, item.url)
                )
                out.append(link)
                position = item.end
            else:
                number = item.footnote.removeprefix("fn")
                out.append(self.macros.footnote_ref(number, self.ref_id(item.footnote)))
                position = at
        out.append(markdown_text(text[position:end]))
        return "".join(out)
