"""(e) The PDF route beside the text route, on the same resolution: the official PDF of
A/RES/78/217 (14 pages), and the text layout read from it, parsed as a text file.

Time is the median of the runs, on the wall clock and in processor time (the reading of a PDF
runs in a child process: its time is counted). Peak memory is measured in a fresh Python for
each route, as the growth of its resident set (VmHWM) over what it held before converting:
PDFium allocates outside Python, where tracemalloc cannot see.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from build_scripts.parsing.parse import parse_file
from build_scripts.reading.source import pdf_text_layout

ROOT = Path(__file__).resolve().parent.parent
PDF = ROOT / "tests" / "fixtures_pdf" / "A-RES-78-217" / "source.pdf"
PAGES = 14

_PEAK = """
import json, sys
from pathlib import Path
from build_scripts.parsing.parse import parse_file
from build_scripts.reading import source, pdf_reader

def high_water():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0

# The PDF is read in this process here, so that its memory is this process's.
source.read_pages = pdf_reader._read_pages
before = high_water()
parse_file(Path(sys.argv[1]))
print(json.dumps({"peak_growth_mb": (high_water() - before) / 1e6}))
"""


def _processor_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _timed(path: Path, runs: int) -> dict[str, float]:
    parse_file(path)  # warm: code loaded, expressions compiled
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), _processor_seconds()
        parse_file(path)
        walls.append(time.perf_counter() - wall)
        cpus.append(_processor_seconds() - cpu)
    return {"wall_s": statistics.median(walls), "processor_s": statistics.median(cpus)}


def _peak(path: Path) -> float:
    result = subprocess.run(
        [sys.executable, "-c", _PEAK, str(path)], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)["peak_growth_mb"]


def measure(runs: int) -> dict[str, dict[str, float]]:
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as work:
        text = Path(work) / "A-RES-78-217.txt"
        text.write_text(pdf_text_layout(PDF, PDF.read_bytes(), str(PDF)).text, encoding="utf-8")
        for route, path in (("pdf", PDF), ("text", text)):
            figures = _timed(path, runs)
            figures["wall_per_page_ms"] = figures["wall_s"] / PAGES * 1000
            figures["processor_per_page_ms"] = figures["processor_s"] / PAGES * 1000
            figures["peak_growth_mb"] = _peak(path)
            results[route] = figures
    return results
