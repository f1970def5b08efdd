"""The site's own scripts and stylesheets: minified, our stylesheets served as one file, and each
named for its content.

They are written by hand, readable and commented, in ``docs/assets/``; readers get them without
comments and white space (rjsmin and rcssmin). A page loads every stylesheet before it shows
anything: ours, written as two files for their two jobs, reach the reader as one (the same
rules in the same order: the same cascade), one request fewer before the first paint. Each file
of ours gets the hash of its content in its name (``reader.3f2a9c1e.js``), as the theme's own
files have: a browser that kept a file from an earlier version of the site never applies it to a
newer page. All of it is known before any page is rendered, so that each page is linked to the
new names as it is written.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import rcssmin
import rjsmin

MINIFIERS: dict[str, Callable[[str], str]] = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}
_STYLESHEET_LINK = re.compile(r'^[ \t]*<link rel="stylesheet" href="([^"]+)">\n?', re.MULTILINE)
_SCRIPT_SOURCE = re.compile(r'(<script\b[^>]*\bsrc=")([^"]+)(")')
# The hash of its content in a file's name, as the theme writes it: ``main.57a0d79d.min.css``.
_CONTENT_HASH = re.compile(r"\.[0-9a-f]{8}(?=\.)")


class OwnFilesError(Exception):
    """The site's files cannot be joined or renamed without changing what a page gets."""


def hashed_name(path: PurePosixPath, content: bytes) -> PurePosixPath:
    """``assets/reader.js`` -> ``assets/reader.<first 8 hex digits of its SHA-256>.js``; a name
    that carries a hash already (``main.57a0d79d.min.css``) gets the new one in its place."""
    digest = hashlib.sha256(content).hexdigest()[:8]
    if _CONTENT_HASH.search(path.name):
        return path.with_name(_CONTENT_HASH.sub(f".{digest}", path.name, count=1))
    return path.with_name(f"{path.stem}.{digest}{path.suffix}")


def minified(path: Path) -> str:
    """A script or stylesheet without comments and white space."""
    return MINIFIERS[path.suffix](path.read_text(encoding="utf-8")) + "\n"


@dataclass
class OwnFiles:
    """What the site serves of ours: file (path in the site) -> content, and the names that
    pages use -> the names the files are served under."""

    contents: dict[PurePosixPath, bytes] = field(default_factory=dict)
    renamed: dict[PurePosixPath, PurePosixPath] = field(default_factory=dict)

    def write(self, site_dir: Path) -> None:
        """Replace, in the built site, the files as written by hand with what is served."""
        for old in self.renamed:
            (site_dir / old).unlink(missing_ok=True)
        for path, content in self.contents.items():
            (site_dir / path).parent.mkdir(parents=True, exist_ok=True)
            (site_dir / path).write_bytes(content)


def own_files(
    source_dir: Path, stylesheets: Iterable[str], scripts: Iterable[str], first_rules: str = ""
) -> OwnFiles:
    """The files of ``source_dir`` as served: every script and stylesheet minified;
    ``stylesheets`` (paths in the site, in the order pages load them, all in one folder) joined,
    after ``first_rules``, into one file named for its content; ``scripts`` named for theirs."""
    files = OwnFiles()
    for source in sorted(source_dir.rglob("*")):
        if source.suffix in MINIFIERS and source.is_file():
            files.contents[PurePosixPath(source.relative_to(source_dir).as_posix())] = minified(
                source
            ).encode("utf-8")
    sheets = [PurePosixPath(path) for path in stylesheets if PurePosixPath(path) in files.contents]
    if len({sheet.parent for sheet in sheets}) > 1:
        raise OwnFilesError(f"the site's own stylesheets are joined only from one folder: {sheets}")
    if sheets:
        parts = [first_rules.strip()] if first_rules.strip() else []
        parts += [files.contents.pop(sheet).decode("utf-8").strip() for sheet in sheets]
        joined = ("\n".join(parts) + "\n").encode("utf-8")
        bundle = hashed_name(sheets[0].with_name("site.css"), joined)
        files.contents[bundle] = joined
        files.renamed.update(dict.fromkeys(sheets, bundle))
    for script in (PurePosixPath(path) for path in scripts):
        if script in files.contents:
            content = files.contents.pop(script)
            files.renamed[script] = hashed_name(script, content)
            files.contents[files.renamed[script]] = content
    return files


def relinked(
    html: str, page: PurePosixPath, renamed: dict[PurePosixPath, PurePosixPath], base_path: str
) -> str:
    """The page (``page``: its path in the site) with its links to renamed files changed: of the
    stylesheets joined into one file, the first link points to it and the others go.
    ``base_path``: where the site is served (pages that must work at any address, such as the
    404 page, link from it). OwnFilesError if another stylesheet stands between ours, whose
    place in the cascade would change, or if a page names a renamed file in another form."""
    links = [(match, _site_path(page, match[1], base_path)) for match in _STYLESHEET_LINK.finditer(html)]
    joined = [index for index, (_, path) in enumerate(links) if path in renamed]
    if joined and joined != list(range(joined[0], joined[0] + len(joined))):
        raise OwnFilesError(f"{page}: another stylesheet stands between the site's own stylesheets")
    pieces, end = [], 0
    for position, index in enumerate(joined):
        match, path = links[index]
        pieces.append(html[end : match.start()])
        if position == 0:
            pieces.append(match[0].replace(match[1], _renamed_address(match[1], path, renamed[path])))
        end = match.end()
    html = "".join(pieces) + html[end:]

    def script(match: re.Match[str]) -> str:
        path = _site_path(page, match[2], base_path)
        if path not in renamed:
            return match[0]
        return f"{match[1]}{_renamed_address(match[2], path, renamed[path])}{match[3]}"

    html = _SCRIPT_SOURCE.sub(script, html)
    for old in renamed:
        if f'"{old}"' in html or f'/{old}"' in html or f'"{old.name}"' in html:
            raise OwnFilesError(f"{page} names {old} where its link could not be changed")
    return html


def _site_path(page: PurePosixPath, address: str, base_path: str) -> PurePosixPath | None:
    """The file of the site that ``address``, on ``page``, points to; None for another host."""
    parts = urlsplit(address)
    if parts.scheme or parts.netloc:
        return None
    if parts.path.startswith("/"):
        if not parts.path.startswith(base_path):
            return None
        path = parts.path[len(base_path) :]
    else:
        path = posixpath.join(str(page.parent), parts.path)
    resolved = posixpath.normpath(path)
    return None if resolved in (".", "") or resolved.startswith("..") else PurePosixPath(resolved)


def _renamed_address(address: str, old: PurePosixPath, new: PurePosixPath) -> str:
    """``address`` (which names ``old``) naming ``new``, beside it: only the file name changes."""
    cut = address.rindex(old.name)
    return address[:cut] + new.name + address[cut + len(old.name) :]
