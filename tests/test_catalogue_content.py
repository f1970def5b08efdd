"""The glossary and the references say no more than their sources, and link only to official pages.

Readers quote this site: every statement of a definition names the source that makes it (an
instrument and its article, or a document symbol) and links to that source's official text, and
every reference links to the official page of the thing itself, never to a news item or a copy.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest

from build_scripts.enriching.catalogue import Catalogue, Entry, load_catalogue
from build_scripts.errors import ConversionError

SMALL = Path(__file__).parent / "fixtures_catalogue"

# The publishers of official texts: the United Nations (its sites under un.org, the Official
# Document System, the Treaty Collection), OHCHR, the ILO and its NORMLEX database, UNODC, and
# the United Nations System Chief Executives Board.
OFFICIAL_HOSTS = ("un.org", "undocs.org", "ohchr.org", "ilo.org", "unodc.org", "unsceb.org")
# News items, stories and press releases, even on an official site, are not the thing itself.
NEWS_PATH = re.compile(
    r"/(?:news|stories|story|frontpage|press|press-releases?|blogs?|media-centre|articles?)/"
    r"|/\d{4}/(?:0?[1-9]|1[0-2]|[A-Z][a-z]+)/"  # a dated folder: /2024/July/, /2022/05/
    r"|^/[a-z]{2}/\d{4,}-",  # a numbered story on a United Nations country team's site
    re.IGNORECASE,
)
# What names a place in a source: a document symbol, or a part of an instrument.
LOCATOR = re.compile(
    r"\b(?:[A-Z]+(?:\.\d+)?/(?:[A-Za-z0-9.]+/)*[A-Za-z0-9.]+"
    r"|articles?|principles?|guidelines?|paragraphs?|sections?|targets?|goal|objective"
    r"|annex|chapter|part|introduction|decision|heading|closing lines)\b"
)


def link_problem(url: str) -> str | None:
    """Why ``url`` is not an official page, or None."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    if parts.scheme != "https":
        return "not https"
    if not any(host == h or host.endswith("." + h) for h in OFFICIAL_HOSTS):
        return f"{host} is not an official publisher"
    if host != "undocs.org" and NEWS_PATH.search(parts.path):  # there, a path is a document symbol
        return "a news item, not the page of the thing itself"
    return None


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def entry(catalogue: Catalogue, page: str, entry_id: str) -> Entry:
    return catalogue.by_id[f"{page}#{entry_id}"]


@pytest.mark.parametrize(
    "url",
    [
        # The links this check was written against.
        "https://www.unodc.org/unodc/en/frontpage/2024/July/what-are-the-working-groups-on-human-trafficking-and-migrant-smuggling.html",
        "https://southafrica.un.org/en/186135-5th-global-conference-elimination-child-labour-agreed-durban-call-action",
        "https://news.un.org/en/story/2022/05/1118792",
        "https://www.ilo.org/resource/news/durban-call-action",
        "https://www.thisdaylive.com/index.php/2022/05/27/global-child-labour-conference-moves-to-end-child-labour/",
        "https://docslib.org/doc/6624485/conference-of-the-parties",
        "http://undocs.org/en/A/RES/70/1",
    ],
)
def test_news_items_blogs_and_copies_are_refused(url: str) -> None:
    assert link_problem(url) is not None


@pytest.mark.parametrize(
    "url",
    [
        "https://undocs.org/en/A/HRC/RES/53/9",
        "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XVIII-12-b&chapter=18&clang=_en",
        "https://normlex.ilo.org/dyn/normlex/en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C029",
        "https://www.unodc.org/unodc/en/treaties/CTOC/CTOC-COP.html",
        "https://www.ohchr.org/en/instruments-mechanisms/instruments/convention-rights-child",
    ],
)
def test_official_pages_are_accepted(url: str) -> None:
    assert link_problem(url) is None


def test_every_reference_links_to_an_official_page(catalogue: Catalogue) -> None:
    problems = {r.id: link_problem(r.url or "") for r in catalogue.references}
    assert {k: v for k, v in problems.items() if v} == {}


def test_every_statement_of_a_definition_cites_a_located_source_with_an_official_link(
    catalogue: Catalogue,
) -> None:
    for term in catalogue.terms:
        assert term.claims, f"{term.id} has no source"
        for claim in term.claims:
            assert LOCATOR.search(claim.source), f"{term.id}: {claim.source!r} names no symbol or article"
            assert link_problem(claim.url) is None, f"{term.id}: {claim.url} ({link_problem(claim.url)})"


def test_bodies_link_to_their_own_pages_not_to_one_another_s(catalogue: Catalogue) -> None:
    urls = [r.url for r in catalogue.references]
    assert len(urls) == len(set(urls)), "two references share a link"
    assert entry(catalogue, "references", "conference-of-the-parties-untoc").url.endswith("/CTOC-COP.html")


