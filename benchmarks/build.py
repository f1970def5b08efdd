"""(a) The build of the whole site, conversion and MkDocs apart, next to the renderer's floor: a
default MkDocs + Material site of as many pages of the same text."""

from __future__ import annotations

import logging
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from build_scripts.config import load_config
from build_scripts.pages.paragraph_pages import PartPages, part_page_files
from build_scripts.pages.render import PageRenderer
from build_scripts.pipeline import convert
from build_scripts.publishing.output import write_files
from build_scripts.reading.publication import load_publication

ROOT = Path(__file__).resolve().parent.parent

BASELINE_CONFIG = "site_name: Baseline\ntheme:\n  name: material\n"


CPU_SECONDS: dict[str, list[float]] = {"site": [], "baseline": [], "first": [], "renderer": [], "floor": []}
"""The CPU time (user + system) of each build run by :func:`_project_build` and :func:`_mkdocs`."""


def _children_cpu() -> float:
    """CPU seconds of the children that ended so far (``getrusage(RUSAGE_CHILDREN)``)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(command: list[str], project: Path, kind: str, env: dict[str, str] | None = None) -> float:
    """Runs the build; its wall seconds, and its CPU seconds appended to ``CPU_SECONDS[kind]``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    start, cpu = time.perf_counter(), _children_cpu()
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    CPU_SECONDS[kind].append(_children_cpu() - cpu)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command[1:])} failed in {project}:\n{result.stderr}")
    return elapsed


def _project_build(site: Path, kind: str = "site", env: dict[str, str] | None = None) -> float:
    """The project's build, as ``make site`` runs it."""
    return _timed([sys.executable, "-m", "build_scripts", "build", "--site-dir", str(site)], ROOT, kind, env)


def _first_build_cpu(site: Path, work: Path) -> float:
    """CPU seconds of a build on a machine where none has run: the templates' compiled forms,
    which builds keep in the temporary folder, are not there yet."""
    empty = Path(tempfile.mkdtemp(dir=work, prefix="tmp-"))
    _project_build(site, "first", {"TMPDIR": str(empty)})
    return CPU_SECONDS["first"][-1]


def _mkdocs(project: Path, site: Path, kind: str = "baseline") -> float:
    return _timed(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)], project, kind
    )


def floor_project(folder: Path) -> Path:
    """The renderer's floor: the Markdown pages the build wrote into docs/ (every page of the
    site, the same text), in a default MkDocs + Material project (``theme: material`` and nothing
    else: no extension, hook or plugin of ours). What any site of that many pages of that text
    costs MkDocs and Material to build."""
    docs = ROOT / "docs"
    for page in docs.rglob("*.md"):
        target = folder / "docs" / page.relative_to(docs)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(page.read_bytes())
    (folder / "mkdocs.yml").write_text(BASELINE_CONFIG, encoding="utf-8")
    return folder


def renderer_alone_project(folder: Path) -> Path:
    """The site's configuration, to run MkDocs alone on the pages the build wrote into docs/:
    with the renderer's own hooks (the templates kept compiled, the pages' metadata escaped)
    but not the project's, which would convert the resolution again. Nothing of the finishing
    (the theme's fixes, the trimming, our files' names) runs: what is left is the least a build
    that has MkDocs render every page can cost."""
    import yaml

    from build_scripts.renderers.mkdocs_material import PAGE_META_HOOK, TEMPLATE_CACHE_HOOK

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("watch", None)
    config["hooks"] = [str(PAGE_META_HOOK), str(TEMPLATE_CACHE_HOOK)]
    config["docs_dir"] = str(ROOT / "docs")
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    folder.mkdir(parents=True)
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return folder


def _renderer_alone(project: Path, site: Path) -> float:
    return _timed(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)], project, "renderer"
    )


