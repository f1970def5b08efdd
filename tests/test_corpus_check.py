"""The corpus check (``make corpus``): its matching of words allows for the reader's artefacts
and nothing else, and a PDF of the project passes it whole."""

from __future__ import annotations

import shutil
from collections import Counter

import pytest
from support_pdf import FIXTURES_PDF

from benchmarks.corpus_check import _folded_items, _sequence, check_pdf
from benchmarks.corpus_words import compare, words
from build_scripts.model import Paragraph


@pytest.mark.parametrize(
    ("read", "model", "lost", "added"),
    [
        ("the Secretary General", "the Secretary-General", [], []),
        ("the SecretaryGeneral", "the Secretary-General", [], []),  # joined at a line's end
        ("inter national law", "international law", [], []),  # cut at a line's end
        ("an d the", "and the", [], []),  # letters printed apart and out of order
        ("in 20242 it", "in 2024² it", [], []),  # a marker read into the number before it
        ("the ﬁrst", "the first", [], []),  # a ligature
        ("the first day", "the first", ["day"], []),  # a word lost
        ("the first", "the first day", [], ["day"]),  # a word added
        ("the first first", "the first", ["first"], []),  # a word doubled in the PDF only
    ],
)
def test_words_match_allowing_for_the_reader_only(read: str, model: str, lost: list, added: list) -> None:
    assert compare(words(read), Counter(words(model))) == (lost, added)


@pytest.mark.parametrize(
    ("first", "length", "labels"),
    [("a", 3, ["a", "b", "c"]), ("i", 4, ["i", "ii", "iii", "iv"]), ("1", 2, ["1", "2"])],
)
def test_item_labels_follow_on_in_their_scheme(first: str, length: int, labels: list[str]) -> None:
    assert _sequence(first, length) == labels


@pytest.mark.tools
def test_a_pdf_of_the_project_passes_the_corpus_check() -> None:
    if shutil.which("pdftotext") is None:
        pytest.fail("The corpus check needs poppler's pdftotext (make test installs poppler-utils).")
    outcome = check_pdf(FIXTURES_PDF / "A-RES-78-255" / "source.pdf")
    assert (outcome.status, outcome.reasons) == ("passed", [])


def test_a_list_left_in_a_paragraphs_text_is_seen() -> None:
    folded = Paragraph(
        "op2a", "x", "operative paragraph 2 (a)", "Reports such as: (i) Torture; (ii) Detention;", 1
    )
    whole = Paragraph(
        "op3", "x", "operative paragraph 3", "Recalls article 5 (a) and (b) of the Covenant;", 1
    )
    assert _folded_items(folded) == ["operative paragraph 2 (a): items in its text (i, ii)"]
    assert _folded_items(whole) == []
