"""A failed build says what is wrong, where, and leaves the previous pages and site as they were."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, build_site

SOURCE = "resolutions/A-HRC-RES-53-9.txt"
GAP = ("5. *Further calls upon*", "6. *Further calls upon*")  # paragraphs 4 then 6: no 5


def copy_project(destination: Path) -> Path:
    ignore = shutil.ignore_patterns(
        ".venv", "node_modules", "site", "site.tmp", ".git", "*_cache", "__pycache__"
    )
    shutil.copytree(ROOT, destination, ignore=ignore)
    return destination


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def environment() -> dict[str, str]:
    return {**os.environ, "SOURCE_DATE_EPOCH": "1689120000"}


def pipeline_build(project: Path) -> subprocess.CompletedProcess[str]:
    return build_site(project / "site", project)


def mkdocs_build(project: Path) -> subprocess.CompletedProcess[str]:
    """MkDocs alone, through the project's hook (as `mkdocs serve` builds)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"]
    return subprocess.run(
        command, cwd=project, env=environment(), capture_output=True, text=True, check=False
    )


def make_site(project: Path) -> subprocess.CompletedProcess[str]:
    """``make site`` with this test run's Python environment (its install step taken as done)."""
    venv = Path(sys.executable).parent.parent
    command = [
        "make",
        "--no-print-directory",
        "site",
        f"VENV={venv}",
        "INSTALLED=.installed",
        "-o",
        ".installed",
    ]
    return subprocess.run(
        command, cwd=project, env=environment(), capture_output=True, text=True, check=False
    )


def break_numbering(project: Path) -> int:
    """Open a gap in the operative numbering; the line it is on."""
    source = project / SOURCE
    lines = source.read_text(encoding="utf-8").split("\n")
    line = next(i for i, text in enumerate(lines) if text.startswith(GAP[0]))
    lines[line] = lines[line].replace(*GAP)
    source.write_text("\n".join(lines), encoding="utf-8")
    return line + 1


@pytest.fixture
def project(tmp_path: Path) -> Path:
    built = copy_project(tmp_path / "project")
    result = pipeline_build(built)
    assert result.returncode == 0, result.stderr
    return built


def test_numbering_gap_fails_with_file_line_and_what_was_expected(project: Path) -> None:
    line = break_numbering(project)
    result = pipeline_build(project)
    assert result.returncode == 2
    assert (
        f"{SOURCE}:{line}: expected operative paragraph 5; found: '6. *Further calls upon*" in result.stderr
    )
    assert "Traceback" not in result.stderr + result.stdout


def test_numbering_gap_leaves_pages_and_site_byte_identical(project: Path) -> None:
    docs, site = snapshot(project / "docs"), snapshot(project / "site")
    assert "text.md" in docs and "text/index.html" in site
    break_numbering(project)
    assert pipeline_build(project).returncode == 2
    assert snapshot(project / "docs") == docs
    assert snapshot(project / "site") == site


def test_make_site_keeps_the_previous_pages_and_site_when_the_renderer_fails(project: Path) -> None:
    """A strict warning stops MkDocs after it emptied its site_dir: the build renders aside."""
    assert make_site(project).returncode == 0
    site, docs = snapshot(project / "site"), snapshot(project / "docs")
    about = project / "build_scripts" / "pages" / "templates" / "about.md.j2"
    about.write_text(about.read_text(encoding="utf-8") + "\nA sentence added to the about page.\n")
    broken = project / "docs" / "drafts" / "note.md"
    broken.parent.mkdir()
    broken.write_text("# Draft\n\nSee [the missing page](missing.md).\n", encoding="utf-8")

    result = make_site(project)
    assert result.returncode != 0
    assert "missing.md" in result.stderr
    assert snapshot(project / "site") == site
    assert snapshot(project / "docs") == {**docs, "drafts/note.md": broken.read_bytes()}

    broken.unlink()
    assert make_site(project).returncode == 0
    assert "A sentence added" in (project / "site" / "about" / "index.html").read_text(encoding="utf-8")
    assert not [path.name for path in project.iterdir() if path.name.startswith((".site.", ".docs."))]


def test_plain_mkdocs_build_rewrites_the_site_even_when_strict_mode_fails(project: Path) -> None:
    """Why ``make site`` builds aside: MkDocs empties site_dir, writes, and only then aborts."""
    site = snapshot(project / "site")
    (project / "docs" / "drafts").mkdir()
    (project / "docs" / "drafts" / "note.md").write_text(
        "# Draft\n\n[Missing](missing.md)\n", encoding="utf-8"
    )
    result = mkdocs_build(project)
    assert result.returncode == 1 and "missing.md" in result.stderr and "Traceback" not in result.stderr
    assert snapshot(project / "site") != site


def test_mkdocs_alone_builds_the_same_site_through_the_hook(project: Path) -> None:
    """The hook that `mkdocs serve` uses runs the same stages: same pages, downloads and search."""
    built = snapshot(project / "site")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert snapshot(project / "site") == built
