"""The published anchors (published-anchors.json): a build may add anchors, never lose or move one."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest
from conftest import ROOT, SOURCE

from build_scripts.config import load_config
from build_scripts.pipeline import Conversion as Build
from build_scripts.pipeline import convert
from build_scripts.publishing import manifest

DISPLAY = "resolutions/A-HRC-RES-53-9.txt"
MANIFEST = ROOT / "published-anchors.json"
OP1C = "in accordance with respective national legal systems"  # in operative paragraph 1 (c)
OP1C_NOW = "in accordance with their national legal systems"
LAST = (
    "19. *Decides* to continue its consideration of the issue of trafficking in persons, especially "
    "women and children."
)


def converted(tmp_path: Path, old: str, new: str) -> Build:
    """The build of the resolution with ``old`` replaced by ``new`` in its text."""
    text = SOURCE.read_text(encoding="utf-8")
    assert old in text
    source = tmp_path / SOURCE.name
    source.write_text(text.replace(old, new), encoding="utf-8")
    return convert(dataclasses.replace(load_config(ROOT), source=source, source_name=DISPLAY))


@pytest.fixture(scope="module")
def build() -> Build:
    return convert(load_config(ROOT))


@pytest.fixture(scope="module")
def listed(build: Build) -> dict:
    """A manifest made from the current build (the committed one is checked on its own)."""
    return manifest.updated(build, None, "first publication", "2023-07-12")[0]


# --- The committed file ------------------------------------------------------------------------


def test_committed_manifest_matches_the_build(build: Build) -> None:
    report = manifest.check(build, MANIFEST)
    assert report.ok, report.message(MANIFEST)
    assert not report.new, f"not yet in {MANIFEST.name}: {report.new}; run {manifest.UPDATE_COMMAND}"


def test_committed_manifest_is_written_as_the_update_command_writes_it() -> None:
    text = MANIFEST.read_text(encoding="utf-8")
    assert manifest.dumps(json.loads(text)) == text
    history = json.loads(text)["history"]
    assert history and all(entry["date"] and entry["reason"] and entry["changes"] for entry in history)


def test_every_listed_page_and_anchor_is_in_the_built_site(built_site: Path) -> None:
    listed = manifest.load(MANIFEST)
    for page in listed["pages"]:
        assert (built_site / page / "index.html").is_file(), page
    for file in listed["files"]:
        assert (built_site / file).is_file(), file
    for page, anchors in listed["anchors"].items():
        ids = set(lxml.html.fromstring((built_site / page / "index.html").read_bytes()).xpath("//@id"))
        assert not set(anchors) - ids, f"{page}: {sorted(set(anchors) - ids)}"


# --- What fails, what does not -----------------------------------------------------------------


def test_changed_paragraph_text_fails_naming_the_anchor(tmp_path: Path, listed: dict) -> None:
    changed = converted(tmp_path, OP1C, OP1C_NOW)
    report = manifest.compare(changed, listed)
    assert not report.ok
    message = report.message(MANIFEST)
    assert "text/#op1c" in message and "now points at different text" in message
    assert "now reads \"Fully recognizing victims' rights" in message  # which words it now holds
    assert "anchors update --reason" in message
    assert [a.url for a, _ in report.changed] == ["text/#op1c"]


def test_renumbered_paragraph_fails(tmp_path: Path, listed: dict) -> None:
    """Paragraph 19 becomes 20 after an inserted paragraph: op19 now holds other words."""
    inserted = LAST.replace("19. *Decides*", "19. *Decides* to remain seized of the matter;\n\n20. *Decides*")
    report = manifest.compare(converted(tmp_path, LAST, inserted), listed)
    assert [a.url for a, _ in report.changed] == ["text/#op19"]
    assert report.new == ["text/#op20"]


def test_removed_paragraph_fails_naming_the_anchor(tmp_path: Path, listed: dict) -> None:
    report = manifest.compare(converted(tmp_path, LAST, ""), listed)
    assert not report.ok
    assert "text/#op19 (operative paragraph 19) is gone" in report.message(MANIFEST)


def test_removed_page_fails(build: Build, listed: dict) -> None:
    report = manifest.compare(build, {**listed, "pages": [*listed["pages"], "timeline/"]})
    assert not report.ok
    assert "page timeline/ is no longer built" in report.message(MANIFEST)


def test_new_anchor_is_reported_not_failed(build: Build, listed: dict) -> None:
    text = {k: v for k, v in listed["anchors"]["text/"].items() if k != "op19"}
    report = manifest.compare(build, {**listed, "anchors": {**listed["anchors"], "text/": text}})
    assert report.ok
    assert report.new == ["text/#op19"]


def test_check_of_the_model_alone_leaves_downloads_aside(build: Build, listed: dict) -> None:
    assert manifest.compare(build.enriched, listed).ok


def test_missing_manifest_fails_with_how_to_create_it(build: Build, tmp_path: Path) -> None:
    with pytest.raises(manifest.AnchorsChanged, match='update --reason "first publication"'):
        manifest.enforce(build, tmp_path / MANIFEST.name)


# --- Updating on purpose -----------------------------------------------------------------------


def test_update_with_a_reason_accepts_the_change_and_records_it(tmp_path: Path, listed: dict) -> None:
    changed = converted(tmp_path, OP1C, OP1C_NOW)
    record, changes = manifest.updated(changed, listed, "Corrigendum 1", "2023-08-01")
    assert manifest.compare(changed, record).ok
    assert record["history"][-1]["reason"] == "Corrigendum 1"
    assert record["history"][-1]["date"] == "2023-08-01"
    assert any("text/#op1c" in change for change in changes)
    assert len(record["history"]) == len(listed["history"]) + 1


def test_update_needs_a_reason(build: Build, listed: dict) -> None:
    with pytest.raises(ValueError, match="reason"):
        manifest.updated(build, listed, "  ", "2023-08-01")


def test_update_without_changes_records_nothing(build: Build, listed: dict) -> None:
    assert manifest.updated(build, listed, "nothing", "2023-08-01") == (listed, [])


# --- Through MkDocs and the command line -------------------------------------------------------


def copy_project(destination: Path) -> Path:
    ignore = shutil.ignore_patterns(
        ".venv", "node_modules", "site", "site.tmp", ".git", "*_cache", "__pycache__"
    )
    shutil.copytree(ROOT, destination, ignore=ignore)
    return destination


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1689120000"}
    return subprocess.run(
        [sys.executable, *args], cwd=project, env=env, capture_output=True, text=True, check=False
    )


def test_build_fails_on_a_moved_anchor_until_the_manifest_is_updated(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    source = project / DISPLAY
    source.write_text(source.read_text(encoding="utf-8").replace(OP1C, OP1C_NOW), "utf-8")
    build = ["-m", "build_scripts", "build", "--site-dir", str(tmp_path / "site")]

    failed = run(project, *build)
    assert failed.returncode == 1
    assert "text/#op1c (source line" in failed.stderr and "anchors update --reason" in failed.stderr
    assert "Traceback" not in failed.stderr + failed.stdout

    updated = run(project, "-m", "build_scripts", "anchors", "update", "--reason", "Corrigendum 1")
    assert updated.returncode == 0, updated.stderr
    assert "Corrigendum 1" in (project / MANIFEST.name).read_text(encoding="utf-8")
    assert run(project, *build).returncode == 0


def test_a_section_anchor_that_disappears_fails(build: Build, listed: dict) -> None:
    text = build.pages["text.md"].decode("utf-8").replace("## Notes { #notes }", "## Notes")
    without_notes = dataclasses.replace(build, pages={**build.pages, "text.md": text.encode("utf-8")})
    report = manifest.compare(without_notes, listed)
    assert not report.ok
    assert ("text/", "notes", "section") in report.removed