def baseline_project(folder: Path, source: Path) -> Path:
    """The same text pasted into one page of a default Material site."""
    (folder / "docs").mkdir(parents=True)
    (folder / "mkdocs.yml").write_text(BASELINE_CONFIG, encoding="utf-8")
    (folder / "docs" / "index.md").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def measure(runs: int, work: Path) -> tuple[dict[str, float], Path, Path]:
    """Median seconds of the conversion, the site's build, the baseline's (wall clock, and CPU
    time of the child process: on a shared machine the wall clock measures the neighbours too);
    the built site and the built baseline (the plain page)."""
    config = load_config(ROOT)
    source = config.source
    conversions = []
    for _ in range(runs):
        start = time.perf_counter()
        convert(config)
        conversions.append(time.perf_counter() - start)
    site = work / "site"
    baseline = baseline_project(Path(tempfile.mkdtemp(dir=work, prefix="baseline-")), source)
    renderer = renderer_alone_project(Path(tempfile.mkdtemp(dir=work, prefix="renderer-")) / "project")
    builds, baselines = [_project_build(site)], []  # a warm-up, which also writes docs/
    floor = floor_project(Path(tempfile.mkdtemp(dir=work, prefix="floor-")))
    for _ in range(runs):  # alternately, so that a change of the machine's load touches all
        builds.append(_project_build(site))
        baselines.append(_mkdocs(baseline, baseline / "site"))
        _renderer_alone(renderer, renderer / "site")
        _mkdocs(floor, floor / "site", "floor")
    builds = builds[1:]
    first_cpu = _first_build_cpu(site, work)
    conversion, build, plain = (statistics.median(x) for x in (conversions, builds, baselines))
    site_cpu = statistics.median(CPU_SECONDS["site"][-runs:])
    baseline_cpu = statistics.median(CPU_SECONDS["baseline"][-runs:])
    renderer_cpu = statistics.median(CPU_SECONDS["renderer"][-runs:])
    floor_cpu = statistics.median(CPU_SECONDS["floor"][-runs:])
    return (
        {
            "site_build_cpu_s": site_cpu,
            "baseline_build_cpu_s": baseline_cpu,
            "cpu_ratio_to_baseline": site_cpu / baseline_cpu,
            "first_build_cpu_s": first_cpu,
            "renderer_alone_cpu_s": renderer_cpu,
            "floor_build_cpu_s": floor_cpu,
            "floor_pages": len(list((ROOT / "docs").rglob("*.md"))),
            "cpu_ratio_to_floor": site_cpu / floor_cpu,
            "conversion_s": conversion,
            "site_build_s": build,
            "mkdocs_s": build - conversion,
            "baseline_build_s": plain,
            "ratio_to_baseline": build / plain,
        },
        site,
        baseline / "site",
    )


def _render_seconds(pages: dict[str, bytes], folder: Path) -> float:
    """CPU seconds of MkDocs rendering ``pages`` (with the hand-written assets) into a site.

    CPU time of this process, not wall time: on a shared machine the wall time measures the
    neighbours as much as the build. Not strict: without the paragraph pages, the full text's
    link to their list dangles, which strict mode would refuse.
    """
    from mkdocs import config as mkdocs_config
    from mkdocs.commands import build as mkdocs_build

    docs = folder / "docs"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    write_files(pages, docs)
    settings = mkdocs_config.load_config(
        str(ROOT / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(folder / "site"), strict=False, hooks=[]
    )
    start = time.process_time()
    settings.plugins.on_startup(command="build", dirty=False)
    mkdocs_build.build(settings)
    settings.plugins.on_shutdown()
    return time.process_time() - start


def paragraph_pages_cost(runs: int, work: Path, site_build_cpu_s: float) -> dict[str, float]:
    """What the paragraph pages add to the site's build, in CPU seconds, and the build's time
    with them over its time without them.

    Their share is measured in process: writing them (conversion) and MkDocs rendering the pages
    with them and without them. The whole build (``site_build_cpu_s``, the ``python -m
    build_scripts build`` of :func:`measure`, start-up and finishing included) less that share
    is the build without them.
    """
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = load_config(ROOT)
    conversion = convert(config)
    parts = set(part_page_files(conversion.enriched.resolution))
    without = {name: data for name, data in conversion.pages.items() if name not in parts}
    publication = {**load_publication(config.source), "site_url": config.address.setting}
    part_rendering, with_pages, without_pages = [], [], []
    _render_seconds(without, work / "warm-up")  # imports and template caches, counted in neither
    for _ in range(runs):
        renderer = PageRenderer(conversion.enriched, publication)
        start = time.process_time()
        PartPages(renderer).pages(renderer.common())
        part_rendering.append(time.process_time() - start)
        with_pages.append(_render_seconds(conversion.pages, work / "with-paragraph-pages"))
        without_pages.append(_render_seconds(without, work / "without-paragraph-pages"))
    parts_s, with_s, without_s = (statistics.median(x) for x in (part_rendering, with_pages, without_pages))
    added = parts_s + with_s - without_s
    return {
        "paragraph_pages": len(parts) - 1,
        "paragraph_pages_added_cpu_s": added,
        "mkdocs_with_paragraph_pages_cpu_s": with_s,
        "mkdocs_without_paragraph_pages_cpu_s": without_s,
        "build_with_paragraph_pages_cpu_s": site_build_cpu_s,
        "build_without_paragraph_pages_cpu_s": site_build_cpu_s - added,
        "paragraph_pages_build_ratio": site_build_cpu_s / (site_build_cpu_s - added),
    }
