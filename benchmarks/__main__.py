"""``python -m benchmarks``: measure, print a table, exit 1 when a budget is exceeded.

Options: ``--runs N`` (median of N runs, default 5), ``--sizes 10,100,1000`` (the corpora),
``--no-browser`` (skip the page load and the search). The figures are also written to
benchmarks/results/latest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

from . import browser, build, corpus, pdf_route

RESULTS = Path(__file__).resolve().parent / "results"
# Budgets: kB are 1,000 bytes; times in ms on the machine of README.md.
BUDGETS = {
    "page_gzip_kb": 100.0,  # the full-text page with everything it loads, gzip
    "foreign_requests": 0,
    "growth": 2.0,  # per-resolution time at the largest corpus / at the smallest
    "site_build_s": 10.0,
    "first_contentful_paint_ms": 3000.0,  # 150 ms latency, 1.6 Mbit/s
    "search_ms": 300.0,  # last key released -> results on screen
    "pdf_14_pages_s": 2.0,  # A/RES/78/217 from its PDF, processor time (the machine is shared)
}


def machine() -> dict[str, str]:
    def cpu() -> str:
        try:
            for line in Path("/proc/cpuinfo").read_text().splitlines():
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
        except OSError:
            pass
        return platform.processor() or "unknown"

    try:
        memory = next(
            line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
        )
        ram = f"{int(memory.split()[1]) / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        ram = "unknown"
    return {"cpus": str(os.cpu_count()), "cpu": cpu(), "ram": ram, "python": platform.python_version()}


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []
        self.failed: list[str] = []

    def section(self, title: str) -> None:
        self.rows.append((title, "", "", ""))

    def row(self, name: str, value: str, budget: str = "", ok: bool | None = None) -> None:
        self.rows.append((f"  {name}", value, budget, "" if ok is None else ("ok" if ok else "OVER")))
        if ok is False:
            self.failed.append(f"{name}: {value} (budget {budget})")

    def print(self) -> None:
        widths = [max(len(row[i]) for row in self.rows) for i in range(4)]
        header = ("measure", "value", "budget", "")
        for row in [header, *self.rows]:
            print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "5")))
    parser.add_argument("--sizes", default="10,100,1000", help="corpus sizes, comma-separated")
    parser.add_argument("--no-browser", action="store_true", help="skip the page load and the search")
    args = parser.parse_args(argv)
    sizes = tuple(int(size) for size in args.sizes.split(","))
    started = time.perf_counter()
    results: dict = {"machine": machine(), "runs": args.runs}
    table = Table()

    with tempfile.TemporaryDirectory(prefix="bench-") as work:
        timings, site = build.measure(args.runs, Path(work))
        results["build"] = timings
        table.section(f"(a) build of the site, median of {args.runs}")
        table.row("conversion (build_scripts.pipeline.convert)", f"{timings['conversion_s'] * 1000:.0f} ms")
        table.row("MkDocs (mkdocs build, less the conversion)", f"{timings['mkdocs_s']:.2f} s")
        budget = BUDGETS["site_build_s"]
        ok = timings["site_build_s"] <= budget
        table.row("whole site (mkdocs build)", f"{timings['site_build_s']:.2f} s", f"{budget:.0f} s", ok)
        table.row("baseline: the text in one page, default Material", f"{timings['baseline_build_s']:.2f} s")
        table.row("ratio site / baseline", f"{timings['ratio_to_baseline']:.2f}")

        throughput = corpus.measure(sizes)
        results["corpus"] = throughput
        table.section("(b) parse + enrich of generated corpora (copies of the resolution), under tracemalloc")
        for size, figures in throughput.items():
            table.row(
                f"{size} resolutions",
                f"{figures['seconds']:.2f} s, {figures['per_item_ms']:.1f} ms each, "
                f"peak {figures['peak_mb']:.1f} MB ({figures['peak_per_item_kb']:.0f} kB each)",
            )
        for size, figures in throughput.items():
            if "untraced_per_item_ms" in figures:
                table.row(
                    f"{size} resolutions, without tracemalloc",
                    f"{figures['untraced_per_item_ms']:.1f} ms each, {figures['untraced_items_per_s']:.0f}/s",
                )
        growth = throughput[max(sizes)]["per_item_ms"] / throughput[min(sizes)]["per_item_ms"]
        results["corpus_growth"] = growth
        table.row(
            f"per-resolution time, {max(sizes)} vs {min(sizes)}",
            f"{growth:.2f}x",
            "2x",
            growth <= BUDGETS["growth"],
        )

        routes = pdf_route.measure(args.runs)
        results["pdf_route"] = routes
        table.section(
            f"(e) PDF route beside text route: A/RES/78/217, {pdf_route.PAGES} pages, median of {args.runs}"
        )
        for route, figures in routes.items():
            wall, processor = figures["wall_per_page_ms"], figures["processor_per_page_ms"]
            peak = figures["peak_growth_mb"]
            table.row(
                f"{route} route, per page",
                f"{wall:.1f} ms (processor {processor:.1f} ms), peak memory +{peak:.1f} MB",
            )
        pdf_seconds, budget = routes["pdf"]["processor_s"], BUDGETS["pdf_14_pages_s"]
        table.row(
            f"pdf route, whole resolution (wall {routes['pdf']['wall_s']:.2f} s)",
            f"{pdf_seconds:.2f} s processor",
            f"{budget:.0f} s",
            pdf_seconds <= budget,
        )

        if not args.no_browser:
            load = browser.measure(site, max(1, min(args.runs, 3)))
            results["browser"] = load
            table.section("(c) full-text page, cold load, 150 ms latency, 1.6 Mbit/s")
            table.row("requests", str(load["requests"]))
            foreign = load["foreign_requests"]
            table.row("requests to other hosts", str(foreign), "0", foreign <= BUDGETS["foreign_requests"])
            table.row("bytes, as served (uncompressed)", f"{load['raw_bytes'] / 1000:.1f} kB")
            kb = load["gzip_bytes"] / 1000
            table.row(
                "bytes, gzip",
                f"{kb:.1f} kB",
                f"{BUDGETS['page_gzip_kb']:.0f} kB",
                kb <= BUDGETS["page_gzip_kb"],
            )
            for name, (raw, packed) in sorted(load["files"].items(), key=lambda item: -item[1][1]):
                table.row(f"  {name}", f"{raw / 1000:.1f} kB, gzip {packed / 1000:.1f} kB")
            paints = load["timings_ms"]
            fcp = paints.get("first-contentful-paint", float("inf"))
            table.row("first paint", f"{paints.get('first-paint', float('nan')):.0f} ms")
            budget = BUDGETS["first_contentful_paint_ms"]
            table.row("first contentful paint", f"{fcp:.0f} ms", f"{budget:.0f} ms", fcp <= budget)
            table.row(
                "largest contentful paint", f"{paints.get('largest-contentful-paint', float('nan')):.0f} ms"
            )
            table.row("load event", f"{paints.get('load', float('nan')):.0f} ms")
            table.section("(d) search")
            table.row(
                "search_index.json",
                f"{load['search_index_raw_bytes'] / 1000:.1f} kB, "
                f"gzip {load['search_index_gzip_bytes'] / 1000:.1f} kB"
                + (", loaded with the page" if load["search_index_loaded_on_page_load"] else ""),
            )
            for query, ms in load["search_ms"].items():
                budget = BUDGETS["search_ms"]
                table.row(
                    f"typed {query!r} -> results shown", f"{ms:.0f} ms", f"{budget:.0f} ms", ms <= budget
                )

    results["seconds"] = time.perf_counter() - started
    table.print()
    machine_line = ", ".join(f"{k} {v}" for k, v in results["machine"].items())
    print(f"\n{machine_line}; {results['seconds']:.0f} s in all")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    if table.failed:
        print("\nOver budget:\n" + "\n".join(f"  {line}" for line in table.failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
