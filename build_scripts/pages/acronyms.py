"""Acronyms spelled out at their first use on a page: "ILO" -> "International Labour Organization (ILO)"."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..enriching.catalogue import Entry


class AcronymExpander:
    """Expands each acronym once per page, in the order the page's texts are given."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.names: dict[str, str] = {}
        for entry in entries:
            for acronym in entry.acronyms:
                self.names.setdefault(acronym, entry.name)
        self.seen: set[str] = set()
        words = "|".join(sorted(map(re.escape, self.names), key=len, reverse=True))
        # Not inside a document symbol: the "CRC" of CRC/C/GC/14 is part of the symbol's name.
        self.pattern = re.compile(rf"(?<!/)\b(?:{words})\b(?!/)") if words else None

    def introduce(self, entry: Entry) -> None:
        """An entry's heading spells out its name: its acronyms count as expanded."""
        self.seen.update(entry.acronyms)

    def expand(self, text: str) -> str:
        if self.pattern is None:
            return text
        return self.pattern.sub(self._first_use, text)

    def _first_use(self, match: re.Match[str]) -> str:
        acronym = match.group()
        if acronym in self.seen:
            return acronym
        self.seen.add(acronym)
        name = self.names[acronym]
        already_spelled = match.string[max(0, match.start() - len(name) - 2) : match.start()].startswith(name)
        return acronym if already_spelled else f"{name} ({acronym})"
