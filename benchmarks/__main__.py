"""``python -m benchmarks``: measure, print a table, exit 1 when a budget is exceeded.

Options: ``--runs N`` (median of N runs, default 5), ``--sizes 10,100,1000`` (the corpora),
``--no-browser`` (skip the page loads, the search and Lighthouse). The figures are also written
to benchmarks/results/latest.json, and the table, dated, to benchmarks/results.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

from . import browser, build, corpus, lighthouse, pdf_route, weights

RESULTS = Path(__file__).resolve().parent / "results"
FIGURES = Path(__file__).resolve().parent / "results.md"
"""The last run's table, dated, for committing beside the change it measures."""
# Budgets: kB are 1,000 bytes; times in ms on the machine of README.md.
BUDGETS = {
    "page_gzip_kb": 100.0,  # the full-text page with everything it loads, gzip
    "foreign_requests": 0,
    "growth": 2.0,  # per-resolution time at the largest corpus / at the smallest
    "site_build_s": 10.0,
    "paragraph_pages_build_ratio": 2.0,  # the build with a page per paragraph / without them
    "first_contentful_paint_ms": 3000.0,  # 150 ms latency, 1.6 Mbit/s
    "search_ms": 300.0,  # last key released -> results on screen
    "pdf_14_pages_s": 2.0,  # A/RES/78/217 from its PDF, processor time (the machine is shared)
    # Against the plain page (the text pasted into one default Material page), same run:
    "page_bytes_vs_plain": 0.9,  # each page's cold load, bytes transferred (gzip)
    "lighthouse_score": 100,  # median, mobile, performance
    "lighthouse_cls": 0.0,
    "search_start_kb": 40.0,  # fetched once the reader focuses the search field, gzip
    "search_ready_ms": 250.0,  # focus on the search field -> search ready
    # Against the renderer's floor (default MkDocs + Material, as many pages of the same text):
    "build_cpu_vs_floor": 1.5,  # the site's build, CPU time of the child process
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

    def text(self) -> str:
        widths = [max(len(row[i]) for row in self.rows) for i in range(4)]
        header = ("measure", "value", "budget", "")
        return "\n".join(
            "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip()
            for row in [header, *self.rows]
        )


def _vs(value: float, plain: float, unit: str = "kB", scale: float = 1000) -> str:
    return f"{value / scale:.1f} {unit}, plain page {plain / scale:.1f} {unit}: {value / plain:.2f}"


def compare_with_plain_page(table: Table, results: dict, site: Path, plain: Path, runs: int) -> None:
    """The site beside the plain page: bytes of each page, the search's start, Lighthouse."""
    figures = weights.measure(site, plain, build.ROOT, runs)
    results["weights"] = figures
    base = figures["plain"]["bytes"]
    limit = BUDGETS["page_bytes_vs_plain"]
    table.section(
        "(f) cold load, bytes transferred (gzip server, Resource Timing), beside the plain page"
        f" ({figures['plain']['requests']} requests;"
        f" {figures['plain']['foreign_requests']} to other hosts refused)"
    )
    for name, load in figures["pages"].items():
        table.row(
            f"{name}, {load['requests']} requests",
            _vs(load["bytes"], base),
            f"{limit:.2f}",
            load["bytes"] <= limit * base,
        )
        if load["foreign_requests"]:
            table.row(f"{name}, requests to other hosts", str(load["foreign_requests"]), "0", False)
    parts = figures["paragraph_pages"]
    for label, (path, load) in (
        ("largest", figures["largest_paragraph_page"]),
        ("median", figures["median_paragraph_page"]),
    ):
        table.row(
            f"{label} paragraph page ({path})",
            _vs(load["bytes"], base),
            f"{limit:.2f}",
            load["bytes"] <= limit * base,
        )
    over = sorted(path for path, size in parts.items() if size > limit * base)
    table.row(
        f"paragraph pages over {limit:.2f} of the plain page",
        f"{len(over)} of {len(parts)}"
        + (f" ({', '.join(over[:8])}{', ...' if len(over) > 8 else ''})" if over else ""),
        "0",
        not over,
    )
    table.row(
        "paragraph pages, requests to other hosts",
        str(figures["paragraph_foreign_requests"]),
        "0",
        figures["paragraph_foreign_requests"] == 0,
    )

    search = figures["search"]
    table.section("(g) the search's start on the full text (focus on the search field), gzip server")
    kb, budget = search["bytes"] / 1000, BUDGETS["search_start_kb"]
    table.row(f"fetched, {len(search['files'])} requests", f"{kb:.1f} kB", f"{budget:.0f} kB", kb <= budget)
    for name, size in sorted(search["files"].items(), key=lambda item: -item[1]):
        table.row(f"  {name.split('#')[0]}", f"{size / 1000:.1f} kB")
    ms, budget = search["ready_ms"], BUDGETS["search_ready_ms"]
    table.row(f"focus -> search ready, median of {runs}", f"{ms:.0f} ms", f"{budget:.0f} ms", ms <= budget)

    reason = lighthouse.available()
    table.section(
        f"(h) Lighthouse {runs}x each, mobile, performance: full text beside the plain page (medians)"
    )
    if reason:
        table.row("Lighthouse", f"not run: {reason}", "", False)
        return
    scores = lighthouse.measure(site, plain, runs)
    results["lighthouse"] = scores
    ours, theirs = scores["site"], scores["plain"]
    table.row(
        "performance score",
        f"{ours['score']:.0f}, plain page {theirs['score']:.0f}",
        "100",
        ours["score"] >= BUDGETS["lighthouse_score"],
    )
    table.row(
        "first contentful paint",
        _vs(ours["fcp_ms"], theirs["fcp_ms"], "ms", 1),
        "<= plain",
        ours["fcp_ms"] <= theirs["fcp_ms"],
    )
    table.row(
        "cumulative layout shift",
        f"{ours['cls']:.3f}, plain page {theirs['cls']:.3f}",
        "0",
        ours["cls"] <= BUDGETS["lighthouse_cls"],
    )
    table.row("largest contentful paint", _vs(ours["lcp_ms"], theirs["lcp_ms"], "ms", 1))
    table.row("total blocking time", f"{ours['tbt_ms']:.0f} ms, plain page {theirs['tbt_ms']:.0f} ms")


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
        timings, site, plain = build.measure(args.runs, Path(work))
        results["build"] = timings
        table.section(f"(a) build of the site, median of {args.runs}")
        ratio, budget = timings["cpu_ratio_to_floor"], BUDGETS["build_cpu_vs_floor"]
        table.row(
            "site build (python -m build_scripts build), CPU of the child",
            f"{timings['site_build_cpu_s']:.2f} s, floor ({timings['floor_pages']} pages, default"
            f" MkDocs + Material) {timings['floor_build_cpu_s']:.2f} s: {ratio:.2f}x",
            f"{budget:.1f}x",
            ratio <= budget,
        )
        table.row(
            "  beside the plain page (the text in one default Material page), CPU",
            f"{timings['baseline_build_cpu_s']:.2f} s: {timings['cpu_ratio_to_baseline']:.2f}x",
        )
        first = timings["first_build_cpu_s"]
        table.row(
            "  the first build on a machine (templates not yet compiled), CPU",
            f"{first:.2f} s: {first / timings['baseline_build_cpu_s']:.2f}x",
        )
        alone = timings["renderer_alone_cpu_s"]
        table.row(
            "  MkDocs alone on the site's pages (no conversion, no finishing), CPU",
            f"{alone:.2f} s: {alone / timings['baseline_build_cpu_s']:.2f}x",
        )
        table.row("conversion (build_scripts.pipeline.convert)", f"{timings['conversion_s'] * 1000:.0f} ms")
        table.row("MkDocs (mkdocs build, less the conversion)", f"{timings['mkdocs_s']:.2f} s")
        budget = BUDGETS["site_build_s"]
        ok = timings["site_build_s"] <= budget
        table.row("whole site (mkdocs build)", f"{timings['site_build_s']:.2f} s", f"{budget:.0f} s", ok)
        table.row("baseline: the text in one page, default Material", f"{timings['baseline_build_s']:.2f} s")
        table.row("ratio site / baseline", f"{timings['ratio_to_baseline']:.2f}")
        cost = build.paragraph_pages_cost(args.runs, Path(work), timings["site_build_cpu_s"])
        results["paragraph_pages"] = cost
        table.row("whole site, CPU time (user + system)", f"{timings['site_build_cpu_s']:.2f} s")
        table.row(
            f"  of which the {cost['paragraph_pages']} paragraph pages (writing them, MkDocs)",
            f"{cost['paragraph_pages_added_cpu_s']:.2f} s",
        )
        table.row(
            "  MkDocs with them / without them, CPU",
            f"{cost['mkdocs_with_paragraph_pages_cpu_s']:.2f} s"
            f" / {cost['mkdocs_without_paragraph_pages_cpu_s']:.2f} s",
        )
        table.row("whole site without them, CPU", f"{cost['build_without_paragraph_pages_cpu_s']:.2f} s")
        ratio = cost["paragraph_pages_build_ratio"]
        budget = BUDGETS["paragraph_pages_build_ratio"]
        table.row("ratio with / without", f"{ratio:.2f}x", f"{budget:.0f}x", ratio <= budget)

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
            compare_with_plain_page(table, results, site, plain, args.runs)
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
            part = load["paragraph_page"]
            kb = part["gzip_bytes"] / 1000
            table.row(
                f"largest paragraph page ({part['path']}), {part['requests']} requests, gzip",
                f"{kb:.1f} kB",
                f"{BUDGETS['page_gzip_kb']:.0f} kB",
                kb <= BUDGETS["page_gzip_kb"] and part["foreign_requests"] == 0,
            )
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
    machine_line = ", ".join(f"{k} {v}" for k, v in results["machine"].items())
    summary = f"{table.text()}\n\n{machine_line}; {results['seconds']:.0f} s in all"
    over = "".join(f"\n  {line}" for line in table.failed)
    print(summary)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    options = " ".join(argv if argv is not None else sys.argv[1:]) or "(defaults)"
    FIGURES.write_text(
        f"# The last run of `make bench`\n\n{datetime.date.today().isoformat()}, options {options}; method"
        f" and budgets in README.md. {'Over budget:' + over if over else 'Every budget met.'}\n\n"
        f"```\n{summary}\n```\n",
        encoding="utf-8",
    )
    if table.failed:
        print("\nOver budget:" + over, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
