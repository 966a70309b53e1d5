"""Tables read back exactly as written (report/tables.py, the one CSV edge).

Random records (every line separator, quotation marks, delimiters, formula prefixes, NUL,
very long fields) go through every writer: CsvWriter as CSV, JSONL and Parquet, errors.csv,
and `--format csv` to a stream; Python's csv module and pandas read them back equal to the
rows that went in. What the formats themselves change, and the tests allow for:
- CSV: every cell is text (None is empty, booleans True/False); a text cell that begins with
  = + - @ tab or CR is written with a leading ' (formula protection) unless raw;
- Parquet: an empty text cell is stored as null, and the anonymity columns as text;
- the csv module reads a cell over 128 KiB only after csv.field_size_limit is raised, and
  pandas reads JSON numbers exactly only with read_json(precise_float=True).
"""

from __future__ import annotations

import csv
import io
import json
import math
import string
import sys

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.errors import InputError
from analyzer.io.batch import write_errors_csv
from analyzer.io.ingest import Article
from analyzer.labels import LABELS
from analyzer.records import AnonymousDetails, Attribution, Sentence
from analyzer.report.csv_files import CsvWriter
from analyzer.report.tables import (ANONYMOUS_COLUMNS, ATTRIBUTION_COLUMNS, ERROR_COLUMNS, LINE_BREAKS,
                                    SENTENCE_COLUMNS, error_row, protect_cell, result_rows, write_csv)
from analyzer.run.local import ArticleResult
from analyzer.score.scorecard import build_scorecard

csv.field_size_limit(sys.maxsize)  # cells of 100,000+ characters

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                          HealthCheck.too_slow])
SPECIAL = list(LINE_BREAKS) + ["\r\n", '"', "'", ",", ";", "; ", "=", "+", "-", "@", "\t", " ", "\x00", "\ufeff", "|"]

char = st.one_of(st.sampled_from(SPECIAL), st.sampled_from(string.ascii_letters + string.digits),
                 st.characters(codec="utf-8"))  # text, not lone surrogates
short_text = st.lists(char, max_size=30).map("".join)
long_text = st.builds(lambda c, n: c * n, st.sampled_from(["a", "\r", "é", '"', "\u2028"]),
                      st.integers(100_000, 140_000))
text = st.one_of(short_text, short_text, short_text, long_text)
optional_text = st.one_of(st.none(), short_text)

details = st.builds(AnonymousDetails, st.booleans(), short_text, short_text, st.booleans(), short_text,
                    st.integers(0, 5), st.integers(0, 3), short_text)


@st.composite
def results(draw) -> ArticleResult:
    sentences = []
    for index in range(draw(st.integers(0, 4))):
        labels = tuple(sorted(draw(st.sets(st.sampled_from(LABELS)))))
        sentences.append(Sentence(index, draw(st.integers(0, 10**6)), draw(st.integers(0, 10**6)), draw(st.booleans()),
                                  draw(text), draw(st.integers(0, 50)), labels,
                                  tuple(draw(st.lists(short_text, max_size=3))), tuple(draw(st.lists(short_text, max_size=3)))))
    attributions = []
    for _ in range(draw(st.integers(0, 4)) if sentences else 0):
        attributions.append(Attribution(
            draw(st.integers(0, len(sentences) - 1)), draw(st.sampled_from(LABELS)), draw(text), draw(short_text),
            draw(short_text), draw(short_text), draw(st.integers(0, 10**6)), draw(st.integers(0, 10**6)),
            draw(short_text), draw(short_text), draw(optional_text), draw(st.booleans()), draw(optional_text),
            draw(st.one_of(st.none(), details))))
    article_id = draw(short_text.filter(bool))
    card = build_scorecard(article_id, sentences, attributions, draw(short_text))
    return ArticleResult(Article(article_id, "", None), sentences, attributions, card)


# -- reading back ------------------------------------------------------------------------

def cell_text(value) -> str:
    """A value as a CSV cell holds it."""
    return "" if value is None else str(value)


def as_csv(rows: list[dict], raw: bool) -> list[dict]:
    return [{k: cell_text(v if raw else protect_cell(v)) for k, v in row.items()} for row in rows]


