"""Enriching: the model + the hand-written catalogue -> mentions and indexes.

Takes a :class:`~build_scripts.model.Resolution` and the catalogue (``data/*.yaml``: glossary,
references, themes); gives :class:`enrich.Enriched`: where each term, instrument, theme and
document symbol is mentioned, paragraph by paragraph. The model itself is not changed.
"""
