"""Pages: the enriched model -> the site's Markdown pages, through Jinja2 templates.

Takes :class:`~build_scripts.enriching.enrich.Enriched` and the publisher's notes; gives
``{file name: Markdown}``. View models are computed in Python, the templates only print, and
every word of the resolution passes through :mod:`escape` so that it is never read as markup.
"""
