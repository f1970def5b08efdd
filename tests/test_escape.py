"""The resolution's words are shown as written: never read as Markdown or HTML."""

from __future__ import annotations

import html
import re

import markdown
import pytest
import yaml

from build_scripts.pages.escape import Markdown, markdown_text, token
from build_scripts.pages.escape import html as html_escape
from build_scripts.pages.render import environment, front_matter

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


def test_html_escapes_quotes_and_tags() -> None:
    assert html_escape('say "<b>" & go') == "say &#34;&lt;b&gt;&#34; &amp; go"


# --- escaping by default in the templates ------------------------------------------------------


def render(source: str, **values: object) -> str:
    return environment().from_string(source).render(**values)


@pytest.mark.parametrize("text", AWKWARD)
def test_a_template_prints_a_plain_value_as_written(text: str) -> None:
    assert rendered_text(render("Said: {{ value }}", value=text)) == f"Said: {text}"


def test_a_template_prints_markdown_as_it_is_and_escapes_what_is_joined_into_it() -> None:
    written = Markdown("*Urges* ") + "the *States*"
    assert render("{{ value }}", value=written) == "*Urges* the \\*States\\*"
    assert Markdown(", ").join(["a_b", Markdown("**c**")]) == "a\\_b, **c**"


def test_a_macro_is_not_escaped_twice() -> None:
    source = '{% macro em(text) %}*{{ text }}*{% endmacro %}{{ em("a*b") }}'
    assert render(source) == "*a\\*b*"


def test_an_attribute_value_is_escaped_for_html() -> None:
    source = '<p title="{{ value | html }}">x</p>'
    assert render(source, value='"><script>') == '<p title="&#34;&gt;&lt;script&gt;">x</p>'


def test_an_id_or_class_is_printed_as_it_is_and_anything_else_refused() -> None:
    assert render("{: #{{ value | token }} }", value="op1c") == "{: #op1c }"
    for bad in ("op1c }", "a b", "<x>", '"', ""):
        with pytest.raises(ValueError, match="not an id or class name"):
            token(bad)


@pytest.mark.parametrize(
    ("url", "href"),
    [
        # Brackets that pair up stay as they are (Markdown reads them so); others are encoded.
        ("https://undocs.org/en/S/RES/1820(2008)", "https://undocs.org/en/S/RES/1820(2008)"),
        ("https://example.org/a)b", "https://example.org/a%29b"),
        ("https://example.org/a(b", "https://example.org/a%28b"),
        ("https://example.org/a b<c>\\d", "https://example.org/a%20b%3Cc%3E%5Cd"),
        (
            "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XVIII-12-a&chapter=18",
            "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XVIII-12-a&chapter=18",
        ),
    ],
)
def test_a_link_leads_where_its_address_says(url: str, href: str) -> None:
    output = markdown.Markdown(extensions=EXTENSIONS).convert(render("[x]({{ url | url }})", url=url))
    assert html.unescape(re.search(r'href="([^"]*)"', output)[1]) == href


def test_front_matter_holds_the_plain_text() -> None:
    title = 'A "quoted" <b>title</b>: *not* markup'
    written = front_matter(title=title, search={"exclude": True})
    assert yaml.safe_load(written.strip("-\n")) == {"title": title, "search": {"exclude": True}}
