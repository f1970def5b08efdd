"""Runs: where links, the lead and footnote markers fall, decided once for every writer."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from build_scripts.enriching.enrich import Span
from build_scripts.enriching.runs import runs
from build_scripts.model import FootnoteRef

TEXT = "Calls upon States to ratify the Protocol"
LEAD = "Calls upon"


def marker(offset: int, note: str = "fn1") -> FootnoteRef:
    return FootnoteRef("¹", note, offset)


def shape(pieces) -> list[tuple[str, str, bool]]:
    return [(run.kind, run.text or run.footnote, run.in_lead) for run in pieces]


def test_the_lead_is_its_own_run() -> None:
    assert shape(runs(TEXT, lead=LEAD)) == [("text", "Calls upon", True), ("text", TEXT[10:], False)]


def test_a_lead_that_does_not_start_the_text_is_not_italic() -> None:
    assert shape(runs(TEXT, lead="States")) == [("text", TEXT, False)]


@pytest.mark.parametrize(
    ("span", "linked"),
    [
        (Span(32, 40, url="u"), True),  # "Protocol": inside the tail
        (Span(0, 5, url="u"), True),  # "Calls": inside the lead
        (Span(6, 17, url="u"), False),  # "upon States": crosses the end of the lead
    ],
)
def test_a_link_never_cuts_the_lead(span: Span, linked: bool) -> None:
    kinds = [run.kind for run in runs(TEXT, [span], LEAD)]
    assert ("symbol" in kinds) is linked


def test_a_link_never_cuts_a_marker() -> None:
    pieces = runs(TEXT, [Span(21, 40, url="u")], refs=[marker(27)])
    assert [run.kind for run in pieces] == ["text", "marker", "text"]


def test_markers_at_the_edges_of_the_lead_are_outside_it_and_inside_stays_inside() -> None:
    pieces = runs(TEXT, lead=LEAD, refs=[marker(0), marker(5, "fn2"), marker(10, "fn3")])
    assert shape(pieces) == [
        ("marker", "fn1", False),
        ("text", "Calls", True),
        ("marker", "fn2", True),
        ("text", " upon", True),
        ("marker", "fn3", False),
        ("text", TEXT[10:], False),
    ]


@given(
    text=st.text(min_size=1, max_size=40),
    cuts=st.lists(st.integers(0, 40), max_size=6),
    lead_length=st.integers(0, 40),
)
def test_the_runs_put_together_are_the_text_with_every_marker_once(
    text: str, cuts: list[int], lead_length: int
) -> None:
    points = sorted({c % (len(text) + 1) for c in cuts})
    spans = [Span(a, b, url="u") for a, b in zip(points[::2], points[1::2], strict=False) if a < b]
    refs = [marker(p, f"fn{i}") for i, p in enumerate(points)]
    pieces = runs(text, spans, text[:lead_length] or None, refs)
    assert "".join(run.text for run in pieces) == text
    assert sorted(run.footnote for run in pieces if run.kind == "marker") == sorted(r.footnote for r in refs)
