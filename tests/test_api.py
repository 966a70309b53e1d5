"""The Python API (analyzer/api.py): inputs it accepts, the tables it returns, one pipeline kept."""

from __future__ import annotations

import pytest

import analyzer
from analyzer.api import as_articles
from analyzer.io.articles import Article
from analyzer.report.tables import ATTRIBUTION_COLUMNS, SENTENCE_COLUMNS


def test_as_articles_accepts_texts_articles_and_mappings():
    given = Article("mine", "Police said so.", "Daily Planet")
    articles = as_articles(["A text.", {"id": "m", "text": "Another.", "outlet": "AP"}, given])
    assert [(a.id, a.text, a.outlet) for a in articles] == [
        ("text-1", "A text.", None), ("m", "Another.", "AP"), ("mine", "Police said so.", "Daily Planet")]
    assert [a.id for a in as_articles("One text alone.")] == ["text"]


def test_outlet_applies_to_every_article_without_changing_the_callers():
    given = Article("mine", "Police said so.", "Daily Planet")
    articles = as_articles([given, "A text."], outlet="Reuters")
    assert [a.outlet for a in articles] == ["Reuters", "Reuters"]
    assert given.outlet == "Daily Planet"


@pytest.mark.parametrize("item", [42, {"id": "x"}, {"text": 3}])
def test_a_bad_item_names_its_place(item):
    with pytest.raises(TypeError, match="item 2"):
        as_articles(["fine", item])


def test_analyze_returns_the_csv_tables_for_every_article():
    result = analyzer.analyze(["Police said a man was arrested.", "The bridge opened in 1932."])
    assert list(result.sentences.columns) == SENTENCE_COLUMNS
    assert list(result.attributions.columns) == ATTRIBUTION_COLUMNS
    assert list(result.scorecards["article_id"]) == ["text-1", "text-2"]
    assert list(result.sentences["labels"]) == ["named-official", ""]
    assert result.errors == []
    assert result.results[0].sentences[0].labels == ("named-official",)


def test_the_pipeline_is_loaded_once():
    assert analyzer.load() is analyzer.load()
    doc = analyzer.load()("A US official told CNN that the talks had stalled.")
    assert sorted(span.label_ for span in doc.spans["sourcing_attributions"]) == ["anonymous", "secondary-outlet"]
    assert doc._.sourcing.sentences[0].labels == ("anonymous", "secondary-outlet")
