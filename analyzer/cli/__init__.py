"""The `sourcing` command. Each command is a thin typer wrapper around a plain function;
only this layer turns errors into messages and exit codes:
0 all inputs analysed, 1 some inputs failed (the rest were still written), 2 usage error,
3 a run that could not finish (a Dask cluster that lost its workers; nothing written).
"""

from __future__ import annotations

import typer

from .analyze import analyze_command
from .bench import bench_command
from .calibrate import calibrate_command
from .explain import explain_command
from .evaluate import evaluate_command
from .rules import rules_app
from .serve import serve_command

app = typer.Typer(
    name="sourcing",
    help="Show who says so in a news article: attributions, source labels per sentence, a sourcing scorecard.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("analyze")(analyze_command)
app.command("explain")(explain_command)
app.command("bench")(bench_command)
app.add_typer(rules_app, name="rules")
app.command("evaluate")(evaluate_command)
app.command("calibrate")(calibrate_command)
app.command("serve")(serve_command)


def main() -> None:
    app()
