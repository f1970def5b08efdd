"""The command line.

    python -m build_scripts build [--site-dir site]   the whole build (see pipeline.py)
    python -m build_scripts serve                     build, serve and rebuild on every change
    python -m build_scripts parse FILE                the document model of a text or PDF, as JSON
    python -m build_scripts text FILE.pdf             the text layout read from a PDF, as the parser reads it
    python -m build_scripts anchors check|update      compare with published-anchors.json, or record a change

Problems in the input stop with ``file:line: expected …`` and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime
import json
import logging
import sys
from pathlib import Path

from . import pipeline
from .config import MANIFEST_FILE, load_config
from .errors import ConversionError
from .parsing.parse import parse_file
from .publishing import manifest
from .reading.normalize import read_bytes
from .reading.source import is_pdf, pdf_text_layout
from .renderers import RenderError, renderer_for

DEFAULT_RENDERER = "mkdocs-material"


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


def _build(args: argparse.Namespace) -> int:
    config = load_config(args.root)
    site_dir = args.site_dir if args.site_dir.is_absolute() else config.root / args.site_dir
    try:
        pipeline.build(config, renderer_for(args.renderer, config.root), site_dir)
    except RenderError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"The site is in {site_dir}.", file=sys.stderr)
    return 0


def _serve(args: argparse.Namespace) -> int:
    from .renderers.mkdocs_material import serve

    serve(load_config(args.root).root, args.dev_addr)
    return 0


def _anchors(args: argparse.Namespace) -> int:
    config = load_config(args.root)
    conversion = pipeline.convert(config)
    path = config.manifest
    record = manifest.load(path) if path.exists() else None
    if args.action == "check":
        report = manifest.compare(conversion, record)
        if not report.ok:
            print(report.message(path), file=sys.stderr)
            return 1
        print(f"{path.name}: no published page or anchor is gone or changed.")
        for item in report.new:
            print(f"  not yet listed: {item}")
        return 0
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    try:
        updated, changes = manifest.updated(conversion, record, args.reason or "", today)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if not changes:
        print(f"{path.name} already matches the build: nothing to record.")
        return 0
    path.write_text(manifest.dumps(updated), encoding="utf-8")
    print(f"{path.name} updated ({len(changes)} changes):")
    for change in changes:
        print(f"  {change}")
    return 0


def _arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m build_scripts", description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project (default: this folder)")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build the site")
    build.add_argument(
        "--site-dir", type=Path, default=Path("site"), help="where the site goes (default: site)"
    )
    build.add_argument("--renderer", default=DEFAULT_RENDERER, help=f"default: {DEFAULT_RENDERER}")
    build.set_defaults(run=_build)
    serve = commands.add_parser("serve", help="build, serve on the address and rebuild on every change")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="default: 127.0.0.1:8000")
    serve.set_defaults(run=_serve)
    parse = commands.add_parser("parse", help="print the document model of a resolution as JSON")
    parse.add_argument("file", help="the resolution's text or PDF file")
    parse.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parse.add_argument("--verbose", action="store_true", help="also list what the reading removed")
    parse.set_defaults(run=_parse)
    text = commands.add_parser("text", help="print the text layout the parser reads (from a PDF)")
    text.add_argument("file", help="the resolution's PDF or text file")
    text.set_defaults(run=_text)
    anchors = commands.add_parser("anchors", help=f"compare the build with {MANIFEST_FILE}")
    anchors.add_argument("action", choices=["check", "update"])
    anchors.add_argument("--reason", help="with update: why published anchors change (recorded)")
    anchors.set_defaults(run=_anchors)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _arguments().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s - %(message)s")
    try:
        return args.run(args)
    except ConversionError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except manifest.AnchorsChanged as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
