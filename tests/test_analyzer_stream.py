"""Analyzer.analyze streams the whole input through one nlp.pipe: results keep input order,
input errors keep their place, and an article whose parse fails costs only itself."""

from __future__ import annotations

import pytest
from spacy.language import Language

from analyzer.run import local as analysis
from analyzer.run.local import Analyzer, ArticleResult
from analyzer.errors import InputError
from analyzer.io.ingest import Article

MARKER = "KABOOM"
BODY = "The minister said the plan would work. Critics disagreed, Reuters reported.\n"


@Language.component("test_explode_on_marker")
def explode_on_marker(doc):
    if MARKER in doc.text:
        raise ValueError("the parse broke")
    return doc


@pytest.fixture(scope="module")
def fragile():
    """A pipeline that fails on any chunk containing the marker (its own copy: the session
    analyzer is never changed)."""
    fragile = Analyzer(batch_size=4)
    fragile.nlp.add_pipe("test_explode_on_marker", last=True)
    return fragile


def outline(results) -> list[str]:
    out = []
    for r in results:
        if isinstance(r, ArticleResult):
            out.append(r.article.id)
        else:
            out.append(f"error:{r.article_id or r.message}")
    return out


def test_results_and_input_errors_keep_input_order(analyzer):
    items = [Article("a0", BODY), InputError("in.jsonl", "bad line", line=2), InputError("in.jsonl", "bad", line=3),
             Article("a1", BODY), Article("a2", ""), InputError("in.jsonl", "last line bad", line=6)]
    assert outline(analyzer.analyze(items)) == ["a0", "error:bad line", "error:bad", "a1", "a2", "error:last line bad"]


def test_many_articles_stream_in_order(analyzer):
    items = [Article(f"a{k}", BODY * (1 + k % 3)) for k in range(40)]
    results = list(analyzer.analyze(iter(items)))
    assert [r.article.id for r in results] == [a.id for a in items]
    assert all(r.scorecard.sentences == 2 * (1 + k % 3) for k, r in enumerate(results))


def test_a_failed_parse_costs_only_its_article(fragile):
    broken = {5, 9, 10}
    items = []
    for k in range(14):
        if k == 3:
            items.append(InputError("in.jsonl", "bad line", line=3))
        items.append(Article(f"a{k}", BODY + (MARKER if k in broken else ""), line=k + 1))
    results = list(fragile.analyze(items))
    expected = []
    for k in range(14):
        if k == 3:
            expected.append("error:bad line")
        expected.append(f"error:a{k}" if k in broken else f"a{k}")
    assert outline(results) == expected
    failures = [r for r in results if isinstance(r, InputError) and r.article_id]
    assert all("analysis failed: ValueError: the parse broke" in f.message for f in failures)
    assert [f.line for f in failures] == [6, 10, 11]


def test_a_failed_chunk_loses_its_whole_article_only(fragile, monkeypatch):
    monkeypatch.setattr(analysis, "CHUNK_CHARS", 400)
    long_bad = BODY * 12 + MARKER + "\n" + BODY * 4
    items = [Article("before", BODY * 12), Article("long-bad", long_bad), Article("after", BODY * 12)]
    results = list(fragile.analyze(items))
    assert outline(results) == ["before", "error:long-bad", "after"]
    assert results[2].scorecard.sentences == 24
    assert [s.index for s in results[2].sentences] == list(range(24))


def test_an_error_of_the_input_itself_is_raised_after_the_work_read(analyzer):
    def source():
        yield Article("a0", BODY)
        yield Article("a1", BODY)
        raise OSError("disk gone")

    seen = []
    with pytest.raises(OSError, match="disk gone"):
        for result in analyzer.analyze(source()):
            seen.append(result.article.id)
    assert seen == ["a0", "a1"]