def read_csv_both(data: str) -> list[dict]:
    """The rows as the csv module reads them, after checking that pandas reads the same."""
    rows = list(csv.DictReader(io.StringIO(data, newline="")))
    frame = pd.read_csv(io.StringIO(data, newline=""), dtype=str, keep_default_na=False, na_filter=False)
    assert frame.to_dict("records") == rows
    return rows


def read_jsonl_both(path) -> list[dict]:
    with open(path, encoding="utf-8") as stream:
        rows = [json.loads(line) for line in stream if line.strip()]
    frame = pd.read_json(path, lines=True, dtype=False, precise_float=True) if rows else pd.DataFrame()
    assert [{k: pandas_null(v) for k, v in row.items()} for row in frame.to_dict("records")] == rows
    return rows


def pandas_null(value):
    """pandas' NaN and NA for a null cell, as None."""
    return None if value is pd.NA or (isinstance(value, float) and math.isnan(value)) else value


def parquet_cell(value):
    value = pandas_null(value)
    return None if value is None or value == "" else str(value)


def read_parquet_both(path) -> list[dict]:
    import pyarrow.parquet as pq

    rows = pq.read_table(path).to_pylist()
    frame = pd.read_parquet(path)
    assert [{k: parquet_cell(v) for k, v in row.items()} for row in frame.to_dict("records")] == \
           [{k: parquet_cell(v) for k, v in row.items()} for row in rows]
    return rows


