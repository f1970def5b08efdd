"""``make corpus``: every official PDF of ../shared/corpus/ converted and checked for what any
conversion must satisfy, with no expected counts.

For each PDF: it converts, or is refused with a clear message (file, page and line, what was
expected), never a traceback; operative paragraphs are numbered without gaps (from 1 again
only after a division: parts that number them anew); sub-paragraphs are lettered or numbered
without gaps, and none is left in the text of the paragraph above it; footnotes are numbered
without gaps, each with its text and its marker placed; the symbol is the file's, and the
adoption date and meeting are there, the masthead's date the closing's, both as ``pdftotext``
finds them printed; the words ``pdftotext`` reads are found in the model, none lost, none
added (``corpus_words``). Prints a table, one row per PDF and totals per folder, and exits 1
when a folder passes less than its threshold.

Usage: ``python -m benchmarks.corpus_check [--corpus DIR] [--jobs N] [--quiet]``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import traceback
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from build_scripts.dates import DATE, iso_date
from build_scripts.errors import ConversionError
from build_scripts.identifiers import roman_label
from build_scripts.model import Paragraph, Resolution
from build_scripts.parsing.parse import parse_file

from .corpus_words import compare, model_words, pdf_words, pdftotext

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
# The share of each folder's PDFs that must pass: the ten of pdf/ and the series whole, the
# hundred drawn at random in bulk/ all but one.
THRESHOLDS = {"pdf": 1.0, "series": 1.0, "bulk": 0.99}
# A refusal names where and what: "file:page 2, line 7: expected …" (or "file:12: expected …").
_PRINTED_ADOPTION = re.compile(rf"Resolution adopted by the [A-Z][\w ]+? on (?P<date>{DATE})")
_PRINTED_MEETING = re.compile(r"\d+(?:st|nd|rd|th) (?:\(resumed\) )?plenary meeting")
_LABEL_IN_TEXT = re.compile(r"[;:] \((?P<label>[a-z]{1,4})\) [A-Z]")
_SYMBOL_NAME = re.compile(r"[A-Z]+(?:-[A-Z0-9]+)+")
_CLEAR_REFUSAL = re.compile(r"\S+:(?:page \d+(?:, line \d+)?|\d+): expected \S")


@dataclass
class Outcome:
    """What the check found for one PDF."""

    folder: str
    name: str
    status: str = "passed"
    """``passed``, ``failed`` (a check does not hold, or a traceback) or ``refused``."""
    reasons: list[str] = field(default_factory=list)


def check_pdf(pdf: Path) -> Outcome:
    """Convert one PDF and check it."""
    outcome = Outcome(pdf.parent.name, pdf.name)
    try:
        resolution, _ = parse_file(pdf)
    except ConversionError as error:
        outcome.status = "refused" if _CLEAR_REFUSAL.match(str(error)) else "failed"
        outcome.reasons.append(str(error).replace(str(pdf), pdf.name))
        return outcome
    except Exception:  # a crash is what this check is for: reported, not raised
        outcome.status = "failed"
        outcome.reasons.append("traceback: " + traceback.format_exc(limit=-1).strip().splitlines()[-1])
        return outcome
    text = pdftotext(pdf)
    outcome.reasons = [
        *numbering_problems(resolution),
        *footnote_problems(resolution),
        *metadata_problems(resolution, pdf),
        *printed_adoption_problems(resolution, text),
        *word_problems(resolution, text),
    ]
    outcome.status = "failed" if outcome.reasons else "passed"
    return outcome


# --- Numbering ---------------------------------------------------------------------------


def numbering_problems(resolution: Resolution) -> list[str]:
    """Gaps in the numbers of paragraphs (each text: the body, each annex) and of the items of
    each paragraph and sub-paragraph."""
    problems = _top_gaps("body", resolution.outline())
    for annex in resolution.annexes:
        problems += _top_gaps(annex.heading, annex.outline())
    for paragraph in resolution.paragraphs():
        problems += _item_gaps(paragraph) + _folded_items(paragraph)
    return problems


def _folded_items(paragraph: Paragraph) -> list[str]:
    """Items read into a paragraph's text rather than as its items: a list's first two labels
    ("(a)" and "(b)", "(i)" and "(ii)") after a colon or semicolon, each opening a sentence."""
    labels = {m["label"] for m in _LABEL_IN_TEXT.finditer(paragraph.text)}
    if {"a", "b"} <= labels or {"i", "ii"} <= labels:
        return [f"{paragraph.name}: items in its text ({', '.join(sorted(labels))})"]
    return []


def _top_gaps(where: str, outline) -> list[str]:
    """Numbered paragraphs follow on (n + 1), or start again at 1 after a division."""
    previous, divided, problems = 0, False, []
    for _, item in outline:
        if not isinstance(item, Paragraph):
            divided = True
            continue
        if not (item.number or "").isdigit() or item.label in (None, "–", "-", "•"):
            continue
        number = int(item.number)
        if number != previous + 1 and not (number == 1 and divided):
            problems.append(f"{where}: paragraph {item.label} after {previous or 'none'}")
        previous, divided = number, False
    return problems


def _item_gaps(paragraph: Paragraph) -> list[str]:
    numbers = [item.number for item in paragraph.items if item.number]
    problems = []
    if numbers and numbers != _sequence(numbers[0], len(numbers)):
        problems.append(f"{paragraph.name}: items {', '.join(numbers)}")
    return problems


def _sequence(first: str, length: int) -> list[str]:
    """``length`` labels from ``first`` on, in its scheme: digits, roman numerals or letters."""
    if first.isdigit():
        return [str(int(first) + n) for n in range(length)]
    if first.lower() == "i":
        romans = [roman_label(n) for n in range(length)]
        return [r.upper() for r in romans] if first.isupper() else romans
    return [chr(ord(first) + n) for n in range(length)]


# --- Footnotes, metadata -----------------------------------------------------------------


def footnote_problems(resolution: Resolution) -> list[str]:
    problems = []
    numbers = [note.number for note in resolution.footnotes]
    if numbers != list(range(1, len(numbers) + 1)):
        problems.append(f"footnotes numbered {numbers}")
    refs = {ref.footnote for p in resolution.paragraphs() for ref in p.footnote_refs}
    for note in resolution.footnotes:
        if not note.text.strip():
            problems.append(f"footnote {note.number} has no text")
        if note.id not in refs:
            problems.append(f"footnote {note.number} has no marker in the text")
    return problems


def metadata_problems(resolution: Resolution, pdf: Path) -> list[str]:
    """The symbol is the file's; the adoption date and meeting are there and agree."""
    metadata, closing = resolution.metadata, resolution.closing
    symbol = symbol_of(pdf)
    problems = [] if metadata.symbol == symbol else [f"symbol {metadata.symbol!r}, the file is {symbol}"]
    if not metadata.adopted:
        problems.append("no adoption date")
    if not (closing.meeting or metadata.adopted_at):
        problems.append("no meeting")
    if closing.date and metadata.adopted and closing.date != metadata.adopted:
        problems.append(f"adopted {metadata.adopted} in the masthead, {closing.date} in the closing")
    return problems


