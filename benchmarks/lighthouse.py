"""Lighthouse (the project's own, package.json) on the full text and on the plain page.

Mobile (Lighthouse's default: a mid-range phone, simulated slow 4G), the performance category
only, each page served gzip-compressed on 127.0.0.1 and opened by Debian's Chromium (CHROME_PATH;
Lighthouse downloads nothing). Runs alternate between the two pages, so that a change of the
machine's load touches both; the medians are reported.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from .local_site import CHROMIUM_ARGS, find_chromium, serve

ROOT = Path(__file__).resolve().parent.parent
CLI = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_FLAGS = " ".join(["--headless=new", *CHROMIUM_ARGS])


def available() -> str | None:
    """Why Lighthouse cannot run, or None."""
    if not CLI.is_file():
        return "Lighthouse is not installed: run `npm ci --ignore-scripts` (make bench does)"
    if not find_chromium():
        return "no Chromium (CHROMIUM_PATH, or Debian's chromium)"
    return None


def run(url: str) -> dict[str, float]:
    """One Lighthouse run: performance score (0-100), first contentful paint (ms), CLS."""
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as folder:
        report = Path(folder) / "report.json"
        env = {**os.environ, "CHROME_PATH": find_chromium() or "", "TMPDIR": folder}
        command = ["node", str(CLI), url, "--quiet", "--only-categories=performance"]
        command += [f"--chrome-flags={CHROME_FLAGS}", "--output=json", f"--output-path={report}"]
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, check=False)
        if result.returncode != 0 or not report.is_file():
            raise RuntimeError(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
        data = json.loads(report.read_text(encoding="utf-8"))
    if data.get("runtimeError"):
        raise RuntimeError(f"Lighthouse on {url}: {data['runtimeError']}")
    audits = data["audits"]
    return {
        "score": round(data["categories"]["performance"]["score"] * 100),
        "fcp_ms": audits["first-contentful-paint"]["numericValue"],
        "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
    }


def measure(site: Path, plain: Path, runs: int = 5, path: str = "text/") -> dict[str, dict]:
    """Medians of ``runs`` runs on the site's ``path`` and on the plain page, and every run."""
    results: dict[str, list[dict[str, float]]] = {"site": [], "plain": []}
    with serve(site, compress=True) as base, serve(plain, compress=True) as plain_base:
        for _ in range(runs):
            results["site"].append(run(base + path))
            results["plain"].append(run(plain_base))
    return {
        name: {
            **{key: statistics.median(run[key] for run in each) for key in each[0]},
            "runs": each,
        }
        for name, each in results.items()
    }
