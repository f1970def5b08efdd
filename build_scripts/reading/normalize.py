"""Read a resolution's file into clean blocks of lines.

What the parser may rely on afterwards:
- the text is valid UTF-8, decoded, without a byte order mark;
- line ends are ``\\n``; a form feed (a page break) counts as a blank line;
- no control characters (C0 or C1) other than tabs, which count as spaces;
- no-break and other typographic spaces are plain spaces;
- each line is stripped of the white space around it, and of zero-width spaces there;
- blocks are runs of non-blank lines, each knowing the line number it starts on.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import ParseError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_EDGES = re.compile(r"^[\s\u200b\u2060\ufeff]+|[\s\u200b\u2060\ufeff]+$")


@dataclass(frozen=True)
class Block:
    """Consecutive non-blank lines: a paragraph of the source, or a page-layout fragment."""

    line: int
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.lines)

    @property
    def last_line(self) -> int:
        return self.line + len(self.lines) - 1


def _looks_utf16(data: bytes) -> bool:
    """A UTF-16 byte order mark, or text whose every other byte is NUL (Latin script in UTF-16)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    half = len(data) // 2
    if half < 2:
        return False
    nuls = sorted((data[0::2].count(0), data[1::2].count(0)))
    return nuls[1] >= 0.9 * half and nuls[0] <= 0.1 * half


def decode(data: bytes, file: str) -> str:
    """Bytes to text, or a ParseError that says what is wrong with them."""
    if _looks_utf16(data):
        raise ParseError(file, 1, "UTF-8 text", "UTF-16 text (save the file as UTF-8)")
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ParseError(file, line, "a text file", "binary data (a NUL byte)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start]
        raise ParseError(
            file, line, "UTF-8 text", f"the byte 0x{byte:02x}, which is not UTF-8 (Latin-1 text?)"
        ) from None
    return text


def split_lines(text: str, file: str) -> list[tuple[int, str]]:
    """Text to numbered, stripped lines; a form feed (a page break) also ends a block.

    A form feed does not count as a line end: the lines after it keep their numbers.
    """
    numbered: list[tuple[int, str]] = []
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        bad = _CONTROL.search(line)
        if bad:
            raise ParseError(
                file, number, "printable text", f"the control character U+{ord(bad.group()):04X}"
            )
        pages = line.split("\f")
        for index, part in enumerate(pages):
            if index:
                numbered.append((number, ""))
            numbered.append((number, _EDGES.sub("", _SPACES.sub(" ", part))))
    return numbered


def split_blocks(lines: list[tuple[int, str]]) -> list[Block]:
    blocks: list[Block] = []
    current: list[str] = []
    start = 0
    for number, line in lines:
        if line:
            if not current:
                start = number
            current.append(line)
        elif current:
            blocks.append(Block(start, tuple(current)))
            current = []
    if current:
        blocks.append(Block(start, tuple(current)))
    return blocks


def read_bytes(path: Path, file: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise ParseError(file, 0, "a readable file", error.strerror or str(error)) from None


def blocks_from_bytes(data: bytes, file: str) -> list[Block]:
    """A file's bytes into blocks; a ParseError names the file and line of any problem."""
    blocks = split_blocks(split_lines(decode(data, file), file))
    if not blocks:
        raise ParseError(
            file, 1, "the text of a resolution", "an empty file" if not data else "only white space"
        )
    return blocks


def read_blocks(path: Path, display_name: str | None = None) -> list[Block]:
    """Read a file into blocks; a ParseError names the file and line of any problem."""
    file = display_name or str(path)
    return blocks_from_bytes(read_bytes(path, file), file)
