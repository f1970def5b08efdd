"""The home page's summary: sentences in our words, each naming the paragraphs it summarises.

Every sentence must point to at least one paragraph of the resolution, so that a reader can
check each claim against the text in one click; a sentence that names none, or names a
paragraph the resolution does not have, stops the build.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import ConversionError
from ..model import Paragraph, Resolution


@dataclass(frozen=True)
class SummarySentence:
    says: str
    """The sentence, without its full stop: the references come before it."""
    references: tuple[tuple[str, str], ...]
    """(anchor, link text) of each paragraph it summarises: ``("op2e", "operative paragraph
    2 (e)")``, then ``("op2g", "(g)")`` for a sibling that follows."""


def _top_level(resolution: Resolution) -> dict[str, Paragraph]:
    """Each paragraph's id -> the numbered paragraph it belongs to."""
    parents = (
        *resolution.preamble,
        *resolution.operative,
        *(p for a in resolution.annexes for p in a.paragraphs),
    )
    return {item.id: parent for parent in parents for item in parent.walk()}


def _references(ids: list[str], resolution: Resolution) -> tuple[tuple[str, str], ...]:
    """Link texts in the way one cites them: "operative paragraph 2 (e), (g)"."""
    paragraphs = {p.id: p for p in resolution.paragraphs()}
    top = _top_level(resolution)
    references = []
    previous: str | None = None
    for paragraph_id in ids:
        paragraph = paragraphs[paragraph_id]
        same_parent = previous is not None and top[previous] is top[paragraph_id]
        short = same_parent and paragraph is not top[paragraph_id] and paragraph.label
        references.append((paragraph_id, paragraph.label if short else paragraph.name))
        previous = paragraph_id
    return tuple(references)  # type: ignore[arg-type]


def summary_sentences(raw: object, resolution: Resolution, file: str) -> tuple[SummarySentence, ...]:
    """The summary of ``<name>.yaml``: a list of ``{says: …, paragraphs: [op2e, op2g]}``."""
    if not raw:
        return ()
    if not isinstance(raw, list):
        raise ConversionError(file, 1, "a list of sentences under 'summary:'", str(raw))
    known = {p.id for p in resolution.paragraphs()}
    sentences = []
    for number, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or not item.get("says") or not item.get("paragraphs"):
            raise ConversionError(
                file,
                1,
                f"summary sentence {number} as 'says:' with the 'paragraphs:' it summarises",
                str(item),
            )
        ids = [str(i) for i in item["paragraphs"]]
        unknown = [i for i in ids if i not in known]
        if unknown:
            raise ConversionError(
                file, 1, f"summary sentence {number} to name paragraphs of the resolution", ", ".join(unknown)
            )
        sentences.append(
            SummarySentence(
                " ".join(str(item["says"]).split()).removesuffix("."), _references(ids, resolution)
            )
        )
    return tuple(sentences)
