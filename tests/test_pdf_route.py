"""The official PDF as a source: each PDF of tests/fixtures_pdf converts to the structure in its
expected.json, keeps every character of its text layer outside the print furniture once and in
order, and gives the same model as the text route (its speed: make bench).

expected.json holds what test_fixtures.py reads (model, counts, ids, paragraphs, warnings) and:
  footnotes   for some notes, the marker and text as printed ("¹ Resolution 70/1.")
  excerpts    texts that must appear, in this order, in the model's reading order (for layouts
              whose anchors are not fixed yet: a treaty's chapters and articles)
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from support_pdf import FIXTURES_PDF, expected, pdf_cases, pdf_conservation_problems, text_layer
from support_text import ROOT, counts, mismatches, model_texts, paragraphs_by_id, run_command, squash

from build_scripts.errors import Diagnostics
from build_scripts.model import Resolution
from build_scripts.parsing.parse import parse_bytes, parse_file

# Layouts the parser cannot read yet: these fixtures say what must come out, and fail until it can.
LAYOUTS_PENDING: set[str] = set()
CASES = [
    pytest.param(case, marks=pytest.mark.xfail(strict=True, reason="layouts: sections/annex"))
    if case.name in LAYOUTS_PENDING
    else case
    for case in pdf_cases()
]
# Text fixtures of the same resolutions, whole (tests/fixtures/).
TEXT_TWIN = {
    "A-RES-78-248": ROOT / "tests" / "fixtures" / "ga_sections_resumed_meeting" / "input.txt",
    "A-RES-80-3": ROOT / "tests" / "fixtures" / "ga_annex_sections_and_headings" / "input.txt",
}


def _problems(case: Path, resolution: Resolution, warnings: list[str]) -> list[str]:
    wanted = expected(case)
    problems = mismatches(wanted.get("model", {}), resolution.to_dict(), "model")
    problems += mismatches(wanted.get("counts", {}), counts(resolution), "counts")
    if "ids" in wanted:
        problems += mismatches(wanted["ids"], [p.id for p in resolution.paragraphs()], "ids")
    by_id = paragraphs_by_id(resolution)
    for anchor, paragraph in wanted.get("paragraphs", {}).items():
        problems += (
            mismatches(paragraph, by_id[anchor], anchor) if anchor in by_id else [f"{anchor}: missing"]
        )
    notes = {n.id: f"{n.marker} {n.text}" for n in resolution.footnotes}
    problems += mismatches(wanted.get("footnotes", {}), notes, "footnotes")
    stream, position = squash("".join(model_texts(resolution))), 0
    for excerpt in wanted.get("excerpts", []):
        found = stream.find(squash(excerpt), position)
        if found < 0:
            problems.append(f"excerpt not found (in this order): {excerpt[:60]!r}")
        position = max(position, found)
    if "warnings" in wanted:
        problems += mismatches(wanted["warnings"], warnings, "warnings")
    return problems


@functools.cache
def _parsed(case: Path) -> tuple[Resolution, Diagnostics]:
    return parse_file(case / "source.pdf")


def test_every_pdf_fixture_has_its_pdf_and_expectation() -> None:
    folders = sorted(p for p in FIXTURES_PDF.iterdir() if p.is_dir())
    assert len(folders) == 14
    for folder in folders:
        assert (folder / "source.pdf").read_bytes().startswith(b"%PDF-"), folder
        assert (folder / "expected.json").is_file(), folder


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_pdf_converts_to_its_expected_structure(case: Path) -> None:
    resolution, diagnostics = _parsed(case)
    problems = _problems(case, resolution, [w.message for w in diagnostics.warnings])
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_pdf_keeps_every_character_of_its_text_layer_once_in_order(case: Path) -> None:
    resolution, _ = _parsed(case)
    assert pdf_conservation_problems(case / "source.pdf", resolution) == []


_PLACES = {"line", "source", "enacting_line"}


def _without_places(data: object) -> object:
    """The model without what differs by route: the file's name and line numbers."""
    if isinstance(data, dict):
        return {
            k: _without_places(v) for k, v in data.items() if k not in {"line", "source", "enacting_line"}
        }
    if isinstance(data, list):
        return [_without_places(v) for v in data]
    return data


@pytest.mark.parametrize("name", sorted(TEXT_TWIN))
def test_pdf_and_text_routes_give_the_same_model(name: str) -> None:
    from_pdf = parse_file(FIXTURES_PDF / name / "source.pdf")[0].to_dict()
    from_text = parse_file(TEXT_TWIN[name])[0].to_dict()
    assert _without_places(from_pdf) == _without_places(from_text)


