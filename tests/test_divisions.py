"""Which blocks are the headings of parts, sections, chapters and articles, and which are not."""

from __future__ import annotations

import pytest
from lxml import etree
from support_text import conservation_problems
from test_akn import _schema_path

from build_scripts.downloads.akn import NS, akn_xml
from build_scripts.parsing.divisions import read_mark
from build_scripts.parsing.parse import parse_bytes
from build_scripts.reading.normalize import Block


def _mark(*lines: str) -> tuple[str | None, str | None, str | None] | None:
    mark = read_mark(Block(10, lines))
    return None if mark is None else (mark.number, mark.label, mark.heading)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (("I",), ("I", "I", None)),
        (("II.",), ("II", "II.", None)),
        (("A",), ("A", "A", None)),
        (("III. Conclusion and call to action",), ("III", "III.", "Conclusion and call to action")),
        (("II", "Informal system"), ("II", "II", "Informal system")),
        (
            ("**I**", "**System of administration of justice**"),
            ("I", "I", "System of administration of justice"),
        ),
        (
            ("**II", "Review of consideration", "by United Nations system organizations**"),
            ("II", "II", "Review of consideration by United Nations system organizations"),
        ),
        (
            ("**II. Implementation of the Awaza Programme", "for the Decade 2024–2034**"),
            ("II", "II.", "Implementation of the Awaza Programme for the Decade 2024–2034"),
        ),
        (("Chapter I", "General provisions"), ("I", "Chapter I", "General provisions")),
        (("*Article 1", "Scope of application*"), ("1", "Article 1", "Scope of application")),
        (("*Article 2*", "*Definitions*"), ("2", "Article 2", "Definitions")),
        (("**Partnerships and support mechanisms**",), (None, None, "Partnerships and support mechanisms")),
        (
            ("*Governance, accountability and monitoring*",),
            (None, None, "Governance, accountability and monitoring"),
        ),
    ],
)
def test_heading_blocks(lines: tuple[str, ...], expected: tuple) -> None:
    assert _mark(*lines) == expected


@pytest.mark.parametrize(
    "lines",
    [
        ("A regional economic integration organization that is constituted by States may sign.",),
        ("A", "regional economic integration organization may sign it."),
        ("Article 9, new paragraph 4:",),
        ("Article 23, paragraphs 2 to 4, apply to reservations made under paragraph 1.",),
        ("I. am a sentence that ends in a full stop.",),
        ("*Takes note* of the notes by the Secretary-General.",),
        ("*Have agreed* as follows:",),
        ("*An italic sentence that ends with a full stop.*",),
        ("Recalling its resolution 77/1,",),
    ],
)
def test_blocks_that_are_not_headings(lines: tuple[str, ...]) -> None:
    assert _mark(*lines) is None


HEAD = """United Nations    A/RES/78/999

General Assembly

Resolution adopted by the General Assembly on 19 December 2023

78/999. A resolution for testing

The General Assembly,

Recalling its resolution 77/999 of 14 December 2022,

1. *Adopts* the principles annexed to the present resolution.

50th plenary meeting
19 December 2023

"""


def test_a_bold_annex_heading_and_title_are_the_annex_and_its_title() -> None:
    text = HEAD + "**Annex\nPrinciples on testing**\n\n1. States should test.\n"
    annex = parse_bytes(text.encode(), "test.txt")[0].annexes[0]
    assert (annex.heading, annex.title_lines) == ("Annex", ("Principles on testing",))
    assert [p.id for p in annex.paragraphs] == ["annex-1"]


def test_a_bold_line_right_after_the_annex_heading_is_its_title() -> None:
    text = HEAD + "Annex\n\n**Principles on testing**\n\n**I. Scope**\n\n1. States should test.\n"
    annex = parse_bytes(text.encode(), "test.txt")[0].annexes[0]
    assert annex.title_lines == ("Principles on testing",)
    assert [(d.id, d.heading) for d in annex.divisions] == [("annex-section-i", "Scope")]


BODY = """United Nations    A/RES/78/999

General Assembly

Resolution adopted by the General Assembly on 19 December 2023

78/999. A resolution for testing

The General Assembly,

**Commitments**

Recalling its resolution 77/999 of 14 December 2022,

Noting with concern the matters before it,

1. *Decides* to act;

*Follow-up*

2. *Requests* a report.

50th plenary meeting
19 December 2023
"""


def test_a_heading_in_the_preamble_ends_where_the_operative_part_starts() -> None:
    resolution = parse_bytes(BODY.encode(), "test.txt")[0]
    commitments, follow_up = resolution.divisions
    assert [p.id for p in commitments.paragraphs] == ["pp1", "pp2"]
    assert [p.id for p in follow_up.paragraphs] == ["op2"]
    assert [p.id for p in resolution.operative] == ["op1", "op2"]
    outline = [(depth, item.id) for depth, item in resolution.outline()]
    assert outline == [
        (0, "heading-commitments"),
        (1, "pp1"),
        (1, "pp2"),
        (0, "op1"),
        (0, "heading-follow-up"),
        (1, "op2"),
    ]
    assert conservation_problems(BODY.encode(), resolution) == []
    document = etree.fromstring(akn_xml(resolution))
    etree.XMLSchema(etree.parse(str(_schema_path()))).assertValid(document)
    preamble = document.find(f"{{{NS}}}statement/{{{NS}}}preamble")
    assert preamble.find(f"{{{NS}}}blockContainer").get("eId") == "hcontainer_1"
