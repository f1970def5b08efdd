"""Reading a resolution's source file, text or PDF, into blocks of lines for the parser."""