# (page, entry, words the text must have, words it must not have): what the fact-check found.
FACT_CHECKS = [
    ("glossary", "child-soldiers", ["16", "Paris Principles"], []),
    ("glossary", "modern-slavery", ["not defined in law", "Global Estimates"], []),
    ("glossary", "labour-exploitation", ["forced labour or services", "servitude"], ["pay", "conditions"]),
    ("glossary", "demand", ["demand that fosters all forms of exploitation", "leads to trafficking"], []),
    ("glossary", "thematic-report", [], ["each year", "General Assembly"]),
    ("glossary", "mandate-holder", [], ["unpaid"]),
    ("glossary", "forced-labour", [], ["papers", "wages"]),
    ("glossary", "forced-displacement", ["within their own country"], ["across borders"]),
    (
        "references",
        "universal-declaration-of-human-rights",
        ["slavery and the slave trade"],
        ["slavery and servitude in all"],
    ),
    # The second fact-check (issue 23): each finding, and what the source says.
    ("glossary", "root-causes", ["some, but not all", "does not define"], ["names some of them"]),
    ("glossary", "victim-centred", ["does not define"], []),
    (
        "glossary",
        "gender-responsive",
        ["women, men, girls and boys", "they are empowered"],
        ["women and girls are empowered"],
    ),
    ("glossary", "data-disaggregation", ["gender, age", "developing countries"], ["income, sex"]),
    ("glossary", "child-labour", ["from 16", "fully protected"], ["not allowed below 18"]),
    ("glossary", "effective-remedy", ["granted him by the constitution or by law"], []),
    ("glossary", "human-rights-due-diligence", ["directly linked"], ["business relationships, may cause"]),
    ("glossary", "non-punishment-principle", ["in accordance with respective national legal systems"], []),
    ("glossary", "inter-alia", ["root causes", "further prevent"], []),
]


@pytest.mark.parametrize(("page", "entry_id", "present", "absent"), FACT_CHECKS)
def test_definitions_say_what_their_sources_say(
    catalogue: Catalogue, page: str, entry_id: str, present: list[str], absent: list[str]
) -> None:
    text = entry(catalogue, page, entry_id).description
    assert [p for p in present if p not in text] == []
    assert [a for a in absent if re.search(rf"\b{re.escape(a)}\b", text)] == []


# (term, words of a statement, what its source must name): a claim and the source that makes it.
ATTRIBUTIONS = [
    ("child-soldiers", "cook", "Paris Principles"),
    ("child-soldiers", "volunteers", "article 3"),
    ("modern-slavery", "forced marriage", "Global Estimates"),
    ("trafficking-in-persons", "under 18", "(d)"),
    ("demand", "demand that fosters all forms", "article 9 (5)"),
    ("demand", "with a view to eliminating", "operative paragraph 4"),
    ("due-diligence", "act with due diligence to prevent trafficking", "E/2002/68/Add.1, principle 2"),
]


@pytest.mark.parametrize(("term_id", "words", "source"), ATTRIBUTIONS)
def test_each_claim_is_attributed_to_the_source_that_makes_it(
    catalogue: Catalogue, term_id: str, words: str, source: str
) -> None:
    claims = [c for c in entry(catalogue, "glossary", term_id).claims if words in c.text]
    assert claims, f"no statement of {term_id} says {words!r}"
    assert all(source in c.source for c in claims), [c.source for c in claims]


def test_the_slavery_convention_is_not_cited_for_modern_slavery(catalogue: Catalogue) -> None:
    sources = [c.source for c in entry(catalogue, "glossary", "modern-slavery").claims]
    assert not any("Slavery Convention" in s for s in sources)


def small_catalogue(folder: Path, definition: str) -> Path:
    """The small catalogue, its glossary one term whose definition is this YAML (on line 5)."""
    for name in ("references.yaml", "themes.yaml"):
        (folder / name).write_text((SMALL / name).read_text())
    (folder / "glossary.yaml").write_text(
        "terms:\n  - id: unicorn\n    term: Unicorn\n    patterns: ['\\bunicorn\\b']\n"
        f"    definition: {definition}\n"
    )
    return folder


@pytest.mark.parametrize(
    ("definition", "message"),
    [
        ("A plain sentence with no source.", "a definition as a list"),
        ("[{says: A horse with a horn., source: Bestiary, article 1}]", "a statement with url"),
        ("[{says: A horse with a horn., url: 'https://undocs.org/en/A/1'}]", "a statement with source"),
        ("[{says: A horse., source: Bestiary, url: 'ftp://example.org/', support: []}]", "an https:// link"),
        (
            "[{says: A horse with a horn., source: 'Bestiary, article 1', url: 'https://undocs.org/en/A/1'}]",
            "a statement with support",
        ),
        (
            "[{says: A horn., source: 'Bestiary, article 1', url: 'https://undocs.org/en/A/1',"
            " support: [{at: article 1}]}]",
            "a supporting passage with at and quote",
        ),
    ],
)
def test_a_definition_without_a_source_for_each_statement_stops_the_build(
    tmp_path: Path, definition: str, message: str
) -> None:
    with pytest.raises(ConversionError, match=rf"glossary.yaml:\d+: expected {message}"):
        load_catalogue(small_catalogue(tmp_path, definition))


def test_the_glossary_shows_each_statement_followed_by_its_source(
    built_site: Path, catalogue: Catalogue
) -> None:
    glossary = lxml.html.fromstring((built_site / "glossary" / "index.html").read_bytes())
    for term in catalogue.terms:
        heading = glossary.get_element_by_id(term.id)
        definition = heading.getparent().getnext()  # after the row of the heading and its permalink
        cited = [(" ".join(a.text_content().split()), a.get("href")) for a in definition.iter("a")]
        expected = groupby_source(term)
        assert [u for _, u in cited] == [u for _, u in expected], term.id
        # The link says the source (its acronyms may be spelled out at their first use).
        assert all(s.endswith(e[-12:]) for (s, _), (e, _) in zip(cited, expected, strict=True)), term.id
        assert " ".join(definition.text_content().split()).startswith(term.claims[0].text[:40])


def groupby_source(term: Entry) -> list[tuple[str, str]]:
    """The sources of a term's statements, consecutive repeats cited once."""
    sources: list[tuple[str, str]] = []
    for claim in term.claims:
        if not sources or sources[-1] != (claim.source, claim.url):
            sources.append((claim.source, claim.url))
    return sources
