"""What a user takes away, built in memory: the zip of the CSV files, report.html and report.md
of one article; for a batch, one zip of everything `sourcing analyze --out` writes (the
tables, errors.csv, reports/<id>.html and .md, index.html).

The files are written by the CLI's own writers into a temporary folder, zipped, and the folder
is removed at once. The page carries each download as a data: URL, so the server keeps nothing
between the response and the download.
"""

from __future__ import annotations

import base64
import io
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..errors import InputError
from ..report.csv_files import CsvWriter
from ..report.files import safe_stem
from ..report.html import index_entry, render_report, report_context
from ..report.markdown import render_markdown
from ..run.analysis import OutputFiles
from ..run.local import ArticleResult
from .settings import megabytes

BATCH_ZIP = "sourcing-reports.zip"


@dataclass(frozen=True)
class Download:
    name: str        # the file name the browser saves it as
    label: str
    data: bytes
    media_type: str

    def view(self) -> dict:
        encoded = base64.b64encode(self.data).decode("ascii")
        return {"name": self.name, "label": self.label, "size": megabytes(len(self.data)),
                "href": f"data:{self.media_type};base64,{encoded}"}


def zip_folder(folder: Path) -> bytes:
    """Every file under `folder`, by its relative path, sorted (in memory)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            archive.write(path, path.relative_to(folder).as_posix())
    return buffer.getvalue()


def article_downloads(result: ArticleResult) -> list[Download]:
    """The CSV files (one zip), report.html and report.md of one article."""
    stem = safe_stem(result.article.id)
    with tempfile.TemporaryDirectory(prefix="sourcing-out-") as folder:
        writer = CsvWriter(Path(folder))
        writer.write(result)
        writer.close()
        tables = zip_folder(Path(folder))
    return [Download(f"{stem}-csv.zip", "CSV files (zip)", tables, "application/zip"),
            Download("report.html", "report.html", render_report(result).encode("utf-8"), "text/html"),
            Download("report.md", "report.md", render_markdown(result).encode("utf-8"), "text/markdown")]


class BatchFiles:
    """A batch's files, written as its articles are analysed; `finish` zips and removes them.
    Keeps, for the page, each article's ranking entry and report view."""

    def __init__(self) -> None:
        self._folder: Optional[tempfile.TemporaryDirectory] = tempfile.TemporaryDirectory(prefix="sourcing-batch-")
        self._files = OutputFiles(Path(self._folder.name), raw_csv=False, table_format="csv", resume=False,
                                  write_reports=True)
        self.entries: list[dict] = []
        self.reports: list[dict] = []

    def add(self, result: ArticleResult) -> None:
        self._files.write(result)
        prefix = f"a{len(self.reports) + 1}-"
        self.entries.append(index_entry(result, f"#{prefix}report"))
        self.reports.append(report_context(result, prefix))

    def finish(self, errors: list[InputError]) -> Download:
        try:
            self._files.close(errors)
            data = zip_folder(Path(self._folder.name))
        finally:
            self.discard()
        return Download(BATCH_ZIP, "everything (zip: CSV files, reports, index.html)", data, "application/zip")

    def discard(self) -> None:
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None