def test_text_layout_read_from_a_pdf_gives_the_same_model_on_the_text_route() -> None:
    pdf = FIXTURES_PDF / "A-RES-78-228" / "source.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "build_scripts", "text", str(pdf)], cwd=ROOT, capture_output=True, check=True
    )
    from_text = parse_bytes(result.stdout, "layout.txt")[0].to_dict()
    assert _without_places(from_text) == _without_places(parse_file(pdf)[0].to_dict())


def test_print_furniture_is_removed_listed_and_absent_from_the_model() -> None:
    pdf = FIXTURES_PDF / "A-RES-78-228" / "source.pdf"
    resolution, diagnostics = parse_file(pdf, "A-RES-78-228.pdf")
    notes = [str(n) for n in diagnostics.notes]
    assert "A-RES-78-228.pdf:page 1, line 38: note: removed job number: '23-25978 (E) 100124'" in notes
    assert "A-RES-78-228.pdf:page 1, line 39: note: removed barcode: '*2325978*'" in notes
    for page in range(2, 14):
        assert any(f"page {page}," in n and f"page number: '{page}/13'" in n for n in notes), page
        assert any(f"page {page}," in n and "running head" in n and "A/RES/78/228" in n for n in notes), page
    assert sum("footnote rule" in n for n in notes) == 9  # the pages that have footnotes
    model = json.dumps(resolution.to_dict(), ensure_ascii=False)
    for furniture in ("23-25978", "*2325978*", "2/13", "13/13", "____"):
        assert furniture not in model, furniture
    assert text_layer(pdf)[2] == ["barcode", "footnote rule", "job number", "page number", "running head"]


def test_hyphen_at_a_line_end_stays_in_the_word() -> None:
    resolution = parse_file(FIXTURES_PDF / "A-RES-78-228" / "source.pdf")[0]
    assert "Special Representative of the Secretary-General for Children" in resolution.find("op13").text
    assert "front-line service providers" in resolution.find("op17").text
    assert "a human rights-based, gender- and age-sensitive approach" in resolution.find("pp9d").text


def test_italics_are_leads_and_raised_digits_are_footnote_references() -> None:
    resolution = parse_file(FIXTURES_PDF / "A-RES-78-228" / "source.pdf")[0]
    pp5 = resolution.find("pp5")
    assert pp5.lead == "Recalling"
    assert [r.footnote for r in pp5.footnote_refs] == ["fn1", "fn2", "fn3", "fn4"]
    assert pp5.text[: pp5.footnote_refs[0].offset].endswith("2030 Agenda for Sustainable Development,")
    assert resolution.find("op1").lead == "Urges"


def test_a_table_is_kept_as_text_with_a_warning_naming_its_page_and_line(parse_command) -> None:
    result = parse_command(FIXTURES_PDF / "A-RES-79-250" / "source.pdf")
    assert result.returncode == 0
    stderr = result.stderr
    assert "source.pdf:page 3, line 7: warning: a table, kept as running text" in stderr
    op11 = next(p for p in json.loads(result.stdout)["operative"] if p["id"] == "op11")
    assert "A Permanent members of the Security Council    Not applicable    Premium" in op11["text"]
    assert parse_command(FIXTURES_PDF / "A-RES-79-250" / "source.pdf", "--strict").returncode == 2


def test_a_stream_that_inflates_to_gigabytes_is_stopped_quickly() -> None:
    started = time.monotonic()
    result = run_command("parse", ROOT / "tests" / "bad_inputs" / "pdf_expanding_stream.pdf")
    assert time.monotonic() - started < 45
    assert result.returncode == 2
    assert "512 MiB of memory" in result.stderr


def test_a_site_builds_from_a_pdf(tmp_path: Path) -> None:
    """In a project of its own (its own catalogue, its first list of anchors), a PDF source builds
    like a text one."""
    for name in ("mkdocs.yml", "hooks", "overrides", "build_scripts", "docs/assets"):
        source, target = ROOT / name, tmp_path / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target)
    (tmp_path / "resolutions").mkdir()
    shutil.copy(FIXTURES_PDF / "A-RES-78-186" / "source.pdf", tmp_path / "resolutions" / "A-RES-78-186.pdf")
    catalogue = tmp_path / "catalogue"
    catalogue.mkdir()
    for name, key in (
        ("glossary.yaml", "terms"),
        ("references.yaml", "references"),
        ("themes.yaml", "themes"),
    ):
        (catalogue / name).write_text(f"{key}: []\n")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["extra"]["resolution"] = "resolutions/A-RES-78-186.pdf"
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    env = {**os.environ, "CATALOGUE_DIR": str(catalogue)}
    for command in (["anchors", "update", "--reason", "first publication"], ["build"]):
        result = subprocess.run(
            [sys.executable, "-m", "build_scripts", *command],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "text" / "index.html").read_text(encoding="utf-8")
    assert 'id="op1"' in page
    assert "of the report of the Human Rights Council, including the addendum thereto" in page
