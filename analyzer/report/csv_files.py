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

from ..analysis import ATTRIBUTION_COLUMNS, SENTENCE_COLUMNS, ArticleResult

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


class CsvWriter:
    def __init__(self, out_dir: Path, raw: bool = False):
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.raw = raw
        self.temp = {key: self.out_dir / f".{name}.partial" for key, name in FILES.items()}
        self.started: set[str] = set()
        self.scorecard_columns: list[str] | None = None

    def _append(self, key: str, rows: list[dict], columns: list[str]) -> None:
        first = key not in self.started
        if not rows and not first:
            return
        frame = pd.DataFrame(rows if self.raw else protect_rows(rows), columns=columns)
        frame.to_csv(self.temp[key], mode="w" if first else "a", header=first, index=False, encoding="utf-8")
        self.started.add(key)

    def write(self, result: ArticleResult) -> None:
        self._append("sentences", result.sentences, SENTENCE_COLUMNS)
        self._append("attributions", result.attributions, ATTRIBUTION_COLUMNS)
        if self.scorecard_columns is None:
            self.scorecard_columns = list(result.scorecard)
        self._append("scorecard", [result.scorecard], self.scorecard_columns)

    def close(self) -> list[Path]:
        written = []
        for key, name in FILES.items():
            if key not in self.started:
                columns = {"sentences": SENTENCE_COLUMNS, "attributions": ATTRIBUTION_COLUMNS}.get(key, ["article_id"])
                self._append(key, [], columns)
            final = self.out_dir / name
            os.replace(self.temp[key], final)
            written.append(final)
        return written
