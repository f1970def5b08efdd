"""Command line: ``python -m build_scripts parse FILE`` prints the document model as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import ConversionError
from .parse import parse_file


def _parse(args: argparse.Namespace) -> int:
    resolution, diagnostics = parse_file(Path(args.file), args.file)
    for warning in diagnostics.warnings:
        print(warning, file=sys.stderr)
    if args.strict and diagnostics.warnings:
        return 2
    sys.stdout.write(json.dumps(resolution.to_dict(), ensure_ascii=False, indent=2) + "\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help="print the document model of a resolution as JSON")
    parse.add_argument("file", help="the resolution's text file")
    parse.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parse.set_defaults(run=_parse)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except ConversionError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
