"""The search index: one result per paragraph, and words found in any of their forms.

Material's search plugin cuts pages into sections at headings. The full text has a heading
per part, not per paragraph, so after the build its sections are replaced by one entry for
each paragraph, footnote and closing line, located at that paragraph's anchor.

Material's search adds a wildcard to every word typed ("victims" becomes "victims*"), and
lunr does not stem a word with a wildcard, so stemming in the browser cannot work. Instead,
each entry gets a field, ``inflections``, with the other forms of its words found anywhere on
the site (for "victim": "victims"), grouped by their English Snowball stem; "victims" then
finds the paragraphs that say "victim", and "trafficked" those that say "trafficking".
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import snowballstemmer

from ...enriching.enrich import Enriched
from ...identifiers import title_case_name
from ...model import Division, Paragraph, Resolution

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_TAG = re.compile(r"<[^>]+>")
_stem = snowballstemmer.stemmer("english").stemWord


def paragraph_entries(enriched: Enriched, page: str) -> list[dict[str, str]]:
    """Search entries for the full-text page: the page, then every paragraph in order."""
    resolution = enriched.resolution
    meta = resolution.metadata
    entries = [
        {
            "location": page,
            "title": f"Full text of resolution {meta.number}",
            "text": " ".join(resolution.masthead),
        }
    ]
    for item in _reading_order(resolution):
        if isinstance(item, Division):
            words = " ".join(w for w in (item.label, item.heading) if w)
            entries.append(
                {"location": f"{page}#{item.id}", "title": title_case_name(item.name), "text": words}
            )
            continue
        text = f"{item.label} {item.text}" if item.label else item.text
        entries.append({"location": f"{page}#{item.id}", "title": title_case_name(item.name), "text": text})
    for note in resolution.footnotes:
        entries.append(
            {"location": f"{page}#{note.id}", "title": f"Footnote {note.number}", "text": note.text}
        )
    if resolution.closing.lines:
        entries.append(
            {"location": f"{page}#closing", "title": "Closing", "text": " ".join(resolution.closing.lines)}
        )
    return entries


def _reading_order(resolution: Resolution) -> Iterator[Division | Paragraph]:
    """Every division and paragraph (sub-paragraphs too), body then annexes, in reading order."""
    for outline in (resolution.outline(), *(annex.outline() for annex in resolution.annexes)):
        for _, item in outline:
            yield from [item] if isinstance(item, Division) else item.walk()


def _words(entry: dict[str, str]) -> set[str]:
    text = _TAG.sub(" ", f"{entry.get('title', '')} {entry.get('text', '')}")
    return {word.lower() for word in _WORD.findall(text)}


def add_inflections(entries: list[dict[str, str]]) -> None:
    """Give each entry the other forms, across all entries, of the words it holds."""
    words = [_words(entry) for entry in entries]
    forms: dict[str, set[str]] = defaultdict(set)
    for word in set().union(*words):
        forms[_stem(word)].add(word)
    for entry, own in zip(entries, words, strict=True):
        others = set().union(*(forms[_stem(word)] for word in own)) - own
        if others:
            entry["inflections"] = " ".join(sorted(others))


def rewrite_index(index_file: Path, enriched: Enriched, page: str) -> None:
    """Paragraph entries for the full text, inflections for every entry."""
    index = json.loads(index_file.read_text(encoding="utf-8"))
    others = [doc for doc in index["docs"] if not doc["location"].startswith(page)]
    index["docs"] = others + paragraph_entries(enriched, page)
    add_inflections(index["docs"])
    index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
