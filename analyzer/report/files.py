"""report.html and report.md under `--out`, as articles stream in.

One article: DIR/report.html and DIR/report.md. Several: DIR/reports/<id>.html and
DIR/reports/<id>.md (ids made file-name safe and unique) plus DIR/index.html, which ranks
them by score. The first article is held back until the second arrives (or the run ends),
because only then is it known which layout applies. Every file is written under a
temporary name and renamed, like the CSV files.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Optional

from ..run.local import ArticleResult
from .html import index_entry, render_index, render_report
from .markdown import render_markdown

REPORTS_DIR = "reports"
WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def safe_stem(article_id: str, max_length: int = 80) -> str:
    """A file name for an article id: letters, digits, `-`, `_` and `.` only, no leading dot,
    not a reserved device name; never empty."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", article_id).strip("._") or "article"
    stem = stem[:max_length].rstrip("._") or "article"
    if stem.lower() in WINDOWS_RESERVED:
        stem = "_" + stem
    return stem


def write_atomic(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.partial")
    temp.write_text(text, encoding="utf-8", newline="\n")
    os.replace(temp, path)
    return path


def write_single_report(result: ArticleResult, out_dir: Path) -> list[Path]:
    """DIR/report.html and DIR/report.md for a run of one article."""
    out_dir = Path(out_dir)
    return [write_atomic(out_dir / "report.html", render_report(result)),
            write_atomic(out_dir / "report.md", render_markdown(result))]


class ReportFiles:
    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self.first: Optional[ArticleResult] = None
        self.count = 0
        self.entries: list[dict] = []
        self.used: set[str] = set()
        self.written: list[Path] = []

    def _stem(self, article_id: str) -> str:
        stem = base = safe_stem(article_id)
        number = 2
        while stem.lower() in self.used:  # case-insensitive: two ids must not share a file on macOS/Windows
            stem = f"{base}-{number}"
            number += 1
        self.used.add(stem.lower())
        return stem

    def _write_one_of_several(self, result: ArticleResult) -> None:
        stem = self._stem(result.article.id)
        folder = self.out_dir / REPORTS_DIR
        self.written.append(write_atomic(folder / f"{stem}.html", render_report(result)))
        self.written.append(write_atomic(folder / f"{stem}.md", render_markdown(result)))
        self.entries.append(index_entry(result, f"{REPORTS_DIR}/{stem}.html"))

    def write(self, result: ArticleResult) -> None:
        self.count += 1
        if self.count == 1:
            self.first = result
            return
        if self.first is not None:
            self._write_one_of_several(self.first)
            self.first = None
        self._write_one_of_several(result)

    def close(self) -> list[Path]:
        if self.count == 1 and self.first is not None:
            self.written.extend(write_single_report(self.first, self.out_dir))
            self.first = None
        elif self.count > 1:
            self.written.append(write_atomic(self.out_dir / "index.html", render_index(self.entries)))
        return self.written
