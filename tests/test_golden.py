"""Golden files, compared whole: each fixture's model (``tests/fixtures/<case>/model.json``, as
``python -m build_scripts parse`` prints it) and each Markdown page and download built from
53/9 (``tests/golden/<resolution>/``).

A change made on purpose is recorded with one command, and the diff read before committing:

    make golden      # regenerates every golden file, then: git diff tests/

The pages are changed by many hands: after merging work that changes them, run it again.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support_text import ROOT, fixture_dirs

from build_scripts.config import load_config
from build_scripts.pipeline import Conversion, convert

CASES = fixture_dirs()
CONFIG = load_config(ROOT, environ={})  # the published catalogue, whatever CATALOGUE_DIR says
GOLDEN = ROOT / "tests" / "golden" / CONFIG.source.stem
# Converted while collecting, so that each page and download is a test of its own.
BUILT: Conversion = convert(CONFIG)
FILES = {
    **{f"pages/{name}": content for name, content in BUILT.pages.items()},
    **dict(BUILT.downloads.items()),
}


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_fixture_model_is_its_golden_json(parse_command, file_regression, case: Path) -> None:
    result = parse_command(case.relative_to(ROOT) / "input.txt")
    assert result.returncode == 0, result.stderr
    file_regression.check(result.stdout, fullpath=case / "model.json", encoding="utf-8", newline="")


@pytest.mark.parametrize("name", sorted(FILES))
def test_built_file_is_its_golden_file(file_regression, name: str) -> None:
    file_regression.check(FILES[name].decode("utf-8"), fullpath=GOLDEN / name, encoding="utf-8", newline="")


def test_every_golden_file_is_still_built() -> None:
    stale = sorted(
        str(path.relative_to(GOLDEN))
        for path in GOLDEN.rglob("*")
        if path.is_file() and str(path.relative_to(GOLDEN)) not in FILES
    )
    assert not stale, f"no longer built, delete them from {GOLDEN.relative_to(ROOT)}: {stale}"
