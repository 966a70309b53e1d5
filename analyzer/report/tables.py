r"""The one edge where records become table rows and CSV text.

Every table the analyzer writes (sentences, attributions, scorecard, sources, errors: as CSV, JSONL,
Parquet, `--format csv` and `--format json`) takes its rows from here, and every CSV is
written by `write_csv`:

- Rows: `sentence_row`, `attribution_row`, `scorecard_row`, `source_row`, `error_row` turn the typed
  records into flat dicts in column order. Labels and rule ids are joined with ";", sources
  with "; "; an attribution without anonymity details has "" in those columns.
- Formula protection: a text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
  return is one a spreadsheet may run as a formula (CSV injection, OWASP). Such a cell is
  written with a leading `'`, which spreadsheets show as text; `raw` (`--raw-csv`) writes
  every cell exactly as it is. Numbers are never touched. Reading back, `unprotect_cell`
  removes the `'` again; a cell that itself began with `'` followed by one of those
  characters cannot be told from a protected one (the documented exception to "reads back
  as written").
- CSV text: the csv module's minimal quoting, "\n" after each row, None as an empty cell,
  booleans as True/False; and every cell holding a line-break character is quoted: not only
  "\n" and "\r" but everything `str.splitlines` breaks at (\v, \f, \x1c-\x1e, \x85, \u2028,
  \u2029), because readers differ in where they end a line. (The csv module on its own
  quotes only the characters of its line terminator, so a lone "\r" went out unquoted and
  every reader split the row there.)
"""

from __future__ import annotations

import csv
from typing import IO, Iterable, Optional, Sequence

from ..labels import LABELS, UNATTRIBUTED
from ..records import Attribution, Sentence

SENTENCE_COLUMNS = ["article_id", "sentence_index", "start_char", "end_char", "is_heading", "text", "labels", "sources",
                    "rule_ids", "paragraph"]
ATTRIBUTION_COLUMNS = ["article_id", "sentence_index", "label", "source", "resolved_source", "cue", "quote_type",
                       "start_char", "end_char", "rule_id", "cue_rule_id", "outlet", "source_key",
                       "anonymity_reason_given", "anonymity_reason", "anonymity_reason_text", "anonymity_requested",
                       "vantage", "vantage_strength", "specificity", "source_count", "anonymous_kind"]
ANONYMOUS_COLUMNS = ATTRIBUTION_COLUMNS[ATTRIBUTION_COLUMNS.index("anonymity_reason_given"):]
SOURCE_COLUMNS = ["article_id", "name", "label", "role", "spoke_to", "sentences", "first_sentence", "first_mention"]
ERROR_COLUMNS = ["article_id", "input", "line", "stage", "message"]

LABEL_SEPARATOR = ";"     # labels and rule ids in one cell
SOURCE_SEPARATOR = "; "   # source names in one cell
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # every character str.splitlines breaks at
ROW_END = "\n"


# -- rows ------------------------------------------------------------------------------

def sentence_row(article_id: str, s: Sentence) -> dict:
    return {
        "article_id": article_id, "sentence_index": s.index, "start_char": s.start_char, "end_char": s.end_char,
        "is_heading": s.is_heading, "text": s.text, "labels": LABEL_SEPARATOR.join(s.labels),
        "sources": SOURCE_SEPARATOR.join(s.sources), "rule_ids": LABEL_SEPARATOR.join(s.rule_ids),
        "paragraph": s.paragraph,
    }


def attribution_row(article_id: str, a: Attribution) -> dict:
    row = {
        "article_id": article_id, "sentence_index": a.sentence_index, "label": a.label, "source": a.source,
        "resolved_source": a.resolved_source, "cue": a.cue, "quote_type": a.quote_type, "start_char": a.start_char,
        "end_char": a.end_char, "rule_id": a.rule_id, "cue_rule_id": a.cue_rule_id, "outlet": a.outlet,
        "source_key": a.source_key,
    }
    details = vars(a.anonymous) if a.anonymous is not None else {}
    for column in ANONYMOUS_COLUMNS:
        row[column] = details.get(column, "")
    return row


