"""The site's own scripts and styles, minified as they are published.

``docs/assets/`` keeps them readable, with the comments that say why; readers download them
without those comments and spaces, which keeps the full text's first load within its budget.
Only the files directly in ``assets/`` are ours: the theme's own, in its subfolders, come
minified already.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def minify_assets(site_dir: Path) -> None:
    """Minify every script and style sheet directly in ``site_dir/assets``."""
    for path in sorted((site_dir / "assets").glob("*")):
        minify = MINIFIERS.get(path.suffix)
        if minify and path.is_file():
            path.write_text(minify(path.read_text(encoding="utf-8")), encoding="utf-8")
