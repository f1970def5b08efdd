"""A part's citation as BibTeX and CSL-JSON: awkward words written so that they stay themselves."""

from __future__ import annotations

import dataclasses
import json

import pybtex.database
import pytest
from conftest import SOURCE

from build_scripts.pages.citations import bibtex, csl_json, latex_text, plain_citation
from build_scripts.parsing.parse import parse_file

META = parse_file(SOURCE)[0].metadata
HOSTILE_TITLE = 'Rights {of} 100% & $5 #1 a_b ~ ^ \\end{document} "quoted" <b>bold</b>'


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("plain words, (c) and 53/9", "plain words, (c) and 53/9"),
        ("100% & $5", r"100\% \& \$5"),
        ("#1 a_b", r"\#1 a\_b"),
        ("{braces}", r"\{braces\}"),
        ("back\\slash", r"back\textbackslash{}slash"),
        ("~ and ^", r"\textasciitilde{} and \textasciicircum{}"),
        ("victims’ rights – “all”", "victims’ rights – “all”"),  # UTF-8 stays as it is
        ("two\n  lines", "two lines"),
    ],
)
def test_latex_text_escapes_what_tex_would_read_as_commands(text: str, written: str) -> None:
    assert latex_text(text) == written


def test_a_bibtex_entry_with_hostile_words_still_parses_into_the_same_fields() -> None:
    meta = dataclasses.replace(META, title=HOSTILE_TITLE, body="Council {x} & co")
    entry_text = bibtex(meta, "operative paragraph 1 (c)", "op1c", "https://example.org/op1c/")
    entries = pybtex.database.parse_string(entry_text, "bibtex").entries
    entry = entries["A-HRC-RES-53-9-op1c"]
    assert entry.fields["title"] == latex_text(HOSTILE_TITLE) + ", operative paragraph 1 (c)"
    assert entry.fields["url"] == "https://example.org/op1c/"
    assert entry.fields["number"] == "A/HRC/RES/53/9"


def test_csl_json_keeps_hostile_words_exactly() -> None:
    meta = dataclasses.replace(META, title=HOSTILE_TITLE)
    [item] = json.loads(csl_json(meta, "footnote 2", "fn2", "https://example.org/fn2/"))
    assert item["title"] == f"{HOSTILE_TITLE}, footnote 2"
    assert item["id"] == "A-HRC-RES-53-9-fn2" and item["section"] == "footnote 2"


def test_an_undated_resolution_is_cited_without_a_date() -> None:
    meta = dataclasses.replace(META, adopted=None)
    assert plain_citation(meta, "operative paragraph 2").endswith("(A/HRC/RES/53/9), operative paragraph 2")
    assert "year" not in bibtex(meta, "operative paragraph 2", "op2", "https://example.org/op2/")
    assert "issued" not in json.loads(csl_json(meta, "operative paragraph 2", "op2", "https://e.org/op2/"))[0]
