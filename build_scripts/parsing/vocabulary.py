"""The hand-written data the parser needs: bodies, opening phrases, ordinals (data/*.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).parent.parent / "data"


@dataclass(frozen=True)
class Body:
    name: str
    code: str
    symbol: str
    masthead_organ: str


@dataclass(frozen=True)
class Vocabulary:
    bodies: tuple[Body, ...]
    opening_phrase: re.Pattern[str]
    ordinals: dict[str, dict[str, int]]

    def body_named(self, name: str) -> Body | None:
        return next((b for b in self.bodies if b.name == name), None)

    def ordinal_number(self, words: str) -> int | None:
        """``Fifty-third`` -> 53; None if the words are not an ordinal."""
        words = words.lower()
        table = self.ordinals
        for group in ("units", "teens", "tens"):
            if words in table[group]:
                return table[group][words]
        head, _, tail = words.partition("-")
        if head in table["tens_prefix"] and tail in table["units"]:
            return table["tens_prefix"][head] + table["units"][tail]
        return None


def _opening_phrase_pattern(data: dict) -> re.Pattern[str]:
    adverbs = "|".join(map(re.escape, data["adverbs"]))
    adjectives = "|".join(map(re.escape, data["adjectives"]))
    lowered = "|".join(map(re.escape, (w.lower() for w in data["adjectives"])))
    continuations = sorted(data["continuations"], key=len, reverse=True)
    tails = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in continuations)
    auxiliaries = "|".join(map(re.escape, data.get("auxiliaries", ())))
    perfect = rf"(?:{auxiliaries})\s+(?:(?:{adverbs.lower()})\s+)?[a-z]+|" if auxiliaries else ""
    head = rf"(?:{perfect}(?:{adverbs})\s+(?:[a-z]+(?:ing|ed)|{lowered})|[A-Z][a-z]+(?:ing|ed)|{adjectives})"
    return re.compile(rf"{head}(?:\s+(?:{tails})\b)*(?=[\s,:;]|$)")


@cache
def load_vocabulary(data_dir: Path = DATA_DIR) -> Vocabulary:
    bodies = yaml.safe_load((data_dir / "bodies.yaml").read_text(encoding="utf-8"))["bodies"]
    phrases = yaml.safe_load((data_dir / "phrases.yaml").read_text(encoding="utf-8"))
    return Vocabulary(
        bodies=tuple(Body(**body) for body in bodies),
        opening_phrase=_opening_phrase_pattern(phrases),
        ordinals=phrases["ordinals"],
    )
