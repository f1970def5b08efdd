"""Conservation: every character of the source, apart from layout, markup and the footnote
markers that became references, is in the model exactly once and in order.

The check (tests/support_text.py) reads the model's texts in reading order (masthead, enacting
formula, each paragraph's label and text, closing lines, annex headings, titles and paragraphs)
and, apart, the footnotes; it reads the source without its footnote blocks, the ``**`` around the
agenda title, the ``*`` around operative leads and the reference markers; and compares both
without white space. Hypothesis then writes resolutions of its own and throws arbitrary bytes in.
"""

from __future__ import annotations

import dataclasses
import os
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support_text import ROOT, SOURCE, conservation_problems, fixture_dirs

from build_scripts.errors import ParseError
from build_scripts.identifiers import letter_label, roman_label
from build_scripts.model import Resolution
from build_scripts.parsing.parse import parse_bytes

# Modest by default; CONSERVATION_EXAMPLES=5000 runs a deeper search.
EXAMPLES = int(os.environ.get("CONSERVATION_EXAMPLES", "100"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
BAD_INPUTS = ROOT / "tests" / "bad_inputs"
CONVERTING_BAD_INPUTS = [
    BAD_INPUTS / name
    for name, case in sorted(
        yaml.safe_load((BAD_INPUTS / "expected.yaml").read_text(encoding="utf-8")).items()
    )
    if case.get("converts")
]


def _parse(data: bytes) -> Resolution:
    return parse_bytes(data, "generated.txt")[0]


# --- The real text and the fixtures --------------------------------------------------------


def test_hrc_53_9_conserves_its_text() -> None:
    data = SOURCE.read_bytes()
    assert conservation_problems(data, _parse(data)) == []


@pytest.mark.parametrize("case", fixture_dirs(), ids=lambda p: p.name)
def test_fixture_conserves_its_text(case: Path) -> None:
    data = (case / "input.txt").read_bytes()
    assert conservation_problems(data, _parse(data)) == []


@pytest.mark.parametrize("path", CONVERTING_BAD_INPUTS, ids=lambda p: p.name)
def test_bad_input_that_converts_conserves_its_text(path: Path) -> None:
    data = path.read_bytes()
    assert conservation_problems(data, _parse(data)) == []


# --- The check itself finds losses --------------------------------------------------------


def test_check_finds_a_lost_paragraph() -> None:
    data = SOURCE.read_bytes()
    resolution = _parse(data)
    shorter = dataclasses.replace(resolution, preamble=resolution.preamble[1:])
    assert conservation_problems(data, shorter)


def test_check_finds_a_duplicated_paragraph() -> None:
    data = SOURCE.read_bytes()
    resolution = _parse(data)
    longer = dataclasses.replace(resolution, operative=(*resolution.operative, resolution.operative[-1]))
    assert conservation_problems(data, longer)


def test_check_finds_a_lost_footnote_marker() -> None:
    data = SOURCE.read_bytes()
    resolution = _parse(data)
    pp9 = resolution.preamble[8]
    preamble = (
        *resolution.preamble[:8],
        dataclasses.replace(pp9, footnote_refs=()),
        *resolution.preamble[9:],
    )
    assert conservation_problems(data, dataclasses.replace(resolution, preamble=preamble))


def test_check_finds_paragraphs_out_of_order() -> None:
    data = SOURCE.read_bytes()
    resolution = _parse(data)
    swapped = (resolution.preamble[1], resolution.preamble[0], *resolution.preamble[2:])
    assert conservation_problems(data, dataclasses.replace(resolution, preamble=swapped))


# --- Generated resolutions -----------------------------------------------------------------

MASTHEAD = """General Assembly

Distr.: General
20 July 2023

Original: English

Human Rights Council
Fifty-third session
19 June–14 July 2023
Agenda item 3

**Promotion and protection of all human rights**

Resolution adopted by the Human Rights Council on 12 July 2023

53/99. A generated resolution

The Human Rights Council,
"""
CLOSINGS = [
    "34th meeting\n12 July 2023\n\n[Adopted without a vote.]",
    "50th plenary meeting\n19 December 2023",
    "",
]
OPENINGS = [
    "Recalling",
    "Noting with concern",
    "Bearing in mind",
    "Deeply concerned",
    "Having considered",
    "Welcoming",
]
VERBS = ["Urges", "Also calls upon", "Decides", "Requests", "Takes note with appreciation", "Encourages"]
TOKENS = [
    "_",
    "[x](y)",
    "<b>",
    "&amp;",
    "|",
    "`code`",
    "``",
    "{#id}",
    "<!--",
    "-->",
    "a*b",
    "snake_case",
    "naïve",
    "Ünïcödé",
    "中文",
    "Жизнь",
    "العربية",
    "“quoted”",
    "(note)",
    "1.5",
    "–",
    "#",
    "\\",
    "~~",
    "$x$",
    "%",
]
LETTERS = "abcdefghijklmnopqrstuvwxyzéøçñßжя中_<>&|`[](){}#!*~\\"
words = st.lists(
    st.one_of(st.sampled_from(TOKENS), st.text(alphabet=LETTERS, min_size=1, max_size=8)),
    min_size=1,
    max_size=12,
)


@dataclass
class Draft:
    """A resolution as generated: its parts, and what the converter must find in it."""

    preamble: list[tuple[str, list[str]]]
    operative: list[tuple[str, list[str], str, list[int]]]  # verb, words, item scheme, roman counts
    closing: str
    width: int
    notes: list[bool] = field(default_factory=list)
    sections: dict[int, tuple[str, str]] = field(default_factory=dict)
    """Before which operative paragraph (index) a section starts: (layout, heading)."""

    def items(self) -> int:
        return sum(len(counts) + sum(counts) for _, _, _, counts in self.operative)


@st.composite
def drafts(draw: st.DrawFn) -> Draft:
    preamble = draw(st.lists(st.tuples(st.sampled_from(OPENINGS), words), max_size=5))
    operative = []
    for _ in range(draw(st.integers(0, 5))):
        scheme = draw(st.sampled_from(["letter", "dash"]))
        items = draw(st.integers(0, 10 if scheme == "letter" else 3))
        romans = [0 if scheme == "dash" or i == 7 else draw(st.integers(0, 3)) for i in range(items)]
        operative.append((draw(st.sampled_from(VERBS)), draw(words), scheme, romans))
    paragraphs = len(preamble) + max(len(operative), 1)
    notes = draw(st.lists(st.booleans(), min_size=paragraphs, max_size=paragraphs))
    starts = draw(st.sets(st.integers(0, max(len(operative) - 1, 0)), max_size=3)) if operative else set()
    sections = {i: (draw(st.sampled_from(SECTION_LAYOUTS)), draw(st.sampled_from(HEADINGS))) for i in starts}
    closing = draw(st.sampled_from(CLOSINGS))
    return Draft(preamble, operative, closing, draw(st.integers(20, 200)), notes, sections)


# How a section's numeral and heading may be written ({n}: the numeral, {h}: the heading).
SECTION_LAYOUTS = ["{n}\n\n**{h}**", "{n}.\n{h}", "{n}. {h}", "**{n}**\n**{h}**", "**{n}. {h}**", "{n}"]
HEADINGS = ["Informal system", "Other issues", "Trafficking in persons – “prevention”", "Naïve Ünïcödé 中文"]


def render(draft: Draft) -> str:
    """The draft in the UN's plain-text layout; lines wrapped at the draft's width."""
    blocks: list[str] = [MASTHEAD]
    notes = iter(draft.notes)
    count = 0

    def add(text: str, end: str) -> None:
        nonlocal count
        note = next(notes, False)
        if note:
            count += 1
            end += str(count).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
        blocks.append(
            "\n".join(textwrap.wrap(text + end, draft.width, break_long_words=False, break_on_hyphens=False))
        )
        if note:
            blocks.append(f"{blocks[-1][-len(str(count)) :]} Resolution {count}/1.")

    for opening, text in draft.preamble:
        add(f"{opening} {' '.join(text)}", ",")
    if not draft.operative:
        add(f"*Takes note* of {' '.join(['the', 'report'])}", ".")
    for number, (verb, text, scheme, romans) in enumerate(draft.operative, start=1):
        if number - 1 in draft.sections:
            layout, heading = draft.sections[number - 1]
            numeral = roman_label(sorted(draft.sections).index(number - 1)).upper()
            blocks.append(layout.replace("{n}", numeral).replace("{h}", heading))
        last = number == len(draft.operative)
        add(f"{number}. *{verb}* {' '.join(text)}", ":" if romans else ("." if last else ";"))
        for index, subs in enumerate(romans):
            label = f"({letter_label(index)})" if scheme == "letter" else "–"
            blocks.append(f"{label} {' '.join(text[:3])}{':' if subs else ';'}")
            blocks.extend(f"({roman_label(i)}) {' '.join(text[-2:])};" for i in range(subs))
    if draft.closing:
        blocks.append(draft.closing)
    return "\n\n".join(blocks) + "\n"


@SETTINGS
@given(drafts())
def test_generated_resolution_converts_conserves_and_counts(draft: Draft) -> None:
    data = render(draft).encode("utf-8")
    resolution = _parse(data)
    assert conservation_problems(data, resolution) == []
    assert len(resolution.preamble) == len(draft.preamble)
    assert len(resolution.operative) == max(len(draft.operative), 1)
    assert sum(len(list(p.walk())) - 1 for p in resolution.operative) == draft.items()
    assert len(resolution.footnotes) == sum(draft.notes)
    for paragraph, (opening, _) in zip(resolution.preamble, draft.preamble, strict=True):
        assert paragraph.lead is not None and paragraph.lead.startswith(opening)
    for paragraph, (verb, *_) in zip(resolution.operative, draft.operative, strict=False):
        assert paragraph.lead == verb
    assert [d.heading for d in resolution.divisions] == [
        None if layout == "{n}" else heading
        for layout, heading in (draft.sections[i] for i in sorted(draft.sections))
    ]
    assert [p.id for p in resolution.operative] == [f"op{n}" for n in range(1, len(resolution.operative) + 1)]


# --- Arbitrary input -----------------------------------------------------------------------

LINES = SOURCE.read_text(encoding="utf-8").split("\n")
AWKWARD_LINES = [
    "",
    "Annex",
    "Annex II",
    "(a) An item;",
    "(i) A roman item;",
    "– A dash item;",
    "20. *Urges* more;",
    "¹ A note.",
    "⁵ A note without a full stop",
    "**Bold**",
    "[Adopted",
    "]",
    "34th meeting",
    "12 July 2023",
    "Recalling also a paragraph,",
    "continued in lower case",
    "The General Assembly,",
    "53/9. Title",
    "\f",
    "1.",
    "*Takes note* of it.",
]


def _only_parse_errors(data: bytes) -> None:
    try:
        resolution = _parse(data)
    except ParseError:
        return
    assert conservation_problems(data, resolution) == []


@SETTINGS
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_raise_only_parse_errors(data: bytes) -> None:
    _only_parse_errors(data)


@SETTINGS
@given(st.text(max_size=3000))
def test_arbitrary_text_raises_only_parse_errors(text: str) -> None:
    _only_parse_errors(text.encode("utf-8", "surrogatepass"))


@SETTINGS
@given(
    st.lists(
        st.tuples(
            st.integers(0, len(LINES) - 1),
            st.sampled_from(["drop", "repeat", "swap", "insert"]),
            st.one_of(st.sampled_from(AWKWARD_LINES), st.text(max_size=30)),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_mutated_53_9_raises_only_parse_errors_and_conserves_when_it_converts(edits: list) -> None:
    lines = list(LINES)
    for at, action, text in edits:
        at = min(at, len(lines) - 1)
        if action == "drop":
            del lines[at]
        elif action == "repeat":
            lines.insert(at, lines[at])
        elif action == "swap":
            lines[at], lines[-1 - at] = lines[-1 - at], lines[at]
        else:
            lines.insert(at, text)
    _only_parse_errors("\n".join(lines).encode("utf-8", "surrogatepass"))
