"""Convert United Nations resolutions from plain text into a cross-linked MkDocs site.

The flow runs one way, each stage a module:
    normalize (bytes -> blocks) -> parse (blocks -> model) -> enrich (model + data ->
    mentions and indexes) -> render (-> Markdown pages and downloads) -> write (-> docs/)
MkDocs then turns the pages into HTML.
"""
