"""The lines around the paragraphs: the masthead and heading before them, the closing after."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..dates import DATE, iso_date, iso_range
from ..errors import ParseError
from ..identifiers import document_symbol
from ..model import AgendaItem, Closing, Metadata, RecordedVote, Session, VoteCount
from ..reading.normalize import Block
from .vocabulary import Vocabulary

# "A/RES/78/20", "A/RES/ES-11/1" (an emergency special session), "S/RES/2719 (2023)".
SYMBOL = r"[AES]/[A-Z0-9-]+(?:[/.][A-Za-z0-9-]+)*(?: \(\d{4}\))?"
_LINE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("united_nations", re.compile(rf"United Nations(?:\s+(?P<symbol>{SYMBOL}))?")),
    ("symbol", re.compile(rf"(?P<symbol>{SYMBOL})")),
    ("distribution", re.compile(r"Distr\.:\s*(?P<value>.+)")),
    ("original", re.compile(r"Original:\s*(?P<value>.+)")),
    ("date", re.compile(rf"(?P<date>{DATE})")),
    # "Seventy-eighth session", "Eleventh emergency special session", "Thirtieth special session".
    ("session", re.compile(r"(?P<ordinal>[A-Z][a-z]+(?:-[a-z]+)?)(?: emergency)?(?: special)? session")),
    ("agenda", re.compile(r"Agenda items? (?P<number>.+)")),
    ("adopted_by", re.compile(rf"Resolution adopted by the (?P<body>.+?) on (?P<date>{DATE})")),
    ("sc_number", re.compile(r"Resolution (?P<number>\d+ \(\d{4}\))")),
    (
        "sc_adopted",
        re.compile(rf"Adopted by the (?P<body>.+?) at its (?P<meeting>\d+\w* meeting),? on (?P<date>{DATE})"),
    ),
    ("title", re.compile(r"(?P<number>(?:[A-Z]+-)?\d+/\d+)\.\s+(?P<title>.+)")),
]
_UNKNOWN_FORMULA = re.compile(
    r"The (?P<body>(?:[A-Z][\w’'-]*\s+)*(?:Council|Assembly|Commission|Committee|Conference|Board)),?"
)
_HEADER_EXPECTED = (
    "a masthead line (body, distribution, session, agenda item, the resolution's number and "
    "title) or the enacting formula, such as 'The General Assembly,' (a masthead line the "
    "converter does not know yet: report it, with the file)"
)


@dataclass
class Heading:
    """What was read before the enacting formula."""

    masthead: list[str] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)
    enacting_formula: str | None = None
    enacting_line: int | None = None
    body: str | None = None


def enacting_pattern(vocabulary: Vocabulary) -> re.Pattern[str]:
    names = "|".join(re.escape(b.name) for b in vocabulary.bodies)
    return re.compile(rf"The (?P<body>{names}),?")


def _classify(line: str) -> tuple[str, re.Match[str]] | None:
    for kind, pattern in _LINE_PATTERNS:
        match = pattern.fullmatch(line)
        if match:
            return kind, match
    return None


def read_heading(blocks: list[Block], file: str, vocabulary: Vocabulary) -> tuple[Heading, int]:
    """Read masthead blocks up to the enacting formula; return them and the next block's index."""
    heading = Heading()
    enacting = enacting_pattern(vocabulary)
    body_names = {b.name for b in vocabulary.bodies} | {b.masthead_organ for b in vocabulary.bodies}
    for index, block in enumerate(blocks):
        if block.lines[0].startswith("**"):
            plain = unbold(block)
            if plain is None or not _is_masthead_line(_rejoined(plain).lines[0], body_names):
                _read_agenda_title(block, file, heading)
                continue
            block = plain  # a masthead line printed in bold, as a PDF shows it
        if block.lines[0].startswith("["):  # "[on the report(s) of …]", "[without reference to …]"
            _read_lead_in(block, file, heading)
            continue
        block = _rejoined(block)
        for offset, line in enumerate(block.lines):
            number = block.line + offset
            line = _unitalic(line)
            found = enacting.fullmatch(line)
            if found:
                if offset != len(block.lines) - 1:
                    raise ParseError(
                        file, number + 1, "a blank line after the enacting formula", block.lines[offset + 1]
                    )
                heading.enacting_formula, heading.enacting_line = line, number
                heading.body = heading.values.get("body") or found["body"]
                return heading, index + 1
            if line in body_names:
                key = "organ" if "organ" not in heading.values else "body"
                heading.values[key] = line
                heading.masthead.append(line)
                continue
            if _read_line(line, number, file, heading):
                # A title that wraps: the rest of its block is the title too.
                if "title" in heading.values and line.startswith(heading.values["number"] + "."):
                    rest = block.lines[offset + 1 :]
                    if rest:
                        heading.values["title"] = " ".join([heading.values["title"], *rest])
                        heading.masthead[-1] = " ".join([heading.masthead[-1], *rest])
                        break
                continue
            if _UNKNOWN_FORMULA.fullmatch(line):
                raise ParseError(file, number, _known_bodies(vocabulary), line)
            raise ParseError(file, number, _HEADER_EXPECTED, line)
    last = blocks[-1]
    raise ParseError(
        file, last.last_line, "the enacting formula, such as 'The General Assembly,'", "the end of the file"
    )


