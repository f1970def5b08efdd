"""Shared fixtures: the real resolution, the site built once per test run, a local server and a
browser.

Tiers (markers, pyproject.toml): a test marked ``browser`` runs in Chromium, one marked ``tools``
a program that ``make test`` installs (Java's Nu HTML Checker, poppler's pdftotext); ``make
check`` runs every other test, ``make test`` all of them.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from support_text import Command

from benchmarks.local_site import ChromiumNotFound, launch_chromium, serve
from build_scripts import pipeline
from build_scripts.__main__ import main
from build_scripts.config import load_config
from build_scripts.renderers.mkdocs_material import MkDocsMaterial

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resolutions" / "A-HRC-RES-53-9.txt"
SOURCE_DATE_EPOCH = "1689120000"  # 12 July 2023, 00:00 UTC: the tests' own build date


def build_site(
    destination: Path, project: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m build_scripts build`` of ``project`` into ``destination``, as ``make site`` runs it."""
    # The date is the tests' own, whatever the caller's environment says (make exports one).
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "build_scripts", "build", "--site-dir", str(destination)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def parse_command(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., Command]:
    """``python -m build_scripts parse ARGS`` from the project's folder, run in this process (the
    command line's own smoke tests are in test_command_line.py)."""
    monkeypatch.chdir(ROOT)

    def run(*args: str | Path) -> Command:
        status = main(["parse", *map(str, args)])
        stdout, stderr = capsys.readouterr()
        return Command(status, stdout, stderr)

    return run


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once per test run from the project as it is, in this process.

    Its pages go to a folder of the test run's, not the project's ``docs/``, so that test
    processes running side by side never write the same files."""
    return build_in_process(tmp_path_factory.mktemp("build"))


def build_in_process(work: Path, configured: Path = ROOT, epoch: str = SOURCE_DATE_EPOCH) -> Path:
    """The project's site built in this process into ``work/site``, its pages in ``work/docs``,
    with the MkDocs configuration and ``site_url`` of the folder ``configured``."""
    config = load_config(ROOT)
    shutil.copytree(config.docs_dir / "assets", work / "docs" / "assets")
    config = dataclasses.replace(config, docs_dir=work / "docs", address=load_config(configured).address)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", epoch)
        pipeline.build(config, MkDocsMaterial(configured), work / "site")
    return work / "site"


PUBLISHED_URL = "https://publisher.un-resolutions.net/hrc/a-hrc-res-53-9/"
"""A real site address (its host is reserved for nothing): the site built with it names it."""
PLACEHOLDER_URL = "https://resolutions.example.org/a-hrc-res-53-9/"
"""An address on a host reserved for examples: a site built with it names no address."""


def build_with_site_url(work: Path, site_url: str, epoch: str = SOURCE_DATE_EPOCH) -> Path:
    """The site built like ``built_site``, from a copy of the project's configuration whose
    ``site_url`` is ``site_url``; the built site's folder."""
    settings = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    settings = re.sub(r"(?m)^site_url:.*$", f"site_url: {site_url}", settings)
    settings = settings.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    (work / "mkdocs.yml").write_text(settings, encoding="utf-8")
    for watched in ("resolutions", "build_scripts"):  # MkDocs checks the folders it would watch
        (work / watched).symlink_to(ROOT / watched)
    return build_in_process(work, work, epoch)


@pytest.fixture(scope="session")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as a publisher builds it, ``site_url`` set to its real address (PUBLISHED_URL)."""
    return build_with_site_url(tmp_path_factory.mktemp("published"), PUBLISHED_URL)


@pytest.fixture(scope="session")
def placeholder_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built with ``site_url`` on a host reserved for examples (PLACEHOLDER_URL)."""
    return build_with_site_url(tmp_path_factory.mktemp("placeholder"), PLACEHOLDER_URL)


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served on a free port of 127.0.0.1."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def published_site_url(published_site: Path) -> Iterator[str]:
    """The site built with a real address (``published_site``), served on a free port of 127.0.0.1."""
    with serve(published_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium, driven by Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        try:
            launched = launch_chromium(playwright)
        except ChromiumNotFound as error:
            pytest.fail(str(error))
        yield launched
        launched.close()


@pytest.fixture
def page(browser, site_url: str) -> Iterator[object]:
    """A fresh page at 1280 × 900 that refuses every request to another host."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(site_url) else route.abort(),
    )
    opened = context.new_page()
    yield opened
    context.close()
