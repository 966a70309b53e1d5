"""sentences.csv, attributions.csv and scorecard.csv, written as articles stream in.

Each file is written under a temporary name and renamed when the run ends, so a reader
never sees half a CSV; pandas writes the rows (quoting, UTF-8, header once).
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from ..analysis import ATTRIBUTION_COLUMNS, SENTENCE_COLUMNS, ArticleResult

FILES = {"sentences": "sentences.csv", "attributions": "attributions.csv", "scorecard": "scorecard.csv"}


class CsvWriter:
    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.temp = {key: self.out_dir / f".{name}.partial" for key, name in FILES.items()}
        self.started: set[str] = set()
        self.scorecard_columns: list[str] | None = None

    def _append(self, key: str, rows: list[dict], columns: list[str]) -> None:
        first = key not in self.started
        if not rows and not first:
            return
        frame = pd.DataFrame(rows, columns=columns)
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
