"""A slow step's result is kept for the next build given the same inputs, and only then."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from build_scripts.publishing import build_cache
from build_scripts.publishing.build_cache import cached_text


@pytest.fixture(autouse=True)
def own_temporary_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


def counting(result: str) -> tuple[list[str], object]:
    made: list[str] = []

    def make() -> str:
        made.append(result)
        return result

    return made, make


def test_the_same_inputs_give_the_kept_result_without_making_it_again() -> None:
    made, make = counting("p{color:red}")
    assert cached_text("step", ["a", "b"], make) == "p{color:red}"
    assert cached_text("step", ["a", "b"], make) == "p{color:red}"
    assert len(made) == 1


def test_any_changed_input_makes_it_again() -> None:
    made, make = counting("x")
    cached_text("step", ["a", "b"], make)
    cached_text("step", ["a", "c"], make)
    cached_text("step", ["ab"], make)  # inputs are kept apart: "a"+"b" is not "ab"
    cached_text("other step", ["a", "b"], make)
    assert len(made) == 4


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="folder permissions are POSIX")
def test_a_folder_that_others_may_write_is_not_trusted(own_temporary_folder: Path) -> None:
    folder = own_temporary_folder / f"un-resolution-site-{os.getuid()}"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    made, make = counting("x")
    cached_text("step", ["a"], make)
    cached_text("step", ["a"], make)
    assert len(made) == 2
    assert not list(folder.iterdir())


def test_only_the_latest_results_of_a_step_are_kept(own_temporary_folder: Path) -> None:
    for number in range(build_cache.KEPT_PER_STEP + 3):
        cached_text("step", [str(number)], lambda: "x")
    assert len(list(own_temporary_folder.glob("*/step-*.txt"))) == build_cache.KEPT_PER_STEP
