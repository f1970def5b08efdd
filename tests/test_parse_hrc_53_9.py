"""The real input: Human Rights Council resolution 53/9, as the converter must understand it."""

from __future__ import annotations

import json

import pytest
from support_text import SOURCE

from build_scripts.model import Paragraph, Resolution
from build_scripts.parsing.parse import parse_file

NAME = "resolutions/A-HRC-RES-53-9.txt"


@pytest.fixture(scope="module")
def resolution() -> Resolution:
    return parse_file(SOURCE, NAME)[0]


def _items(resolution: Resolution) -> list[Paragraph]:
    return [p for top in resolution.operative for p in top.walk() if p is not top]


# --- Counts and anchors --------------------------------------------------------------------


def test_counts_26_preambular_19_operative_29_items_4_footnotes(resolution: Resolution) -> None:
    assert len(resolution.preamble) == 26
    assert len(resolution.operative) == 19
    assert len(_items(resolution)) == 29
    assert len(resolution.footnotes) == 4


def test_preambular_ids_run_pp1_to_pp26(resolution: Resolution) -> None:
    assert [p.id for p in resolution.preamble] == [f"pp{i}" for i in range(1, 27)]


def test_operative_ids_run_op1_to_op19(resolution: Resolution) -> None:
    assert [p.id for p in resolution.operative] == [f"op{i}" for i in range(1, 20)]


def test_sub_paragraph_ids_are_op1a_to_op1p_op2a_to_op2h_op3a_to_op3e(resolution: Resolution) -> None:
    expected = [f"op1{letter}" for letter in "abcdefghijklmnop"]
    expected += [f"op2{letter}" for letter in "abcdefgh"] + [f"op3{letter}" for letter in "abcde"]
    assert [p.id for p in _items(resolution)] == expected


def test_footnote_ids_are_fn1_to_fn4(resolution: Resolution) -> None:
    assert [n.id for n in resolution.footnotes] == ["fn1", "fn2", "fn3", "fn4"]


def test_eids_follow_akoma_ntoso(resolution: Resolution) -> None:
    assert resolution.find("pp1").eid == "preamble__p_1"
    assert resolution.find("pp26").eid == "preamble__p_26"
    assert resolution.find("op1").eid == "para_1"
    assert resolution.find("op1a").eid == "para_1__list_1__point_a"
    assert resolution.find("op3e").eid == "para_3__list_1__point_e"


def test_labels_and_numbers_as_printed(resolution: Resolution) -> None:
    op1, op1i = resolution.find("op1"), resolution.find("op1i")
    assert (op1.label, op1.number, op1.name) == ("1.", "1", "operative paragraph 1")
    assert (op1i.label, op1i.number, op1i.name) == ("(i)", "i", "operative paragraph 1 (i)")
    assert all(p.label is None for p in resolution.preamble)


# --- Metadata ------------------------------------------------------------------------------


def test_masthead_metadata(resolution: Resolution) -> None:
    meta = resolution.metadata
    assert meta.organ == "General Assembly"
    assert meta.distribution == "General"
    assert meta.distribution_date == "2023-07-20"
    assert meta.original_language == "English"
    assert meta.body == "Human Rights Council"
    assert meta.body_code == "un-hrc"


def test_session(resolution: Resolution) -> None:
    session = resolution.metadata.session
    assert session is not None
    assert (session.ordinal, session.number) == ("Fifty-third session", 53)
    assert (session.start, session.end) == ("2023-06-19", "2023-07-14")


def test_agenda_item_with_its_title(resolution: Resolution) -> None:
    agenda = resolution.metadata.agenda_item
    assert agenda is not None
    assert agenda.number == "3"
    assert agenda.title == (
        "Promotion and protection of all human rights, civil, political, economic, social and "
        "cultural rights, including the right to development"
    )


def test_number_title_symbol_adoption_and_work_uri(resolution: Resolution) -> None:
    meta = resolution.metadata
    assert meta.number == "53/9"
    assert meta.title == "Trafficking in persons, especially women and children"
    assert meta.symbol == "A/HRC/RES/53/9"
    assert meta.adopted == "2023-07-12"
    assert resolution.work_uri == "/akn/un/statement/deliberation/un-hrc/2023-07-12/53-9"


def test_enacting_formula(resolution: Resolution) -> None:
    assert resolution.enacting_formula == "The Human Rights Council,"


