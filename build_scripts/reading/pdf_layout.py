"""A PDF's lines -> the text layout the parser reads, with where each line came from.

The text layout is the one of the text route (see ``normalize`` and the README): blocks
separated by blank lines, ``*…*`` around a paragraph's italic lead and around an italic block
(a heading), ``**…**`` around a bold block, superscript digits for footnote markers, each
footnote as its own block, after the body. What the page tells is used:

- print furniture is removed and each removal noted: the job number and barcode, the running
  heads and feet (symbol, short title, page "n/N"), the footnote rule;
- the lines under the footnote rule are the page's footnotes; a note that goes on at the foot
  of the next page is joined to it;
- a block ends at a wider gap between lines or where the style changes (bold lines, another
  size); a paragraph that goes on at the top of the next page (its first line is not indented)
  is joined to the paragraph the page break cut;
- a line ending in a hyphen is joined to the next without a space: the hyphen is part of the
  word (Secretary-General), unless the next line opens with "and" or "or" (gender- and
  age-sensitive); nothing else is changed;
- what a paragraph ending in a colon introduces, set in on every line or unnumbered (an
  amended article, a table), stays in that paragraph: the model has no quotations or tables.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .pdf_text import COLUMN_GAP, Line, Page, Span

SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# "23-25978 (E) 100124", "GE.23-14520(E)", "GE.23-14520 (E)    250723    260723"
_JOB_NUMBER = re.compile(r"(?:[A-Z]{2}\.)?\d{2}-\d{5}\s*(?:\([A-Z]\))?(?:\s+\d{6})*")
_PAGE_NUMBER = re.compile(r"\d{1,4}(?:\s*/\s*\d{1,4})?")  # "2/13", or "2" alone at the foot
_SYMBOL = re.compile(r"\b[AES]/(?:[A-Z0-9.-]+/)*[A-Z0-9.-]+(?: \(\d{4}\))?")
_BARCODE = re.compile(r"\*\d{5,}\*")
_RULE = re.compile(r"_{5,}")
_RECYCLE = re.compile(r"Please recycle\W*", re.I)
_LABEL = re.compile(r"\d+\.\s*|\([a-z]{1,5}\)\s*")
_FIRST_ITEM = re.compile(r"\((?:a|i)\)\s")
_SUSPENDED = re.compile(r"(?:and|or)\s")
# A hyphen or an en dash straight after a word or number ends a line inside a word or a range
# (Secretary-|General, 2014–|2024); one after a space is a dash between words.
_WORD_DASH = re.compile(r"\w[-–]$")
_TABLE = "a table, kept as running text in the paragraph that introduces it: its rows and columns are lost"
_HEAD_BAND = 0.1  # of the page's height: running heads sit above this
_FOOT_BAND = 0.93  # and running feet below this


@dataclass(frozen=True)
class Removed:
    """A piece of print furniture taken out, and where it was."""

    location: str
    kind: str
    text: str

    def __str__(self) -> str:
        return f"removed {self.kind}: {self.text!r}"


@dataclass(frozen=True)
class Remark:
    """Something the reading did that the build log should show; a warning if a reader of the
    site should check it."""

    location: str
    message: str
    warning: bool = False


@dataclass
class TextLayout:
    """The text the parser reads; ``locations[n]`` says where its line n came from."""

    text: str
    locations: dict[int, str]
    removed: list[Removed] = field(default_factory=list)
    remarks: list[Remark] = field(default_factory=list)


def location(line: Line) -> str:
    return f"page {line.page}, line {line.number}"


@dataclass
class _Measures:
    body_size: float
    margin: float
    """Where most body lines start."""
    right: float
    """Where most body lines end (justified text)."""


def _measure(pages: list[Page]) -> _Measures:
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            sizes[line.size] += len(line.text)
    body = sizes.most_common(1)[0][0] if sizes else 10.0
    lines = [line for p in pages for line in p.lines if abs(line.size - body) < 0.5]
    margins, rights = Counter(round(line.x0) for line in lines), Counter(round(line.x1) for line in lines)
    return _Measures(
        body,
        float(margins.most_common(1)[0][0]) if margins else 0.0,
        float(rights.most_common(1)[0][0]) if rights else 0.0,
    )


def _furniture(line: Line, page: Page, measures: _Measures) -> str | None:
    """The kind of print furniture a line is, or None if it is text of the resolution."""
    text = line.text
    if line.barcode or _BARCODE.fullmatch(text):
        return "barcode"
    if _RECYCLE.fullmatch(text):
        return "recycling note"
    smaller = line.size < measures.body_size - 0.5
    if line.bottom < _HEAD_BAND * page.height and page.number > 1 and (smaller or _SYMBOL.search(text)):
        return "running head"
    if line.top > _FOOT_BAND * page.height:
        kinds = {_foot_kind(column) for column in text.split(COLUMN_GAP)}
        if None not in kinds:
            return " and ".join(sorted(k for k in kinds if k))
        if smaller:
            return "running foot"
    return None


def _foot_kind(column: str) -> str | None:
    column = column.strip()
    for kind, pattern in (("job number", _JOB_NUMBER), ("page number", _PAGE_NUMBER), ("symbol", _SYMBOL)):
        if pattern.fullmatch(column):
            return kind
    return None


@dataclass
class _PageParts:
    body: list[list[Line]] = field(default_factory=list)
    notes: list[list[Line]] = field(default_factory=list)


def _split_page(page: Page, measures: _Measures, removed: list[Removed]) -> _PageParts:
    parts = _PageParts()
    in_notes = False
    previous: Line | None = None
    for line in page.lines:
        kind = _furniture(line, page, measures)
        if kind is None and _RULE.fullmatch(line.text) and line.top > page.height / 3:
            kind, in_notes = "footnote rule", True
        if kind is not None:
            removed.append(Removed(location(line), kind, line.text))
            continue
        if in_notes:
            if _starts_note(line) or not parts.notes:
                parts.notes.append([line])
            else:
                parts.notes[-1].append(line)
        elif previous is None or _new_block(previous, line):
            parts.body.append([line])
        else:
            parts.body[-1].append(line)
        previous = line
    return parts


def _starts_note(line: Line) -> bool:
    first = line.spans[0]
    return first.raised and first.text.strip().isdigit()


def _new_block(previous: Line, line: Line) -> bool:
    gap = line.top - previous.bottom
    return (
        gap > 0.4 * max(line.size, previous.size)
        or line.bold != previous.bold
        or abs(line.size - previous.size) > 1.0
        or _set_apart(previous, line)
    )


def _set_apart(previous: Line, line: Line) -> bool:
    """An italic line set well to the right of a plain one: the closing ("42nd plenary
    meeting") printed with no space after the last paragraph."""
    return line.italic and not previous.italic and line.x0 > previous.x0 + 72.0


def _continues(block: list[Line], before: list[Line], measures: _Measures) -> bool:
    """Whether the first block of a page goes on with the paragraph the page break cut: it
    starts at the margin, unnumbered, in the style of the paragraph's last line."""
    first, last = block[0], before[-1]
    same_style = (first.bold, first.italic) == (last.bold, last.italic) and abs(first.size - last.size) < 1
    return abs(first.x0 - measures.margin) < 2.0 and same_style and not _LABEL.match(first.text)


def layout(pages: list[Page]) -> TextLayout:
    """The text layout of the whole document, footnotes after the body."""
    measures = _measure(pages)
    removed: list[Removed] = []
    body: list[list[Line]] = []
    notes: list[list[Line]] = []
    for page in pages:
        parts = _split_page(page, measures, removed)
        for index, block in enumerate(parts.body):
            if index == 0 and body and _continues(block, body[-1], measures):
                body[-1].extend(block)
            else:
                body.append(block)
        for index, note in enumerate(parts.notes):
            if index == 0 and notes and not _starts_note(note[0]):
                notes[-1].extend(note)
            else:
                notes.append(note)
    remarks: list[Remark] = []
    body = _join_quoted(body, measures, remarks)
    writer = _Writer(measures)
    for block in body:
        writer.block(block, lead=True)
    for note in notes:
        writer.block(note, lead=False)
    return TextLayout("\n".join(writer.lines) + "\n", writer.locations, removed, remarks)


def _text(block: list[Line]) -> str:
    return " ".join(line.text for line in block)


def _indented(block: list[Line], measures: _Measures) -> bool:
    """Set in from the margin on every line, as quoted matter is (a paragraph's first line
    alone is indented)."""
    return len(block) > 1 and all(line.x0 > measures.margin + 5.0 for line in block)


def _is_table(block: list[Line]) -> bool:
    """Columns side by side: a table's rows."""
    return any(line.columns for line in block)


def _join_quoted(body: list[list[Line]], measures: _Measures, remarks: list[Remark]) -> list[list[Line]]:
    """What a paragraph ending in a colon introduces (quoted matter, an amendment, a table) stays
    in that paragraph: unnumbered blocks, and blocks set in on every line, up to the next
    numbered or bold block. The model has no tables: their cells are kept as running text."""
    out: list[list[Line]] = []
    quoting = table_noted = False
    for block in body:
        labelled = bool(_LABEL.match(block[0].text))
        # "(i)" or "(a)" after a numbered paragraph or an item that ends in a colon opens its
        # sub-list, even set in on every line (a hanging indent): it is not quoted matter.
        sub_list = bool(out) and bool(_FIRST_ITEM.match(block[0].text) and _LABEL.match(_text(out[-1])))
        # Not a heading (bold), nor the closing (italic), unless its lines stand side by side.
        styled = all(line.bold for line in block) or all(line.italic for line in block)
        plain = not styled or _is_table(block)
        opens = bool(out) and (quoting or _text(out[-1]).rstrip().endswith(":"))
        if opens and plain and not sub_list and (not labelled or _indented(block, measures)):
            out[-1] = out[-1] + block
            where = location(block[0])
            remarks.append(Remark(where, f"kept in the paragraph that introduces it: {_text(block)[:50]!r}"))
            if _is_table(block) and not table_noted:
                remarks.append(Remark(where, _TABLE, warning=True))
                table_noted = True
            quoting = True
            continue
        quoting = table_noted = False
        out.append(block)
    return out


# --- Writing the text layout -----------------------------------------------------------------


def _line_text(line: Line, lead: bool) -> str:
    """A line's text; if ``lead``, with ``*…*`` around the italic words that open it."""
    spans = _marked_spans(line)
    found = _lead(spans) if lead else None
    if found is None:
        return "".join(s.text for s in spans)
    start, end = found
    italic = "".join(s.text for s in spans[start:end])
    before = "".join(s.text for s in spans[:start])
    after = "".join(s.text for s in spans[end:])
    opening, closing = italic[: len(italic) - len(italic.lstrip())], italic[len(italic.rstrip()) :]
    return f"{before}{opening}*{italic.strip()}*{closing}{after}"


def _marked_spans(line: Line) -> list[Span]:
    """Raised digits as superscript digits, without the space a PDF may put before them."""
    out: list[Span] = []
    for span in line.spans:
        if span.raised and re.fullmatch(r"\d{1,3}", span.text.strip()):
            if out and out[-1].text.endswith(" "):
                last = out[-1]
                out[-1] = Span(last.text.rstrip(), last.bold, last.italic, last.raised)
            span = Span(span.text.strip().translate(SUPERSCRIPTS), span.bold, span.italic, True)
        out.append(span)
    return [s for s in out if s.text]


def _lead(spans: list[Span]) -> tuple[int, int] | None:
    """The italic run that opens a paragraph (after its number), if plain words follow it."""
    start = 0
    if spans and not spans[0].italic and _LABEL.fullmatch(spans[0].text):
        start = 1
    end = start
    while end < len(spans) and spans[end].italic and not spans[end].raised:
        end += 1
    rest = "".join(s.text for s in spans[end:]).strip()
    # Plain words must follow, or a colon ("15. *Calls for*:"), not just a comma: the
    # enacting formula ("*The General Assembly*,") has no lead.
    if end == start or not (re.search(r"\w", rest) or rest.startswith(":")):
        return None
    return start, end


class _Writer:
    def __init__(self, measures: _Measures) -> None:
        self.measures = measures
        self.lines: list[str] = []
        self.locations: dict[int, str] = {}

    def block(self, block: list[Line], lead: bool) -> None:
        texts: list[tuple[str, Line]] = []
        for index, line in enumerate(block):
            text = _line_text(line, lead=lead and index == 0)
            if texts and self._joins(texts[-1][0], text):
                previous, first = texts[-1]
                glue = "" if _WORD_DASH.search(previous) and not _SUSPENDED.match(text) else " "
                texts[-1] = (previous + glue + text, first)
            else:
                texts.append((text, line))
        mark = self._emphasis(block) if lead else ""
        if mark:
            texts[0] = (mark + texts[0][0], texts[0][1])
            texts[-1] = (texts[-1][0] + mark, texts[-1][1])
        if self.lines:
            self.lines.append("")
        for text, line in texts:
            self.lines.append(text)
            self.locations[len(self.lines)] = location(line)

    def _emphasis(self, block: list[Line]) -> str:
        """``**`` around a bold block (a heading), ``*`` around an italic one (an article's or
        an unnumbered heading), none around the closing: italic too, but set to the right or
        in brackets."""
        if all(line.bold for line in block) and not block[0].italic:
            return "**"
        middle = (self.measures.margin + self.measures.right) / 2
        italic = all(line.italic and not line.bold for line in block)
        # A bracketed statement ("[Adopted without a vote.]") belongs to the closing too.
        if italic and block[0].x0 < middle and not block[0].text.startswith("["):
            return "*"
        return ""

    @staticmethod
    def _joins(previous: str, text: str) -> bool:
        """A line that opens in lower case, or follows a hyphen, goes on with the line before."""
        return text[:1].islower() or bool(_WORD_DASH.search(previous))
