"""Command line: ``python -m build_scripts parse FILE`` prints the document model as JSON;
``python -m build_scripts text FILE.pdf`` prints the text layout read from a PDF."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import ConversionError
from .normalize import read_bytes
from .parse import parse_file
from .reading.source import is_pdf, pdf_text_layout


def _parse(args: argparse.Namespace) -> int:
    resolution, diagnostics = parse_file(Path(args.file), args.file)
    for warning in diagnostics.warnings:
        print(warning, file=sys.stderr)
    if args.verbose:
        for note in diagnostics.notes:
            print(note, file=sys.stderr)
    if args.strict and diagnostics.warnings:
        return 2
    sys.stdout.write(json.dumps(resolution.to_dict(), ensure_ascii=False, indent=2) + "\n")
    return 0


def _text(args: argparse.Namespace) -> int:
    path = Path(args.file)
    data = read_bytes(path, args.file)
    if not is_pdf(path, data):
        sys.stdout.write(data.decode("utf-8", errors="replace"))
        return 0
    layout = pdf_text_layout(path, data, args.file)
    for removed in layout.removed:
        print(f"{args.file}:{removed.location}: note: {removed}", file=sys.stderr)
    sys.stdout.write(layout.text)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help="print the document model of a resolution as JSON")
    parse.add_argument("file", help="the resolution's text or PDF file")
    parse.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parse.add_argument("--verbose", action="store_true", help="also list what the reading removed")
    parse.set_defaults(run=_parse)
    text = commands.add_parser("text", help="print the text layout the parser reads (from a PDF)")
    text.add_argument("file", help="the resolution's PDF or text file")
    text.set_defaults(run=_text)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except ConversionError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
