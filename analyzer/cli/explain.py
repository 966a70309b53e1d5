"""`sourcing explain ARTICLE`: the scorecard's checklist with the sentences behind each check."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, List, Optional

import typer

from .exits import EXIT_INPUT_ERRORS, usage_errors


def explain_command(
    inputs: Annotated[List[str], typer.Argument(help="Articles, as for `sourcing analyze`.", show_default=False)],
    outlet: Annotated[Optional[str], typer.Option("--outlet", help="The article's own publisher.")] = None,
    model: Annotated[Optional[str], typer.Option("--model", help="spaCy pipeline (package name or path).")] = None,
    rules: Annotated[Optional[List[Path]], typer.Option("--rules", help="A folder of rule files that add to or replace the packaged ones.")] = None,
) -> None:
    """Print the sourcing checklist (Named, Authoritative, Multiple, Verify, Independent) with its evidence sentences."""
    from rich.console import Console

    from ..errors import InputError
    from ..io.ingest import read_inputs, with_outlet
    from ..run.local import Analyzer
    from ..report.checklist import print_checklist, print_dimensions

    console = Console(highlight=False)
    errors = 0
    with usage_errors():
        analyzer = Analyzer(model=model, rules_dirs=rules or [])

    for result in analyzer.analyze(with_outlet(read_inputs(inputs), outlet)):
        if isinstance(result, InputError):
            typer.echo(f"error: {result.one_line()}", err=True)
            errors += 1
            continue
        console.rule(result.article.id, style="bold")
        print_dimensions(result, console)
        print_checklist(result, console)
    if errors:
        raise typer.Exit(EXIT_INPUT_ERRORS)
