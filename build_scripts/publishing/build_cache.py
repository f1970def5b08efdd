"""What a slow step of the build made, kept for the next build given the same inputs.

Trimming the theme's stylesheet reads all of it (140 kB of CSS) for every build, though from
one build to the next neither the stylesheet nor the names the pages use usually change. The
text a step made is kept under a hash of all its inputs, so a change of any input makes it
again. It is kept in the user's temporary folder, in a folder that only the user can write
(as Jinja keeps the compiled templates); when that folder cannot be used, the step runs.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

KEPT_PER_STEP = 8
"""The most recent results of a step that are kept; older ones are removed."""


def cached_text(step: str, inputs: Iterable[str], make: Callable[[], str]) -> str:
    """``make()``, or what it returned in an earlier build given the same ``inputs``."""
    digest = hashlib.sha256()
    for text in inputs:
        digest.update(text.encode("utf-8"))
        digest.update(b"\0")
    folder = _private_folder()
    if folder is None:
        return make()
    kept = folder / f"{step}-{digest.hexdigest()}.txt"
    try:
        return kept.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        pass
    result = make()
    try:
        partial = kept.with_suffix(f".{os.getpid()}.part")
        partial.write_text(result, encoding="utf-8")
        partial.replace(kept)
        _remove_oldest(folder, step)
    except OSError:
        pass
    return result


def _private_folder() -> Path | None:
    """The build's folder in the temporary folder, if it is the user's alone."""
    user = getattr(os, "getuid", lambda: None)()
    folder = Path(tempfile.gettempdir()) / f"un-resolution-site-{user if user is not None else 'user'}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        status = folder.lstat()
    except OSError:
        return None
    others_may_write = status.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    if not stat.S_ISDIR(status.st_mode) or others_may_write or (user is not None and status.st_uid != user):
        return None
    return folder


def _remove_oldest(folder: Path, step: str) -> None:
    results = sorted(folder.glob(f"{step}-*.txt"), key=lambda path: path.stat().st_mtime, reverse=True)
    for old in results[KEPT_PER_STEP:]:
        old.unlink(missing_ok=True)
