"""The `sourcing` command. Each command is a thin typer wrapper around a plain function;
only this layer turns errors into messages and exit codes:
0 all inputs analysed, 1 some inputs failed (the rest were still written), 2 usage error,
3 a run that could not finish (a Dask cluster that lost its workers; nothing written).
"""

from __future__ import annotations

import gc

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


# The cyclic collector's thresholds for a run of the command. Start-up makes some 130,000
# tracked objects that live until the process ends (spaCy, the model, the compiled rules). At
# Python's default (700, 10, 10) the collector ran ~400 times while they were made, three of
# them full passes over everything, and found next to nothing to free: 0.1-0.3 s of a
# one-article run. Ten times fewer young collections cut that to ~35 and no full pass; the
# peak memory of a 200-article run stayed the same (390 MB).
COLLECTOR_THRESHOLDS = (7_000, 10, 10)


def main() -> None:
    # The process's own settings, so not applied when a test runs the app.
    gc.set_threshold(*COLLECTOR_THRESHOLDS)
    try:
        app()
    finally:
        # The process is about to end: what it built goes to the permanent generation, which the
        # collector leaves alone at shutdown, and the system takes the memory back at once.
        # Otherwise the interpreter's last collection and teardown visit and free those objects
        # one by one: 0.25-0.45 s after a one-article run (0.07 s with this). Files are closed
        # and the exit handlers (multiprocessing, temporary folders) run as before.
        gc.freeze()
