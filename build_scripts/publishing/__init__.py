"""Publishing: the promise kept (published anchors) and the files written.

:mod:`manifest` compares what a build would publish with ``published-anchors.json`` and stops
the build when a published page or anchor would break; :mod:`output` writes files atomically,
readable by a web server.
"""
