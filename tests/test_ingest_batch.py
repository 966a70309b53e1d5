"""Batch files (CSV, TSV, Parquet, JSONL with renamed fields), streamed; every bad row an
InputError naming the file and the row; errors.csv and --resume helpers (analyzer.batch)."""

from __future__ import annotations

import csv
import io
import json
import os
import tracemalloc
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from analyzer.io.batch import ERROR_COLUMNS, done_article_ids, skip_done, write_errors_csv
from analyzer.errors import InputError, UsageError
from analyzer.io.ingest import Article, ReadOptions, read_inputs

MAYOR = "The mayor said the road will reopen on Monday."
AUDIT = "A report by the city auditor found the costs doubled."
POLICE = "Police said a man was arrested near the station.\n\nThe road stayed closed overnight."


def summary(items):
    return [(i.id, i.line) if isinstance(i, Article) else ("ERROR", i.line, i.message) for i in items]


# --- CSV -----------------------------------------------------------------------------------

def write_csv(path: Path, rows: list[list], newline: str = "\n") -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator=newline).writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    return path


def test_csv_articles(tmp_path):
    path = write_csv(tmp_path / "batch.csv", [
        ["id", "text", "outlet", "title", "url", "extra"],
        ["m1", MAYOR, "Daily Planet", "Road to reopen", "https://news.example/m1", "x"],
        ["p1", POLICE, "", "", "", "y"],  # a multi-line field: the record spans lines 3-5
        ["a1", AUDIT, "  ", "", "", "z"],
    ])
    items = list(read_inputs([str(path)]))
    assert summary(items) == [("m1", 2), ("p1", 3), ("a1", 6)]
    m1, p1, a1 = items
    assert (m1.text, m1.outlet, m1.title, m1.url, m1.origin) == (MAYOR, "Daily Planet", "Road to reopen",
                                                                 "https://news.example/m1", str(path))
    assert p1.text == POLICE and p1.outlet is None
    assert a1.outlet is None  # blank cells are no value


def test_csv_custom_columns(tmp_path):
    path = write_csv(tmp_path / "export.csv", [
        ["story_id", "body", "publisher", "text"],
        ["s-1", MAYOR, "Reuters", "not this column"],
        ["s-2", AUDIT, "", "nor this"],
    ])
    options = ReadOptions(text_column="body", id_column="story_id", outlet_column="publisher")
    items = list(read_inputs([str(path)], options=options))
    assert [(i.id, i.text, i.outlet) for i in items] == [("s-1", MAYOR, "Reuters"), ("s-2", AUDIT, None)]
    same = list(read_inputs([str(path)], text_column="body", id_column="story_id", outlet_column="publisher"))
    assert [(i.id, i.text, i.outlet) for i in same] == [(i.id, i.text, i.outlet) for i in items]


def test_csv_ids_default_to_stem_and_line(tmp_path):
    path = write_csv(tmp_path / "wire.csv", [["text"], [MAYOR], [AUDIT]])
    assert [i.id for i in read_inputs([str(path)])] == ["wire-2", "wire-3"]


def test_csv_bad_rows_are_errors_the_rest_are_read(tmp_path):
    path = tmp_path / "batch.csv"
    path.write_text(
        "id,text,outlet\n"                                    # 1
        f"ok-1,{MAYOR},\n"                                    # 2
        "short,only two\n"                                    # 3: too few fields
        'quote,"broken" field,x\n'                            # 4: bad quoting
        "empty,,x\n"                                          # 5: empty text
        "\n"                                                  # 6: blank line, skipped
        f'ok-2,"{AUDIT}",Reuters\n'                           # 7
        "many,a,b,c\n"                                        # 8: too many fields
        'open,"this quote never closes,x\n'                   # 9: swallows the rest
        f"lost,{MAYOR},\n",
        encoding="utf-8")
    items = list(read_inputs([str(path)]))
    assert summary(items) == [
        ("ok-1", 2),
        ("ERROR", 3, "expected 3 fields as in the header, found 2"),
        ("ERROR", 4, "not valid CSV (',' expected after '\"')"),
        ("ERROR", 5, 'empty "text"'),
        ("ok-2", 7),
        ("ERROR", 8, "expected 3 fields as in the header, found 4"),
        ("ERROR", 9, "not valid CSV: a quoted field that starts on line 9 never ends"),
    ]
    errors = [i for i in items if isinstance(i, InputError)]
    assert all(e.source == str(path) and e.stage == "parse" for e in errors)
    assert errors[2].article_id == "empty"
    assert errors[0].one_line() == f"{path}:3: expected 3 fields as in the header, found 2"


