"""The home page's summary: each sentence names the paragraphs it sums up, and is no stronger."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
import yaml
from conftest import SOURCE

from build_scripts.errors import ConversionError
from build_scripts.model import Resolution
from build_scripts.pages.summary import summary_sentences
from build_scripts.parsing.parse import parse_file

NOTES = SOURCE.with_suffix(".yaml")


@pytest.fixture(scope="module")
def resolution() -> Resolution:
    return parse_file(SOURCE)[0]


@pytest.fixture(scope="module")
def summary() -> list[dict]:
    return yaml.safe_load(NOTES.read_text(encoding="utf-8"))["summary"]


def test_every_sentence_names_paragraphs_that_exist(resolution: Resolution, summary: list[dict]) -> None:
    known = {p.id for p in resolution.paragraphs()}
    for item in summary:
        assert item.get("paragraphs"), item["says"]
        assert set(item["paragraphs"]) <= known, item["paragraphs"]


# What the fact-check found the summary saying more strongly than the text, and what the text says.
@pytest.mark.parametrize(
    ("absent", "present"),
    [
        ("hold businesses to account", "consider “obligations for employers"),
        ("urges States to join", "consider ratifying or acceding"),
        ("forced to commit", "as a direct consequence of having been trafficked"),
        # Issue 23: the qualifiers of operative paragraphs 1 (a), 1 (c) and 3.
        ("assistance suited to their", "child-sensitive"),
        (
            "implement the non-punishment principle, so that",
            "in accordance with respective national legal systems",
        ),
        ("ensure victims' right to an effective remedy, including", "to address its root causes"),
    ],
)
def test_the_summary_is_no_stronger_than_the_text(summary: list[dict], absent: str, present: str) -> None:
    words = " ".join(" ".join(item["says"].split()) for item in summary)
    assert absent not in words
    assert present in words


def test_the_summary_and_theme_descriptions_quote_the_resolution_verbatim(summary: list[dict]) -> None:
    """Words taken from the resolution are in quotation marks, and are its words exactly."""
    from build_scripts.enriching.catalogue import load_catalogue

    text = " ".join(SOURCE.read_text(encoding="utf-8").replace("*", "").split())
    sentences = [" ".join(item["says"].split()) for item in summary]
    themes = [" ".join(t.description.split()) for t in load_catalogue().themes]
    quoted = [q for s in sentences + themes for q in re.findall(r"“([^”]+)”", s)]
    assert quoted
    assert [q for q in quoted if q.rstrip(",") not in text] == []
    words = " ".join(sentences)
    for copied in (
        "which must not be made conditional on their cooperation with law enforcement authorities",
        "have been compelled to commit as a direct consequence of having been trafficked",
        "to promote the social inclusion of victims",
        "as provided for under international law",
        "strong condemnation of trafficking in persons",
    ):
        assert any(copied in q for q in quoted), copied
        assert copied in words or any(copied in t for t in themes)


def test_the_themes_page_says_should_where_the_resolution_does() -> None:
    """The themes are described in the resolution's own strength ("should", "considering")."""
    from build_scripts.enriching.catalogue import load_catalogue

    themes = {t.id: " ".join(t.description.split()) for t in load_catalogue().themes}
    assert [t for t, d in themes.items() if re.search(r"\bmust\b", d)] == []
    rights = themes["victims-rights-and-non-punishment"]
    assert "in accordance with respective national legal systems" in rights
    assert "as a direct consequence of having been trafficked" in rights


def test_the_home_page_links_each_sentence_to_its_paragraphs(built_site: Path, summary: list[dict]) -> None:
    home = lxml.html.fromstring((built_site / "index.html").read_bytes())
    items = home.xpath('//h2[@id="summary"]/../following-sibling::ul[1]/li')
    assert len(items) == len(summary)
    for item, sentence in zip(items, summary, strict=True):
        targets = [a.get("href").split("#")[1] for a in item.iter("a")]
        assert targets == sentence["paragraphs"]


def test_sibling_sub_paragraphs_are_named_as_one_cites_them(resolution: Resolution) -> None:
    (sentence,) = summary_sentences(
        [{"says": "It asks.", "paragraphs": ["op2e", "op2g", "op3"]}], resolution, "x"
    )
    assert sentence.references == (
        ("op2e", "operative paragraph 2 (e)"),
        ("op2g", "(g)"),
        ("op3", "operative paragraph 3"),
    )


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"says": "It condemns trafficking."}, "summary sentence 1 as 'says:' with the 'paragraphs:'"),
        (
            {"says": "It condemns trafficking.", "paragraphs": ["op99"]},
            "to name paragraphs of the resolution",
        ),
        ("It condemns trafficking.", "summary sentence 1 as 'says:'"),
    ],
)
def test_a_sentence_that_names_no_real_paragraph_stops_the_build(
    resolution: Resolution, item: object, message: str
) -> None:
    with pytest.raises(ConversionError, match=message) as error:
        summary_sentences([item], resolution, "notes.yaml")
    assert str(error.value).startswith("notes.yaml:")
