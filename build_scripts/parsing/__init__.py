"""Parsing: blocks of lines -> the document model (:mod:`build_scripts.model`).

Knows the layout of a resolution (masthead, preamble, operative part, footnotes, closing,
annexes) and nothing of Markdown or HTML. Gives a :class:`~build_scripts.model.Resolution` and
the warnings found on the way, or raises :class:`~build_scripts.errors.ParseError`.
"""