@pytest.mark.parametrize("content, message", [
    ("", "empty file"),
    ("\n\n", "empty file"),
    ("id,body\n1,hello\n", 'no "text" column (the columns are: id, body)'),
    ("id,text\n", "no rows after the header"),
    ("id,text\n\n\n", "no rows after the header"),
])
def test_csv_file_errors(tmp_path, content, message):
    path = tmp_path / "batch.csv"
    path.write_text(content, encoding="utf-8")
    [error] = list(read_inputs([str(path)]))
    assert isinstance(error, InputError) and error.source == str(path)
    assert message in error.message


def test_csv_renamed_id_column_must_exist(tmp_path):
    path = write_csv(tmp_path / "batch.csv", [["id", "text"], ["1", MAYOR]])
    [error] = list(read_inputs([str(path)], id_column="story_id"))
    assert isinstance(error, InputError) and 'no "story_id" column' in error.message and error.line == 1
    [error] = list(read_inputs([str(path)], outlet_column="publisher"))
    assert 'no "publisher" column' in error.message


def test_csv_binary_file(tmp_path):
    path = tmp_path / "batch.csv"
    path.write_bytes(b"id,text\n1,\x00\x01\x02\n")
    [error] = list(read_inputs([str(path)]))
    assert isinstance(error, InputError) and "binary" in error.message


def test_tsv_and_semicolon_csv(tmp_path):
    tsv = tmp_path / "batch.tsv"
    tsv.write_text(f"id\ttext\nt1\t{MAYOR}, with a comma\n", encoding="utf-8")
    semi = tmp_path / "excel.csv"  # European Excel writes ";"
    semi.write_text(f'id;text\ns1;"{AUDIT}"\n', encoding="utf-8")
    items = list(read_inputs([str(tsv), str(semi)]))
    assert [(i.id, i.text) for i in items] == [("t1", MAYOR + ", with a comma"), ("s1", AUDIT)]


def test_csv_long_field_and_crlf(tmp_path):
    long_text = ("The mayor said the plan works. " * 10_000).strip()  # > the csv module's 128 KiB limit
    path = write_csv(tmp_path / "big.csv", [["id", "text"], ["long", long_text], ["crlf", "One.\r\nTwo."]],
                     newline="\r\n")
    long, crlf = list(read_inputs([str(path)]))
    assert long.text == long_text
    assert crlf.text == "One.\r\nTwo." and crlf.line == 3


def test_csv_is_streamed(tmp_path):
    text = "The council said the plan would cost more than expected. " * 170  # ~10 KB a row
    path = write_csv(tmp_path / "large.csv", [["id", "text"]] + [[f"r{n}", text] for n in range(500)])
    size = path.stat().st_size
    assert size > 4_500_000
    count = 0
    tracemalloc.start()
    try:
        for item in read_inputs([str(path)]):
            assert isinstance(item, Article)
            count += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 500
    assert peak < size / 5, f"peak {peak} bytes while reading a {size}-byte file"


# --- Parquet -------------------------------------------------------------------------------

def write_parquet(path: Path, columns: dict, row_group_size: int | None = None, schema=None) -> Path:
    pq.write_table(pa.table(columns, schema=schema), path, row_group_size=row_group_size)
    return path


def test_parquet_articles_and_bad_rows(tmp_path):
    path = write_parquet(tmp_path / "batch.parquet", {
        "id": ["p1", None, "p3", "p4", "p5"],
        "text": [MAYOR, AUDIT, None, "   ", POLICE],
        "outlet": ["Reuters", None, None, None, ""],
        "views": [1, 2, 3, 4, 5],
    })
    items = list(read_inputs([str(path)], options=ReadOptions(chunk_rows=2)))
    assert summary(items) == [
        ("p1", 1),
        ("batch-2", 2),  # no id: stem and row
        ("ERROR", 3, 'no "text" string in this row'),
        ("ERROR", 4, 'empty "text"'),
        ("p5", 5),
    ]
    assert items[0].outlet == "Reuters" and items[4].outlet is None
    assert items[4].text == POLICE
    assert items[2].article_id == "p3" and items[2].source == str(path)
    assert items[2].one_line() == f"{path}:3: no \"text\" string in this row"