def unbold(block: Block) -> Block | None:
    """The block without the ``**`` around it, if it has them."""
    first, last = block.lines[0], block.lines[-1]
    if not (first.startswith("**") and last.endswith("**") and len(block.text) > 4):
        return None
    if len(block.lines) == 1:
        return Block(block.line, (first[2:-2].strip(),))
    return Block(block.line, (first[2:].strip(), *block.lines[1:-1], last[:-2].strip()))


def _rejoined(block: Block) -> Block:
    """A masthead line that wraps ("Resolution adopted by the General Assembly on" then the
    date) as one line, when only its lines together say what it is."""
    if len(block.lines) < 2 or _classify(block.lines[0]) is not None:
        return block
    whole = " ".join(block.lines)
    return Block(block.line, (whole,)) if _classify(whole) is not None else block


def _unitalic(line: str) -> str:
    """The line without the ``*`` around it: an enacting formula set in italic with no comma
    after it ("*The General Assembly*") reads as an italic block."""
    if len(line) > 2 and line[0] == line[-1] == "*" and not line.startswith("**"):
        return line[1:-1].strip()
    return line


def _is_masthead_line(line: str, body_names: set[str]) -> bool:
    return line in body_names or _classify(line) is not None


def _known_bodies(vocabulary: Vocabulary) -> str:
    return "a body the converter knows (" + ", ".join(b.name for b in vocabulary.bodies) + ")"


def _read_line(line: str, number: int, file: str, heading: Heading) -> bool:
    values = heading.values
    classified = _classify(line)
    if classified is None:
        session_dates = iso_range(line)
        if session_dates and "session" in values:
            values["session_dates"] = line
            heading.masthead.append(line)
            return True
        return False
    kind, match = classified
    if "date" in match.groupdict() and iso_date(match["date"]) is None:
        raise ParseError(file, number, "a date that exists", line)
    heading.masthead.append(line)
    if kind in ("united_nations", "symbol"):
        if match["symbol"]:
            values["symbol"] = match["symbol"]
    elif kind == "distribution":
        values["distribution"] = match["value"]
    elif kind == "original":
        values["original"] = match["value"]
    elif kind == "date":
        values.setdefault("distribution_date", match["date"])
    elif kind == "session":
        values["session"] = line
        values["session_ordinal"] = match["ordinal"]
    elif kind == "agenda":
        values["agenda"] = match["number"]
    elif kind in ("adopted_by", "sc_adopted"):
        values["body"] = match["body"]
        values["adopted"] = match["date"]
        if kind == "sc_adopted":
            values["adopted_at"] = match["meeting"]
    elif kind == "sc_number":
        values["number"] = match["number"]
    elif kind == "title":
        values["number"], values["title"] = match["number"], match["title"]
    return True


def _read_agenda_title(block: Block, file: str, heading: Heading) -> None:
    text = block.text
    if not (text.startswith("**") and text.endswith("**") and len(text) > 4):
        raise ParseError(file, block.line, "an agenda item title in bold, '**…**'", text)
    title = text[2:-2].strip()
    heading.values["agenda_title"] = title
    heading.masthead.append(title)


def _read_lead_in(block: Block, file: str, heading: Heading) -> None:
    if not block.text.endswith("]"):
        raise ParseError(file, block.last_line, "a closing ']' after the lead-in", block.text)
    heading.values["lead_in"] = block.text
    heading.masthead.append(block.text)


def build_metadata(heading: Heading, file: str, vocabulary: Vocabulary) -> Metadata:
    values = heading.values
    body = vocabulary.body_named(heading.body or "")
    line = heading.enacting_line or 1
    if body is None:
        raise ParseError(file, line, _known_bodies(vocabulary), heading.body)
    if "number" not in values:
        raise ParseError(
            file,
            line,
            "the resolution's number before the enacting formula ('53/9. Title' or 'Resolution 1234 (2002)')",
            "none",
        )
    number = values["number"]
    session = None
    if "session" in values:
        span = iso_range(values.get("session_dates", "")) if "session_dates" in values else None
        session = Session(
            ordinal=values["session"],
            number=vocabulary.ordinal_number(values["session_ordinal"]),
            dates=values.get("session_dates"),
            start=span[0] if span else None,
            end=span[1] if span else None,
        )
    agenda = None
    if "agenda" in values:
        agenda = AgendaItem(number=values["agenda"], title=values.get("agenda_title"))
    return Metadata(
        organ=values.get("organ"),
        body=body.name,
        body_code=body.code,
        number=number,
        symbol=values.get("symbol") or document_symbol(body.symbol, number),
        title=values.get("title"),
        adopted=iso_date(values["adopted"]) if "adopted" in values else None,
        distribution=values.get("distribution"),
        distribution_date=iso_date(values["distribution_date"]) if "distribution_date" in values else None,
        original_language=values.get("original"),
        session=session,
        agenda_item=agenda,
        lead_in=values.get("lead_in"),
        adopted_at=values.get("adopted_at"),
    )


