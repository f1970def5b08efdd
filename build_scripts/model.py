"""The document model: what the converter understood of a resolution.

Plain, frozen dataclasses. Every field that holds source text keeps it verbatim
(markup and footnote markers removed, lines joined); derived fields (dates as ISO
strings, numbers, lists of States) sit beside them. ``to_dict`` gives the versioned
JSON form printed by ``python -m build_scripts parse``.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from dataclasses import dataclass, field

from .identifiers import ParagraphAddress

MODEL_VERSION = 1


@dataclass(frozen=True)
class FootnoteRef:
    """A footnote marker that stood in a paragraph's text."""

    marker: str
    """The marker as printed, in superscript digits (``"¹"``)."""
    footnote: str
    """The id of the note it points to (``"fn1"``)."""
    offset: int
    """Where the marker stood: an index into the paragraph's ``text``."""


@dataclass(frozen=True)
class Paragraph:
    """A preambular, operative or annex paragraph, or a sub-paragraph of one."""

    id: str
    """The public anchor on the site (``"op1c"``)."""
    eid: str
    """The Akoma Ntoso eId (``"para_1__list_1__point_c"``)."""
    name: str
    """How a reader names it (``"operative paragraph 1 (c)"``)."""
    text: str
    """The whole text, with the lead, without the number or label."""
    line: int
    """The source line where it starts."""
    number: str | None = None
    """Its number or letter alone (``"1"``, ``"c"``, ``"ii"``), if it has one."""
    label: str | None = None
    """Its number as printed (``"1."``, ``"(c)"``, ``"–"``), if it has one."""
    lead: str | None = None
    """The opening phrase or the verb phrase (``"Recalling also"``, ``"Urges"``)."""
    items: tuple[Paragraph, ...] = ()
    """Its sub-paragraphs, in order."""
    footnote_refs: tuple[FootnoteRef, ...] = ()

    @property
    def address(self) -> ParagraphAddress:
        return ParagraphAddress(self.id, self.name, self.eid)

    def walk(self) -> Iterator[Paragraph]:
        """This paragraph, then its sub-paragraphs, depth first, in reading order."""
        yield self
        for item in self.items:
            yield from item.walk()

    def to_dict(self) -> dict:
        data: dict = {"id": self.id, "eid": self.eid, "name": self.name}
        if self.number is not None:
            data["number"] = self.number
        if self.label is not None:
            data["label"] = self.label
        if self.lead is not None:
            data["lead"] = self.lead
        data["text"] = self.text
        data["line"] = self.line
        if self.footnote_refs:
            data["footnote_refs"] = [
                {"marker": r.marker, "footnote": r.footnote, "offset": r.offset} for r in self.footnote_refs
            ]
        if self.items:
            data["items"] = [item.to_dict() for item in self.items]
        return data


@dataclass(frozen=True)
class Division:
    """A part, section, chapter, article or unnumbered heading, and what it holds.

    A division runs from its heading to the next division of the same or a higher level:
    its own paragraphs come first, then its sub-divisions.
    """

    kind: str
    """``part`` (A, B), ``section`` (I, II), ``chapter``, ``article`` or ``heading`` (no number)."""
    id: str
    """The public anchor (``"section-ii"``, ``"part-a-section-i"``, ``"annex-article-5"``)."""
    eid: str
    """The Akoma Ntoso eId (``"sec_II"``, ``"att_1__art_5"``)."""
    name: str
    """How a reader names it (``"section II"``, ``"annex, article 5"``)."""
    line: int
    number: str | None = None
    """Its number alone (``"II"``, ``"A"``, ``"5"``); None for a heading."""
    label: str | None = None
    """Its number as printed (``"II."``, ``"Chapter I"``, ``"Article 5"``)."""
    heading: str | None = None
    """Its heading text (``"Informal system"``), if it has one."""
    paragraphs: tuple[Paragraph, ...] = ()
    """The paragraphs directly in it, before any sub-division."""
    divisions: tuple[Division, ...] = ()

    def walk(self) -> Iterator[tuple[int, Division | Paragraph]]:
        """(depth, item): this division (0), its paragraphs (1), then its sub-divisions, in reading order."""
        yield 0, self
        for paragraph in self.paragraphs:
            yield 1, paragraph
        for division in self.divisions:
            for depth, item in division.walk():
                yield depth + 1, item

    def to_dict(self) -> dict:
        data: dict = {"kind": self.kind, "id": self.id, "eid": self.eid, "name": self.name}
        for key in ("number", "label", "heading"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        data["line"] = self.line
        data["paragraphs"] = [p.id for p in self.paragraphs]
        if self.divisions:
            data["divisions"] = [d.to_dict() for d in self.divisions]
        return data


def outline(
    tops: tuple[Paragraph, ...], divisions: tuple[Division, ...]
) -> Iterator[tuple[int, Division | Paragraph]]:
    """(depth, item) in reading order: the paragraphs outside any division, then the divisions.

    ``tops`` are all the top-level paragraphs of a text, in or out of divisions.
    """
    inside = {id(p) for d in divisions for _, p in d.walk() if isinstance(p, Paragraph)}
    free = [p for p in tops if id(p) not in inside]
    # Both run in reading order; a heading over the preamble comes before the first operative
    # paragraph, which is outside it, so the two are merged by source line.
    for item in heapq.merge(free, divisions, key=lambda item: item.line):
        if isinstance(item, Division):
            yield from item.walk()
        else:
            yield 0, item


@dataclass(frozen=True)
class Footnote:
    """A note printed at the foot of a page."""

    id: str
    """The public anchor (``"fn1"``)."""
    marker: str
    """The marker as printed (``"¹"``)."""
    number: int
    text: str
    line: int
    ref: str | None
    """The id of the paragraph that cites it, if a marker for it was found."""

    @property
    def address(self) -> ParagraphAddress:
        return ParagraphAddress(self.id, f"footnote {self.number}")

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "marker": self.marker,
            "number": self.number,
            "text": self.text,
            "line": self.line,
            "ref": self.ref,
        }


