"""The scorecard's checklist for a reader: each check, its points, and the sentences it rests on."""

from __future__ import annotations

import textwrap

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..run.local import ArticleResult
from ..score.scorecard import DIMENSIONS, POINTS_PER_DIMENSION
from .html import STATUS_TEXT

STATUS_STYLE = {"pass": "green", "partial": "yellow", "fail": "bold red", "n/a": "dim"}
SHOWN_SENTENCES = 4


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


def _shown(text: str, limit: int = 160) -> str:
    """A sentence cut at a word boundary, never mid-word."""
    return textwrap.shorten(" ".join(text.split()), width=limit, placeholder=" …")


def _sentence_lines(label: str, indices: list[int], text_of: dict[int, str], console: Console, style: str) -> None:
    if not indices:
        return
    console.print(Padding(Text(f"{label}:", style="dim"), (0, 0, 0, 10)))
    for index in indices[:SHOWN_SENTENCES]:
        # Padding keeps the indent on every wrapped line, in a narrow terminal and when piped.
        console.print(Padding(Text(f"[{index}] {_shown(text_of.get(index, ''))}", style=style), (0, 0, 0, 12)))
    if len(indices) > SHOWN_SENTENCES:
        console.print(Padding(Text(f"… and {len(indices) - SHOWN_SENTENCES} more", style="dim"), (0, 0, 0, 12)))


def print_checklist(result: ArticleResult, console: Console, with_sentences: bool = True) -> None:
    card = result.scorecard
    text_of = {s.index: s.text for s in result.sentences}
    for letter, name in DIMENSIONS.items():
        console.print(Text(f"{letter} {name}: {card.dimensions[letter]:g}/{POINTS_PER_DIMENSION}", style="bold"))
        for check in (c for c in card.checks if c.dimension == letter):
            line = Text()
            line.append(f"{STATUS_TEXT[check.status]:10}", style=STATUS_STYLE[check.status])
            line.append(f" {check.id} {check.title}  ")
            line.append(f"({check.points:g}/{check.max_points:g})", style="bold")
            console.print(Padding(line, (0, 0, 0, 2)))
            console.print(Padding(Text(check.explanation, style="dim"), (0, 0, 0, 10)))
            if check.why:
                console.print(Padding(Text(f"Why it matters: {check.why}", style="italic dim"), (0, 0, 0, 10)))
            if with_sentences:
                _sentence_lines("earns points", check.evidence, text_of, console, "green")
                _sentence_lines("costs points", check.against, text_of, console, "red")
    raised = [f for f in card.flags if f.raised]
    console.print(Text("Flags (shown, not scored)", style="bold"))
    if not raised:
        console.print(Text("  none", style="dim"))
    for flag in raised:
        console.print(Text(f"  ⚑ {flag.id} {flag.title}: sentences {', '.join(map(str, flag.evidence))}", style="yellow"))
