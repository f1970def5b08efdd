"""The document model -> Akoma Ntoso 3.0 XML, as the UN's AKN4UN profile marks up resolutions.

A resolution is a ``<statement name="deliberation">``: the masthead goes in the preface, the
enacting formula and the preambular paragraphs in the preamble, the operative paragraphs in
the main body (``<paragraph>``, ``<list>``, ``<point>``), the meeting, date and vote in the
conclusions and each annex in an ``<attachment>`` with its own ``<doc>``. Footnotes become
``<authorialNote>`` elements at the place of their markers. The bytes are deterministic:
no timestamps (every FRBR date is the adoption date), attributes in a fixed order.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lxml import etree

from ..dates import DATE, iso_date
from ..enriching.catalogue import Entry
from ..enriching.enrich import AnnotatedText, Span
from ..enriching.runs import Run, runs
from ..identifiers import frbr_uri
from ..model import Annex, Division, Footnote, Metadata, Paragraph, Resolution

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
LANGUAGE = "eng"
PUBLISHER = ("un-resolution-site", "/akn/ontology/organization/un/un-resolution-site", "un-resolution-site")
"""Who made the markup (eId, href, showAs): the ``source`` of identification and references."""
_DATE = re.compile(DATE)
_TLC_BY_CATEGORY = {"un-body": "TLCOrganization", "fund": "TLCOrganization", "mechanism": "TLCReference"}
_TLC_BY_KIND = {"term": "TLCTerm", "theme": "TLCConcept"}

Element = etree._Element
Texts = Mapping[str, AnnotatedText]
"""The enriched texts by paragraph or footnote id (empty: nothing is marked but the notes)."""


@dataclass(frozen=True)
class Notes:
    """What a paragraph's ``<p>`` needs besides the paragraph: footnotes by id, enriched texts."""

    footnotes: dict[str, Footnote]
    texts: Texts


Mark = tuple[str, str, dict[str, str]]
"""A substring to wrap in an element: (substring, tag, attributes)."""


