"""`sourcing bench`: throughput next to spaCy's own, parallel speed-up, memory, start-up."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .analyze import Engine


def bench_command(
    articles: Annotated[int, typer.Option("--articles", min=10, help="Article-length texts in the corpus.")] = 500,
    jobs: Annotated[int, typer.Option("--jobs", min=1, help="Worker processes for the parallel run.")] = 2,
    work_dir: Annotated[Optional[Path], typer.Option("--work-dir", help="Where to write the corpus and outputs (default: a temporary folder).")] = None,
    engine: Annotated[Engine, typer.Option("--engine", help="dask: also measure a cluster of --jobs workers (at least 2) started with the dask CLI on 127.0.0.1 against --jobs 1.")] = Engine.local,
) -> None:
    """Measure, in one run on this machine: spaCy alone vs `sourcing analyze` with CSV output, --jobs N vs 1,
    (with --engine dask) a Dask cluster vs --jobs 1, peak memory as the input grows tenfold, model load and start-up times."""
    from ..run.bench import run_bench

    report = run_bench(articles=articles, jobs=jobs, work_dir=work_dir, engine=engine.value)
    for line in report.lines():
        typer.echo(line)
