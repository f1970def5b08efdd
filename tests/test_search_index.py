"""Search entries carry the other forms of their words, so that any form finds them."""

from __future__ import annotations

import pytest

from build_scripts.renderers.mkdocs_material.search_index import (
    add_inflections,
    american_spelling,
    without_prefixes,
)


def test_an_entry_gets_the_forms_other_entries_use() -> None:
    entries = [
        {"location": "a", "title": "A", "text": "<p>Support for every victim.</p>"},
        {"location": "b", "title": "B", "text": "Victims and survivors were trafficked."},
        {"location": "c", "title": "C", "text": "Trafficking in persons."},
    ]
    add_inflections(entries)
    assert "victims" in entries[0]["inflections"].split()
    assert "trafficked" in entries[2]["inflections"].split()
    # "victim" finds "victims" as it is (the search looks words up as prefixes): not repeated.
    assert "victim" not in entries[1]["inflections"].split()
    assert "trafficking" in entries[1]["inflections"].split()


def test_a_form_that_a_word_of_the_entry_begins_with_is_left_out() -> None:
    entries = [
        {"location": "a", "title": "A", "text": "Protection of victims."},
        {"location": "b", "title": "B", "text": "Protect the victim; protected, protecting."},
    ]
    add_inflections(entries)
    # "protect" begins "protection" and "protected" (another form): searching it finds them.
    assert set(entries[0]["inflections"].split()) == {"protected", "protecting"}
    assert set(entries[1]["inflections"].split()) == {"protection", "victims"}


def test_a_stop_word_does_not_stand_for_a_form_it_begins_with() -> None:
    assert without_prefixes({"ever"}, {"every"}) == {"ever"}  # "every" is not in the index
    assert without_prefixes({"report"}, {"reports"}) == set()


def test_an_entry_whose_words_have_no_other_form_gets_none() -> None:
    entries = [
        {"location": "a", "title": "A", "text": "Decides."},
        {"location": "b", "title": "B", "text": "Invites."},
    ]
    add_inflections(entries)
    assert all("inflections" not in entry for entry in entries)


def test_markup_is_not_indexed_as_words() -> None:
    entries = [
        {"location": "a", "title": "A", "text": "<p>Decides</p>"},
        {"location": "b", "title": "B", "text": "ps decided"},
    ]
    add_inflections(entries)
    assert entries[0]["inflections"] == "decided"


def test_an_entry_with_a_british_spelling_gets_the_american_one() -> None:
    entries = [{"location": "a", "title": "A", "text": "Forced labour, favourable terms, the centre."}]
    add_inflections(entries)
    assert {"labor", "favorable", "center"} <= set(entries[0]["inflections"].split())


@pytest.mark.parametrize(
    ("british", "american"),
    [("labour", "labor"), ("labourers", "laborers"), ("programme", "program"), ("defence", "defense")],
)
def test_british_spellings_have_their_american_form(british: str, american: str) -> None:
    assert american_spelling(british) == american


@pytest.mark.parametrize("word", ["hour", "four", "your", "fence", "children", "trafficking"])
def test_other_words_keep_their_spelling(word: str) -> None:
    assert american_spelling(word) == word
