"""Reading: a resolution's file, text or PDF -> blocks of lines, and the publisher's notes beside it.

Takes the bytes of a text file, or the text layer of a PDF (``pdf_text``, ``pdf_layout``);
gives :class:`normalize.Block` lines, decoded and cleaned of page-break noise, each with its
line number, so the parser never defends against encodings. ``source`` chooses between them.
"""
