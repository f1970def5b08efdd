"""An MkDocs hook of this renderer: the theme's templates are compiled once, not at every build.

MkDocs compiles Material's templates (some forty) anew at each build, which is a fifth of the
build's time. Jinja's bytecode cache keeps them compiled in the user's temporary folder, keyed
by each template's name and a checksum of its source: a changed template is compiled again.
"""

from __future__ import annotations

from typing import Any

from jinja2 import FileSystemBytecodeCache


def on_env(env: Any, **_: Any) -> Any:
    env.bytecode_cache = FileSystemBytecodeCache()
    return env
