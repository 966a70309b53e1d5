"""sentences.csv, attributions.csv, scorecard.csv and sources.csv (or .jsonl, .parquet), written as
articles stream in.

Each file is written under a temporary name and renamed when the run ends, so a reader
never sees half a table. The rows, the formula protection of CSV cells and the CSV text
itself come from report/tables.py, the one edge; JSONL and Parquet are written by pandas
and pyarrow from the same rows.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..run.local import ArticleResult
from .tables import (ANONYMOUS_COLUMNS, ATTRIBUTION_COLUMNS, SENTENCE_COLUMNS, SOURCE_COLUMNS, columns_of,
                     result_rows, write_csv)

FILES = {"sentences": "sentences.csv", "attributions": "attributions.csv", "scorecard": "scorecard.csv",
         "sources": "sources.csv"}
FIXED_COLUMNS = {"sentences": SENTENCE_COLUMNS, "attributions": ATTRIBUTION_COLUMNS, "sources": SOURCE_COLUMNS}
OUTPUT_FORMATS = ("csv", "jsonl", "parquet")

if TYPE_CHECKING:
    import pandas as pd


def output_names(output_format: str = "csv") -> dict[str, str]:
    return {key: name.replace(".csv", f".{output_format}") for key, name in FILES.items()}


class CsvWriter:
    """The four tables, as CSV (default), JSONL or Parquet; `resume` keeps the rows an earlier
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
                    with final.open(encoding="utf-8", newline="") as stream:
                        self.scorecard_columns = next(csv.reader(stream), [])

    def _append(self, key: str, rows: list[dict], columns, closing: bool = False) -> None:
        first = key not in self.started
        if not rows and not first:
            return
        if self.format == "csv":
            self._append_csv(key, rows, columns, first)
            self.started.add(key)
            return
        if not rows and self.format == "parquet" and not closing:
            return  # the schema comes from the first rows: an article with no attributions has none
        import pandas as pd  # JSONL and Parquet only: pandas costs a CSV run a second of start-up

        frame = pd.DataFrame(rows, columns=columns)  # JSONL and Parquet are not for spreadsheets: never protected
        if self.format == "jsonl":
            frame.to_json(self.temp[key], orient="records", lines=True, force_ascii=False, mode="w" if first else "a")
        else:
            self._append_parquet(key, frame)
        self.started.add(key)

    def _append_csv(self, key: str, rows: list[dict], columns, first: bool) -> None:
        handle = self.handles.get(key)
        if handle is None:
            handle = self.handles[key] = open(self.temp[key], "w" if first else "a", encoding="utf-8", newline="")
        write_csv(handle, rows, columns_of(rows, columns), header=first, raw=self.raw)

    def _append_parquet(self, key: str, frame: "pd.DataFrame") -> None:
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
        rows = result_rows(result)
        self._append("sentences", rows["sentences"], SENTENCE_COLUMNS)
        self._append("attributions", rows["attributions"], ATTRIBUTION_COLUMNS)
        if self.scorecard_columns is None:
            self.scorecard_columns = list(rows["scorecard"][0])
        self._append("scorecard", rows["scorecard"], self.scorecard_columns)
        self._append("sources", rows["sources"], SOURCE_COLUMNS)

    def close(self) -> list[Path]:
        written = []
        for key, name in self.names.items():
            if key not in self.started:
                columns = FIXED_COLUMNS.get(key, ["article_id"])
                self._append(key, [], columns, closing=True)
            if key in self.parquet:
                self.parquet.pop(key).close()
            if key in self.handles:
                self.handles.pop(key).close()
            final = self.out_dir / name
            os.replace(self.temp[key], final)
            written.append(final)
        return written
