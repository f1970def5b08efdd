"""Writing the build's files: each through a temporary file and a rename, readable by all.

A reader of the site may be a web server running as another user, so every file is written
with mode 0644 and every folder 0755, whatever the temporary file or folder started with.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

FILE_MODE = 0o644
FOLDER_MODE = 0o755


def write_if_changed(path: Path, content: bytes) -> bool:
    """Write ``content`` to ``path`` unless it already holds it; whether it was written."""
    if path.exists() and path.read_bytes() == content:
        return False  # unchanged files are left alone, so a watching server does not rebuild in a loop
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(handle, "wb") as stream:
        stream.write(content)
    os.chmod(temporary, FILE_MODE)
    os.replace(temporary, path)
    return True


def write_files(files: dict[str, bytes], folder: Path) -> list[str]:
    """Write every file (path under ``folder`` -> content); the names of those that changed."""
    return [name for name, content in sorted(files.items()) if write_if_changed(folder / name, content)]


HAND_WRITTEN = "assets"
"""The folder of docs/ written by hand (stylesheets, scripts, images): never touched."""


def generated_pages(docs_dir: Path) -> set[Path]:
    """The generated pages now in docs/: the Markdown and JSON files of docs/ itself
    (``text.md``, ``definitions.json``) and the ``index.md`` of each of its folders (a
    paragraph's page, ``op1c/index.md``), docs/assets/ apart. Other files in subfolders are
    someone's own and are left alone."""
    folders = [p for p in docs_dir.glob("*/index.md") if p.parent.name != HAND_WRITTEN]
    return set(docs_dir.glob("*.md")) | set(docs_dir.glob("*.json")) | set(folders)


def write_pages(pages: dict[str, bytes], docs_dir: Path) -> list[str]:
    """Write the Markdown pages into docs/ and remove generated pages the build no longer makes,
    with the folders they leave empty. docs/assets/ is written by hand and never touched."""
    changed = write_files(pages, docs_dir)
    for stale in sorted(generated_pages(docs_dir) - {docs_dir / name for name in pages}):
        stale.unlink()
        changed.append(stale.relative_to(docs_dir).as_posix())
        folder = stale.parent
        while folder != docs_dir and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    return changed


def staging_folder(beside: Path, purpose: str) -> Path:
    """A new empty folder next to ``beside`` (same file system, so it can be renamed into place)."""
    beside.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(dir=beside.parent, prefix=f".{beside.name}.{purpose}-"))


def readable_by_all(folder: Path) -> None:
    """Give ``folder`` and everything in it the modes a web server needs."""
    for path in [folder, *folder.rglob("*")]:
        if not path.is_symlink():
            os.chmod(path, FOLDER_MODE if path.is_dir() else FILE_MODE)


def replace_folder(new: Path, target: Path) -> None:
    """Put ``new`` where ``target`` is, with the shortest possible moment without either."""
    readable_by_all(new)
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)