def test_parquet_custom_columns_and_types(tmp_path):
    path = write_parquet(tmp_path / "export.parquet", {
        "story_id": [101, 102, 103],
        "body": [MAYOR.encode("utf-8"), b"caf\xe9", AUDIT.encode("utf-8")],  # a binary column
        "publisher": ["AP", "AP", None],
    })
    items = list(read_inputs([str(path)], text_column="body", id_column="story_id", outlet_column="publisher",
                             encoding="utf-8"))
    assert summary(items)[0] == ("101", 1)
    assert items[0].text == MAYOR and items[0].outlet == "AP"
    assert isinstance(items[1], InputError) and items[1].stage == "decode" and "UTF-8" in items[1].message
    assert items[2].text == AUDIT and items[2].id == "103"


@pytest.mark.parametrize("make, message", [
    (lambda p: p.write_bytes(b"PAR1 this is not parquet"), "not a readable Parquet file"),
    (lambda p: p.write_bytes(b""), "not a readable Parquet file"),
    (lambda p: write_parquet(p, {"id": ["a"], "body": ["x"]}), 'no "text" column (the columns are: id, body)'),
    (lambda p: write_parquet(p, {"id": pa.array([], pa.string()), "text": pa.array([], pa.string())}), "no rows"),
])
def test_parquet_file_errors(tmp_path, make, message):
    path = tmp_path / "bad.parquet"
    make(path)
    [error] = list(read_inputs([str(path)]))
    assert isinstance(error, InputError) and error.source == str(path) and error.line is None
    assert message in error.message


def test_parquet_text_column_of_numbers(tmp_path):
    path = write_parquet(tmp_path / "numbers.parquet", {"text": [1, 2]})
    errors = list(read_inputs([str(path)]))
    assert [(e.line, e.message) for e in errors] == [(1, 'no "text" string in this row'),
                                                    (2, 'no "text" string in this row')]


def test_parquet_is_streamed(tmp_path):
    text = "The council said the plan would cost more than expected. " * 170
    rows = 2000
    path = write_parquet(tmp_path / "large.parquet", {"id": [f"r{n}" for n in range(rows)], "text": [text] * rows},
                         row_group_size=100)
    total = len(text) * rows  # ~20 MB of text, not dictionary-encoded in memory once read
    before = pa.total_allocated_bytes()
    items = read_inputs([str(path)], options=ReadOptions(chunk_rows=100))
    first = next(items)
    held = pa.total_allocated_bytes() - before
    assert first.id == "r0" and first.text == text
    assert held < total / 10, f"{held} bytes of Arrow memory after the first row of {total} bytes"
    assert sum(1 for _ in items) == rows - 1


# --- JSONL with renamed fields ---------------------------------------------------------------

def test_jsonl_custom_fields(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [
        {"guid": "g1", "body": MAYOR, "source": "AFP"},
        {"guid": "g2", "text": "no body"},
    ]) + "\n", encoding="utf-8")
    items = list(read_inputs([str(path)], text_column="body", id_column="guid", outlet_column="source"))
    assert (items[0].id, items[0].text, items[0].outlet) == ("g1", MAYOR, "AFP")
    assert isinstance(items[1], InputError) and items[1].line == 2 and items[1].article_id == "g2"
    assert items[1].message == 'no "body" string in this record'


def test_batch_files_keep_input_order(tmp_path):
    a = write_csv(tmp_path / "a.csv", [["id", "text"], ["c1", MAYOR], ["c2", ""]])
    b = write_parquet(tmp_path / "b.parquet", {"id": ["q1"], "text": [AUDIT]})
    c = tmp_path / "c.txt"
    c.write_text(POLICE, encoding="utf-8")
    items = list(read_inputs([str(b), str(a), str(c)]))
    assert summary(items) == [("q1", 1), ("c1", 2), ("ERROR", 3, 'empty "text"'), ("c", None)]


def test_input_errors_pickle():  # they travel to and from worker processes (analyzer.parallel)
    import pickle

    error = InputError("batch.csv", 'empty "text"', line=3, article_id="c2", stage="parse")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.source, copy.message, copy.line, copy.article_id, copy.stage) == ("batch.csv", 'empty "text"', 3,
                                                                                  "c2", "parse")
    assert str(copy) == str(error) == "batch.csv:3: empty \"text\""


def test_options_are_validated():
    with pytest.raises(UsageError):
        ReadOptions(text_column="  ")
    with pytest.raises(UsageError):
        ReadOptions(chunk_rows=0)


# --- errors.csv ------------------------------------------------------------------------------

