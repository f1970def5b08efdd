"""The quick test before a pattern's search: it may skip a text only where the pattern cannot match."""

from __future__ import annotations

import re

import pytest
from conftest import SOURCE
from hypothesis import given
from hypothesis import strategies as st

from build_scripts.enriching import enrich as enrich_module
from build_scripts.enriching.catalogue import load_catalogue
from build_scripts.enriching.literals import may_match, required_literal
from build_scripts.parsing.parse import parse_file
from build_scripts.parsing.vocabulary import load_vocabulary

PATTERNS = [
    p.regex for entry in (*load_catalogue().linkable, *load_catalogue().themes) for p in entry.patterns
]


@pytest.mark.parametrize(
    ("pattern", "literal"),
    [
        (r"\b[Tt]rafficking in persons\b", "trafficking in persons"),
        (r"(?i)\bforced labou?r\b", "forced labo"),
        (r"\bStates?\b", "state"),
        (r"trafficking|smuggling", None),  # either word: nothing is required
        (r"\b(?:A|E)/RES\b", "/res"),
        (r"ab", None),  # too short to be worth a test
        (r"[^x]+ of the (?:Council|Assembly)", " of the "),
    ],
)
def test_the_required_literal_of_a_pattern(pattern: str, literal: str | None) -> None:
    assert required_literal(re.compile(pattern)) == literal


def test_every_catalogue_pattern_has_one() -> None:
    assert all(required_literal(p) for p in PATTERNS)


@given(st.sampled_from(PATTERNS), st.text(max_size=30), st.text(max_size=30))
def test_a_text_the_pattern_matches_is_never_skipped(
    pattern: re.Pattern[str], before: str, after: str
) -> None:
    literal = required_literal(pattern)
    assert literal is not None
    for sample in (literal, literal.upper(), literal.title()):
        text = f"{before} {sample} {after}"
        if pattern.search(text):
            assert may_match(pattern, text.lower())


def test_enrichment_finds_the_same_with_and_without_the_test(monkeypatch: pytest.MonkeyPatch) -> None:
    resolution = parse_file(SOURCE, "resolution")[0]
    catalogue, vocabulary = load_catalogue(), load_vocabulary()
    quick = enrich_module.enrich(resolution, catalogue, vocabulary)
    monkeypatch.setattr(enrich_module, "may_match", lambda pattern, text: True)
    thorough = enrich_module.enrich(resolution, catalogue, vocabulary)
    assert quick.texts == thorough.texts


def test_enrichment_without_the_prefilter_finds_the_same() -> None:
    resolution = parse_file(SOURCE, "resolution")[0]
    catalogue, vocabulary = load_catalogue(), load_vocabulary()
    quick = enrich_module.enrich(resolution, catalogue, vocabulary)
    thorough = enrich_module.enrich(resolution, catalogue, vocabulary, prefilter=False)
    assert quick.texts == thorough.texts


def test_the_entries_tested_in_each_text_are_those_whose_literal_it_holds() -> None:
    from build_scripts.enriching.enrich import _texts

    catalogue = load_catalogue()
    entries = catalogue.linkable + catalogue.themes
    texts = [text.lower() for *_, text in _texts(parse_file(SOURCE, "resolution")[0])]
    expected = [
        [i for i, entry in enumerate(entries) if any(may_match(p.regex, text) for p in entry.patterns)]
        for text in texts
    ]
    assert catalogue.candidates.per_text(texts) == expected
