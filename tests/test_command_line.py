"""The parse command as a real process: what the other converter tests check in process
(conftest's ``parse_command``) holds when Python starts afresh, with its exit status."""

from __future__ import annotations

import json

from support_text import run_command as run

BAD = "tests/bad_inputs/operative_numbering_gap.txt"


def test_parse_prints_the_model_as_json_and_exits_0() -> None:
    result = run("parse", "resolutions/A-HRC-RES-53-9.txt")
    assert (result.returncode, result.stderr) == (0, "")
    assert json.loads(result.stdout)["symbol"] == "A/HRC/RES/53/9"


def test_bad_input_exits_2_with_one_line_naming_file_and_line() -> None:
    result = run("parse", BAD)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"error: {BAD}:31: expected operative paragraph 3; found: ")
    assert len(result.stderr.splitlines()) == 1, result.stderr  # no traceback


def test_missing_file_exits_2_with_one_line() -> None:
    result = run("parse", "resolutions/absent.txt")
    assert result.returncode == 2
    assert result.stderr.startswith("error: resolutions/absent.txt:0: expected a readable file")
    assert len(result.stderr.splitlines()) == 1, result.stderr


def test_output_is_the_same_in_processes_with_different_hash_seeds() -> None:
    """Set and dict orders that follow string hashes would differ between these two runs."""
    first = run("parse", "resolutions/A-HRC-RES-53-9.txt", hash_seed="1")
    second = run("parse", "resolutions/A-HRC-RES-53-9.txt", hash_seed="2")
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout
