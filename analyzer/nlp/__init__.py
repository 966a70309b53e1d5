"""Stage 2, the parse: the spaCy pipeline, sentence boundaries and headings, quotation spans,
pure parse helpers, and the Doc extensions the components share."""