# --- Leads ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("anchor", "lead"),
    [
        ("pp1", "Guided by"),
        ("pp9", "Recalling also"),
        ("pp18", "Noting with concern"),
        ("pp21", "Bearing in mind"),
        ("pp22", "Bearing in mind also"),
        ("op1", "Urges"),
        ("op4", "Also calls upon"),
        ("op13", "Takes note with appreciation"),
    ],
)
def test_lead(resolution: Resolution, anchor: str, lead: str) -> None:
    paragraph = resolution.find(anchor)
    assert paragraph.lead == lead
    assert paragraph.text.startswith(lead)


def test_operative_leads_lose_their_asterisks(resolution: Resolution) -> None:
    assert all("*" not in p.text for p in resolution.paragraphs())


def test_sub_paragraphs_have_no_lead(resolution: Resolution) -> None:
    assert all(p.lead is None for p in _items(resolution))


# --- Page breaks ---------------------------------------------------------------------------


def test_pp19_is_one_paragraph_across_the_page_break(resolution: Resolution) -> None:
    pp19 = resolution.find("pp19")
    assert "Global Plan of Action to Combat Trafficking in Persons, and the Inter-Agency" in pp19.text
    assert pp19.text.endswith("Coordination Group against Trafficking in Persons,")
    assert resolution.find("pp20").lead == "Recalling"


def test_op7_is_one_paragraph_across_the_page_break(resolution: Resolution) -> None:
    op7 = resolution.find("op7")
    assert "taking into consideration the central role of those instruments in the fight" in op7.text
    assert resolution.find("op8").label == "8."


# --- Footnotes -----------------------------------------------------------------------------


def test_footnote_markers_texts_and_citing_paragraphs(resolution: Resolution) -> None:
    notes = [(n.marker, n.number, n.text, n.ref) for n in resolution.footnotes]
    assert notes == [
        ("¹", 1, "General Assembly resolution 70/1.", "pp9"),
        ("²", 2, "E/2002/68/Add.1.", "pp12"),
        ("³", 3, "General Assembly resolution 64/293.", "pp19"),
        ("⁴", 4, "General Assembly resolution 76/7, annex.", "pp19"),
    ]


@pytest.mark.parametrize(
    ("anchor", "note", "cited"),
    [
        ("pp9", "fn1", "2030 Agenda for Sustainable Development,"),
        ("pp12", "fn2", "Human Rights and Human Trafficking"),
        ("pp19", "fn3", "Global Plan of Action to Combat Trafficking in Persons"),
        (
            "pp19",
            "fn4",
            "Implementation of the United Nations Global Plan of Action to Combat Trafficking in Persons,",
        ),
    ],
)
def test_reference_offset_points_right_after_the_cited_words(
    resolution: Resolution, anchor: str, note: str, cited: str
) -> None:
    paragraph = resolution.find(anchor)
    ref = next(r for r in paragraph.footnote_refs if r.footnote == note)
    assert paragraph.text[: ref.offset].endswith(cited)
    assert ref.marker == resolution.footnotes[int(note[2:]) - 1].marker


def test_markers_are_removed_from_the_text(resolution: Resolution) -> None:
    assert not any(set("¹²³⁴") & set(p.text) for p in resolution.paragraphs())


def test_note_texts_printed_mid_flow_are_not_paragraphs(resolution: Resolution) -> None:
    assert not any("General Assembly resolution 76/7" in p.text for p in resolution.paragraphs())
    assert resolution.find("op1f").text.startswith("Promoting gender-responsive measures")


# --- Closing -------------------------------------------------------------------------------


def test_closing(resolution: Resolution) -> None:
    closing = resolution.closing
    assert closing.lines == ("34th meeting", "12 July 2023", "[Adopted without a vote.]")
    assert (closing.meeting, closing.date, closing.vote) == (
        "34th meeting",
        "2023-07-12",
        "Adopted without a vote",
    )
    assert closing.recorded_vote is None
    assert resolution.annexes == ()


# --- Command line --------------------------------------------------------------------------


def test_cli_prints_the_model_as_json_with_its_top_level_keys(parse_command) -> None:
    result = parse_command(SOURCE)
    assert result.returncode == 0, result.stderr
    model = json.loads(result.stdout)
    for key in (
        "symbol",
        "body",
        "title",
        "adopted",
        "preamble",
        "operative",
        "footnotes",
        "closing",
        "annexes",
    ):
        assert key in model
    assert (model["symbol"], model["body"], model["adopted"]) == (
        "A/HRC/RES/53/9",
        "Human Rights Council",
        "2023-07-12",
    )
    assert (len(model["preamble"]), len(model["operative"]), len(model["footnotes"])) == (26, 19, 4)
    assert result.stderr == ""
