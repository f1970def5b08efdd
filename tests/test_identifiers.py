"""Anchors, eIds, names, symbols and URIs: the public forms readers link to must not drift."""

from __future__ import annotations

import pytest

from build_scripts import identifiers as ids
from build_scripts.identifiers import Level

OP1 = Level("number", "1")


@pytest.mark.parametrize(
    ("index", "label"), [(0, "a"), (7, "h"), (8, "i"), (25, "z"), (26, "aa"), (27, "bb"), (52, "aaa")]
)
def test_letter_labels_run_past_z_as_the_un_does(index: int, label: str) -> None:
    assert ids.letter_label(index) == label


@pytest.mark.parametrize(
    ("index", "numeral"),
    [(0, "i"), (1, "ii"), (3, "iv"), (4, "v"), (8, "ix"), (9, "x"), (13, "xiv"), (39, "xl"), (49, "l")],
)
def test_roman_labels(index: int, numeral: str) -> None:
    assert ids.roman_label(index) == numeral


def test_letter_labels_are_distinct_and_lowercase() -> None:
    labels = [ids.letter_label(index) for index in range(200)]
    assert len(set(labels)) == len(labels)
    assert all(label.isalpha() and label.islower() for label in labels)


@pytest.mark.parametrize(
    ("prefix", "path", "anchor"),
    [
        ("pp", (Level("number", "3"),), "pp3"),
        ("op", (OP1,), "op1"),
        ("op", (OP1, Level("letter", "c")), "op1c"),
        ("op", (OP1, Level("letter", "b"), Level("roman", "ii")), "op1b-ii"),
        ("op", (Level("number", "4"), Level("dash", "1")), "op4-1"),
        ("op", (OP1, Level("letter", "a"), Level("roman", "i"), Level("dash", "2")), "op1a-i-2"),
        ("annex-", (OP1,), "annex-1"),
        ("annex-", (OP1, Level("letter", "a")), "annex-1a"),
        ("annex2-", (OP1,), "annex2-1"),
    ],
)
def test_anchor_forms(prefix: str, path: tuple[Level, ...], anchor: str) -> None:
    assert ids.anchor_for(prefix, path) == anchor


@pytest.mark.parametrize(
    ("root", "path", "eid"),
    [
        ("preamble__p", (Level("number", "1"),), "preamble__p_1"),
        ("para", (OP1,), "para_1"),
        ("para", (OP1, Level("letter", "a")), "para_1__list_1__point_a"),
        (
            "para",
            (OP1, Level("letter", "b"), Level("roman", "ii")),
            "para_1__list_1__point_b__list_1__point_ii",
        ),
        ("para", (Level("number", "2"), Level("dash", "3")), "para_2__list_1__indent_3"),
        ("att_1__para", (OP1,), "att_1__para_1"),
    ],
)
def test_akoma_ntoso_eids(root: str, path: tuple[Level, ...], eid: str) -> None:
    assert ids.eid_for(root, path) == eid


def test_names_as_a_reader_says_them() -> None:
    assert ids.name_for("operative paragraph", (OP1, Level("letter", "c"), Level("roman", "ii"))) == (
        "operative paragraph 1 (c) (ii)"
    )
    assert ids.name_for("operative paragraph", (Level("number", "2"), Level("dash", "1"))) == (
        "operative paragraph 2 (item 1)"
    )
    assert ids.name_for("operative paragraph", (OP1,), numbered=False) == "operative paragraph"


def test_footnote_and_annex_anchors() -> None:
    assert ids.footnote_anchor(11) == "fn11"
    assert [ids.annex_prefix(i) for i in range(3)] == ["annex", "annex2", "annex3"]


@pytest.mark.parametrize(
    ("pattern", "number", "symbol"),
    [
        ("A/HRC/RES/{number}", "53/9", "A/HRC/RES/53/9"),
        ("A/RES/{number}", "78/190", "A/RES/78/190"),
        ("S/RES/{number} ({year})", "2719 (2023)", "S/RES/2719 (2023)"),
        ("S/RES/{number} ({year})", "2719", "S/RES/2719"),
    ],
)
def test_document_symbols(pattern: str, number: str, symbol: str) -> None:
    assert ids.document_symbol(pattern, number) == symbol


@pytest.mark.parametrize(
    ("code", "date", "number", "uri"),
    [
        ("un-hrc", "2023-07-12", "53/9", "/akn/un/statement/deliberation/un-hrc/2023-07-12/53-9"),
        ("un-sc", "2023-12-21", "2719 (2023)", "/akn/un/statement/deliberation/un-sc/2023-12-21/2719"),
        ("un-sc", None, "902 (1994)", "/akn/un/statement/deliberation/un-sc/undated/902"),
    ],
)
def test_work_uris(code: str, date: str | None, number: str, uri: str) -> None:
    assert ids.work_uri(code, date, number) == uri


def test_slug() -> None:
    assert ids.slug("Non-punishment principle") == "non-punishment-principle"
    assert ids.slug("  Côte d’Ivoire!  ") == "c-te-d-ivoire"
