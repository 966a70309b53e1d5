"""`sourcing rules check DIR`: validate a rule folder and run every rule's own examples."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, List

import typer

from .exits import usage_errors

rules_app = typer.Typer(help="Inspect and test rule files.", no_args_is_help=True)


@rules_app.command("check")
def check_command(
    dirs: Annotated[List[Path], typer.Argument(help="Rule folders to check (the packaged rules are included).")],
    model: Annotated[str, typer.Option("--model", help="spaCy pipeline to run the examples with.")] = None,
) -> None:
    """Validate rule files and run each rule's examples: 'match' sentences must fire the rule, 'no_match' must not."""
    from ..rules.check import check_rules

    with usage_errors():
        report = check_rules(dirs, model)
    for failure in report.failures:
        typer.echo(f"FAIL {failure}")
    typer.echo(f"{report.rules} rules in {report.files} files; {report.examples} examples, "
               f"{report.examples - len(report.failures)} passed, {len(report.failures)} failed")
    if report.failures:
        raise typer.Exit(1)
