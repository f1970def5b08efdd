"""Each folder of tests/fixtures holds a resolution in the UN's layout (input.txt) and the
structure the converter must find in it (expected.json): one test per folder.

expected.json may hold:
  model       a part of the JSON model (objects match on the keys given, lists in full)
  counts      preamble, operative, items, footnotes, annexes, annex_paragraphs
  ids         every paragraph's anchor, in reading order
  paragraphs  for some anchors, a part of that paragraph's JSON (without its items)
  warnings    the warnings the conversion must report, in order

Beside them, model.json is the whole model as the parse command prints it, compared whole by
test_golden.py (``make golden`` writes it anew).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support_text import FIXTURES, counts, fixture_dirs, mismatches, paragraphs_by_id

from build_scripts.parsing.parse import parse_file

CASES = fixture_dirs()


def _expected(case: Path) -> dict:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))


def test_every_fixture_folder_has_input_and_expectation() -> None:
    folders = sorted(p for p in FIXTURES.iterdir() if p.is_dir())
    assert len(folders) >= 16
    for folder in folders:
        assert (folder / "input.txt").is_file(), folder
        assert (folder / "expected.json").is_file(), folder


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fixture_converts_to_expected_structure(case: Path) -> None:
    expected = _expected(case)
    resolution, diagnostics = parse_file(case / "input.txt")
    problems = mismatches(expected.get("model", {}), resolution.to_dict(), "model")
    problems += mismatches(expected.get("counts", {}), counts(resolution), "counts")
    if "ids" in expected:
        problems += mismatches(expected["ids"], [p.id for p in resolution.paragraphs()], "ids")
    by_id = paragraphs_by_id(resolution)
    for anchor, wanted in expected.get("paragraphs", {}).items():
        problems += (
            mismatches(wanted, by_id.get(anchor), anchor) if anchor in by_id else [f"{anchor}: missing"]
        )
    if "warnings" in expected:
        problems += mismatches(expected["warnings"], [w.message for w in diagnostics.warnings], "warnings")
    assert not problems, "\n".join(problems)


def test_recorded_vote_lists_match_the_counts_in_the_vote() -> None:
    vote = parse_file(FIXTURES / "hrc_recorded_vote" / "input.txt")[0].closing.recorded_vote
    assert vote is not None
    assert (len(vote.in_favour), len(vote.against), len(vote.abstaining)) == (31, 15, 1)


def test_footnote_cut_by_a_page_break_is_one_note() -> None:
    resolution = parse_file(FIXTURES / "footnote_split_page_break" / "input.txt")[0]
    note = resolution.footnotes[0]
    assert note.text.endswith("Supplement No. 53 (A/78/53), chap. IV, sect. A.")
    assert resolution.find("op2").text.endswith("present resolution;")


def test_missing_note_is_a_warning_on_stderr_and_the_json_keeps_the_marker(parse_command) -> None:
    result = parse_command("tests/fixtures/footnote_missing_note/input.txt")
    assert result.returncode == 0
    assert result.stderr == (
        "tests/fixtures/footnote_missing_note/input.txt:21: warning: footnote marker ² has no note;"
        " kept as text\n"
    )
    assert "Recalling also the New Urban Agenda,²" in json.loads(result.stdout)["preamble"][1]["text"]


def test_letter_i_after_h_is_not_a_roman_sub_item() -> None:
    op1 = parse_file(FIXTURES / "letters_past_h" / "input.txt")[0].operative[0]
    assert [item.number for item in op1.items] == list("abcdefghij")
    assert all(not item.items for item in op1.items)


def test_footnote_reference_offsets_point_after_the_cited_text() -> None:
    resolution = parse_file(FIXTURES / "eleven_footnotes" / "input.txt")[0]
    op2 = resolution.find("op2")
    before = [op2.text[: ref.offset] for ref in op2.footnote_refs]
    assert before[0].endswith("present resolution,")
    assert before[1].endswith("his report;")
