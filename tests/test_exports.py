"""The JSON and plain-text downloads."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import markdown
import pytest

from build_scripts.downloads.exports import markdown_document, model_json, plain_text
from build_scripts.model import MODEL_VERSION, Paragraph, Resolution
from build_scripts.parsing.parse import parse_file

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resolutions" / "A-HRC-RES-53-9.txt"
ANNEXED = ROOT / "tests" / "fixtures_akn" / "ga-annex.txt"
PAGE = "https://example.org/A-HRC-RES-53-9/text/"


@pytest.fixture(scope="module")
def resolution() -> Resolution:
    return parse_file(SOURCE, "resolutions/A-HRC-RES-53-9.txt")[0]


@pytest.fixture(scope="module", params=[SOURCE, ANNEXED], ids=["53-9", "ga-annex"])
def any_resolution(request: pytest.FixtureRequest) -> Resolution:
    return parse_file(request.param)[0]


def _paragraph_dicts(items: list[dict]) -> Iterator[dict]:
    for item in items:
        yield item
        yield from _paragraph_dicts(item.get("items", []))


def _all_paragraph_dicts(data: dict) -> list[dict]:
    tops = data["preamble"] + data["operative"] + [p for a in data["annexes"] for p in a["paragraphs"]]
    return list(_paragraph_dicts(tops))


# --- JSON --------------------------------------------------------------------------------


def test_json_has_the_version_and_the_model(resolution: Resolution) -> None:
    data = json.loads(model_json(resolution, PAGE))
    assert data["version"] == MODEL_VERSION
    assert data["symbol"] == "A/HRC/RES/53/9"
    assert list(data)[:3] == ["version", "source", "symbol"]


def test_json_urls_end_with_the_anchor(any_resolution: Resolution) -> None:
    data = json.loads(model_json(any_resolution, PAGE))
    paragraphs = _all_paragraph_dicts(data)
    assert [p["id"] for p in paragraphs] == [p.id for p in any_resolution.paragraphs()]
    for item in paragraphs + data["footnotes"]:
        assert item["url"] == PAGE + "#" + item["id"]
        assert item["url"].endswith("#" + item["id"])
    assert data["footnotes"]


def test_json_is_the_model_plus_urls(any_resolution: Resolution) -> None:
    data = json.loads(model_json(any_resolution, PAGE))
    for item in _all_paragraph_dicts(data) + data["footnotes"]:
        del item["url"]
    assert data == any_resolution.to_dict()


def test_json_is_stable_utf8_indented(resolution: Resolution) -> None:
    text = model_json(resolution, PAGE)
    assert text == model_json(resolution, PAGE)
    assert text.endswith("}\n")
    assert "¹" in text and "\\u" not in text
    assert text.startswith('{\n  "version": ')
    assert '"id": "pp1",\n      "url": ' in text


# --- Plain text --------------------------------------------------------------------------


def _expected_line(paragraph: Paragraph, depth: int, numbers: dict[str, int]) -> str:
    text = paragraph.text
    for ref in sorted(paragraph.footnote_refs, key=lambda r: r.offset, reverse=True):
        text = f"{text[: ref.offset]}[{numbers[ref.footnote]}]{text[ref.offset :]}"
    return "    " * depth + (f"{paragraph.label} " if paragraph.label else "") + text


def _expected_lines(paragraphs: tuple[Paragraph, ...], numbers: dict[str, int], depth: int = 0) -> list[str]:
    lines = []
    for paragraph in paragraphs:
        lines.append(_expected_line(paragraph, depth, numbers))
        lines.extend(_expected_lines(paragraph.items, numbers, depth + 1))
    return lines


def test_plain_text_has_every_paragraph_in_order(any_resolution: Resolution) -> None:
    text = plain_text(any_resolution)
    blocks = text.rstrip("\n").split("\n\n")
    numbers = {note.id: note.number for note in any_resolution.footnotes}
    tops = (
        *any_resolution.preamble,
        *any_resolution.operative,
        *(p for a in any_resolution.annexes for p in a.paragraphs),
    )
    expected = _expected_lines(tops, numbers)
    positions = [blocks.index(line) for line in expected]
    assert positions == sorted(positions)
    assert len(set(positions)) == len(expected)


def test_plain_text_labels_and_markers(resolution: Resolution) -> None:
    text = plain_text(resolution)
    lines = text.split("\n")
    assert "1. Urges States to protect" in text
    assert any(line.startswith("    (a) Providing protection") for line in lines)
    assert "2030 Agenda for Sustainable Development,[1] and in particular" in text
    assert "¹" not in text and "*" not in text


def test_plain_text_heading_closing_and_notes(resolution: Resolution) -> None:
    text = plain_text(resolution)
    blocks = text.rstrip("\n").split("\n\n")
    assert blocks[0].split("\n")[0] == "General Assembly"
    assert "53/9. Trafficking in persons, especially women and children" in blocks
    assert (
        blocks.index("The Human Rights Council,")
        == blocks.index("53/9. Trafficking in persons, especially women and children") + 1
    )
    assert "34th meeting\n12 July 2023\n[Adopted without a vote.]" in blocks
    notes = blocks.index("Notes")
    assert blocks[notes + 1 :] == [f"{n.number}. {n.text}" for n in resolution.footnotes]
    assert text.endswith("4. General Assembly resolution 76/7, annex.\n")
    assert "\n\n\n" not in text


def test_plain_text_annex(any_resolution: Resolution) -> None:
    blocks = plain_text(any_resolution).split("\n\n")
    for annex in any_resolution.annexes:
        assert blocks.index(annex.heading) < blocks.index(annex.title_lines[0]) < blocks.index("Notes")


def test_markdown_download_renders_every_paragraph_in_order() -> None:
    resolution, _ = parse_file(ROOT / "resolutions" / "A-HRC-RES-53-9.txt")
    html = lxml.html.fromstring(markdown.markdown(markdown_document(resolution), extensions=["footnotes"]))
    notes = html.xpath('//div[@class="footnote"]')[0]
    notes.drop_tree()
    for reference in html.xpath("//sup"):
        reference.drop_tree()
    text = " ".join(html.text_content().split())
    position = 0
    for paragraph in resolution.paragraphs():
        shown = " ".join(f"{paragraph.label or ''} {paragraph.text}".split())
        position = text.find(shown, position)
        assert position >= 0, paragraph.id
    note_texts = " ".join(notes.text_content().split())
    assert all(note.text in note_texts for note in resolution.footnotes)