def written_rows(results_: list[ArticleResult]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {"sentences": [], "attributions": [], "scorecard": [], "sources": []}
    for result in results_:
        for key, rows in result_rows(result).items():
            out[key].extend(rows)
    return out


# -- the writers ---------------------------------------------------------------------------

@SETTINGS
@given(batch=st.lists(results(), min_size=1, max_size=3), raw=st.booleans())
def test_csv_files_read_back_as_written(tmp_path_factory, batch, raw):
    out = tmp_path_factory.mktemp("csv")
    writer = CsvWriter(out, raw=raw)
    for result in batch:
        writer.write(result)
    writer.close()
    expected = written_rows(batch)
    for key, name in (("sentences", "sentences.csv"), ("attributions", "attributions.csv"), ("scorecard", "scorecard.csv"),
                      ("sources", "sources.csv")):
        data = (out / name).read_bytes().decode("utf-8")
        assert read_csv_both(data) == as_csv(expected[key], raw), name


@SETTINGS
@given(batch=st.lists(results(), min_size=1, max_size=3))
def test_jsonl_files_read_back_as_written(tmp_path_factory, batch):
    out = tmp_path_factory.mktemp("jsonl")
    writer = CsvWriter(out, output_format="jsonl")
    for result in batch:
        writer.write(result)
    writer.close()
    expected = written_rows(batch)
    for key in ("sentences", "attributions", "scorecard", "sources"):
        assert read_jsonl_both(out / f"{key}.jsonl") == expected[key], key


@SETTINGS
@given(batch=st.lists(results(), min_size=1, max_size=3))
def test_parquet_files_read_back_as_written(tmp_path_factory, batch):
    out = tmp_path_factory.mktemp("parquet")
    writer = CsvWriter(out, output_format="parquet")
    for result in batch:
        writer.write(result)
    writer.close()
    expected = written_rows(batch)
    for key in ("sentences", "attributions", "scorecard", "sources"):
        rows = read_parquet_both(out / f"{key}.parquet")
        assert [{k: parquet_cell(v) for k, v in row.items()} for row in rows] == \
               [{k: parquet_cell(v) for k, v in row.items()} for row in expected[key]], key
        if key == "sentences":  # numbers and booleans keep their type
            assert [(r["sentence_index"], r["is_heading"]) for r in rows] == \
                   [(r["sentence_index"], r["is_heading"]) for r in expected[key]]


@SETTINGS
@given(errors=st.lists(st.builds(InputError, text, text, st.one_of(st.none(), st.integers(1, 10**6)),
                                 optional_text, st.sampled_from(InputError.STAGES)), max_size=5), raw=st.booleans())
def test_errors_csv_reads_back_as_written(tmp_path_factory, errors, raw):
    out = tmp_path_factory.mktemp("errors")
    path = write_errors_csv(out, errors, raw=raw)
    rows = read_csv_both(path.read_bytes().decode("utf-8"))
    assert rows == as_csv([error_row(e) for e in errors], raw)
    assert list(rows[0]) == ERROR_COLUMNS if rows else True


@SETTINGS
@given(batch=st.lists(results(), min_size=1, max_size=3), raw=st.booleans())
def test_csv_to_a_stream_reads_back_as_written(batch, raw):
    """`--format csv`: the sentence rows of every article, one header."""
    stream = io.StringIO(newline="")
    for number, result in enumerate(batch):
        write_csv(stream, result_rows(result)["sentences"], SENTENCE_COLUMNS, header=number == 0, raw=raw)
    assert read_csv_both(stream.getvalue()) == as_csv(written_rows(batch)["sentences"], raw)


# -- the CSV text itself -------------------------------------------------------------------

@pytest.mark.parametrize("line_break", list(LINE_BREAKS) + ["\r\n"])
def test_a_cell_with_any_line_break_is_quoted(line_break):
    stream = io.StringIO(newline="")
    write_csv(stream, [{"a": f"x{line_break}y", "b": 1}], ["a", "b"])
    assert stream.getvalue() == f'a,b\n"x{line_break}y",1\n'
    assert str.splitlines(f"x{line_break}y") == ["x", "y"]  # every one of them ends a line somewhere


@SETTINGS
@given(rows=st.lists(st.fixed_dictionaries({
    "text": st.text().filter(lambda t: not any(c in LINE_BREAKS for c in t)),
    "number": st.one_of(st.integers(), st.floats(allow_nan=False), st.none(), st.booleans())}), max_size=5))
def test_ordinary_rows_are_the_csv_module_text(rows):
    r"""Without line breaks, the text is the csv module's own (minimal quoting, "\n" row ends)."""
    ours, theirs = io.StringIO(newline=""), io.StringIO(newline="")
    write_csv(ours, rows, ["text", "number"], raw=True)
    plain = csv.writer(theirs, lineterminator="\n")
    plain.writerow(["text", "number"])
    plain.writerows([[r["text"], "" if r["number"] is None else r["number"]] for r in rows])
    assert ours.getvalue() == theirs.getvalue()


def test_formula_cells_are_protected_unless_raw():
    for raw, expected in ((False, "'=1+1,\"'\r\n\",\"'\rx\"\n"), (True, "=1+1,\"\r\n\",\"\rx\"\n")):
        stream = io.StringIO(newline="")
        write_csv(stream, [{"a": "=1+1", "b": "\r\n", "c": "\rx"}], ["a", "b", "c"], header=False, raw=raw)
        assert stream.getvalue() == expected, raw


# -- a lone carriage return through the real analyzer ---------------------------------------

def test_lone_carriage_return_in_an_article_reads_back(analyzer, tmp_path):
    text = "Police said the road\rwas closed.\rOfficials said it would reopen.\n"
    result = analyzer.analyze_text(text, article_id="cr")
    assert any("\r" in s.text for s in result.sentences)
    writer = CsvWriter(tmp_path)
    writer.write(result)
    writer.close()
    expected = result_rows(result)
    for key in ("sentences", "attributions", "scorecard", "sources"):
        rows = read_csv_both((tmp_path / f"{key}.csv").read_bytes().decode("utf-8"))
        assert rows == as_csv(expected[key], raw=False), key
    _, *lines = (tmp_path / "sentences.csv").read_bytes().decode("utf-8").split("\n")
    assert lines[0].startswith('cr,0,0,32,False,"Police said the road\rwas closed."')


def test_columns_are_the_documented_ones():
    assert SENTENCE_COLUMNS[:7] == ["article_id", "sentence_index", "start_char", "end_char", "is_heading", "text", "labels"]
    assert ATTRIBUTION_COLUMNS[-len(ANONYMOUS_COLUMNS):] == ANONYMOUS_COLUMNS
    assert ANONYMOUS_COLUMNS == [f for f in AnonymousDetails.__dataclass_fields__]