def _sub(parent: Element, tag: str, text: str | None = None, **attrs: str) -> Element:
    element = etree.SubElement(parent, f"{{{NS}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def _append_text(parent: Element, text: str) -> None:
    if not text:
        return
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


# --- Metadata ----------------------------------------------------------------------------


def _date(resolution: Resolution) -> str:
    found = resolution.metadata.adopted or resolution.closing.date or resolution.metadata.distribution_date
    if found is None:
        raise ValueError(f"{resolution.source}: no adoption date, so no Akoma Ntoso FRBR dates")
    return found


def _identification(parent: Element, resolution: Resolution, component: str) -> None:
    """FRBRWork, FRBRExpression and FRBRManifestation of the document or one of its annexes."""
    meta, date = resolution.metadata, _date(resolution)
    uri = frbr_uri(meta.body_code, date, meta.number, LANGUAGE)
    work, expression = resolution.work_uri, uri.expression_uri()
    author = f"#{meta.body_code}"
    identification = _sub(parent, "identification", source=f"#{PUBLISHER[0]}")
    levels = (
        ("FRBRWork", f"{work}/!{component}", work),
        ("FRBRExpression", f"{expression}/!{component}", expression),
        ("FRBRManifestation", f"{expression}/!{component}.xml", f"{expression}.xml"),
    )
    for tag, this, uri in levels:
        level = _sub(identification, tag)
        _sub(level, "FRBRthis", value=this)
        _sub(level, "FRBRuri", value=uri)
        if tag == "FRBRWork":
            _sub(level, "FRBRalias", value=meta.symbol, name="symbol")
        _sub(level, "FRBRdate", date=date, name="adoption")
        _sub(level, "FRBRauthor", href=author)
        if tag == "FRBRWork":
            _work_properties(level, meta)
        elif tag == "FRBRExpression":
            _sub(level, "FRBRlanguage", language=LANGUAGE)


def _work_properties(work: Element, meta: Metadata) -> None:
    _sub(work, "FRBRcountry", value="un")
    _sub(work, "FRBRsubtype", value="deliberation")
    _sub(work, "FRBRnumber", value=meta.number)
    _sub(work, "FRBRname", value="resolution")


def _tlc(entry: Entry) -> tuple[str, dict[str, str]]:
    """The TLC element and its attributes for a catalogue entry."""
    tag = _TLC_BY_KIND.get(entry.kind) or _TLC_BY_CATEGORY.get(entry.category or "", "TLCConcept")
    ontology = {"TLCOrganization": "organization", "TLCTerm": "term"}.get(tag, "concept")
    attrs = {"eId": entry.id, "href": f"/akn/ontology/{ontology}/un/{entry.id}", "showAs": entry.name}
    short = (entry.acronyms or entry.short_names or (None,))[0]
    if short:
        attrs["shortForm"] = short
    if tag == "TLCReference":
        attrs["name"] = entry.category or entry.kind
    return tag, attrs


def _references(parent: Element, meta: Metadata, entries: Sequence[Entry]) -> None:
    references = _sub(parent, "references", source=f"#{PUBLISHER[0]}")
    eid, href, show = PUBLISHER
    _sub(references, "TLCOrganization", eId=eid, href=href, showAs=show)
    body = f"/akn/ontology/organization/un/{meta.body_code}"
    _sub(references, "TLCOrganization", eId=meta.body_code, href=body, showAs=meta.body)
    seen = {eid, meta.body_code}
    for entry in entries:
        if entry.id in seen:
            continue
        seen.add(entry.id)
        tag, attrs = _tlc(entry)
        _sub(references, tag, **attrs)


# --- Text with inline markup -------------------------------------------------------------


def _inline(parent: Element, run: Run) -> None:
    """A term, an instrument or a cited document, marked where it stands."""
    entry = run.entry
    if entry is None:
        _sub(parent, "ref", run.text, href=run.url or "")
        return
    tag = _tlc(entry)[0]
    if tag in ("TLCTerm", "TLCOrganization"):
        _sub(parent, "term" if tag == "TLCTerm" else "organization", run.text, refersTo=f"#{entry.id}")
    elif entry.url:
        _sub(parent, "ref", run.text, href=entry.url)
    else:
        _sub(parent, "concept", run.text, refersTo=f"#{entry.id}")


def _fill(parent: Element, pieces: Sequence[Run], notes: Sequence[Element | None] = ()) -> None:
    """Write the runs into ``parent``: the lead in ``<i>``, each marker's note where it stood."""
    waiting = iter(notes)
    italic: Element | None = None
    for run in pieces:
        target = parent
        if run.in_lead:
            italic = _sub(parent, "i") if italic is None else italic
            target = italic
        if run.kind == "marker":
            note = next(waiting, None)
            if note is not None:
                target.append(note)
        elif run.kind == "text":
            _append_text(target, run.text)
        else:
            _inline(target, run)


def _spans(parent: Element, line: str, marks: Sequence[Mark], date_tag: str) -> None:
    """Write ``line``, wrapping the first occurrence of each (substring, tag, attrs) and each date."""
    found: list[tuple[int, int, str, dict[str, str]]] = []
    for needle, tag, attrs in marks:
        at = line.find(needle) if needle else -1
        if at >= 0:
            found.append((at, at + len(needle), tag, attrs))
    for match in _DATE.finditer(line):
        iso = iso_date(match.group())
        if iso and not line[: match.start()].rstrip().endswith(("–", "-")):  # not the end of a range
            found.append((match.start(), match.end(), date_tag, {"date": iso}))
    position = 0
    for start, end, tag, attrs in sorted(found, key=lambda span: span[0]):
        if start < position:
            continue
        _append_text(parent, line[position:start])
        _sub(parent, tag, line[start:end], **attrs)
        position = end
    _append_text(parent, line[position:])


# --- Preface, preamble, conclusions ------------------------------------------------------


def _preface(parent: Element, resolution: Resolution) -> None:
    meta = resolution.metadata
    preface = _sub(parent, "preface")
    if not any(meta.symbol in line for line in resolution.masthead):
        _sub(_sub(preface, "p", **{"class": "symbol"}), "docNumber", meta.symbol)
    marks: list[Mark] = [
        (meta.symbol, "docNumber", {}),
        (meta.body, "docAuthority", {"refersTo": f"#{meta.body_code}"}),
    ]
    if meta.title:
        marks.append((meta.title, "docTitle", {}))
    if meta.session:
        value = {"value": str(meta.session.number)} if meta.session.number is not None else {}
        marks.append((meta.session.ordinal, "session", value))
    for line in resolution.masthead:
        kind = _masthead_class(line, meta)
        if kind:
            _sub(preface, "p", line, **{"class": kind})
        else:
            _spans(_sub(preface, "p"), line, marks, "docDate")


def _masthead_class(line: str, meta: Metadata) -> str | None:
    """A class name for a masthead line that has no element of its own; it stays plain text."""
    if line == meta.organ and meta.organ != meta.body:
        return "organ"
    if line.startswith("Agenda item"):
        return "agendaItem"
    if meta.agenda_item and line == meta.agenda_item.title:
        return "agendaItemTitle"
    if meta.session and line == meta.session.dates:
        return "sessionDates"
    if line == meta.lead_in:
        return "leadIn"
    return None


def _preamble(parent: Element, resolution: Resolution, notes: Notes) -> None:
    if not resolution.enacting_formula and not resolution.preamble:
        return
    preamble = _sub(parent, "preamble")
    if resolution.enacting_formula:
        meta = resolution.metadata
        body = (meta.body, "organization", {"refersTo": f"#{meta.body_code}"})
        formula = _sub(_sub(preamble, "formula", name="enactingFormula"), "p")
        _spans(formula, resolution.enacting_formula, [body], "date")
    inside = _in_divisions(resolution.divisions)
    for paragraph in resolution.preamble:
        if id(paragraph) in inside:
            continue
        if paragraph.items:
            container = _sub(preamble, "container", eId=paragraph.eid, name="preambularParagraph")
            _text_p(container, paragraph, notes)
            _block_list(container, paragraph.items, notes)
        else:
            _text_p(preamble, paragraph, notes, eId=paragraph.eid)
    for division in resolution.divisions:
        if _in_preamble(division, resolution):
            _preamble_heading(preamble, division, notes)


def _in_divisions(divisions: Sequence[Division]) -> set[int]:
    """The ids (``id()``) of the paragraphs that are in one of the divisions."""
    return {id(item) for d in divisions for _, item in d.walk() if isinstance(item, Paragraph)}


def _in_preamble(division: Division, resolution: Resolution) -> bool:
    """An unnumbered heading over preambular paragraphs only: it stays in the preamble."""
    preambular = {id(p) for p in resolution.preamble}
    return (
        division.kind == "heading"
        and not division.divisions
        and all(id(p) in preambular for p in division.paragraphs)
    )


def _preamble_heading(parent: Element, division: Division, notes: Notes) -> None:
    """A heading in the preamble and the paragraphs under it, as a block container."""
    box = _sub(parent, "blockContainer", eId=division.eid, **{"class": "crossHeading"})
    _sub(box, "crossHeading", division.heading or "", eId=f"{division.eid}__crossHeading_1")
    for paragraph in division.paragraphs:
        _intro_paragraph(box, paragraph, notes)


def _conclusions(parent: Element, resolution: Resolution) -> None:
    closing = resolution.closing
    if not closing.lines:
        return
    conclusions = _sub(parent, "conclusions")
    for line in closing.lines:
        kind = _closing_class(line, closing.meeting)
        _spans(_sub(conclusions, "p", **({"class": kind} if kind else {})), line, (), "date")


def _closing_class(line: str, meeting: str | None) -> str | None:
    if line == meeting:
        return "meeting"
    return "vote" if line.lstrip("[").startswith("Adopted") else None


# --- Paragraphs --------------------------------------------------------------------------


def _note(paragraph: Paragraph, index: int, footnote: Footnote, texts: Texts) -> Element:
    eid = f"{paragraph.eid}__authorialNote_{index}"
    note = etree.Element(f"{{{NS}}}authorialNote", marker=str(footnote.number), placement="bottom", eId=eid)
    _fill(_sub(note, "p"), runs(footnote.text, _spans_of(texts, footnote.id)))
    return note


def _spans_of(texts: Texts, key: str) -> tuple[Span, ...]:
    annotated = texts.get(key)
    return annotated.spans if annotated is not None else ()


def _text_p(parent: Element, paragraph: Paragraph, notes: Notes, **attrs: str) -> Element:
    """A ``<p>`` with the paragraph's own text, lead in italics, marks and notes in place."""
    p = _sub(parent, "p", **attrs)
    refs = sorted(paragraph.footnote_refs, key=lambda ref: ref.offset)
    placed = [
        _note(paragraph, index, notes.footnotes[ref.footnote], notes.texts)
        if ref.footnote in notes.footnotes
        else None
        for index, ref in enumerate(refs, start=1)
    ]
    _fill(p, runs(paragraph.text, _spans_of(notes.texts, paragraph.id), paragraph.lead, refs), placed)
    return p


def _hierarchy(parent: Element, tag: str, paragraph: Paragraph, notes: Notes) -> None:
    """``<paragraph>``, ``<point>`` or ``<indent>``: number, then content, or intro and a list."""
    element = _sub(parent, tag, eId=paragraph.eid)
    if paragraph.label:
        _sub(element, "num", paragraph.label)
    if not paragraph.items:
        _text_p(_sub(element, "content"), paragraph, notes)
        return
    _text_p(_sub(element, "intro"), paragraph, notes)
    items = _sub(element, "list", eId=_list_eid(paragraph))
    for item in paragraph.items:
        _hierarchy(items, "indent" if "__indent_" in item.eid else "point", item, notes)


_DIVISION_TAGS = {"part": "part", "section": "section", "chapter": "chapter", "article": "article"}


def _division(parent: Element, division: Division, notes: Notes) -> None:
    """A part, section, chapter, article or heading: number, heading, its paragraphs (the
    unnumbered ones that open it in ``<intro>``, those that close it in ``<wrapUp>``), then
    its sub-divisions."""
    tag = _DIVISION_TAGS.get(division.kind, "hcontainer")
    attrs = {"eId": division.eid} | ({"name": "crossHeading"} if tag == "hcontainer" else {})
    element = _sub(parent, tag, **attrs)
    if division.label:
        _sub(element, "num", division.label)
    if division.heading:
        _sub(element, "heading", division.heading)
    opening = [p for p in division.paragraphs if "__intro__p_" in p.eid]
    closing = [p for p in division.paragraphs if "__wrapUp__p_" in p.eid]
    if opening:
        intro = _sub(element, "intro")
        for paragraph in opening:
            _intro_paragraph(intro, paragraph, notes)
    for paragraph in division.paragraphs:
        if paragraph not in opening and paragraph not in closing:
            _hierarchy(element, "paragraph", paragraph, notes)
    for child in division.divisions:
        _division(element, child, notes)
    if closing:
        wrap_up = _sub(element, "wrapUp")
        for paragraph in closing:
            _intro_paragraph(wrap_up, paragraph, notes)


def _intro_paragraph(parent: Element, paragraph: Paragraph, notes: Notes) -> None:
    """An unnumbered paragraph among blocks: a ``<p>``, or a block container with its items."""
    if not paragraph.items:
        _text_p(parent, paragraph, notes, eId=paragraph.eid)
        return
    box = _sub(parent, "blockContainer", eId=paragraph.eid)
    _text_p(box, paragraph, notes)
    _block_list(box, paragraph.items, notes)


def _main_body(
    parent: Element, tops: Sequence[Paragraph], divisions: Sequence[Division], notes: Notes
) -> None:
    """The paragraphs outside any division, then the divisions."""
    inside = _in_divisions(divisions)
    for paragraph in tops:
        if id(paragraph) not in inside:
            _hierarchy(parent, "paragraph", paragraph, notes)
    for division in divisions:
        _division(parent, division, notes)


def _list_eid(paragraph: Paragraph) -> str:
    return paragraph.items[0].eid.rsplit("__", 1)[0]


def _block_list(parent: Element, items: Sequence[Paragraph], notes: Notes) -> None:
    """Sub-items of a preambular paragraph: ``<blockList>`` of ``<item>`` (the preamble holds blocks)."""
    block_list = _sub(parent, "blockList", eId=items[0].eid.rsplit("__", 1)[0])
    for item in items:
        element = _sub(block_list, "item", eId=item.eid)
        if item.label:
            _sub(element, "num", item.label)
        _text_p(element, item, notes)
        if item.items:
            _block_list(element, item.items, notes)


# --- Annexes and the whole document ------------------------------------------------------


def _annex(parent: Element, index: int, annex: Annex, resolution: Resolution, notes: Notes) -> None:
    attachment = _sub(parent, "attachment", eId=annex.eid)
    doc = _sub(attachment, "doc", name="annex")
    _identification(_sub(doc, "meta"), resolution, f"annex_{index}")
    preface = _sub(doc, "preface")
    _sub(preface, "p", annex.heading, **{"class": "heading"})
    body_lines: tuple[str, ...] = ()
    if (annex.paragraphs or annex.divisions) and annex.title_lines:
        long_title = _sub(preface, "longTitle")
        for line in annex.title_lines:
            _sub(_sub(long_title, "p"), "docTitle", line)
    else:
        body_lines = annex.title_lines or (annex.heading,)
    opening = [p for p in annex.paragraphs if "__preamble__p_" in p.eid]
    if opening:
        preamble = _sub(doc, "preamble")
        for paragraph in opening:
            _intro_paragraph(preamble, paragraph, notes)
    main = _sub(doc, "mainBody")
    for line in body_lines:
        _sub(main, "p", line)
    rest = [p for p in annex.paragraphs if p not in opening]
    _main_body(main, rest, annex.divisions, notes)


def _indent(element: Element, level: int = 0) -> None:
    """Pretty-print block structure only: nothing inside a ``<p>`` or any mixed content changes."""
    mixed = (element.text and element.text.strip()) or any(c.tail and c.tail.strip() for c in element)
    if element.tag == f"{{{NS}}}p" or not len(element) or mixed:
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in element:
        _indent(child, level + 1)
        child.tail = inner
    element[-1].tail = "\n" + "  " * level


def akn_xml(resolution: Resolution, references: Sequence[Entry] = (), texts: Texts | None = None) -> bytes:
    """The resolution as an Akoma Ntoso 3.0 ``statement`` document, UTF-8 bytes with a declaration.

    ``references`` are catalogue entries the resolution mentions: each becomes a TLC element.
    ``texts`` (from enrichment) mark the terms, instruments and cited documents in the text.
    """
    notes = Notes({note.id: note for note in resolution.footnotes}, texts or {})
    root = etree.Element(f"{{{NS}}}akomaNtoso", nsmap={None: NS})
    statement = _sub(root, "statement", name="deliberation")
    meta = _sub(statement, "meta")
    _identification(meta, resolution, "main")
    _references(meta, resolution.metadata, references)
    _preface(statement, resolution)
    _preamble(statement, resolution, notes)
    main = _sub(statement, "mainBody")
    in_body = [d for d in resolution.divisions if not _in_preamble(d, resolution)]
    _main_body(main, resolution.operative, in_body, notes)
    _conclusions(statement, resolution)
    if resolution.annexes:
        attachments = _sub(statement, "attachments")
        for index, annex in enumerate(resolution.annexes, start=1):
            _annex(attachments, index, annex, resolution, notes)
    _indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"
