"""The resolution's words are shown as written: never read as Markdown or HTML."""

from __future__ import annotations

import html

import markdown
import pytest

from build_scripts.pages.escape import attribute, markdown_text

# The site's Markdown extensions that could read text as markup.
EXTENSIONS = ["pymdownx.escapeall", "attr_list", "md_in_html", "def_list", "toc"]
AWKWARD = [
    "*emphasis* and **strong**",
    "_underscores_ and __double__",
    "[a link](https://example.org) and ![an image](x.png)",
    "{#forged-id} and {: .class }",
    "`code` and ``more code``",
    "| a | b |",
    "<script>alert(1)</script>",
    "&amp; &lt; & <",
    "<!-- a comment -->",
    "# not a heading",
    "1. not a list",
    "12) not a list either",
    "- not a bullet",
    "+ nor this",
    ": not a definition",
    "back\\slash \\* escaped",
    "~~strike~~ ==mark== ^^caret^^",
    "an ending {: #evil }",
    "quotes ' \" and dashes – —",
]


def rendered_text(source: str) -> str:
    """What a reader sees: the HTML of one paragraph, tags removed, entities decoded."""
    output = markdown.Markdown(extensions=EXTENSIONS).convert(source)
    assert output.startswith("<p>") and output.endswith("</p>"), output
    return html.unescape(output[3:-4])


@pytest.mark.parametrize("text", AWKWARD)
def test_escaped_text_renders_as_written(text: str) -> None:
    assert rendered_text(markdown_text(text)) == text


@pytest.mark.parametrize("text", AWKWARD)
def test_escaped_text_makes_no_element(text: str) -> None:
    output = markdown.Markdown(extensions=EXTENSIONS).convert(markdown_text(text))
    assert output.count("<") == 2  # only <p> and </p>


def test_attribute_escapes_quotes_and_tags() -> None:
    assert attribute('say "<b>" & go') == "say &quot;&lt;b&gt;&quot; &amp; go"
