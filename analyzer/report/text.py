"""Readable output for one or a few articles: the scorecard, who is quoted, then every sentence
with its labels."""

from __future__ import annotations

import json

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..labels import BY_NAME, LABEL_TABLE, UNATTRIBUTED
from ..run.local import ArticleResult
from ..score.scorecard import DIMENSIONS, POINTS_PER_DIMENSION
from .html import number
from .tables import SOURCE_SEPARATOR, result_rows


def print_table(result: ArticleResult, console: Console) -> None:
    console.rule(Text(result.article.id, style="bold"))
    console.print(_summary(result))
    console.print(who_is_quoted_table(result))
    sentences = Table(title="Sentences", show_lines=False, header_style="bold", expand=True)
    sentences.add_column("#", justify="right", no_wrap=True)
    sentences.add_column("sentence", ratio=3)
    sentences.add_column("labels", ratio=1)
    sentences.add_column("sources", ratio=1)
    for s in result.sentences:
        labels = Text()
        for label in s.labels:
            labels.append(f"[{label}] ", style=BY_NAME[label].style)
        if s.is_heading:
            labels.append("(heading)", style="dim")
        text = Text(s.text, style="bold" if s.is_heading else "")
        sentences.add_row(str(s.index), text, labels, Text(SOURCE_SEPARATOR.join(s.sources)))
    console.print(sentences)


def _summary(result: ArticleResult) -> Table:
    card = result.scorecard
    summary = Table(title="Sourcing scorecard", show_header=True, header_style="bold")
    summary.add_column("measure")
    summary.add_column("count", justify="right")
    summary.add_column("share", justify="right")
    summary.add_row("sentences (headings left out)", str(card.sentences), "")
    for label in LABEL_TABLE:
        summary.add_row(Text(label.name, style=label.style), str(card.counts[label.name]), f"{card.share(label.name):.0%}")
    unattributed = UNATTRIBUTED.name
    summary.add_row(unattributed, str(card.counts[unattributed]), f"{card.share(unattributed):.0%}")
    summary.add_row("distinct named sources", str(card.distinct_named_sources), "")
    summary.add_row("distinct outlets cited", str(card.distinct_outlets), "")
    for dimension, name in DIMENSIONS.items():
        summary.add_row(f"{dimension} {name} (of {POINTS_PER_DIMENSION})", number(card.dimensions[dimension]), "")
    summary.add_row(Text("score (0-100)", style="bold"), Text(str(card.score), style="bold"), "")
    return summary


def who_is_quoted_table(result: ArticleResult) -> Table:
    """The article's distinct sources (ArticleResult.sources), in order of first mention."""
    table = Table(title="Who is quoted", header_style="bold", expand=True)
    for column, options in (("name", {"ratio": 2}), ("label", {"no_wrap": True}), ("role", {"ratio": 1}),
                            ("spoke to", {"ratio": 1}), ("sentences", {"justify": "right"}),
                            ("first", {"justify": "right"}), ("first mention", {"ratio": 1})):
        table.add_column(column, **options)
    for entry in result.sources:
        label = BY_NAME.get(entry.label)
        # Text(), not markup: a name like "[Reuters]" must print as written.
        table.add_row(Text(entry.name), Text(entry.label, style=label.style if label else ""), Text(entry.role),
                      Text(entry.spoke_to), str(entry.sentences), str(entry.first_sentence), Text(entry.first_mention))
    if not result.sources:
        table.add_row(Text("no sources found", style="dim"), "", "", "", "", "", "")
    return table


def as_json(results: list[ArticleResult]) -> str:
    """`--format json`: every article's scorecard row, sentence rows, attribution rows and sources."""
    out = []
    for r in results:
        rows = result_rows(r)
        out.append({"id": r.article.id, "outlet": r.article.outlet, "scorecard": rows["scorecard"][0],
                    "sentences": rows["sentences"], "attributions": rows["attributions"],
                    "sources": rows["sources"]})
    return json.dumps(out, ensure_ascii=False, indent=1)
