"""The closing's vote: how it was adopted, in words and in numbers, in each body's form."""

from __future__ import annotations

import pytest

from build_scripts.parsing.masthead import read_closing
from build_scripts.reading.normalize import Block


def _closing(*lines: str):
    return read_closing([Block(40, tuple(lines))], "test.txt")


@pytest.mark.parametrize(
    ("statement", "count"),
    [
        ("[Adopted without a vote.]", None),
        (
            "[Adopted by a recorded vote of 28 to 13, with 6 abstentions. The voting was as follows:",
            (28, 13, 6),
        ),
        ("[Adopted by a recorded vote of 47 to 0.]", (47, 0, 0)),
        (
            "Adopted at the 3312th meeting by 13 votes to none, with 2 abstentions (China, France).",
            (13, 0, 2),
        ),
        (
            "Adopted at the 2963rd meeting by 12 votes to 2 (Cuba, Yemen), with 1 abstention (China).",
            (12, 2, 1),
        ),
        ("Adopted unanimously at the 4653rd meeting.", None),
    ],
)
def test_vote_counts_as_the_closing_states_them(statement: str, count: tuple[int, int, int] | None) -> None:
    closing = _closing("58th meeting", "4 April 2023", statement)
    found = closing.count
    assert (None if found is None else (found.in_favour, found.against, found.abstentions)) == count


def test_resumed_plenary_meeting_is_the_meeting() -> None:
    closing = _closing("50th (resumed) plenary meeting", "22 December 2023")
    assert (closing.meeting, closing.date) == ("50th (resumed) plenary meeting", "2023-12-22")


def test_hrc_recorded_vote_lists_each_state_under_its_vote() -> None:
    closing = read_closing(
        [
            Block(40, ("58th meeting", "4 April 2023")),
            Block(
                43, ("[Adopted by a recorded vote of 2 to 1, with 1 abstention. The voting was as follows:",)
            ),
            Block(45, ("In favour:", "Chile, Czechia")),
            Block(48, ("Against:", "China")),
            Block(51, ("Abstaining:", "India]")),
        ],
        "test.txt",
    )
    assert closing.vote == "Adopted by a recorded vote of 2 to 1, with 1 abstention"
    assert closing.recorded_vote is not None
    assert closing.recorded_vote.in_favour == ("Chile", "Czechia")
    assert closing.recorded_vote.against == ("China",)
    assert closing.recorded_vote.abstaining == ("India",)
    assert closing.count is not None and (closing.count.in_favour, closing.count.abstentions) == (2, 1)


def test_security_council_vote_names_the_states_against_and_abstaining() -> None:
    closing = _closing(
        "Adopted at the 2963rd meeting by 12 votes to 2 (Cuba, Yemen), with 1 abstention (China)."
    )
    assert closing.meeting == "2963rd meeting"
    assert closing.recorded_vote is not None
    assert (closing.recorded_vote.against, closing.recorded_vote.abstaining) == (
        ("Cuba", "Yemen"),
        ("China",),
    )
