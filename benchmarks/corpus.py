"""(b) Conversion throughput and peak memory on generated corpora of copies of the resolution."""

from __future__ import annotations

import gc
import time
import tracemalloc
from pathlib import Path

from build_scripts.config import load_config
from build_scripts.enriching.catalogue import load_catalogue
from build_scripts.enriching.enrich import enrich
from build_scripts.parsing.parse import parse_bytes
from build_scripts.parsing.vocabulary import load_vocabulary

ROOT = Path(__file__).resolve().parent.parent


def corpus(size: int) -> list[tuple[str, bytes]]:
    """``size`` resolutions of 53/9's size: copies with their own numbers (53/1, 53/2, …)."""
    source = load_config(ROOT).source
    data = source.read_bytes()
    number = b"53/9"
    assert number in data, "the corpus is made by renumbering 53/9"
    return [
        (f"{source.stem}-copy-{i}.txt", data.replace(number, f"{53 + i // 500}/{i % 500 + 1}".encode()))
        for i in range(size)
    ]


def _convert_all(items: list[tuple[str, bytes]], catalogue, vocabulary) -> list:
    """Parse and enrich every item, keeping the models (as a site of many resolutions would)."""
    return [enrich(parse_bytes(data, name)[0], catalogue, vocabulary) for name, data in items]


def _timed(items: list[tuple[str, bytes]], catalogue, vocabulary, traced: bool) -> tuple[float, int]:
    """Seconds to convert the items, and the peak of memory allocated meanwhile (0 untraced)."""
    gc.collect()
    if traced:
        tracemalloc.start()
    start = time.perf_counter()
    models = _convert_all(items, catalogue, vocabulary)
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] if traced else 0
    tracemalloc.stop()
    del models
    return elapsed, peak


def measure(sizes: tuple[int, ...], untraced_up_to: int = 100) -> dict[int, dict[str, float]]:
    """Per corpus size: time and peak memory under tracemalloc (one pass, so that ``make bench``
    stays short); and, for the corpora up to ``untraced_up_to``, the time without tracemalloc."""
    catalogue, vocabulary = load_catalogue(), load_vocabulary()
    _convert_all(corpus(3), catalogue, vocabulary)  # warm up: regular expressions compiled, code loaded
    results = {}
    for size in sizes:
        items = corpus(size)
        elapsed, peak = _timed(items, catalogue, vocabulary, traced=True)
        results[size] = {
            "seconds": elapsed,
            "per_item_ms": elapsed / size * 1000,
            "peak_mb": peak / 1e6,
            "peak_per_item_kb": peak / size / 1e3,
        }
        if size <= untraced_up_to:
            plain, _ = _timed(items, catalogue, vocabulary, traced=False)
            results[size]["untraced_per_item_ms"] = plain / size * 1000
            results[size]["untraced_items_per_s"] = size / plain
    return results
