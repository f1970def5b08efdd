"""The site's own scripts and stylesheets, minified in the built site.

They are written by hand, readable and commented, in ``docs/assets/``; readers get them
without comments and white space (rjsmin and rcssmin: small, pure-Python-compatible minifiers).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import rcssmin
import rjsmin

MINIFIERS: dict[str, Callable[[str], str]] = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def minify_assets(docs_dir: Path, site_dir: Path) -> list[str]:
    """Minify in ``site_dir`` every script and stylesheet that ``docs_dir`` holds; their names."""
    done = []
    for source in sorted(docs_dir.rglob("*")):
        minify = MINIFIERS.get(source.suffix)
        built = site_dir / source.relative_to(docs_dir)
        if minify is None or not built.is_file():
            continue
        built.write_text(minify(built.read_text(encoding="utf-8")) + "\n", encoding="utf-8")
        done.append(str(source.relative_to(docs_dir)))
    return done