@dataclass(frozen=True)
class Session:
    ordinal: str
    """As printed: ``"Fifty-third session"``."""
    number: int | None
    dates: str | None = None
    """As printed: ``"19 June–14 July 2023"``."""
    start: str | None = None
    """ISO date."""
    end: str | None = None


@dataclass(frozen=True)
class AgendaItem:
    number: str
    title: str | None = None


@dataclass(frozen=True)
class Metadata:
    """What the masthead and heading say, parsed."""

    organ: str | None
    """The organ of the masthead (``"General Assembly"``)."""
    body: str
    """The body that adopted it (``"Human Rights Council"``)."""
    body_code: str
    """Its short code from the bodies data (``"un-hrc"``)."""
    number: str
    """The resolution number as printed (``"53/9"``, ``"1234 (2002)"``)."""
    symbol: str
    title: str | None
    adopted: str | None
    """ISO date of adoption."""
    distribution: str | None = None
    distribution_date: str | None = None
    original_language: str | None = None
    session: Session | None = None
    agenda_item: AgendaItem | None = None
    lead_in: str | None = None
    """A line such as ``[on the report of the Third Committee (A/78/481)]``."""
    adopted_at: str | None = None
    """The meeting named in a Security Council heading (``"4653rd meeting"``)."""


@dataclass(frozen=True)
class RecordedVote:
    in_favour: tuple[str, ...]
    against: tuple[str, ...]
    abstaining: tuple[str, ...]


@dataclass(frozen=True)
class VoteCount:
    """The numbers of a vote: "by a recorded vote of 28 to 13, with 6 abstentions"."""

    in_favour: int
    against: int
    abstentions: int


@dataclass(frozen=True)
class Closing:
    """The lines after the last operative paragraph."""

    lines: tuple[str, ...]
    """Verbatim, in order."""
    meeting: str | None = None
    date: str | None = None
    vote: str | None = None
    """The vote in plain words (``"Adopted without a vote"``)."""
    recorded_vote: RecordedVote | None = None
    count: VoteCount | None = None
    """The numbers of the vote, when it was not adopted without a vote."""


@dataclass(frozen=True)
class Annex:
    id: str
    """The anchor prefix of its paragraphs (``"annex"``, ``"annex2"``)."""
    eid: str
    heading: str
    """As printed: ``"Annex"``, ``"Annex II"``."""
    title_lines: tuple[str, ...]
    paragraphs: tuple[Paragraph, ...]
    """Every top-level paragraph, in or out of its divisions, in reading order."""
    line: int
    divisions: tuple[Division, ...] = ()

    @property
    def title(self) -> str | None:
        return " ".join(self.title_lines) or None

    def outline(self) -> Iterator[tuple[int, Division | Paragraph]]:
        return outline(self.paragraphs, self.divisions)

    def to_dict(self) -> dict:
        data = {
            "id": self.id,
            "eid": self.eid,
            "heading": self.heading,
            "title": self.title,
            "title_lines": list(self.title_lines),
            "paragraphs": [p.to_dict() for p in self.paragraphs],
        }
        if self.divisions:
            data["divisions"] = [d.to_dict() for d in self.divisions]
        return data


