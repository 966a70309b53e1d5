"""Size: a 10 MB text file is read whole; articles longer than spaCy's max_length are
analysed in paragraph chunks with offsets into the whole text.

Chunking lives in analysis.py (analysis.CHUNK_CHARS; tests/test_long_articles.py tests the
chunker itself). These tests lower the chunk size and spaCy's `nlp.max_length` together on
the shared Analyzer, so the long-article path runs on a few KB in about a second and no
chunk can be longer than spaCy accepts; the real 10 MB run takes about ten minutes and runs
only with SOURCING_SLOW_TESTS=1.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from analyzer.run import local as analysis
from analyzer.run.local import ArticleResult
from analyzer.io.ingest import Article, read_inputs

SAMPLE = (Path(__file__).parent.parent / "samples" / "seed-drones.txt").read_text(encoding="utf-8")
PARAGRAPHS = [p for p in SAMPLE.split("\n") if p.strip()]



def limit_chunks(analyzer, monkeypatch, chars: int) -> None:
    monkeypatch.setattr(analysis, "CHUNK_CHARS", chars)
    monkeypatch.setattr(analyzer.nlp, "max_length", chars)  # spaCy raises E088 above it


def ten_megabytes() -> str:
    parts, size, n = [], 0, 0
    while size < 10_000_000:
        paragraph = PARAGRAPHS[n % len(PARAGRAPHS)]
        newline = "\r\n\r\n" if n % 3 == 0 else "\n\n"
        parts.append(paragraph + newline)
        size += len(paragraph) + len(newline)
        n += 1
    return "".join(parts)


def test_ten_megabyte_text_file_is_read_whole(tmp_path):
    text = ten_megabytes()
    path = tmp_path / "huge.txt"
    path.write_bytes(text.encode("utf-8"))
    assert path.stat().st_size >= 10_000_000
    [article] = list(read_inputs([str(path)]))
    assert isinstance(article, Article)
    assert article.text == text  # CRLF kept, nothing cut


def assert_sentences_valid(text: str, result) -> None:
    assert isinstance(result, ArticleResult), getattr(result, "message", result)
    assert result.sentences
    previous_end = 0
    for index, sentence in enumerate(result.sentences):
        assert sentence.index == index
        assert previous_end <= sentence.start_char < sentence.end_char <= len(text)
        assert text[sentence.start_char:sentence.end_char] == sentence.text
        previous_end = sentence.end_char
    for attribution in result.attributions:
        assert 0 <= attribution.start_char <= attribution.end_char <= len(text)


@pytest.fixture
def long_article():
    """~14 KB in paragraphs of at most ~700 chars, with a heading, mixed line ends."""
    parts = ["Russia Trains On Iranian Drones\n\n"]
    for n in range(4):
        for paragraph in PARAGRAPHS:
            parts.append(paragraph + ("\r\n\r\n" if n % 2 else "\n\n"))
    return "".join(parts)


def test_article_longer_than_max_length_is_analysed_in_chunks(analyzer, monkeypatch, long_article):
    whole = analyzer.analyze_text(long_article)  # within max_length: the reference
    if not isinstance(whole, ArticleResult) or not whole.sentences:
        pytest.fail(f"the reference analysis failed: {whole}")
    limit_chunks(analyzer, monkeypatch, 4000)
    if not len(long_article) > 3 * analyzer.nlp.max_length or max(map(len, PARAGRAPHS)) >= 4000:
        pytest.fail("the article must span several chunks of whole paragraphs")
    chunked = analyzer.analyze_text(long_article)
    assert_sentences_valid(long_article, chunked)
    # Paragraphs end sentences anyway, so chunking at paragraphs must not move any boundary.
    key = lambda s: (s.start_char, s.end_char, s.is_heading)  # noqa: E731
    assert [key(s) for s in chunked.sentences] == [key(s) for s in whole.sentences]
    # Labels too, in the first chunk; later ones may differ where a back-reference ("Sullivan")
    # points to a full mention in an earlier chunk (analysis.py: they do not cross chunks).
    first_end = analysis.paragraph_chunks(long_article, analysis.CHUNK_CHARS)[0][1]
    first = lambda result: [s.labels for s in result.sentences if s.end_char <= first_end]  # noqa: E731
    assert first(chunked) == first(whole) and len(first(whole)) > 10


def test_single_paragraph_longer_than_max_length(analyzer, monkeypatch):
    text = " ".join(PARAGRAPHS)  # no line break at all: cut after full stops
    limit_chunks(analyzer, monkeypatch, 1000)
    if not len(text) > 2 * analyzer.nlp.max_length:
        pytest.fail("the paragraph must be longer than two chunks")
    assert_sentences_valid(text, analyzer.analyze_text(text))


@pytest.mark.skipif(not os.environ.get("SOURCING_SLOW_TESTS"),
                    reason="10 MB through the pipeline takes about 10 minutes; set SOURCING_SLOW_TESTS=1")
def test_ten_megabyte_article_is_analysed(analyzer, tmp_path):
    text = ten_megabytes()
    path = tmp_path / "huge.txt"
    path.write_bytes(text.encode("utf-8"))
    [article] = list(read_inputs([str(path)]))
    [result] = list(analyzer.analyze([article]))
    assert_sentences_valid(text, result)
