"""Benchmarks of the build, the conversion, the full-text page's load and the search (``make bench``)."""