# --- The closing -------------------------------------------------------------------------

# "50th plenary meeting", "50th (resumed) plenary meeting", "34th meeting".
MEETING = r"\d+\w* (?:\(resumed\) )?(?:plenary )?meeting"
CLOSING_START = re.compile(
    rf"{MEETING}|\[Adopted\b.*|Adopted (?:unanimously )?(?:at the \d+\w* meeting|by \d+ votes?)\b.*|{DATE}"
)
_STATEMENT = re.compile(r"\[?Adopted\b.*")


def closing_misfit(block: Block, bracket_open: bool) -> tuple[int | None, bool]:
    """The index of the block's first line that is no part of a closing (or None), and whether
    a bracketed statement ("[Adopted by a recorded vote …") is still open after the block."""
    statement = bracket_open
    for index, line in enumerate(block.lines):
        if not statement and not CLOSING_START.fullmatch(line):
            return index, bracket_open
        if not statement and line.startswith("["):
            bracket_open = True
        statement = statement or bool(_STATEMENT.match(line))
        if bracket_open and line.endswith("]"):
            bracket_open = statement = False
    return None, bracket_open


_RECORDED = re.compile(
    r"In favour:\s*(?P<for>.*?)\s*Against:\s*(?P<against>.*?)\s*Abstaining:\s*(?P<abstaining>.*?)\]?$",
    re.S,
)


def _states(text: str) -> tuple[str, ...]:
    text = text.strip().rstrip(".").strip()
    if not text or text.lower() in ("none", "-", "–"):
        return ()
    return tuple(s.strip() for s in text.split(",") if s.strip())


def read_closing(blocks: list[Block], file: str) -> Closing:
    """The closing lines: meeting, date and vote."""
    lines = tuple(line for block in blocks for line in block.lines)
    meeting = date = vote = None
    recorded = None
    joined = " ".join(lines)
    for block in blocks:
        for line in block.lines:
            if re.fullmatch(MEETING, line):
                meeting = line
            elif iso_date(line) and date is None:
                date = iso_date(line)
    start = joined.find("[Adopted")
    if start < 0:
        start = joined.find("Adopted ")
    if start >= 0:
        statement = joined[start:].strip("[]").strip()
        first_sentence = re.split(r"(?<=\.)\s", statement, maxsplit=1)[0]
        vote = first_sentence.rstrip(".").rstrip("]").rstrip(".")
        sc = re.search(r"\bat the (?P<meeting>\d+\w* meeting)", statement)
        if sc:
            meeting = meeting or sc["meeting"]
        found = _RECORDED.search(statement)
        if found:
            recorded = RecordedVote(
                _states(found["for"]), _states(found["against"]), _states(found["abstaining"])
            )
        elif sc:
            abstentions = re.search(r"abstentions? \((?P<states>[^)]*)\)", statement)
            against = re.search(r"votes? to \d+ \((?P<states>[^)]*)\)", statement)
            if abstentions or against:
                recorded = RecordedVote(
                    (),
                    _states(against["states"]) if against else (),
                    _states(abstentions["states"]) if abstentions else (),
                )
    if vote is None and meeting is None and blocks:
        raise ParseError(
            file, blocks[0].line, "the closing: the meeting, its date and how it was adopted", blocks[0].text
        )
    count = _vote_count(vote or "")
    return Closing(lines=lines, meeting=meeting, date=date, vote=vote, recorded_vote=recorded, count=count)


# "by a recorded vote of 28 to 13, with 6 abstentions", "by 13 votes to none, with 2 abstentions",
# "by 11 votes to none with 4 abstentions (…)", "by 15 votes to 0".
_COUNT = re.compile(
    r"by (?:a recorded vote of )?(?P<for>\d+)(?: votes?)? to (?P<against>\d+|none)(?: \([^)]*\))?"
    r"(?:,? with (?P<abstentions>\d+|no) abstentions?)?"
)


def _vote_count(vote: str) -> VoteCount | None:
    """The numbers of a vote as the closing states them; "unanimously" and "without a vote" have none."""
    found = _COUNT.search(vote)
    if found is None:
        return None

    def number(text: str | None) -> int:
        return 0 if text in (None, "none", "no") else int(text or 0)

    return VoteCount(number(found["for"]), number(found["against"]), number(found["abstentions"]))
