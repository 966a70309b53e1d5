"""The work behind `sourcing analyze`: read the inputs, analyse them, write and print the outputs.

`run_analysis(inputs, out=..., output_format=...)` is a plain function with keyword-only
options that can be called from Python; cli/analyze.py is a thin typer wrapper around it that
checks the options and turns the summary into an exit code.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterator, Optional

from rich.console import Console

from ..errors import InputError
from ..io.batch import done_article_ids, skip_done, write_errors_csv
from ..io.ingest import ReadOptions, read_inputs, with_outlet
from ..report.csv_files import CsvWriter
from ..report.files import ReportFiles
from ..report.tables import SENTENCE_COLUMNS, result_rows, write_csv
from .local import ArticleResult

PRINT_FORMATS = ("table", "csv", "json", "markdown", "html")


@dataclass
class RunSummary:
    articles: int = 0
    errors: list = field(default_factory=list)
    written: list = field(default_factory=list)


def run_analysis(inputs: list[str], *, out: Optional[Path] = None, outlet: Optional[str] = None,
                 model: Optional[str] = None, rules: Optional[list[Path]] = None,
                 output_format: Optional[str] = None, stdout: Optional[IO[str]] = None,
                 stderr: Optional[IO[str]] = None, raw_csv: bool = False, jobs: int = 1,
                 read_options: Optional[ReadOptions] = None, output_table_format: str = "csv",
                 resume: bool = False, write_reports: bool = True) -> RunSummary:
    """Analyse every input; write the tables and reports to `out` and/or print in
    `output_format` (one of PRINT_FORMATS; "table" when there is no `out`). Raises only for
    problems with the whole run (rules, model); bad inputs are collected in the summary. CSV
    cells that a spreadsheet would run as formulas get a leading ' unless `raw_csv`."""
    err = Console(file=stderr or sys.stderr, highlight=False, soft_wrap=True, emoji=False, markup=False)
    if output_format is None and out is None:
        output_format = "table"
    analyzer = _analyzer(jobs, model, rules or [])
    done = done_article_ids(out, raw=raw_csv) if (resume and out is not None) else set()
    files = OutputFiles(out, raw_csv, output_table_format, resume, write_reports) if out is not None else None
    printer = _Printer(output_format, stdout or sys.stdout, raw_csv)
    summary = RunSummary()
    progress = _Progress(err)
    try:
        for result in analyzer.analyze(_items(inputs, read_options or ReadOptions(), done, outlet)):
            if isinstance(result, InputError):
                summary.errors.append(result)
                err.print(f"error: {result.one_line()}", markup=False)
                continue
            summary.articles += 1
            progress.advance(summary.articles)
            if files is not None:
                files.write(result)
            printer.write(result, summary.articles)
    finally:
        progress.stop()
        if files is not None:
            summary.written = files.close(summary.errors)
    printer.close()
    if out is not None:
        err.print(f"wrote {summary.articles} article(s) to {out}"
                  + (f"; {len(summary.errors)} input(s) failed" if summary.errors else ""), markup=False)
    return summary


def _analyzer(jobs: int, model: Optional[str], rules: list[Path]):
    if jobs > 1:
        from .parallel import ParallelAnalyzer

        return ParallelAnalyzer(jobs, model=model, rules_dirs=rules)
    from .local import Analyzer

    return Analyzer(model=model, rules_dirs=rules)


def _items(inputs: list[str], options: ReadOptions, done: set[str], outlet: Optional[str]) -> Iterator:
    """The inputs' articles (and input errors), less those already done; `outlet` set on each."""
    yield from with_outlet(skip_done(read_inputs(inputs, options=options), done), outlet)


class OutputFiles:
    """What a run writes to --out: the tables, the reports, and errors.csv at the end (the web
    server writes the same files into a temporary folder, for its zip)."""

    def __init__(self, out: Path, raw_csv: bool, table_format: str, resume: bool, write_reports: bool):
        self.out = out
        self.raw_csv = raw_csv
        self.tables = CsvWriter(out, raw=raw_csv, output_format=table_format, resume=resume)
        self.reports = ReportFiles(out) if write_reports else None

    def write(self, result: ArticleResult) -> None:
        self.tables.write(result)
        if self.reports is not None:
            self.reports.write(result)

    def close(self, errors: list) -> list[Path]:
        written = self.tables.close() + (self.reports.close() if self.reports is not None else [])
        # errors.csv lists every input that failed (empty when none did), written atomically
        return written + [write_errors_csv(self.out, errors, raw=self.raw_csv)]


class _Printer:
    """What a run prints to stdout: each article as it comes (table, csv, markdown), or all of
    them at the end (json, html)."""

    def __init__(self, output_format: Optional[str], stdout: IO[str], raw_csv: bool):
        self.format = output_format
        self.stdout = stdout
        self.raw_csv = raw_csv
        self.kept: list[ArticleResult] = []

    def write(self, result: ArticleResult, number: int) -> None:
        if self.format == "table":
            from ..report.text import print_table

            print_table(result, Console(file=self.stdout, soft_wrap=False, width=160))
        elif self.format == "csv":
            write_csv(self.stdout, result_rows(result)["sentences"], SENTENCE_COLUMNS, header=number == 1,
                      raw=self.raw_csv)
        elif self.format == "markdown":
            from ..report.markdown import render_markdown

            self.stdout.write(("\n---\n\n" if number > 1 else "") + render_markdown(result))
        elif self.format in ("json", "html"):
            self.kept.append(result)

    def close(self) -> None:
        if self.format == "json":
            from ..report.text import as_json

            self.stdout.write(as_json(self.kept) + "\n")
        elif self.format == "html" and self.kept:
            from ..report.html import render_bundle, render_report

            self.stdout.write(render_report(self.kept[0]) if len(self.kept) == 1 else render_bundle(self.kept))


class _Progress:
    """A progress bar on stderr, from the second article on (one article needs none)."""

    def __init__(self, console: Console):
        self.console = console
        self.bar = None
        self.task = None

    def advance(self, articles: int) -> None:
        if articles == 2 and self.bar is None:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

            self.bar = Progress(SpinnerColumn(), TextColumn("analysing"), BarColumn(), MofNCompleteColumn(),
                                console=self.console, transient=False)
            self.bar.start()
            self.task = self.bar.add_task("articles", total=None, completed=1)
        if self.bar is not None:
            self.bar.advance(self.task)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
