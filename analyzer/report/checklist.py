"""The scorecard's checklist for a reader: each check, its points, and the sentences it rests on."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..run.local import ArticleResult
from ..score.scorecard import DIMENSIONS, POINTS_PER_DIMENSION
from .html import STATUS_TEXT

STATUS_STYLE = {"pass": "green", "fail": "bold red", "n/a": "dim"}


def print_dimensions(result: ArticleResult, console: Console) -> None:
    card = result.scorecard
    table = Table(title=f"Sourcing score {card.total:.0f}/100 (coverage at least {card.coverage:.0%}, "
                        f"confidence {card.confidence}{': ' + card.confidence_reason if card.confidence_reason else ''})",
                  header_style="bold")
    table.add_column("dimension")
    table.add_column("points", justify="right")
    table.add_column("", min_width=20)
    for letter, name in DIMENSIONS.items():
        points = card.dimensions[letter]
        bar = "█" * int(round(points)) + "░" * (POINTS_PER_DIMENSION - int(round(points)))
        table.add_row(f"{letter} {name}", f"{points:g}/{POINTS_PER_DIMENSION}", bar)
    console.print(table)


def print_checklist(result: ArticleResult, console: Console, with_sentences: bool = True) -> None:
    card = result.scorecard
    text_of = {s.index: s.text for s in result.sentences}
    for letter, name in DIMENSIONS.items():
        console.print(Text(f"{letter} {name}: {card.dimensions[letter]:g}/{POINTS_PER_DIMENSION}", style="bold"))
        for check in (c for c in card.checks if c.dimension == letter):
            line = Text("  ")
            line.append(f"{STATUS_TEXT[check.status]:7}", style=STATUS_STYLE[check.status])
            line.append(f" {check.id} {check.title}  ")
            line.append(f"({check.points:g}/{check.max_points:g}) {check.explanation}", style="dim")
            console.print(line)
            if with_sentences and check.status != "n/a":
                for index in check.evidence[:6]:
                    console.print(Text(f"        [{index}] {text_of.get(index, '')[:150]}", style="italic"))
                if len(check.evidence) > 6:
                    console.print(Text(f"        … and {len(check.evidence) - 6} more", style="dim"))
    raised = [f for f in card.flags if f.raised]
    console.print(Text("Flags (shown, not scored)", style="bold"))
    if not raised:
        console.print(Text("  none", style="dim"))
    for flag in raised:
        console.print(Text(f"  ⚑ {flag.id} {flag.title}: sentences {', '.join(map(str, flag.evidence))}", style="yellow"))
