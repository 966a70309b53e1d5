"""The Python API: `analyzer.analyze(...)` and `analyzer.load()`.

    import analyzer
    result = analyzer.analyze("A US official told CNN that the talks had stalled.")
    result.sentences      # pandas DataFrame, the columns of sentences.csv
    result.attributions   # ... of attributions.csv
    result.scorecards     # ... of scorecard.csv, one row per article

    nlp = analyzer.load()  # the spaCy pipeline with the analyzer's components

The pipeline is loaded once per (model, rule folders) and kept for later calls.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping, Optional, Sequence, Union

from .errors import InputError
from .io.articles import Article

if TYPE_CHECKING:
    import pandas as pd

    from .run.local import Analyzer, ArticleResult

ArticleLike = Union[str, Article, Mapping]
_ANALYZERS: dict[tuple, "Analyzer"] = {}


@dataclass
class Analysis:
    """What `analyze` found: the typed results, and the three tables as DataFrames with the
    same columns as the CSV files (cells exactly as found: no formula protection)."""

    results: list["ArticleResult"] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)

    @cached_property
    def sentences(self) -> "pd.DataFrame":
        from .report.tables import SENTENCE_COLUMNS, sentence_row

        return _frame([sentence_row(r.article.id, s) for r in self.results for s in r.sentences], SENTENCE_COLUMNS)

    @cached_property
    def attributions(self) -> "pd.DataFrame":
        from .report.tables import ATTRIBUTION_COLUMNS, attribution_row

        return _frame([attribution_row(r.article.id, a) for r in self.results for a in r.attributions],
                      ATTRIBUTION_COLUMNS)

    @cached_property
    def scorecards(self) -> "pd.DataFrame":
        from .report.tables import scorecard_row

        rows = [scorecard_row(r.scorecard) for r in self.results]
        return _frame(rows, list(rows[0]) if rows else ["article_id"])


def _frame(rows: list[dict], columns: Sequence[str]) -> "pd.DataFrame":
    import pandas as pd

    return pd.DataFrame(rows, columns=list(columns))


def _analyzer(model: Optional[str], rules: Sequence[Union[str, Path]]) -> "Analyzer":
    key = (model, tuple(str(Path(r).resolve()) for r in rules))
    if key not in _ANALYZERS:
        from .run.local import Analyzer

        _ANALYZERS[key] = Analyzer(model=model, rules_dirs=list(key[1]))
    return _ANALYZERS[key]


def as_articles(items: Union[ArticleLike, Iterable[ArticleLike]], outlet: Optional[str] = None) -> list[Article]:
    """Articles from a text, an Article, a mapping with "text" (and "id", "outlet"), or a list
    of them; texts without an id are numbered text-1, text-2, ... (one text alone: "text")."""
    single = isinstance(items, (str, Article, Mapping))
    given = [items] if single else list(items)
    articles = []
    for number, item in enumerate(given, start=1):
        default_id = "text" if single else f"text-{number}"
        if isinstance(item, Article):
            article = item
        elif isinstance(item, str):
            article = Article(default_id, item)
        elif isinstance(item, Mapping) and isinstance(item.get("text"), str):
            article = Article(str(item.get("id") or default_id), item["text"], item.get("outlet"), item.get("title"),
                              item.get("url"))
        else:
            raise TypeError(f"item {number}: expected a text, an Article or a mapping with 'text', got {type(item).__name__}")
        articles.append(article if outlet is None else replace(article, outlet=outlet))  # the caller's Article stays as it was
    return articles


def analyze(texts_or_articles: Union[ArticleLike, Iterable[ArticleLike]], outlet: Optional[str] = None, *,
            model: Optional[str] = None, rules: Sequence[Union[str, Path]] = ()) -> Analysis:
    """Analyse one article or many. `outlet` is the articles' own publisher (its name is not
    counted as another outlet); `rules` adds rule folders to the packaged rules. An article
    the pipeline fails on is in `.errors`; the others are analysed."""
    analysis = Analysis()
    for result in _analyzer(model, rules).analyze(as_articles(texts_or_articles, outlet)):
        if isinstance(result, InputError):
            analysis.errors.append(result)
        else:
            analysis.results.append(result)
    return analysis


def load(model: Optional[str] = None, rules: Sequence[Union[str, Path]] = ()):
    """The spaCy pipeline: the English model, sentence boundaries at line breaks, and the
    `sourcing_attributor` component (spans in doc.spans["sourcing_attributions"], the typed
    DocAnalysis in doc._.sourcing)."""
    return _analyzer(model, rules).nlp
