"""Acronyms are spelled out at their first use on a page, and only there."""

from __future__ import annotations

from build_scripts.enriching.catalogue import Entry
from build_scripts.pages.acronyms import AcronymExpander


def entry(name: str, *acronyms: str) -> Entry:
    return Entry("reference", "x", name, (), "", "references.yaml", 1, acronyms=acronyms)


def test_first_use_is_spelled_out_and_later_ones_are_not() -> None:
    expander = AcronymExpander([entry("International Labour Organization", "ILO")])
    assert expander.expand("The ILO adopted it.") == "The International Labour Organization (ILO) adopted it."
    assert expander.expand("The ILO again.") == "The ILO again."


def test_an_acronym_already_spelled_out_is_left_alone() -> None:
    expander = AcronymExpander([entry("International Labour Organization", "ILO")])
    text = "The International Labour Organization (ILO) met."
    assert expander.expand(text) == text


def test_an_entry_heading_introduces_its_acronyms() -> None:
    ilo = entry("International Labour Organization", "ILO")
    expander = AcronymExpander([ilo])
    expander.introduce(ilo)
    assert expander.expand("The ILO met.") == "The ILO met."


def test_words_containing_an_acronym_are_not_touched() -> None:
    expander = AcronymExpander([entry("United Nations", "UN")])
    assert expander.expand("UNDERSTOOD, and the UN.") == "UNDERSTOOD, and the United Nations (UN)."


def test_an_acronym_inside_a_document_symbol_is_left_alone() -> None:
    expander = AcronymExpander([entry("Convention on the Rights of the Child", "CRC")])
    text = "Committee on the Rights of the Child, general comment No. 14 (CRC/C/GC/14)"
    assert expander.expand(text) == text
    assert expander.expand("The CRC.") == "The Convention on the Rights of the Child (CRC)."
