"""Every statement of the catalogue can be checked against its source in a minute.

A statement quotes its source in quotation marks or says no more than the passage it names;
the catalogue records that passage (``support``: where it is and a short exact quotation).
What a test can check without the sources' texts, it checks here: quotations credited to the
resolution are in the resolution, the resolution defines no term, document symbols stay whole,
every statement has its passage, and words copied from a source are in quotation marks.
"""

from __future__ import annotations

import re

import pytest
from conftest import SOURCE

from build_scripts.enriching.catalogue import Catalogue, Claim, Passage, load_catalogue
from build_scripts.pages.acronyms import AcronymExpander

RESOLUTION = "A/HRC/RES/53/9"
QUOTED = re.compile(r"“([^”]+)”")
SYMBOL = re.compile(r"\b[A-Z]+(?:/[A-Za-z0-9.]+)+(?:\s?\(\d{4}\))?")
# A statement credited to the resolution reports what the resolution (or the Council, in it)
# says; it does not say what a thing is.
REPORTING = re.compile(r"^(?:The resolution|The Council|It |Its |In it|Elsewhere|The resolution's)")

# Statements whose supporting passage has not yet been found in a copy of the source. The list
# only shrinks: a new statement comes with its passage. It is empty: statements whose passage
# no stored copy bore out were reduced to the resolution's own words or removed.
NOT_YET_SUPPORTED: set[tuple[str, str]] = set()

# References whose description has not yet been checked against a copy of its source. The
# list only shrinks: a reference comes with the passages that bear its description out. It is
# empty: claims no stored copy bore out were removed, down to what the resolution says.
REFERENCES_NOT_YET_SUPPORTED: set[str] = set()

# Passages of sources that the catalogue once copied without quotation marks: where the words
# appear, they must be quoted (finding: words copied as our own).
COPIED = [
    ("due-diligence", "act with due diligence to prevent trafficking"),
    ("demand", "demand that fosters all forms of exploitation of persons"),
    ("racism-and-xenophobia", "race, colour, descent or national or ethnic origin"),
    ("modern-slavery", "cannot refuse or leave because of threats"),
    ("best-interests-of-the-child", "actions concerning children"),
    ("gender-based-violence", "because she is a woman"),
    ("forced-displacement", "generalized violence, violations of human rights"),
    ("human-rights-based-approach", "internally displaced persons, refugees and asylum-seekers"),
    ("non-punishment-principle", "direct consequence of their situation as trafficked persons"),
    ("victim-centred", "at the centre of all efforts to prevent and combat trafficking"),
    ("effective-remedy", "effective remedy by the competent national tribunals"),
    # Issue 23, second reading.
    ("child-labour", "insufficiently developed"),
    ("child-labour", "likely to jeopardise the health, safety or morals of young persons"),
    ("data-disaggregation", "enhance capacity-building support to developing countries"),
    ("racism-and-xenophobia", "based on race, colour, descent, national or ethnic origin"),
    ("human-rights-due-diligence", "directly linked to its operations, products or services"),
    ("demand", "adopt or strengthen legislative or other measures"),
    ("root-causes", "lack of socioeconomic opportunities"),
    ("whole-of-society", "in the field of economic and social development"),
    ("revictimization", "special consideration and care"),
    ("trauma-informed", "special consideration and care"),
    ("identification-and-referral", "to ensure that such identification can and does take place"),
    ("access-to-justice", "victim of a gross violation of international human rights law"),
    ("right-to-privacy", "the protection of the law against such interference"),
    ("disability-responsive", "protection services are"),
    ("states-parties", "not a party to the treaty"),
    ("social-protection", "at least at a nationally defined minimum level"),
    ("mandate", "decided to appoint"),
    # Issue 23, third reading.
    ("ethical-recruitment", "abusive and fraudulent practices"),
    ("labour-migration-agreements", "standards, guidelines and principles"),
    ("countries-of-origin-transit-and-destination", "with due regard for the safety"),
    ("disability-responsive", "other measures to protect"),
]


def plain(text: str) -> str:
    return " ".join(text.replace("*", "").split())


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="module")
def resolution_text() -> str:
    return plain(SOURCE.read_text(encoding="utf-8"))


def statements(catalogue: Catalogue) -> list[tuple[str, Claim]]:
    return [(term.id, claim) for term in catalogue.terms for claim in term.claims]


def credited_to_the_resolution(claim: Claim) -> bool:
    return claim.source.startswith(RESOLUTION + ",")


