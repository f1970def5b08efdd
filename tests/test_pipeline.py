"""The pipeline owns the build; the renderer is one replaceable stage at its end."""

from __future__ import annotations

import dataclasses
import shutil
import stat
from pathlib import Path

import pytest
from conftest import ROOT

from build_scripts import pipeline
from build_scripts.config import load_config
from build_scripts.enriching.enrich import Enriched
from build_scripts.publishing import manifest
from build_scripts.renderers import RenderError


class CopyingRenderer:
    """A second renderer in a few lines: the Markdown pages copied as they are."""

    name = "copy"

    def __init__(self) -> None:
        self.finished_with: Enriched | None = None

    def render(self, docs_dir: Path, site_dir: Path) -> None:
        shutil.copytree(docs_dir, site_dir, dirs_exist_ok=True)

    def finish(self, enriched: Enriched, site_dir: Path) -> None:
        self.finished_with = enriched


class FailingRenderer(CopyingRenderer):
    def render(self, docs_dir: Path, site_dir: Path) -> None:
        super().render(docs_dir, site_dir)
        raise RenderError("the theme is missing")


@pytest.fixture
def config(tmp_path: Path):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    return dataclasses.replace(load_config(ROOT), docs_dir=docs)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_stub_renderer_gets_the_pages_downloads_and_checked_anchors(config, tmp_path: Path) -> None:
    renderer = CopyingRenderer()
    conversion = pipeline.build(config, renderer, tmp_path / "site")
    site = snapshot(tmp_path / "site")
    assert {"index.md", "text.md", "glossary.md", "assets/reader.css", "assets/material.js"} <= set(site)
    assert set(conversion.downloads) <= set(site)
    assert len([name for name in conversion.downloads if name.startswith("downloads/")]) == 4
    assert "op1c/A-HRC-RES-53-9-op1c.json" in conversion.downloads  # a paragraph's data, beside its page
    assert snapshot(config.docs_dir)["op1c/index.md"] == site["op1c/index.md"]
    assert renderer.finished_with is conversion.enriched
    # The anchor manifest comes out of the pipeline, not of the renderer: it lists every page the
    # stub was given.
    pages_written = {manifest.page_url(name) for name in snapshot(config.docs_dir) if name.endswith(".md")}
    assert {"", "text/", "op1c/", "fn1/"} <= pages_written
    assert set(manifest.published(conversion).pages) == pages_written
    assert snapshot(config.docs_dir)["text.md"] == site["text.md"]


def test_built_files_and_folders_are_readable_by_a_web_server(config, tmp_path: Path) -> None:
    pipeline.build(config, CopyingRenderer(), tmp_path / "site")
    for path in [tmp_path / "site", *(tmp_path / "site").rglob("*"), *config.docs_dir.glob("*.md")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o755 if path.is_dir() else 0o644), f"{path.name}: {oct(mode)}"


def test_a_failing_renderer_leaves_the_previous_pages_and_site(config, tmp_path: Path) -> None:
    site = tmp_path / "site"
    pipeline.build(config, CopyingRenderer(), site)
    before = snapshot(site), snapshot(config.docs_dir)
    (config.docs_dir / "text.md").write_text("an older page", encoding="utf-8")
    older_docs = snapshot(config.docs_dir)
    with pytest.raises(RenderError):
        pipeline.build(config, FailingRenderer(), site)
    assert snapshot(site) == before[0]
    assert snapshot(config.docs_dir) == older_docs
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
