"""Mentions of terms, instruments and document symbols are found, linked once, and indexed."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from build_scripts.enriching.catalogue import load_catalogue
from build_scripts.enriching.enrich import enrich, symbol_spans
from build_scripts.errors import ConversionError
from build_scripts.parsing.parse import parse_file
from build_scripts.parsing.vocabulary import load_vocabulary

HERE = Path(__file__).parent
SOURCE = HERE.parent / "resolutions" / "A-HRC-RES-53-9.txt"
SMALL = HERE / "fixtures_catalogue"
PATTERNS = {
    "General Assembly": "A/RES/{number}",
    "Human Rights Council": "A/HRC/RES/{number}",
    "Security Council": "S/RES/{number} ({year})",
}


@pytest.fixture(scope="module")
def enriched():
    resolution, _ = parse_file(SOURCE)
    return enrich(resolution, load_catalogue(SMALL), load_vocabulary())


def linked(text: str, own: str = "A/HRC/RES/{number}") -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.url or "") for s in symbol_spans(text, own, PATTERNS)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "the decision of the General Assembly, in its resolution 68/192 of 18 December 2013",
            ("resolution 68/192", "https://undocs.org/en/A/RES/68/192"),
        ),
        (
            "General Assembly resolution 70/1.",
            ("General Assembly resolution 70/1", "https://undocs.org/en/A/RES/70/1"),
        ),
        ("E/2002/68/Add.1.", ("E/2002/68/Add.1", "https://undocs.org/en/E/2002/68/Add.1")),
        ("resolution 76/7, annex.", ("resolution 76/7", "https://undocs.org/en/A/RES/76/7")),
        (
            "Security Council resolution 1325 (2000)",
            ("Security Council resolution 1325 (2000)", "https://undocs.org/en/S/RES/1325(2000)"),
        ),
        (
            "Human Rights Council resolution 50/3",
            ("Human Rights Council resolution 50/3", "https://undocs.org/en/A/HRC/RES/50/3"),
        ),
    ],
)
def test_document_symbols_link_to_undocs_by_rule(text: str, expected: tuple[str, str]) -> None:
    assert expected in linked(text)


def test_its_resolution_is_the_adopting_body_s_own() -> None:
    assert linked("Recalling its resolution 44/4", "A/HRC/RES/{number}") == [
        ("resolution 44/4", "https://undocs.org/en/A/HRC/RES/44/4")
    ]


def test_footnote_symbols_link_to_the_official_documents(enriched) -> None:
    urls = {t.key: [s.url for s in t.spans if s.url] for t in enriched.texts.values()}
    assert urls["fn1"] == ["https://undocs.org/en/A/RES/70/1"]
    assert urls["fn2"] == ["https://undocs.org/en/E/2002/68/Add.1"]
    assert urls["fn3"] == ["https://undocs.org/en/A/RES/64/293"]
    assert urls["fn4"] == ["https://undocs.org/en/A/RES/76/7"]


def test_only_the_first_mention_in_a_paragraph_is_linked(enriched) -> None:
    text = enriched.texts["op12"]
    assert text.text.count("trafficking in persons") > 1
    linked_terms = [s.entry.id for s in text.spans if s.entry]
    assert linked_terms.count("trafficking-in-persons") == 1


def test_links_never_overlap(enriched) -> None:
    for text in enriched.texts.values():
        spans = sorted(text.spans, key=lambda s: s.start)
        assert all(a.end <= b.start for a, b in itertools.pairwise(spans)), text.key


def test_index_lists_every_paragraph_that_mentions_a_term(enriched) -> None:
    term = next(t for t in enriched.catalogue.terms if t.id == "non-punishment-principle")
    assert [t.anchor for t in enriched.mentions_of(term)] == ["op1c"]


def catalogue_with_term(folder: Path, pattern: str) -> Path:
    """The small catalogue, its glossary replaced by one term with this pattern (on line 2)."""
    for name in ("references.yaml", "themes.yaml"):
        (folder / name).write_text((SMALL / name).read_text())
    (folder / "glossary.yaml").write_text(
        f"terms:\n  - id: unicorn\n    term: Unicorn\n    patterns: ['{pattern}']\n"
        "    definition: [{says: Not in the text., source: Nowhere, url: 'https://example.org/',"
        " support: []}]\n"
    )
    return folder


def test_a_term_that_matches_nothing_stops_the_build(tmp_path: Path) -> None:
    resolution, _ = parse_file(SOURCE)
    with pytest.raises(ConversionError) as error:
        enrich(resolution, load_catalogue(catalogue_with_term(tmp_path, r"\bunicorn\b")), load_vocabulary())
    assert "glossary.yaml:2" in str(error.value) and "unicorn" in str(error.value)


def test_a_bad_pattern_is_reported_with_its_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(ConversionError, match=r"glossary.yaml:2: expected a valid regular expression"):
        load_catalogue(catalogue_with_term(tmp_path, "(unclosed"))


def test_a_resolution_of_the_general_assembly_cited_by_its_number(enriched) -> None:
    spans = [
        (s.url, enriched.texts["pp11"].text[s.start : s.end]) for s in enriched.texts["pp11"].spans if s.url
    ]
    assert spans == [("https://undocs.org/en/A/RES/68/192", "resolution 68/192")]
