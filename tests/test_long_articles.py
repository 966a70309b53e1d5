"""Articles longer than a chunk are parsed in paragraph chunks with offsets into the whole text."""

from __future__ import annotations

import pytest

from analyzer.run import local as analysis
from analyzer.run.local import paragraph_chunks

PARAGRAPH = ("Police said a man was arrested on Monday. Critics say the arrest was rushed, AFP reported. "
             "The bridge opened in 1932.\n")


@pytest.mark.parametrize("text, limit", [
    (PARAGRAPH * 40, 500),
    ("word " * 3000, 700),                # no line breaks, no full stops: cut at spaces
    ("A sentence ends here. " * 400, 900),  # no line breaks: cut after a full stop
    ("short text", 500),
])
def test_chunks_cover_the_text_in_order(text, limit):
    chunks = paragraph_chunks(text, limit)
    assert chunks[0][0] == 0 and chunks[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(chunks, chunks[1:]))
    assert all(0 < end - start <= limit for start, end in chunks)


def test_long_article_is_analysed_in_chunks_with_whole_text_offsets(analyzer, monkeypatch):
    text = PARAGRAPH * 30
    whole = analyzer.analyze_text(text)
    monkeypatch.setattr(analysis, "CHUNK_CHARS", 1000)
    chunked = analyzer.analyze_text(text)
    assert len(paragraph_chunks(text, 1000)) > 3
    assert [s.index for s in chunked.sentences] == list(range(len(chunked.sentences)))
    assert all(text[s.start_char:s.end_char] == s.text for s in chunked.sentences)
    assert [(s.start_char, s.labels) for s in chunked.sentences] == [(s.start_char, s.labels) for s in whole.sentences]
    assert all(text[a.start_char:a.end_char] == a.source for a in chunked.attributions if a.source)
    assert chunked.scorecard.sentences == 90
