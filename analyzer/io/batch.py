"""Batch runs: errors.csv for the inputs that failed, and what an earlier run already did (--resume).

`write_errors_csv(out_dir, errors)` writes `errors.csv` (`article_id, input, line, stage,
message`) atomically: a temporary file in the same folder, then os.replace, so a reader sees
the old file or the new one, never half of one.

`done_article_ids(out_dir)` is the set of article ids an earlier run finished: the ids in its
`scorecard.csv` (one row per analysed article, the last thing written for it), or, if there
is no scorecard, in its `sentences.csv`. `skip_done(items, done)` drops those articles from a
stream of read_inputs items (errors pass through, so they are reported again).
"""

from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path
from typing import Iterable, Iterator, Optional

from ..errors import InputError
from ..report.tables import ERROR_COLUMNS, error_row, unprotect_cell, write_csv
from .articles import Article, Item
from .feeds import _raise_csv_field_limit

ERRORS_FILE = "errors.csv"
RESUME_FILES = ("scorecard.csv", "sentences.csv")  # in order of preference

__all__ = ["ERRORS_FILE", "ERROR_COLUMNS", "RESUME_FILES", "done_article_ids", "skip_done", "write_errors_csv"]


def write_errors_csv(out_dir: str | os.PathLike, errors: Iterable[InputError], raw: bool = False) -> Path:
    """Write every error (in the order given) to out_dir/errors.csv; a header row even when
    there are none. Text cells are formula-protected unless `raw` (report/tables.py, the one
    CSV edge). Returns the path."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    final = out / ERRORS_FILE
    handle, temp_name = tempfile.mkstemp(prefix=f".{ERRORS_FILE}.", suffix=".partial", dir=out)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            write_csv(stream, (error_row(error) for error in errors), ERROR_COLUMNS, raw=raw)
        os.replace(temp_name, final)
    except BaseException:
        try:
            os.unlink(temp_name)
        except FileNotFoundError:
            pass
        raise
    return final


def done_article_ids(out_dir: str | os.PathLike, raw: bool = False) -> set[str]:
    """Ids of the articles an earlier run wrote to out_dir (empty if it wrote nothing).

    Reads only the `article_id` column, row by row. `raw` says the files were written
    without formula protection (else a leading "'" before "=", "+", "-", "@" is removed).
    """
    out = Path(out_dir)
    for name in RESUME_FILES:
        path = out / name
        if path.is_file():
            return _ids_in(path, raw)
    for name in ("scorecard.parquet", "scorecard.jsonl"):  # tables written with --output-format
        path = out / name
        if path.is_file():
            return _ids_in_table(path)
    return set()


def _ids_in_table(path: Path) -> set[str]:
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        return {str(v) for v in pq.read_table(path, columns=["article_id"]).column("article_id").to_pylist() if v}
    import json

    ids = set()
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                ids.add(str(json.loads(line).get("article_id", "")))
    ids.discard("")
    return ids


def _ids_in(path: Path, raw: bool) -> set[str]:
    ids: set[str] = set()
    _raise_csv_field_limit()  # a sentence can be longer than the csv module's 128 KiB default
    with path.open("r", encoding="utf-8-sig", newline="") as stream:
        reader = csv.reader(stream)
        header = next(reader, None)
        if not header or "article_id" not in header:
            return ids
        column = header.index("article_id")
        for row in reader:
            if len(row) > column and row[column] != "":
                ids.add(row[column] if raw else unprotect_cell(row[column]))
    return ids


def skip_done(items: Iterable[Item], done: set[str], skipped: Optional[list] = None) -> Iterator[Item]:
    """The items whose article id is not in `done`; errors always pass. Skipped articles are
    appended to `skipped` if given (to report "skipped N already done")."""
    for item in items:
        if isinstance(item, Article) and item.id in done:
            if skipped is not None:
                skipped.append(item)
            continue
        yield item