def scorecard_row(card) -> dict:
    """One flat row for scorecard.csv (card: a score.scorecard.Scorecard)."""
    row: dict = {"article_id": card.article_id, "sentences": card.sentences, "headings": card.headings}
    for label in (*LABELS, UNATTRIBUTED.name):
        row[f"{label}_count"] = card.counts[label]
        row[f"{label}_share"] = card.share(label)
    row["coverage"] = card.coverage
    row["distinct_named_sources"] = card.distinct_named_sources
    row["distinct_outlets"] = card.distinct_outlets
    for dimension, points in card.dimensions.items():  # N, A, M, V, I
        row[f"dim_{dimension}"] = points
    for check in card.checks:
        row[f"check_{check.id}"] = check.status
    for flag in card.flags:
        row[f"flag_{flag.id}"] = flag.raised
    row["score"] = card.score
    row["confidence"] = card.confidence
    row["rules_version"] = card.rules_version
    return row


def source_row(article_id: str, entry) -> dict:
    """A row of sources.csv (entry: a score.who_is_quoted.SourceEntry): who is quoted."""
    return {
        "article_id": article_id, "name": entry.name, "label": entry.label, "role": entry.role,
        "spoke_to": entry.spoke_to, "sentences": entry.sentences, "first_sentence": entry.first_sentence,
        "first_mention": entry.first_mention,
    }


def error_row(error) -> dict:
    """A row of errors.csv (error: an errors.InputError)."""
    return {
        "article_id": error.article_id or "",
        "input": error.source,
        "line": "" if error.line is None else error.line,
        "stage": error.stage or "read",
        "message": error.message,
    }


def result_rows(result) -> dict[str, list[dict]]:
    """An ArticleResult's rows, by table: sentences, attributions, scorecard, sources."""
    article_id = result.article.id
    return {
        "sentences": [sentence_row(article_id, s) for s in result.sentences],
        "attributions": [attribution_row(article_id, a) for a in result.attributions],
        "scorecard": [scorecard_row(result.scorecard)],
        "sources": [source_row(article_id, entry) for entry in result.sources],
    }


# -- formula protection ----------------------------------------------------------------

def protect_cell(value):
    """A text cell a spreadsheet would run as a formula, prefixed with `'`; anything else as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def unprotect_cell(value: str) -> str:
    """A cell as it was before protect_cell."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_STARTS) else value


def protect_rows(rows: Iterable[dict]) -> list[dict]:
    return [{key: protect_cell(value) for key, value in row.items()} for row in rows]


# -- CSV text --------------------------------------------------------------------------

class _RowEnds:
    """The csv module writes each row with one call to `write`; it quotes a cell holding any
    character of its line terminator, so rows are written ending in LINE_BREAKS (every cell
    with a line break is quoted) and this puts the real row end in its place."""

    def __init__(self, stream: IO[str]):
        self.stream = stream

    def write(self, line: str):
        if not line.endswith(LINE_BREAKS):  # not an assert: it must hold under python -O too
            raise RuntimeError("the csv module wrote a row in more than one piece")
        return self.stream.write(line[:-len(LINE_BREAKS)] + ROW_END)


def csv_writer(stream: IO[str]):
    r"""A csv.writer for `stream` (opened with newline=""): minimal quoting, rows ending in "\n",
    every cell with a line break quoted."""
    return csv.writer(_RowEnds(stream), lineterminator=LINE_BREAKS)


def write_csv(stream: IO[str], rows: Iterable[dict], columns: Sequence[str], header: bool = True,
              raw: bool = False) -> None:
    """CSV rows (dicts) to an open text stream, formula-protected unless `raw`; a missing or
    None cell is empty."""
    writer = csv_writer(stream)
    if header:
        writer.writerow(columns)
    rows = rows if raw else protect_rows(rows)
    writer.writerows([["" if row.get(c) is None else row.get(c) for c in columns] for row in rows])


def columns_of(rows: Sequence[dict], columns: Optional[Sequence[str]] = None) -> list[str]:
    """The columns given, else those of the first row."""
    return list(columns) if columns is not None else list(rows[0]) if rows else []
