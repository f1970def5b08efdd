"""The search index: one result per paragraph, and words found in any of their forms.

Material's search plugin cuts pages into sections at headings. The full text has a heading
per part, not per paragraph, so after the build its sections are replaced by one entry for
each paragraph, footnote and closing line, located at that paragraph's anchor.

Material's search adds a wildcard to every word typed ("victims" becomes "victims*"), and
lunr does not stem a word with a wildcard, so stemming in the browser cannot work. Instead,
each entry gets a field, ``inflections``, with the other forms of its words found anywhere on
the site (for "victim": "victims"), grouped by their English Snowball stem; "victims" then
finds the paragraphs that say "victim", and "trafficked" those that say "trafficking". The
American spelling of a British one is among the forms ("labor" for "labour"), so that either
finds the text.

The full text's entries carry a ``boost`` (Material's per-document boost) and an ``address``
field, the anchor ("op1c") or, for the full text itself, the document symbol. The search worker
(``overrides/assets/javascripts/workers/search-adapter.js``) reads both: it lists the most
boosted page's results first, and turns the ways people write an address ("OP 1 (c)",
"preambular paragraph 3") into the anchor that the ``address`` field holds.
"""

from __future__ import annotations

import bisect
import functools
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import snowballstemmer

from ...enriching.enrich import Enriched
from ...identifiers import title_case_name
from ...model import Division, Paragraph, Resolution

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_TAG = re.compile(r"<[^>]+>")
# Each distinct word is stemmed once: the site's ten thousand words are a few thousand distinct.
_stem = functools.cache(snowballstemmer.stemmer("english").stemWord)

# lunr's English stop words: the stopWordFilter of the index's pipeline leaves them out of it.
_STOP_WORDS = frozenset(
    re.findall(
        r"\w+",
        """a able about across after all almost also am among an and any are as at be because been but
        by can cannot could dear did do does either else ever every for from get got had has have he her
        hers him his how however i if in into is it its just least let like likely may me might most must
        my neither no nor not of off often on only or other our own rather said say says she should since
        so some than that the their them then there these they this tis to too twas us wants was we were
        what when where which while who whom why will with would yet you your""",
    )
)

# One entry of Material's search index: location, title, text and optional fields.
SearchEntry = dict[str, Any]

# The full text's entries rank before every other page's (the search worker orders by it).
FULL_TEXT_BOOST = 10

# British spellings and their American forms: labour/labor, favourable/favorable, centre/center,
# catalogue/catalog, programme/program, defence/defense. UN texts already spell "-ize".
_AMERICAN = [
    (re.compile(r"(?<=[a-z]{3})our(?=(?:s|ed|ing|ers?|able|ably)?$)"), "or"),
    (re.compile(r"(?<=[a-z]{3})tre(?=s?$)"), "ter"),
    (re.compile(r"(?<=[a-z]{3})ogue(?=s?$)"), "og"),
    (re.compile(r"(?<=[a-z]{4})mme(?=s?$)"), "m"),
    (re.compile(r"^(def|off|lic|pret)ence(?=s?$)"), r"\1ense"),
]


def paragraph_entries(enriched: Enriched, page: str) -> list[SearchEntry]:
    """Search entries for the full-text page: the page, then every paragraph in order."""
    resolution = enriched.resolution
    meta = resolution.metadata
    masthead = " ".join(resolution.masthead)
    entries = [_entry(page, f"Full text of resolution {meta.number}", masthead, meta.symbol)]
    for item in _reading_order(resolution):
        if isinstance(item, Division):
            text = " ".join(w for w in (item.label, item.heading) if w)
        else:
            text = f"{item.label} {item.text}" if item.label else item.text
        entries.append(_entry(f"{page}#{item.id}", title_case_name(item.name), text, item.id))
    for note in resolution.footnotes:
        entries.append(_entry(f"{page}#{note.id}", f"Footnote {note.number}", note.text, note.id))
    if resolution.closing.lines:
        entries.append(_entry(f"{page}#closing", "Closing", " ".join(resolution.closing.lines), "closing"))
    return entries


def _reading_order(resolution: Resolution) -> Iterator[Division | Paragraph]:
    """Every division and paragraph (sub-paragraphs too), body then annexes, in reading order."""
    for outline in (resolution.outline(), *(annex.outline() for annex in resolution.annexes)):
        for _, item in outline:
            yield from [item] if isinstance(item, Division) else item.walk()


def _entry(location: str, title: str, text: str, address: str) -> SearchEntry:
    return {"location": location, "title": title, "text": text, "address": address, "boost": FULL_TEXT_BOOST}


def american_spelling(word: str) -> str:
    """The American form of a British spelling ("labour" -> "labor"); other words unchanged."""
    for pattern, replacement in _AMERICAN:
        word = pattern.sub(replacement, word)
    return word


def _words(entry: SearchEntry) -> set[str]:
    text = _TAG.sub(" ", f"{entry.get('title', '')} {entry.get('text', '')}")
    return {word.lower() for word in _WORD.findall(text)}


def without_prefixes(forms: set[str], own: set[str]) -> set[str]:
    """The forms that no longer word of the entry (its own or another form) begins with.

    The search looks each word typed up as a prefix ("victim" finds "victim*"): a form that
    another word of the entry begins with ("victim" beside "victims") finds nothing more, as any
    beginning of it also begins that word. A stop word is not in the index, so it finds nothing."""
    words = sorted((forms | own) - _STOP_WORDS)
    kept = set()
    for form in forms:
        at = bisect.bisect_right(words, form)  # the words after it that begin with it come next
        if not (at < len(words) and words[at].startswith(form)):
            kept.add(form)
    return kept


def add_inflections(entries: list[SearchEntry]) -> None:
    """Give each entry the other forms, across all entries, of the words it holds, but those
    that one of its words already finds (:func:`without_prefixes`)."""
    words = [_words(entry) for entry in entries]
    forms: dict[str, set[str]] = defaultdict(set)
    for word in set().union(*words):
        forms[_stem(word)].update({word, american_spelling(word)})
    for entry, own in zip(entries, words, strict=True):
        others = without_prefixes(set().union(*(forms[_stem(word)] for word in own)) - own, own)
        if others:
            entry["inflections"] = " ".join(sorted(others))


def rewrite_index(index_file: Path, enriched: Enriched, page: str) -> None:
    """Paragraph entries for the full text, inflections for every entry."""
    index = json.loads(index_file.read_text(encoding="utf-8"))
    others = [doc for doc in index["docs"] if not doc["location"].startswith(page)]
    index["docs"] = others + paragraph_entries(enriched, page)
    add_inflections(index["docs"])
    index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