def test_quotations_credited_to_the_resolution_are_in_its_text(
    catalogue: Catalogue, resolution_text: str
) -> None:
    missing = [
        (term_id, words)
        for term_id, claim in statements(catalogue)
        if credited_to_the_resolution(claim)
        for words in [*QUOTED.findall(claim.text), *(p.quote for p in claim.support)]
        if plain(words).rstrip(":") not in resolution_text
    ]
    assert missing == []


def test_no_statement_credited_to_the_resolution_defines_a_term(catalogue: Catalogue) -> None:
    defining = [
        (term_id, claim.text[:60])
        for term_id, claim in statements(catalogue)
        if credited_to_the_resolution(claim) and not REPORTING.match(claim.text)
    ]
    assert defining == []
    # A term explained first from the resolution is one that no cited instrument defines: it
    # says so, rather than leaving the reader to take the resolution's words for a definition.
    undeclared = [
        term.id
        for term in catalogue.terms
        if credited_to_the_resolution(term.claims[0]) and "does not define" not in term.claims[0].text
    ]
    assert undeclared == []


def test_source_labels_keep_document_symbols_whole(catalogue: Catalogue) -> None:
    """As the glossary page shows them: acronyms spelled out once, symbols left whole."""
    acronyms = AcronymExpander(catalogue.references)
    broken = []
    for term in catalogue.terms:
        acronyms.introduce(term)
        for claim in term.claims:
            label = acronyms.expand(claim.source)
            broken += [(term.id, label) for symbol in SYMBOL.findall(claim.source) if symbol not in label]
    assert broken == []


def test_general_comments_are_named_by_their_committee_and_number(catalogue: Catalogue) -> None:
    labels = [c.source for _, c in statements(catalogue) if re.search(r"/GC/\d", c.source)]
    assert labels
    assert all(
        re.match(r"Committee on the .+, general (?:comment|recommendation) No\. \d+ \(", s) for s in labels
    )


def test_every_statement_has_its_supporting_passage(catalogue: Catalogue) -> None:
    unsupported = {(term_id, claim.source) for term_id, claim in statements(catalogue) if not claim.support}
    assert unsupported - NOT_YET_SUPPORTED == set(), "a new statement without its passage"
    assert NOT_YET_SUPPORTED - unsupported == set(), "found: take it off NOT_YET_SUPPORTED"


@pytest.mark.parametrize(("term_id", "words"), COPIED)
def test_words_taken_from_a_source_are_in_quotation_marks(
    catalogue: Catalogue, term_id: str, words: str
) -> None:
    for claim in catalogue.by_id[f"glossary#{term_id}"].claims:
        if words in claim.text:
            assert any(words in q for q in QUOTED.findall(claim.text)), claim.text


def test_the_universal_declaration_s_article_4_is_quoted(catalogue: Catalogue) -> None:
    description = catalogue.by_id["references#universal-declaration-of-human-rights"].description
    assert (
        "“No one shall be held in slavery or servitude; slavery and the slave trade shall be" in description
    )


def credited_to_the_resolution_at(passage: Passage) -> bool:
    return passage.at.startswith(RESOLUTION + ",")


def test_every_reference_has_its_supporting_passage(catalogue: Catalogue) -> None:
    unsupported = {r.id for r in catalogue.references if not r.support}
    assert unsupported - REFERENCES_NOT_YET_SUPPORTED == set(), "a new reference without its passage"
    assert REFERENCES_NOT_YET_SUPPORTED - unsupported == set(), "found: take it off the list"


def test_quotations_of_the_resolution_in_references_are_in_its_text(
    catalogue: Catalogue, resolution_text: str
) -> None:
    missing = [
        (reference.id, passage.quote)
        for reference in catalogue.references
        for passage in reference.support
        if credited_to_the_resolution_at(passage)
        for words in passage.quote.split("[…]")
        if plain(words).strip(" ,;:") not in resolution_text
    ]
    assert missing == []


def test_quotations_in_reference_descriptions_are_in_their_support(catalogue: Catalogue) -> None:
    """Words a description puts in quotation marks are words of a passage it records."""
    unsupported = [
        (reference.id, words)
        for reference in catalogue.references
        if reference.support
        for words in QUOTED.findall(reference.description)
        if not any(
            all(plain(part).strip(" ,;:.") in plain(p.quote) for part in words.split("…"))
            for p in reference.support
        )
    ]
    assert unsupported == []
