"""Helpers for the converter's tests: the parse command's result, expected structure, conservation."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from build_scripts.model import Paragraph, Resolution

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resolutions" / "A-HRC-RES-53-9.txt"
FIXTURES = ROOT / "tests" / "fixtures"
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_DIGITS = str.maketrans(SUPERSCRIPTS, "0123456789")
_MARKER = re.compile(f"(?<![{SUPERSCRIPTS}])[{SUPERSCRIPTS}]{{1,3}}(?![{SUPERSCRIPTS}])")
_WHITE = re.compile(r"\s+")
# An italic lead, after the paragraph's number if it has one.
_ITALIC_LEAD = re.compile(r"^(\d+\.\s+)?\*([^*]+)\*")
_ITALIC_BLOCK = re.compile(r"\*[^*]+\*")
_BOLD = re.compile(r"\*\*[^*](?:.*[^*])?\*\*")
_BLANK = re.compile(r"[\s\u200b\u2060\ufeff]*")
_EDGES = re.compile(r"^[\s\u200b\u2060\ufeff]+|[\s\u200b\u2060\ufeff]+$")


@dataclass(frozen=True)
class Command:
    """What ``python -m build_scripts parse`` gave: its exit status and what it printed."""

    returncode: int
    stdout: str
    stderr: str


def run_command(*args: str | Path, hash_seed: str = "0") -> subprocess.CompletedProcess[str]:
    """``python -m build_scripts ARGS`` as a process of its own, from the project's folder: for
    what only a real process shows (its exit status, a child it starts, its hash seed). The other
    converter tests call the command in their own process (conftest's ``parse_command``)."""
    return subprocess.run(
        [sys.executable, "-m", "build_scripts", *map(str, args)],
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": hash_seed},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def fixture_dirs() -> list[Path]:
    return sorted(p for p in FIXTURES.iterdir() if (p / "input.txt").is_file())


# --- Expected structure --------------------------------------------------------------------


def mismatches(expected: Any, actual: Any, where: str = "") -> list[str]:
    """How ``actual`` differs from ``expected``: dicts match on expected keys (keys starting with
    ``_`` are comments; an expected null also matches a missing key), lists item by item and in
    length, anything else by equality."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{where or '.'}: expected an object, found {actual!r}"]
        found: list[str] = []
        for key, value in expected.items():
            if key.startswith("_"):
                continue
            if key not in actual:
                if value is not None:
                    found.append(f"{where}.{key}: missing")
            else:
                found.extend(mismatches(value, actual[key], f"{where}.{key}"))
        return found
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{where}: expected {len(expected)} items, found {actual!r}"]
        return [
            m
            for i, (e, a) in enumerate(zip(expected, actual, strict=True))
            for m in mismatches(e, a, f"{where}[{i}]")
        ]
    return [] if expected == actual else [f"{where}: expected {expected!r}, found {actual!r}"]


def paragraphs_by_id(resolution: Resolution) -> dict[str, dict]:
    """Every paragraph's dict (without its items), keyed by id."""
    out = {}
    for paragraph in resolution.paragraphs():
        data = paragraph.to_dict()
        data.pop("items", None)
        out[paragraph.id] = data
    return out


def counts(resolution: Resolution) -> dict[str, int]:
    def items(tops: tuple[Paragraph, ...]) -> int:
        return sum(len(list(p.walk())) - 1 for p in tops)

    return {
        "preamble": len(resolution.preamble),
        "operative": len(resolution.operative),
        "items": items(resolution.preamble) + items(resolution.operative),
        "footnotes": len(resolution.footnotes),
        "annexes": len(resolution.annexes),
        "annex_paragraphs": sum(len(list(p.walk())) for a in resolution.annexes for p in a.paragraphs),
    }


# --- Conservation --------------------------------------------------------------------------


def squash(text: str) -> str:
    """Text without its white space: how the conservation check compares."""
    return _WHITE.sub("", text)


def model_texts(resolution: Resolution) -> Iterator[str]:
    """The model's source-bearing texts in reading order, footnotes apart."""
    return resolution.source_texts()


def model_notes(resolution: Resolution) -> list[str]:
    """Each footnote as printed (marker and text), in the order of the source."""
    return [squash(n.marker + n.text) for n in sorted(resolution.footnotes, key=lambda n: n.line)]


def _source_blocks(text: str) -> list[tuple[int, list[str]]]:
    """(first line number, lines) of each run of non-blank lines; a form feed ends a run."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, start=1):
        for index, part in enumerate(line.split("\f")):
            blank = bool(_BLANK.fullmatch(part))
            if index or blank:
                if current:
                    blocks.append((start, current))
                current = []
            if not blank:
                if not current:
                    start = number
                current.append(_EDGES.sub("", part))
    if current:
        blocks.append((start, current))
    return blocks


def source_streams(data: bytes, resolution: Resolution) -> tuple[str, list[str], int]:
    """From the source itself: the main text and the footnote texts, without markup and without
    the markers that became references (squashed), and how many such markers it dropped."""
    blocks = _source_blocks(data.decode("utf-8-sig"))
    notes, remaining = _take_notes(blocks, resolution)
    _unmark(remaining, resolution)
    main, dropped = without_note_markers(
        "".join(squash(" ".join(lines)) for _, lines in remaining), resolution
    )
    return main, notes, dropped


def without_note_markers(text: str, resolution: Resolution) -> tuple[str, int]:
    """``text`` without the superscript markers of the resolution's footnotes, and how many there were."""
    numbers = {n.number for n in resolution.footnotes}
    dropped = 0

    def drop(match: re.Match[str]) -> str:
        nonlocal dropped
        if int(match.group().translate(_TO_DIGITS)) in numbers:
            dropped += 1
            return ""
        return match.group()

    return _MARKER.sub(drop, text), dropped


def _take_notes(blocks: list[tuple[int, list[str]]], resolution: Resolution) -> tuple[list[str], list]:
    """Remove each note's block (found by the note's line) and any block that finishes its text."""
    remaining = list(blocks)
    notes = []
    for note in sorted(resolution.footnotes, key=lambda n: n.line):
        start = next((i for i, (line, _) in enumerate(remaining) if line == note.line), None)
        if start is None:
            notes.append(f"no block at line {note.line}")
            continue
        first = squash(" ".join(remaining.pop(start)[1]))
        rest = squash(note.marker + note.text)[len(first) :]
        later = next(
            (i for i in range(start, len(remaining)) if squash(" ".join(remaining[i][1])) == rest), None
        )
        if rest and later is not None:
            first += squash(" ".join(remaining.pop(later)[1]))
        notes.append(first)
    return notes, remaining


def _unmark(blocks: list[tuple[int, list[str]]], resolution: Resolution) -> None:
    """Drop the markup: ``**`` around the agenda item title and around headings (a bold block,
    or each line of one), ``*`` around an operative or annex paragraph's lead."""
    annexed = (p for annex in resolution.annexes for p in annex.paragraphs)
    leads = {p.line for p in (*resolution.preamble, *resolution.operative, *annexed) if p.lead}
    for index, (line, lines) in enumerate(blocks):
        text = " ".join(lines)
        if all(_BOLD.fullmatch(each) for each in lines):
            blocks[index] = (line, [each[2:-2] for each in lines])
        elif text.startswith("**") and text.endswith("**"):
            blocks[index] = (line, [text[2:-2]])
        elif all(_ITALIC_BLOCK.fullmatch(each) for each in lines):
            blocks[index] = (line, [each[1:-1] for each in lines])
        elif _ITALIC_BLOCK.fullmatch(text):
            blocks[index] = (line, [text[1:-1]])
        elif line in leads:
            blocks[index] = (line, [_ITALIC_LEAD.sub(r"\1\2", text, count=1)])


def conservation_problems(data: bytes, resolution: Resolution) -> list[str]:
    """What of the source is lost, duplicated or out of order in the model (empty if nothing)."""
    main, notes, dropped = source_streams(data, resolution)
    model = squash("".join(model_texts(resolution)))
    problems = []
    if model != main:
        problems.append("main text differs " + _first_difference(main, model))
    if notes != model_notes(resolution):
        problems.append(f"footnotes differ: source {notes!r}, model {model_notes(resolution)!r}")
    references = sum(len(p.footnote_refs) for p in resolution.paragraphs())
    if dropped != references:
        problems.append(f"{dropped} markers in the source became {references} references")
    return problems


def _first_difference(source: str, model: str) -> str:
    at = next(
        (i for i, (a, b) in enumerate(zip(source, model, strict=False)) if a != b),
        min(len(source), len(model)),
    )
    around = slice(max(0, at - 40), at + 40)
    return f"at {at}: source …{source[around]!r}… model …{model[around]!r}…"
