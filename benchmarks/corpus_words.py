"""The words of a PDF as an independent reader sees them, against the words of its model.

The reader is poppler's ``pdftotext`` (not PDFium, which the converter reads with), so that a
word the converter's reader drops or doubles is seen. What it prints beside the resolution's
text is set aside first: the print furniture (job number, barcode, page counter, the running
head of every page after the first). Its own artefacts are allowed for when the words are
matched: a word cut at a line's end ("inter-" "national") or spaced apart ("explor e") matches
the whole word in the model, and ligatures are unfolded (NFKC).
"""

from __future__ import annotations

import itertools
import re
import subprocess
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from build_scripts.model import Resolution

# One line of print furniture: the job number ("23-24507 (E)"), its date ("081223"), the
# barcode ("*2324507*"), the page counter ("2/15"), the recycling mark.
_FURNITURE = re.compile(r"\d{2}-\d{5}(?:\s*\(E\))?(?:\s+\d{6})?|\d{6}|\*\d+\*|\d+/\d+|Please recycle")
_WORD = re.compile(r"[^\W_]+")
_LONGEST_PIECES = 3
"""A word may come out of the reader in up to this many pieces."""
_MOST_TO_RECONCILE = 60
"""Past this many words left over, the difference is real: it is reported as it stands."""


def words(text: str) -> list[str]:
    """The words of a text: runs of letters and digits, ligatures unfolded."""
    return _WORD.findall(unicodedata.normalize("NFKC", text))


def pdftotext(pdf: Path) -> str:
    """The PDF's text as ``pdftotext`` reads it, pages separated by form feeds."""
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdf_words(text: str, symbol: str, title: str | None) -> list[str]:
    """The words of ``pdftotext``'s text, in reading order, without the furniture."""
    found: list[str] = []
    for number, page in enumerate(text.split("\f")):
        groups = _groups(page)
        if number > 0:
            groups = _without_running_head(groups, symbol, title)
        for group in groups:
            found += [w for line in group if not _FURNITURE.fullmatch(line.strip()) for w in words(line)]
    return found


def _groups(page: str) -> list[list[str]]:
    """The page's lines in groups separated by blank lines."""
    groups: list[list[str]] = [[]]
    for line in page.splitlines():
        if line.strip():
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def _without_running_head(groups: list[list[str]], symbol: str, title: str | None) -> list[list[str]]:
    """A page's groups without its running head: the symbol, wherever the reader puts it, and
    the short title among the page's first groups."""
    title_words = set(words(title or ""))
    kept = []
    for number, group in enumerate(groups):
        text = " ".join(group).strip()
        short_title = number < 3 and title_words and set(words(text)) <= title_words
        if text != symbol and not short_title:
            kept.append(group)
    return kept


def model_words(resolution: Resolution) -> Counter[str]:
    """Every word the model holds from the source, footnote markers counted where they stood
    and before their notes, as the page prints them."""
    counted: Counter[str] = Counter()
    for text in _model_texts(resolution):
        counted.update(words(text))
    for paragraph in resolution.paragraphs():
        for ref in paragraph.footnote_refs:
            counted.update(words(ref.marker))
    return counted


def _model_texts(resolution: Resolution) -> Iterator[str]:
    yield from resolution.source_texts()
    for note in resolution.footnotes:
        yield f"{note.marker} {note.text}"


def compare(read: list[str], model: Counter[str]) -> tuple[list[str], list[str]]:
    """The words read that the model lacks (lost) and the model's words not read (added)."""
    lost, _ = _match(read, model, set())
    # Pieces of a split word may each be a word too ("an" "d"): next to a word left over, the
    # pieces are tried together first.
    near = {i for index, _ in lost for i in range(index - _LONGEST_PIECES + 1, index + 1)}
    lost, added = _match(read, model, near)
    return _reconcile(lost, added)


def _match(
    read: list[str], model: Counter[str], joining_first: set[int]
) -> tuple[list[tuple[int, str]], list[str]]:
    """Each word read matched with a word of the model; where it does not match alone, it and
    the pieces after it are tried together, as one word the reader split (at the places in
    ``joining_first``, together before alone). The words left on either side, those read with
    their place in the reading."""
    left = Counter(model)
    lost: list[tuple[int, str]] = []
    index = 0
    while index < len(read):
        sizes = range(1, _LONGEST_PIECES + 1)
        for size in reversed(sizes) if index in joining_first else sizes:
            joined = "".join(read[index : index + size])
            if left[joined] > 0:
                left[joined] -= 1
                index += size
                break
        else:
            lost.append((index, read[index]))
            index += 1
    added = [word for word, count in left.items() for _ in range(count) if count > 0]
    return lost, added


def _reconcile(lost: list[tuple[int, str]], added: list[str]) -> tuple[list[str], list[str]]:
    """Words left over on both sides that are the same letters: up to three words read next to
    each other, or any two, against one to three words of the model. The reader joins a
    compound cut at a line's end ("Secretary-" "General" read "SecretaryGeneral"), a number
    and the marker after it ("2024²" read "20242"), and prints a word's letters apart and out
    of order ("and" read "an" … "d")."""
    if len(added) > _MOST_TO_RECONCILE or len(lost) > _MOST_TO_RECONCILE:
        return [word for _, word in lost], added
    remaining = Counter(added)
    by_letters = _combinations_by_letters(added)
    unmatched = dict(lost)
    for group in _lost_groups(lost):
        if not all(index in unmatched for index in group):
            continue
        letters = "".join(sorted("".join(unmatched[index] for index in group)))
        words_found = next(
            (c for c in by_letters.get(letters, ()) if not Counter(c) - remaining),
            None,
        )
        if words_found:
            remaining -= Counter(words_found)
            for index in group:
                del unmatched[index]
    return list(unmatched.values()), list(remaining.elements())


def _combinations_by_letters(added: list[str]) -> dict[str, list[tuple[str, ...]]]:
    """One to three of the model's words left over, by their letters sorted."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for count in range(1, _LONGEST_PIECES + 1):
        for combination in itertools.combinations(added, count):
            found.setdefault("".join(sorted("".join(combination))), []).append(combination)
    return found


def _lost_groups(lost: list[tuple[int, str]]) -> list[tuple[int, ...]]:
    """Groups of lost words to try, likeliest first: runs read one after the other (three,
    then two), then any two, then each alone."""
    indices = [index for index, _ in lost]
    present = set(indices)
    runs = [
        tuple(range(i, i + size))
        for size in (3, 2)
        for i in indices
        if all(j in present for j in range(i, i + size))
    ]
    pairs = list(itertools.combinations(indices, 2))
    return [*runs, *pairs, *((i,) for i in indices)]
