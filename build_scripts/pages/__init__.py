"""Pages: the enriched model -> the site's Markdown pages, through Jinja2 templates.

Takes :class:`~build_scripts.enriching.enrich.Enriched` and the publisher's notes; gives
``{file name: Markdown}`` (and the definitions the pages load, as JSON). View models
(:mod:`views`) are computed in Python; the templates only print, and escape every value for
Markdown unless it is marked safe (:mod:`escape`), so that no word is ever read as markup.
"""
