"""The site's own stylesheets served as one file, and its own files named for their content.

A page loads every stylesheet before it shows anything: ours, written as two files for their
two jobs, reach the reader as one (the same rules in the same order: the same cascade), one
request fewer before the first paint. Each file of ours gets the hash of its content in its
name (``reader.3f2a9c1e.js``), as the theme's own files have: a browser that kept a file from
an earlier version of the site never applies it to a newer page.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from .site_pages import edited_pages

_STYLESHEET_LINK = re.compile(r'^[ \t]*<link rel="stylesheet" href="([^"]+)">\n?', re.MULTILINE)
_SCRIPT_SOURCE = re.compile(r'(<script\b[^>]*\bsrc=")([^"]+)(")')
# The hash of its content in a file's name, as the theme writes it: ``main.57a0d79d.min.css``.
_CONTENT_HASH = re.compile(r"\.[0-9a-f]{8}(?=\.)")


class FingerprintError(Exception):
    """The site's files cannot be joined or renamed without changing what a page gets."""


def hashed_name(path: PurePosixPath, content: bytes) -> PurePosixPath:
    """``assets/reader.js`` -> ``assets/reader.<first 8 hex digits of its SHA-256>.js``; a name
    that carries a hash already (``main.57a0d79d.min.css``) gets the new one in its place."""
    digest = hashlib.sha256(content).hexdigest()[:8]
    if _CONTENT_HASH.search(path.name):
        return path.with_name(_CONTENT_HASH.sub(f".{digest}", path.name, count=1))
    return path.with_name(f"{path.stem}.{digest}{path.suffix}")


def bundle_and_fingerprint(
    site_dir: Path,
    stylesheets: Iterable[str],
    scripts: Iterable[str],
    base_path: str = "/",
    pages: dict[Path, str] | None = None,
) -> dict[str, str]:
    """Join ``stylesheets`` (paths in ``site_dir``, in the order pages load them, all in one
    folder) into one file named for its content; give ``scripts`` their content's hash in their
    names; point every page at the new files and remove the old ones. ``base_path``: where the
    site is served (pages that must work at any address, such as the 404 page, link from it).
    Returns each old path's new one. ``pages``: see ``edited_pages``."""
    sheets = [PurePosixPath(path) for path in stylesheets if (site_dir / path).is_file()]
    if len({sheet.parent for sheet in sheets}) > 1:
        raise FingerprintError(f"the site's own stylesheets are joined only from one folder: {sheets}")
    renamed: dict[PurePosixPath, PurePosixPath] = {}
    contents: dict[PurePosixPath, bytes] = {}
    if sheets:
        joined = "\n".join((site_dir / sheet).read_text(encoding="utf-8").strip() for sheet in sheets) + "\n"
        bundle = hashed_name(sheets[0].with_name("site.css"), joined.encode("utf-8"))
        contents[bundle] = joined.encode("utf-8")
        renamed.update(dict.fromkeys(sheets, bundle))
    for script in (PurePosixPath(path) for path in scripts):
        if (site_dir / script).is_file():
            content = (site_dir / script).read_bytes()
            renamed[script] = hashed_name(script, content)
            contents[renamed[script]] = content
    with edited_pages(site_dir, pages) as edited:
        relinked = {
            page: _relinked(html, PurePosixPath(page.relative_to(site_dir).as_posix()), renamed, base_path)
            for page, html in edited.items()
        }
        edited.update(relinked)
        for old in renamed:
            (site_dir / old).unlink()
        for new, content in contents.items():
            (site_dir / new).write_bytes(content)
    return {str(old): str(new) for old, new in renamed.items()}


def _relinked(
    html: str, page: PurePosixPath, renamed: dict[PurePosixPath, PurePosixPath], base_path: str
) -> str:
    """The page with its links to renamed files changed: of the stylesheets joined into one
    file, the first link points to it and the others go (FingerprintError if another stylesheet
    stands between them, whose place in the cascade would change)."""
    links = [(match, _site_path(page, match[1], base_path)) for match in _STYLESHEET_LINK.finditer(html)]
    joined = [index for index, (_, path) in enumerate(links) if path in renamed]
    if joined and joined != list(range(joined[0], joined[0] + len(joined))):
        raise FingerprintError(f"{page}: another stylesheet stands between the site's own stylesheets")
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
            raise FingerprintError(f"{page} names {old} where its link could not be changed")
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
