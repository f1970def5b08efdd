"""Malformed and hostile inputs through the parse command: a clear error naming the file and the
line, or a conversion that keeps the text literally; never an exception.

The cases and what must happen with each are listed in tests/bad_inputs/expected.yaml. The
command runs in this process (conftest's ``parse_command``); test_command_line.py checks that a
real process exits the same way.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from support_text import ROOT, Command

BAD = ROOT / "tests" / "bad_inputs"
EXPECTED: dict[str, dict] = yaml.safe_load((BAD / "expected.yaml").read_text(encoding="utf-8"))
CLOSING = "50th plenary meeting\n19 December 2023\n"
HEAD = (BAD / "no_operative_paragraphs.txt").read_text(encoding="utf-8").split(CLOSING)[0]


def _relative(path: Path) -> str:
    return str(path.relative_to(ROOT))


Parse = Callable[..., Command]


def _check_error(result: Command, name: str, case: dict) -> None:
    stderr = result.stderr
    assert result.returncode == 2, stderr
    assert result.stdout == ""
    assert stderr.startswith(f"error: {name}:{case['line']}: expected "), stderr
    assert case["error"] in stderr
    assert len(stderr.strip().splitlines()) == 1, stderr


def _check_conversion(result: Command, case: dict) -> None:
    stderr = result.stderr
    assert result.returncode == 0, stderr
    text = result.stdout
    json.loads(text)
    for wanted in case.get("contains", []):
        assert wanted in text, wanted
    for unwanted in case.get("absent", []):
        assert unwanted not in text, unwanted
    if "warning" in case:
        assert case["warning"] in stderr
    else:
        assert stderr == ""


def test_the_corpus_lists_every_file_and_at_least_forty_cases() -> None:
    files = {p.name for p in BAD.iterdir()} - {"expected.yaml"}
    assert files == set(EXPECTED)
    assert len(EXPECTED) >= 40


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_input(parse_command: Parse, name: str) -> None:
    case = EXPECTED[name]
    assert ("error" in case) != bool(case.get("converts")), f"{name}: say either error or converts"
    relative = _relative(BAD / name)
    result = parse_command(relative)
    if "error" in case:
        _check_error(result, relative, case)
    else:
        _check_conversion(result, case)


def test_missing_file_is_an_error_naming_it(parse_command: Parse, tmp_path: Path) -> None:
    result = parse_command(tmp_path / "absent.txt")
    assert result.returncode == 2
    assert re.fullmatch(r"error: .*absent\.txt:0: expected a readable file.*\n", result.stderr)


def test_directory_is_an_error_naming_it(parse_command: Parse, tmp_path: Path) -> None:
    result = parse_command(tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {tmp_path}:0: expected ")
    assert len(result.stderr.splitlines()) == 1


def test_strict_mode_fails_on_a_warning(parse_command: Parse) -> None:
    result = parse_command(BAD / "marker_without_note.txt", "--strict")
    assert result.returncode == 2
    assert "has no note" in result.stderr
    assert result.stdout == ""


# --- Huge inputs, made here ----------------------------------------------------------------


def test_paragraph_of_200_kilobytes_converts(parse_command: Parse, tmp_path: Path) -> None:
    words = " ".join(f"word{i}" for i in range(30_000))
    assert len(words) > 200_000
    source = tmp_path / "huge_paragraph.txt"
    source.write_text(HEAD + f"1. *Decides* {words}.\n\n" + CLOSING, encoding="utf-8")
    result = parse_command(source)
    assert result.returncode == 0, result.stderr
    model = json.loads(result.stdout)
    assert model["operative"][0]["text"] == f"Decides {words}."


def test_ten_thousand_operative_paragraphs_convert_quickly(parse_command: Parse, tmp_path: Path) -> None:
    paragraphs = "\n\n".join(f"{n}. *Requests* action number {n};" for n in range(1, 10_001))
    source = tmp_path / "many_paragraphs.txt"
    source.write_text(HEAD + paragraphs + "\n\n" + CLOSING, encoding="utf-8")
    started = time.monotonic()
    result = parse_command(source)
    assert time.monotonic() - started < 60
    assert result.returncode == 0, result.stderr
    operative = json.loads(result.stdout)["operative"]
    assert len(operative) == 10_000
    assert (operative[-1]["id"], operative[-1]["label"]) == ("op10000", "10000.")


def test_long_line_without_spaces_converts(parse_command: Parse, tmp_path: Path) -> None:
    source = tmp_path / "long_word.txt"
    source.write_text(HEAD + "1. *Decides* " + "x" * 100_000 + ".\n\n" + CLOSING, encoding="utf-8")
    result = parse_command(source)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["operative"][0]["text"] == "Decides " + "x" * 100_000 + "."


def test_many_sub_paragraphs_run_past_z_to_aa(parse_command: Parse, tmp_path: Path) -> None:
    labels = [*"abcdefghijklmnopqrstuvwxyz", "aa", "bb", "cc", "dd"]
    items = "\n\n".join(f"({label}) Item {i};" for i, label in enumerate(labels))
    source = tmp_path / "long_list.txt"
    source.write_text(HEAD + "1. *Decides*:\n\n" + items + "\n\n" + CLOSING, encoding="utf-8")
    result = parse_command(source)
    assert result.returncode == 0, result.stderr
    ids = [item["id"] for item in json.loads(result.stdout)["operative"][0]["items"]]
    assert ids[25:28] == ["op1z", "op1aa", "op1bb"]
