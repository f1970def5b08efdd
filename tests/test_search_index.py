"""Search entries carry the other forms of their words, so that any form finds them."""

from __future__ import annotations

from build_scripts.renderers.mkdocs_material.search_index import add_inflections


def test_an_entry_gets_the_forms_other_entries_use() -> None:
    entries = [
        {"location": "a", "title": "A", "text": "<p>Support for every victim.</p>"},
        {"location": "b", "title": "B", "text": "Victims and survivors were trafficked."},
        {"location": "c", "title": "C", "text": "Trafficking in persons."},
    ]
    add_inflections(entries)
    assert "victims" in entries[0]["inflections"].split()
    assert "victim" in entries[1]["inflections"].split()
    assert "trafficked" in entries[2]["inflections"].split()


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
        {"location": "b", "title": "B", "text": "ps decide"},
    ]
    add_inflections(entries)
    assert entries[0]["inflections"] == "decide"