def symbol_of(pdf: Path) -> str:
    """The symbol a file is named for: ``A-RES-78-20.pdf``, or ``A-RES-78-20/source.pdf``."""
    name = pdf.stem if _SYMBOL_NAME.fullmatch(pdf.stem) else pdf.parent.name
    return name.replace("-", "/")


def printed_adoption_problems(resolution: Resolution, text: str) -> list[str]:
    """The adoption date and meeting as the independent reader finds them printed, against
    the model's: the masthead's "adopted by the General Assembly on 19 December 2023", the
    closing's "49th plenary meeting"."""
    flat = " ".join(text.split())
    problems = []
    adopted = _PRINTED_ADOPTION.search(flat)
    if adopted and iso_date(adopted["date"]) != resolution.metadata.adopted:
        problems.append(
            f"the masthead prints adoption on {adopted['date']}, the model has {resolution.metadata.adopted}"
        )
    meetings = _PRINTED_MEETING.findall(flat)
    if meetings and resolution.closing.meeting not in meetings:
        problems.append(f"the closing prints {meetings[-1]!r}, the model has {resolution.closing.meeting!r}")
    return problems


def word_problems(resolution: Resolution, text: str) -> list[str]:
    read = pdf_words(text, resolution.metadata.symbol, resolution.metadata.title)
    lost, added = compare(read, model_words(resolution))
    problems = []
    if lost:
        problems.append(f"{len(lost)} words lost: {' '.join(lost[:12])}")
    if added:
        problems.append(f"{len(added)} words added: {' '.join(added[:12])}")
    return problems


# --- The run -----------------------------------------------------------------------------


def run(corpus: Path, jobs: int) -> list[Outcome]:
    pdfs = sorted(p for folder in THRESHOLDS for p in (corpus / folder).glob("*.pdf"))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(check_pdf, pdfs))


def table(outcomes: list[Outcome], quiet: bool) -> tuple[str, bool]:
    """The table of outcomes and whether every folder met its threshold."""
    rows = ["| folder | PDF | status | reasons |", "| --- | --- | --- | --- |"]
    for o in outcomes:
        if not quiet or o.status != "passed":
            rows.append(f"| {o.folder} | {o.name} | {o.status} | {'; '.join(o.reasons)[:300]} |")
    if len(rows) == 2:
        rows = [f"All {len(outcomes)} PDFs passed."]
    rows += [
        "",
        "| folder | PDFs | passed | failed | refused | threshold | met |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    met = True
    for folder, share in THRESHOLDS.items():
        mine = [o for o in outcomes if o.folder == folder]
        passed = sum(o.status == "passed" for o in mine)
        counts = [sum(o.status == s for o in mine) for s in ("failed", "refused")]
        ok = bool(mine) and passed >= share * len(mine)
        met = met and ok
        verdict = "yes" if ok else "NO"
        rows.append(
            f"| {folder} | {len(mine)} | {passed} | {counts[0]} | {counts[1]} | {share:.0%} | {verdict} |"
        )
    return "\n".join(rows), met


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus", type=Path, default=CORPUS, help="the corpus folder (pdf/, series/, bulk/)"
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="PDFs checked at once")
    parser.add_argument("--quiet", action="store_true", help="list only the PDFs that did not pass")
    args = parser.parse_args(argv)
    if shutil.which("pdftotext") is None:
        print("corpus: pdftotext not found: install poppler-utils (apt-get install poppler-utils)")
        return 2
    if not all((args.corpus / folder).is_dir() for folder in THRESHOLDS):
        print(f"corpus: {args.corpus} has no pdf/, series/ and bulk/: give its place with --corpus")
        return 2
    text, met = table(run(args.corpus, args.jobs), args.quiet)
    print(text)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
