"""Publishing: the promise kept (published anchors) and the files written.

:mod:`manifest` compares what a build would publish with ``published-anchors.json`` and stops
the build when a published page or anchor would break; :mod:`output` writes files atomically,
readable by a web server. What the pages load is made lighter after rendering: :mod:`assets`
minifies our scripts and stylesheets, :mod:`unused_css` takes out of a theme's stylesheet the
rules no page can use (kept between builds by :mod:`build_cache`), and :mod:`fingerprint` joins
our stylesheets into one file and names our files for their content; these steps share one
reading of the pages (:mod:`site_pages`).
"""
