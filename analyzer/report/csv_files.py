"""sentences.csv, attributions.csv and scorecard.csv, written as articles stream in.

Each file is written under a temporary name and renamed when the run ends, so a reader
never sees half a CSV; pandas writes the rows (quoting, UTF-8, header once).

Formula protection: a text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
return is one a spreadsheet may run as a formula (CSV injection, OWASP). Such a cell is
written with a leading `'`, which spreadsheets show as text; `raw=True` (`--raw-csv`)
writes every cell exactly as it is. Numbers are never touched.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Iterable

import pandas as pd

from ..run.local import ANONYMOUS_COLUMNS, ATTRIBUTION_COLUMNS, SENTENCE_COLUMNS, ArticleResult

FILES = {"sentences": "sentences.csv", "attributions": "attributions.csv", "scorecard": "scorecard.csv"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def protect_cell(value):
    """A text cell a spreadsheet would run as a formula, prefixed with `'`; anything else as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def protect_rows(rows: Iterable[dict]) -> list[dict]:
    return [{key: protect_cell(value) for key, value in row.items()} for row in rows]


def write_rows(stream: IO[str], rows: list[dict], columns: list[str], header: bool = True, raw: bool = False) -> None:
    """CSV rows to an open text stream (for `--format csv`), protected unless `raw`."""
    frame = pd.DataFrame(rows if raw else protect_rows(rows), columns=columns)
    frame.to_csv(stream, header=header, index=False)


OUTPUT_FORMATS = ("csv", "jsonl", "parquet")


def output_names(output_format: str = "csv") -> dict[str, str]:
    return {key: name.replace(".csv", f".{output_format}") for key, name in FILES.items()}


class CsvWriter:
    """The three tables, as CSV (default), JSONL or Parquet; `resume` keeps the rows an earlier
    run wrote and appends the new ones."""

    def __init__(self, out_dir: Path, raw: bool = False, output_format: str = "csv", resume: bool = False):
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.raw = raw or output_format != "csv"  # formula protection is for spreadsheets, i.e. CSV
        self.format = output_format
        self.names = output_names(output_format)
        self.temp = {key: self.out_dir / f".{name}.partial" for key, name in self.names.items()}
        self.started: set[str] = set()
        self.scorecard_columns: list[str] | None = None
        self.parquet: dict = {}
        self.handles: dict = {}
        if resume:
            self._keep_earlier_rows()

    def _keep_earlier_rows(self) -> None:
        for key, name in self.names.items():
            final = self.out_dir / name
            if not final.exists():
                continue
            if self.format == "parquet":
                import pyarrow.parquet as pq

                self._append(key, pq.read_table(final).to_pylist(), None)
            else:
                import shutil

                shutil.copyfile(final, self.temp[key])
                self.started.add(key)
                if key == "scorecard" and self.format == "csv":
                    self.scorecard_columns = list(pd.read_csv(final, nrows=0).columns)

    def _append(self, key: str, rows: list[dict], columns) -> None:
        first = key not in self.started
        if not rows and not first:
            return
        if self.format == "csv":
            # The csv module on a file kept open: the same text as pandas' to_csv, a tenth of the time.
            self._append_csv(key, rows if self.raw else protect_rows(rows), columns, first)
            self.started.add(key)
            return
        frame = pd.DataFrame(rows if self.raw else protect_rows(rows), columns=columns)
        if self.format == "jsonl":
            frame.to_json(self.temp[key], orient="records", lines=True, force_ascii=False, mode="w" if first else "a")
        else:
            self._append_parquet(key, frame)
        self.started.add(key)

    def _append_csv(self, key: str, rows: list[dict], columns, first: bool) -> None:
        import csv

        handle = self.handles.get(key)
        if handle is None:
            handle = self.handles[key] = open(self.temp[key], "w" if first else "a", encoding="utf-8", newline="")
        columns = list(columns) if columns is not None else list(rows[0]) if rows else []
        writer = csv.writer(handle, lineterminator="\n")
        if first:
            writer.writerow(columns)
        writer.writerows([["" if row.get(c) is None else row.get(c) for c in columns] for row in rows])

    def _append_parquet(self, key: str, frame: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        # Mixed cells (a number here, empty there) become text, so every batch has one schema.
        for column in frame.columns:
            if frame[column].dtype == object or column in ANONYMOUS_COLUMNS:
                frame[column] = frame[column].map(lambda v: None if v is None or v == "" else str(v)).astype("string")
        if key not in self.parquet:
            table = pa.Table.from_pandas(frame, preserve_index=False)
            schema = pa.schema([f if not pa.types.is_null(f.type) else pa.field(f.name, pa.string()) for f in table.schema])
            self.parquet[key] = pq.ParquetWriter(self.temp[key], schema)
        writer = self.parquet[key]
        writer.write_table(pa.Table.from_pandas(frame, schema=writer.schema, preserve_index=False))

    def write(self, result: ArticleResult) -> None:
        self._append("sentences", result.sentences, SENTENCE_COLUMNS)
        self._append("attributions", result.attributions, ATTRIBUTION_COLUMNS)
        if self.scorecard_columns is None:
            self.scorecard_columns = list(result.scorecard)
        self._append("scorecard", [result.scorecard], self.scorecard_columns)

    def close(self) -> list[Path]:
        written = []
        for key, name in self.names.items():
            if key not in self.started:
                columns = {"sentences": SENTENCE_COLUMNS, "attributions": ATTRIBUTION_COLUMNS}.get(key, ["article_id"])
                self._append(key, [], columns)
            if key in self.parquet:
                self.parquet.pop(key).close()
            if key in self.handles:
                self.handles.pop(key).close()
            final = self.out_dir / name
            os.replace(self.temp[key], final)
            written.append(final)
        return written
