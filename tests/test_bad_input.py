"""Malformed and hostile inputs through the command line: a clear error naming the file and the
line, or a conversion that keeps the text literally; never a traceback.

The cases and what must happen with each are listed in tests/bad_inputs/expected.yaml.
"""

from __future__ import annotations

import json
import re
import subprocess
import time
from pathlib import Path

import pytest
import yaml
from support_text import ROOT, run_cli

BAD = ROOT / "tests" / "bad_inputs"
EXPECTED: dict[str, dict] = yaml.safe_load((BAD / "expected.yaml").read_text(encoding="utf-8"))
CLOSING = "50th plenary meeting\n19 December 2023\n"
HEAD = (BAD / "no_operative_paragraphs.txt").read_text(encoding="utf-8").split(CLOSING)[0]


def _relative(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _check_error(result: subprocess.CompletedProcess[bytes], name: str, case: dict) -> None:
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 2, stderr
    assert result.stdout == b""
    assert stderr.startswith(f"error: {name}:{case['line']}: expected "), stderr
    assert case["error"] in stderr
    assert len(stderr.strip().splitlines()) == 1, stderr


def _check_conversion(result: subprocess.CompletedProcess[bytes], case: dict) -> None:
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 0, stderr
    text = result.stdout.decode("utf-8")
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
def test_bad_input(name: str) -> None:
    case = EXPECTED[name]
    assert ("error" in case) != bool(case.get("converts")), f"{name}: say either error or converts"
    relative = _relative(BAD / name)
    result = run_cli(Path(relative))
    assert b"Traceback" not in result.stderr
    if "error" in case:
        _check_error(result, relative, case)
    else:
        _check_conversion(result, case)


def test_missing_file_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    result = run_cli(tmp_path / "absent.txt")
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr
    assert re.match(r"error: .*absent\.txt:0: expected a readable file", result.stderr.decode())


def test_directory_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    result = run_cli(tmp_path)
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr


def test_strict_mode_fails_on_a_warning() -> None:
    result = run_cli(BAD / "marker_without_note.txt", "--strict")
    assert result.returncode == 2
    assert b"has no note" in result.stderr
    assert result.stdout == b""


# --- Huge inputs, made here ----------------------------------------------------------------


def test_paragraph_of_200_kilobytes_converts(tmp_path: Path) -> None:
    words = " ".join(f"word{i}" for i in range(30_000))
    assert len(words) > 200_000
    source = tmp_path / "huge_paragraph.txt"
    source.write_text(HEAD + f"1. *Decides* {words}.\n\n" + CLOSING, encoding="utf-8")
    result = run_cli(source)
    assert result.returncode == 0, result.stderr.decode()
    model = json.loads(result.stdout)
    assert model["operative"][0]["text"] == f"Decides {words}."


def test_ten_thousand_operative_paragraphs_convert_quickly(tmp_path: Path) -> None:
    paragraphs = "\n\n".join(f"{n}. *Requests* action number {n};" for n in range(1, 10_001))
    source = tmp_path / "many_paragraphs.txt"
    source.write_text(HEAD + paragraphs + "\n\n" + CLOSING, encoding="utf-8")
    started = time.monotonic()
    result = run_cli(source)
    assert time.monotonic() - started < 60
    assert result.returncode == 0, result.stderr.decode()
    operative = json.loads(result.stdout)["operative"]
    assert len(operative) == 10_000
    assert (operative[-1]["id"], operative[-1]["label"]) == ("op10000", "10000.")


def test_long_line_without_spaces_converts(tmp_path: Path) -> None:
    source = tmp_path / "long_word.txt"
    source.write_text(HEAD + "1. *Decides* " + "x" * 100_000 + ".\n\n" + CLOSING, encoding="utf-8")
    result = run_cli(source)
    assert result.returncode == 0, result.stderr.decode()


def test_many_sub_paragraphs_run_past_z_to_aa(tmp_path: Path) -> None:
    from build_scripts.identifiers import letter_label

    items = "\n\n".join(f"({letter_label(i)}) Item {i};" for i in range(30))
    source = tmp_path / "long_list.txt"
    source.write_text(HEAD + "1. *Decides*:\n\n" + items + "\n\n" + CLOSING, encoding="utf-8")
    result = run_cli(source)
    assert result.returncode == 0, result.stderr.decode()
    ids = [item["id"] for item in json.loads(result.stdout)["operative"][0]["items"]]
    assert ids[25:28] == ["op1z", "op1aa", "op1bb"]
