"""A part of a resolution cited in the forms people paste: plain text, BibTeX and CSL-JSON.

All three name the same things: the body, the resolution's number and symbol, the part
(``operative paragraph 1 (c)``), the date of adoption and the part's own address. While the
site's address is not known (site_address.py) they name no address: ``url`` is None.
"""

from __future__ import annotations

import json
import re

from ..dates import long_date
from ..identifiers import citation_key
from ..model import Metadata

ADDRESS_SLOT = "<address>"
"""Where the address goes in a citation written for the pages' script to complete: it passes
through every form's escaping unchanged, and no address has it (``<`` and ``>`` are not allowed in
one)."""
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# The characters that mean something to BibTeX and LaTeX inside a braced value, and how they
# are written to stand for themselves. Everything else (UTF-8 included) is left as it is:
# biber, Zotero and JabRef read UTF-8.
_LATEX = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}
_LATEX_SPECIAL = re.compile("[" + re.escape("".join(_LATEX)) + "]")


def plain_citation(meta: Metadata, name: str) -> str:
    """``Human Rights Council resolution 53/9 (A/HRC/RES/53/9), operative paragraph 1 (c),
    adopted 12 July 2023``: what the full text's "Copy citation" copies, before the address."""
    adopted = f", adopted {long_date(meta.adopted)}" if meta.adopted else ""
    return f"{meta.body} resolution {meta.number} ({meta.symbol}), {name}{adopted}"


def cited_with(citation: str, url: str | None) -> str:
    """A plain citation followed by the address it cites, if there is one."""
    return f"{citation}, {url}" if url else citation


def _title(meta: Metadata, name: str) -> str:
    return f"{meta.title or f'Resolution {meta.number}'}, {name}"


def latex_text(text: str) -> str:
    """Text for a braced BibTeX value that TeX prints as exactly these characters."""
    return _LATEX_SPECIAL.sub(lambda m: _LATEX[m[0]], " ".join(text.split()))


def _braced(value: str) -> str:
    return "{" + value + "}"


def bibtex(meta: Metadata, name: str, anchor: str, url: str | None) -> str:
    """A ``@techreport`` entry (the kind reference managers give a numbered UN document)."""
    fields = [
        ("author", _braced(_braced(latex_text(meta.body)))),  # double braces: a body, not "Council, H. R."
        ("title", _braced(latex_text(_title(meta, name)))),
        ("institution", _braced("United Nations")),
        ("type", _braced(f"{latex_text(meta.body)} resolution")),
        ("number", _braced(latex_text(meta.symbol))),
    ]
    if meta.adopted:
        year, month, _ = meta.adopted.split("-")
        # The month as BibTeX's own macro (jul), unbraced; biblatex reads the full date.
        fields += [
            ("year", _braced(year)),
            ("month", _MONTHS[int(month) - 1]),
            ("date", _braced(meta.adopted)),
        ]
    if url:
        fields.append(("url", _braced(url.replace("{", "%7B").replace("}", "%7D"))))
    fields.append(("language", _braced("english")))
    lines = ",\n".join(f"  {key} = {value}" for key, value in fields)
    return "@techreport{" + citation_key(meta.symbol, anchor) + ",\n" + lines + "\n}\n"


def csl_item(meta: Metadata, name: str, anchor: str, url: str | None) -> dict:
    """One CSL-JSON item (the citation data Zotero, Mendeley and citeproc read)."""
    item: dict = {
        "id": citation_key(meta.symbol, anchor),
        "type": "report",
        "title": _title(meta, name),
        "author": [{"literal": meta.body}],
        "publisher": "United Nations",
        "genre": f"{meta.body} resolution",
        "number": meta.symbol,
        "section": name,
        "language": "en",
    }
    if url:
        item["URL"] = url
    if meta.adopted:
        item["issued"] = {"date-parts": [[int(part) for part in meta.adopted.split("-")]]}
    return item


def csl_json(meta: Metadata, name: str, anchor: str, url: str | None) -> str:
    """CSL-JSON as reference managers import it: a list of one item, a field a line."""
    fields = [
        f"    {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}"
        for k, v in csl_item(meta, name, anchor, url).items()
    ]
    return "[\n  {\n" + ",\n".join(fields) + "\n  }\n]\n"
