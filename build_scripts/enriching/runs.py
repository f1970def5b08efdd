"""A text cut into runs: the one place that decides where links, the lead and footnote markers fall.

Every writer of a paragraph (the pages, the Markdown and plain-text downloads, Akoma Ntoso)
folds over the same runs, so the rules are written once: the lead (the italic verb or opening
phrase) is never cut by a link, a link never cuts a footnote marker in two, and the runs'
words, put together, are the text exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ..model import FootnoteRef
from .catalogue import Entry
from .enrich import Span

RunKind = Literal["text", "entry", "symbol", "marker"]


@dataclass(frozen=True)
class Run:
    """A stretch of a text that is written one way."""

    kind: RunKind
    """``text`` plain words; ``entry`` a term or instrument of the catalogue; ``symbol`` a cited
    document; ``marker`` a footnote marker (no words: it stands between two runs)."""
    text: str
    in_lead: bool = False
    """Part of the lead, which the UN prints in italics."""
    entry: Entry | None = None
    url: str | None = None
    """For a symbol: its address in the UN's document system."""
    footnote: str | None = None
    """For a marker: the footnote's id (``fn1``)."""


def lead_length(text: str, lead: str | None) -> int:
    """How many characters of ``text`` the lead covers (0 when it has none)."""
    return len(lead) if lead and text.startswith(lead) else 0


def _linkable(span: Span, lead_end: int, refs: Sequence[FootnoteRef]) -> bool:
    crosses_lead = span.start < lead_end < span.end
    splits_marker = any(span.start < ref.offset < span.end for ref in refs)
    return not crosses_lead and not splits_marker


def marker_run(ref: FootnoteRef, lead_end: int) -> Run:
    """A marker inside the lead stays in the italics; one at its start or end is outside them."""
    return Run("marker", "", 0 < ref.offset < lead_end, footnote=ref.footnote)


def runs(
    text: str, spans: Sequence[Span] = (), lead: str | None = None, refs: Sequence[FootnoteRef] = ()
) -> tuple[Run, ...]:
    """``text`` as runs, in order; spans that would cut the lead or a marker stay plain text."""
    lead_end = lead_length(text, lead)
    links = sorted((s for s in spans if _linkable(s, lead_end, refs)), key=lambda s: s.start)
    markers = sorted(refs, key=lambda r: r.offset)
    out: list[Run] = []

    def words(start: int, end: int) -> None:
        """Plain text from start to end, cut at the end of the lead."""
        for piece_start, piece_end in ((start, min(end, lead_end)), (max(start, lead_end), end)):
            if piece_start < piece_end:
                out.append(Run("text", text[piece_start:piece_end], piece_start < lead_end))

    position, marker_index = 0, 0
    for span in links:
        while marker_index < len(markers) and markers[marker_index].offset <= span.start:
            words(position, markers[marker_index].offset)
            position = max(position, markers[marker_index].offset)
            out.append(marker_run(markers[marker_index], lead_end))
            marker_index += 1
        words(position, span.start)
        kind: RunKind = "entry" if span.entry is not None else "symbol"
        out.append(Run(kind, text[span.start : span.end], span.start < lead_end, span.entry, span.url))
        position = span.end
    for marker in markers[marker_index:]:
        words(position, marker.offset)
        position = max(position, marker.offset)
        out.append(marker_run(marker, lead_end))
    words(position, len(text))
    return tuple(out)
