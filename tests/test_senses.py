"""A word is linked to the entry for the sense it has where it stands, or to none.

The same words can mean different things in two paragraphs ("due diligence" of businesses in
one, of States in the next). A catalogue pattern can be limited to one sense: by the words that
must come before it (``after``), by phrases in another sense (``not_within``) or by the
paragraphs it must leave alone (``not_in``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SOURCE

from build_scripts.enriching.catalogue import load_catalogue
from build_scripts.enriching.enrich import Enriched, enrich
from build_scripts.errors import ConversionError
from build_scripts.parsing.parse import parse_file
from build_scripts.parsing.vocabulary import load_vocabulary

SMALL = Path(__file__).parent / "fixtures_catalogue"


@pytest.fixture(scope="module")
def enriched() -> Enriched:
    resolution, _ = parse_file(SOURCE)
    return enrich(resolution, load_catalogue(), load_vocabulary())


def linked_entry(enriched: Enriched, key: str, words: str) -> str | None:
    """The entry (``page#id``) that the first occurrence of ``words`` in text ``key`` links to."""
    text = enriched.texts[key]
    start = text.text.index(words)
    end = start + len(words)
    for span in text.spans:
        if span.entry and span.start < end and start < span.end:
            return f"{span.entry.page}#{span.entry.id}"
    return None


# (text, words, the entry they link to, or None): every case the fact-check found, and the
# near misses found by reading every link of the full text.
SENSES = [
    # "sessions thereof" are the Conference of the Parties' and its Working Group's.
    ("op17", "sessions thereof", None),
    ("masthead-6", "Fifty-third session", "glossary#session"),
    # Businesses act with due diligence; States exercise it.
    ("pp21", "due diligence", "glossary#human-rights-due-diligence"),
    ("pp22", "due diligence", "glossary#due-diligence"),
    ("op2e", "human rights due diligence", "glossary#human-rights-due-diligence"),
    # Social and labour protection is more than social protection.
    ("op2a", "social and labour protection", "glossary#social-and-labour-protection"),
    ("op1n", "social protection", "glossary#social-protection"),
    # The root causes of forced displacement are not those of trafficking.
    ("op1o", "root causes", None),
    ("op3", "root causes", "glossary#root-causes"),
    # The title of a treaty is the treaty, not the armed-conflict theme's words.
    ("pp5", "the involvement of children in armed conflict", "references#opac"),
    # "demand" only in the sense of the Protocol's article 9 (5).
    ("pp18", "demand fostering", "glossary#demand"),
    ("op4", "demand that fosters", "glossary#demand"),
    ("op10", "human trafficking", "glossary#trafficking-in-persons"),
    (
        "op9",
        "States of origin, transit and reception",
        "glossary#countries-of-origin-transit-and-destination",
    ),
    ("op7", "States parties", "glossary#states-parties"),
    ("op15", "mandate holder", "glossary#mandate-holder"),
    ("op15", "mandate", "glossary#mandate-holder"),  # its first occurrence is in "mandate holder"
    ("op14", "mandate", "glossary#mandate"),
    # "just and decent work conditions" are not the ILO's decent work; "forced child labour" is
    # forced labour, not work below the minimum age (issue 23, finding 15).
    ("pp21", "forced child labour", None),
    ("op1j", "child labour", "glossary#child-labour"),
]


def test_just_and_decent_work_conditions_are_not_linked_as_decent_work(enriched: Enriched) -> None:
    text = enriched.texts["op2a"]
    names = [s.entry.name for s in text.spans if s.entry and "decent" in text.text[s.start : s.end]]
    assert names == ["Just and decent work conditions"]


@pytest.mark.parametrize(("key", "words", "expected"), SENSES)
def test_words_link_to_the_entry_for_their_sense(
    enriched: Enriched, key: str, words: str, expected: str | None
) -> None:
    assert linked_entry(enriched, key, words) == expected


# (paragraph, theme, whether the paragraph belongs to it): each theme's rule tried on paragraphs
# that must be in it and paragraphs that must not, judged by what the paragraph is about.
THEMES = [
    ("op1a", "victim-protection-and-assistance", True),
    ("op3a", "victim-protection-and-assistance", False),  # grievance and assistance mechanisms
    ("op1c", "victims-rights-and-non-punishment", True),
    ("op14", "victims-rights-and-non-punishment", False),
    ("op1j", "children", True),
    ("op4", "children", False),  # "women and children" of the title's phrase
    ("op1f", "women-and-girls", True),
    ("op14", "women-and-girls", False),
    ("op2c", "labour-exploitation-and-forced-labour", True),
    ("op2d", "labour-exploitation-and-forced-labour", True),
    ("op2f", "labour-exploitation-and-forced-labour", True),
    ("op14", "labour-exploitation-and-forced-labour", False),
    ("pp23", "agriculture-and-rural-areas", True),
    ("op1c", "agriculture-and-rural-areas", False),
    ("op2e", "business-and-supply-chains", True),
    ("op1c", "business-and-supply-chains", False),
    ("pp17", "migration", True),
    ("op14", "migration", False),
    ("op3a", "remedies-and-justice", True),
    ("op14", "remedies-and-justice", False),
    ("op2", "prevention-root-causes-and-vulnerability", True),
    ("op2h", "prevention-root-causes-and-vulnerability", True),
    ("op5", "prevention-root-causes-and-vulnerability", True),
    ("op6", "prevention-root-causes-and-vulnerability", True),  # "responses to prevent and fight"
    ("op1k", "prevention-root-causes-and-vulnerability", True),  # "to prevent and combat"
    ("pp22", "prevention-root-causes-and-vulnerability", True),
    ("op1m", "prevention-root-causes-and-vulnerability", False),  # protects victims of organ removal
    ("op9", "international-cooperation", True),
    ("op14", "international-cooperation", False),
    ("op1o", "conflict-and-crises", True),
    ("op1c", "conflict-and-crises", False),
    ("op1p", "data-and-technology", True),
    ("op1c", "data-and-technology", False),
    ("op14", "special-rapporteur-mandate", True),
    ("op1c", "special-rapporteur-mandate", False),
    ("pp22", "business-and-supply-chains", False),  # the State's due diligence
    ("pp21", "business-and-supply-chains", True),
    ("pp5", "conflict-and-crises", False),  # names the Optional Protocol on armed conflict
    ("pp5", "children", True),
    ("op1i", "conflict-and-crises", True),
    ("op1d", "labour-exploitation-and-forced-labour", False),  # victims' access to the labour market
    ("op2b", "labour-exploitation-and-forced-labour", True),
    ("op1o", "conflict-and-crises", True),
]


def test_every_theme_is_tried_on_paragraphs_in_it_and_out_of_it(enriched: Enriched) -> None:
    tried = {(theme, belongs) for _, theme, belongs in THEMES}
    themes = {t.id for t in enriched.catalogue.themes}
    assert {(t, b) for t in themes for b in (True, False)} - tried == set()


def test_every_paragraph_with_a_subject_is_in_a_theme(enriched: Enriched) -> None:
    """Operative paragraph 2 (h) was in none: every operative paragraph is somewhere, but the
    last, by which the Council continues its consideration of the issue."""
    themeless = [k for k, t in enriched.texts.items() if k.startswith("op") and not t.themes]
    assert themeless == ["op19"]


@pytest.mark.parametrize(("key", "theme", "belongs"), THEMES)
def test_paragraphs_are_filed_under_the_themes_they_deal_with(
    enriched: Enriched, key: str, theme: str, belongs: bool
) -> None:
    assert (theme in {t.id for t in enriched.texts[key].themes}) is belongs


def one_term_catalogue(folder: Path, limits: str) -> Path:
    """The small catalogue with one more term, "due diligence", limited as ``limits`` says."""
    for name in ("references.yaml", "themes.yaml"):
        (folder / name).write_text((SMALL / name).read_text())
    (folder / "glossary.yaml").write_text(
        (SMALL / "glossary.yaml").read_text()
        + "  - id: diligence\n    term: Diligence\n"
        + limits
        + "    definition: [{says: Care., source: 'E/2002/68/Add.1, principle 2', url: 'https://undocs.org/',"
        + " support: []}]\n"
    )
    return folder


@pytest.mark.parametrize(
    ("limits", "found_in"),
    [
        ("    patterns: ['\\bdue diligence\\b']\n", ["pp21", "pp22", "op2e"]),
        ("    patterns: [{match: '\\bdue diligence\\b', after: '\\bStates\\b'}]\n", ["pp22"]),
        ("    patterns: ['\\bdue diligence\\b']\n    not_in: [pp22]\n", ["pp21", "op2e"]),
        (
            "    patterns: ['\\bdue diligence\\b']\n    not_within: ['\\bexercise due diligence\\b']\n",
            ["pp21", "op2e"],
        ),
    ],
)
def test_a_pattern_can_be_limited_to_a_context_a_paragraph_or_away_from_a_phrase(
    tmp_path: Path, limits: str, found_in: list[str]
) -> None:
    resolution, _ = parse_file(SOURCE)
    result = enrich(resolution, load_catalogue(one_term_catalogue(tmp_path, limits)), load_vocabulary())
    term = result.catalogue.by_id["glossary#diligence"]
    assert [t.key for t in result.mentions_of(term)] == found_in


def test_a_paragraph_to_leave_alone_that_does_not_exist_stops_the_build(tmp_path: Path) -> None:
    limits = "    patterns: ['\\bdue diligence\\b']\n    not_in: [pp99]\n"
    resolution, _ = parse_file(SOURCE)
    with pytest.raises(ConversionError, match=r"glossary.yaml:\d+: expected 'not_in' to name texts.*pp99"):
        enrich(resolution, load_catalogue(one_term_catalogue(tmp_path, limits)), load_vocabulary())
