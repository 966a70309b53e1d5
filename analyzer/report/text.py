"""Readable output for one or a few articles: the scorecard, then every sentence with its labels."""

from __future__ import annotations

import json

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .. import LABELS
from ..run.local import ArticleResult

LABEL_STYLE = {
    "named-official": "bold blue", "anonymous": "bold red", "satellite-imagery": "bold magenta",
    "secondary-outlet": "bold yellow", "named-other": "bold green", "document": "bold cyan",
}


def print_table(result: ArticleResult, console: Console) -> None:
    card = result.scorecard
    console.rule(Text(result.article.id, style="bold"))
    summary = Table(title="Sourcing scorecard", show_header=True, header_style="bold")
    summary.add_column("measure")
    summary.add_column("count", justify="right")
    summary.add_column("share", justify="right")
    summary.add_row("sentences (headings left out)", str(card["sentences"]), "")
    for label in LABELS:
        summary.add_row(Text(label, style=LABEL_STYLE[label]), str(card[f"{label}_count"]), f"{card[f'{label}_share']:.0%}")
    summary.add_row("unattributed", str(card["unattributed_count"]), f"{card['unattributed_share']:.0%}")
    summary.add_row("distinct named sources", str(card["distinct_named_sources"]), "")
    summary.add_row("distinct outlets cited", str(card["distinct_outlets"]), "")
    summary.add_row(Text("score (0-100)", style="bold"), Text(str(card["score"]), style="bold"), "")
    console.print(summary)
    sentences = Table(title="Sentences", show_lines=False, header_style="bold", expand=True)
    sentences.add_column("#", justify="right", no_wrap=True)
    sentences.add_column("sentence", ratio=3)
    sentences.add_column("labels", ratio=1)
    sentences.add_column("sources", ratio=1)
    for s in result.sentences:
        labels = Text()
        for label in filter(None, s["labels"].split(";")):
            labels.append(f"[{label}] ", style=LABEL_STYLE[label])
        if s["is_heading"]:
            labels.append("(heading)", style="dim")
        text = Text(s["text"], style="bold" if s["is_heading"] else "")
        sentences.add_row(str(s["sentence_index"]), text, labels, Text(s["sources"]))
    console.print(sentences)


def as_json(results: list[ArticleResult]) -> str:
    return json.dumps([
        {"id": r.article.id, "outlet": r.article.outlet, "scorecard": r.scorecard,
         "sentences": r.sentences, "attributions": r.attributions}
        for r in results
    ], ensure_ascii=False, indent=1)
