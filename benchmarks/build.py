"""(a) The build of the whole site, conversion and MkDocs apart, next to a plain Material site."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from build_scripts.config import load_config
from build_scripts.pipeline import convert

ROOT = Path(__file__).resolve().parent.parent

BASELINE_CONFIG = "site_name: Baseline\ntheme:\n  name: material\n"


def _timed(command: list[str], project: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command[1:])} failed in {project}:\n{result.stderr}")
    return elapsed


def _project_build(site: Path) -> float:
    """The project's build, as ``make site`` runs it."""
    return _timed([sys.executable, "-m", "build_scripts", "build", "--site-dir", str(site)], ROOT)


def _mkdocs(project: Path, site: Path) -> float:
    return _timed([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)], project)


def baseline_project(folder: Path, source: Path) -> Path:
    """The same text pasted into one page of a default Material site."""
    (folder / "docs").mkdir(parents=True)
    (folder / "mkdocs.yml").write_text(BASELINE_CONFIG, encoding="utf-8")
    (folder / "docs" / "index.md").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def measure(runs: int, work: Path) -> tuple[dict[str, float], Path]:
    """Median seconds of the conversion, the site's build, the baseline's; and a built site."""
    config = load_config(ROOT)
    source = config.source
    conversions = []
    for _ in range(runs):
        start = time.perf_counter()
        convert(config)
        conversions.append(time.perf_counter() - start)
    site = work / "site"
    builds = [_project_build(site) for _ in range(runs)]
    baseline = baseline_project(Path(tempfile.mkdtemp(dir=work, prefix="baseline-")), source)
    baselines = [_mkdocs(baseline, baseline / "site") for _ in range(runs)]
    conversion, build, plain = (statistics.median(x) for x in (conversions, builds, baselines))
    return {
        "conversion_s": conversion,
        "site_build_s": build,
        "mkdocs_s": build - conversion,
        "baseline_build_s": plain,
        "ratio_to_baseline": build / plain,
    }, site