def read_rows(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        return list(reader.fieldnames or []), list(reader)


def test_write_errors_csv(tmp_path):
    errors = [
        InputError("feed.jsonl", "not valid JSON (Expecting value)", line=7, stage="parse"),
        InputError("https://news.example/x", "HTTP 404 Not Found", stage="fetch"),
        InputError("batch.csv", 'empty "text"', line=3, article_id="c2", stage="parse"),
        InputError("-lead.txt", "=HYPERLINK(\"evil\") is, says, \"quoted\"\nacross lines"),
    ]
    out = tmp_path / "out"
    path = write_errors_csv(out, errors)
    assert path == out / "errors.csv"
    header, rows = read_rows(path)
    assert header == ERROR_COLUMNS == ["article_id", "input", "line", "stage", "message"]
    assert rows[0] == {"article_id": "", "input": "feed.jsonl", "line": "7", "stage": "parse",
                       "message": "not valid JSON (Expecting value)"}
    assert rows[1]["stage"] == "fetch" and rows[1]["line"] == ""
    assert rows[2]["article_id"] == "c2"
    assert rows[3]["input"] == "'-lead.txt" and rows[3]["stage"] == "read"  # formula-protected
    assert rows[3]["message"] == "'=HYPERLINK(\"evil\") is, says, \"quoted\"\nacross lines"
    assert [f for f in os.listdir(out)] == ["errors.csv"]  # no temporary file left
    _, raw_rows = read_rows(write_errors_csv(out, errors[3:], raw=True))
    assert raw_rows[0]["input"] == "-lead.txt"


def test_write_errors_csv_without_errors_and_replacing(tmp_path):
    (tmp_path / "errors.csv").write_text("old content\n", encoding="utf-8")
    header, rows = read_rows(write_errors_csv(tmp_path, iter([])))
    assert header == ERROR_COLUMNS and rows == []


def test_write_errors_csv_is_atomic(tmp_path, monkeypatch):
    (tmp_path / "errors.csv").write_text("article_id,input,line,stage,message\n,old.txt,,read,old\n", "utf-8")

    def failing():
        yield InputError("new.txt", "first")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_errors_csv(tmp_path, failing())
    _, rows = read_rows(tmp_path / "errors.csv")
    assert [r["input"] for r in rows] == ["old.txt"]  # the old file, whole
    assert os.listdir(tmp_path) == ["errors.csv"]  # the temporary file is gone


def test_errors_from_read_inputs_into_errors_csv(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "ok", "text": MAYOR}) + "\n{broken\n", encoding="utf-8")
    errors = [i for i in read_inputs([str(feed), str(tmp_path / "missing.txt")]) if isinstance(i, InputError)]
    _, rows = read_rows(write_errors_csv(tmp_path / "out", errors))
    assert [(r["input"], r["line"], r["stage"]) for r in rows] == [
        (str(feed), "2", "parse"), (str(tmp_path / "missing.txt"), "", "read")]


# --- --resume --------------------------------------------------------------------------------

def test_done_article_ids_from_scorecard(tmp_path):
    (tmp_path / "scorecard.csv").write_text("article_id,sentences,score\na1,3,50\n'=cmd,1,0\n\"b, 2\",4,10\n", "utf-8")
    (tmp_path / "sentences.csv").write_text("article_id,sentence_index,text\nonly-in-sentences,0,x\n", "utf-8")
    assert done_article_ids(tmp_path) == {"a1", "=cmd", "b, 2"}  # the scorecard decides
    assert done_article_ids(tmp_path, raw=True) == {"a1", "'=cmd", "b, 2"}


def test_done_article_ids_from_sentences(tmp_path):
    long_sentence = "word " * 40_000
    (tmp_path / "sentences.csv").write_text(
        f'article_id,sentence_index,text\ns1,0,"{long_sentence}"\ns1,1,y\ns2,0,"multi\nline"\n', "utf-8")
    assert done_article_ids(tmp_path) == {"s1", "s2"}


def test_done_article_ids_without_output(tmp_path):
    assert done_article_ids(tmp_path / "nowhere") == set()
    (tmp_path / ".scorecard.csv.partial").write_text("article_id\nx\n", "utf-8")  # an interrupted run
    assert done_article_ids(tmp_path) == set()


def test_done_article_ids_round_trip(cli, tmp_path):
    a = tmp_path / "harbour.txt"
    a.write_text(POLICE, encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "-minus", "text": MAYOR}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = cli.invoke(["analyze", a, feed, "--out", out])
    assert result.exit_code == 0, result.stderr
    done = done_article_ids(out)
    assert done == {"harbour", "-minus"}
    skipped: list = []
    again = list(skip_done(read_inputs([str(a), str(feed), str(tmp_path / "missing.txt")]), done, skipped))
    assert [type(i).__name__ for i in again] == ["InputError"]  # errors are never skipped
    assert [s.id for s in skipped] == ["harbour", "-minus"]