@dataclass(frozen=True)
class Resolution:
    """One resolution, as the converter understood it."""

    source: str
    """The file it was read from, as given."""
    masthead: tuple[str, ...]
    """Every line before the enacting formula, verbatim, markup removed."""
    metadata: Metadata
    enacting_formula: str | None
    enacting_line: int | None
    preamble: tuple[Paragraph, ...]
    operative: tuple[Paragraph, ...]
    footnotes: tuple[Footnote, ...]
    closing: Closing
    annexes: tuple[Annex, ...] = field(default=())
    work_uri: str = ""
    divisions: tuple[Division, ...] = field(default=())
    """The parts, sections and headings of the body (preamble and operative part), if any."""
    """The Akoma Ntoso work URI (``/akn/un/statement/deliberation/un-hrc/2023-07-12/53-9``)."""

    @property
    def heading_index(self) -> int | None:
        """Which masthead line is the document's heading ("53/9. Title", "Resolution 1234 (2002)")."""
        number = self.metadata.number
        return next(
            (
                i
                for i, line in enumerate(self.masthead)
                if line.startswith(f"{number}.") or line == f"Resolution {number}"
            ),
            None,
        )

    def outline(self) -> Iterator[tuple[int, Division | Paragraph]]:
        """(depth, item) of the body's divisions and top-level paragraphs, in reading order."""
        # Outside the divisions, the preamble comes before the operative part.
        return outline((*self.preamble, *self.operative), self.divisions)

    def source_texts(self) -> Iterator[str]:
        """Every text the source gave, in reading order, footnotes apart: the masthead, the
        enacting formula, each division's label and heading, each paragraph's label and text,
        the closing, and each annex's heading, title and body."""
        yield from self.masthead
        if self.enacting_formula:
            yield self.enacting_formula
        yield from _outlined(self.outline())
        yield from self.closing.lines
        for annex in self.annexes:
            yield annex.heading
            yield from annex.title_lines
            yield from _outlined(annex.outline())

    def all_divisions(self) -> Iterator[Division]:
        """Every division of the body and of the annexes, in reading order."""
        for annex_outline in (self.outline(), *(a.outline() for a in self.annexes)):
            yield from (item for _, item in annex_outline if isinstance(item, Division))

    def paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph and sub-paragraph, in reading order."""
        for part in (self.outline(), *(a.outline() for a in self.annexes)):
            for _, item in part:
                if isinstance(item, Paragraph):
                    yield from item.walk()

    def find(self, anchor: str) -> Paragraph | None:
        return next((p for p in self.paragraphs() if p.id == anchor), None)

    def to_dict(self) -> dict:
        meta = self.metadata
        session = meta.session
        agenda = meta.agenda_item
        data: dict = {
            "version": MODEL_VERSION,
            "source": self.source,
            "symbol": meta.symbol,
            "body": meta.body,
            "number": meta.number,
            "title": meta.title,
            "adopted": meta.adopted,
            "work_uri": self.work_uri,
            "metadata": {
                "organ": meta.organ,
                "body_code": meta.body_code,
                "distribution": meta.distribution,
                "distribution_date": meta.distribution_date,
                "original_language": meta.original_language,
                "session": None
                if session is None
                else {
                    "ordinal": session.ordinal,
                    "number": session.number,
                    "dates": session.dates,
                    "start": session.start,
                    "end": session.end,
                },
                "agenda_item": None if agenda is None else {"number": agenda.number, "title": agenda.title},
                "lead_in": meta.lead_in,
                "adopted_at": meta.adopted_at,
            },
            "masthead": list(self.masthead),
            "enacting_formula": self.enacting_formula,
            "preamble": [p.to_dict() for p in self.preamble],
            "operative": [p.to_dict() for p in self.operative],
            "footnotes": [f.to_dict() for f in self.footnotes],
            "closing": {
                "lines": list(self.closing.lines),
                "meeting": self.closing.meeting,
                "date": self.closing.date,
                "vote": self.closing.vote,
                "recorded_vote": None
                if self.closing.recorded_vote is None
                else {
                    "in_favour": list(self.closing.recorded_vote.in_favour),
                    "against": list(self.closing.recorded_vote.against),
                    "abstaining": list(self.closing.recorded_vote.abstaining),
                },
            },
            "annexes": [a.to_dict() for a in self.annexes],
        }
        # Keys that only structured texts and counted votes have: absent otherwise, so a
        # resolution without them keeps the JSON it always had.
        count = self.closing.count
        if count is not None:
            data["closing"]["count"] = {
                "in_favour": count.in_favour,
                "against": count.against,
                "abstentions": count.abstentions,
            }
        if self.divisions:
            data["divisions"] = [d.to_dict() for d in self.divisions]
        return data


def _outlined(items: Iterator[tuple[int, Division | Paragraph]]) -> Iterator[str]:
    """Division labels and headings, paragraphs with their labels, in the outline's order."""
    for _, item in items:
        if isinstance(item, Division):
            yield from (text for text in (item.label, item.heading) if text)
        else:
            for paragraph in item.walk():
                if paragraph.label:
                    yield paragraph.label
                yield paragraph.text
