"""Batch runs through the CLI: CSV input columns, output formats, errors.csv, --resume."""

from __future__ import annotations

import csv
import json

import pandas as pd


def test_csv_columns_parquet_output_and_errors_file(cli, tmp_path):
    source = tmp_path / "feed.csv"
    with source.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["story", "key", "publisher"])
        writer.writerow(["Police said a man was arrested, AFP reported.", "a1", "AFP"])
        writer.writerow(["", "a2", ""])
        writer.writerow(["Critics say the plan fails.", "a3", ""])
    out = tmp_path / "out"
    result = cli.invoke(["analyze", source, "--out", out, "--text-column", "story", "--id-column", "key",
                         "--outlet-column", "publisher", "--output-format", "parquet"])
    cli.assert_no_traceback(result)
    assert result.exit_code == 1
    sentences = pd.read_parquet(out / "sentences.parquet")
    assert sorted(set(sentences["article_id"])) == ["a1", "a3"]
    first = sentences[sentences["article_id"] == "a1"].iloc[0]
    assert first["labels"] == "named-official"  # AFP is the article's own outlet here
    with (out / "errors.csv").open(encoding="utf-8") as stream:
        errors = list(csv.DictReader(stream))
    assert [(e["article_id"], e["line"]) for e in errors] == [("a2", "3")]


def test_resume_skips_articles_already_written(cli, tmp_path):
    feed = tmp_path / "feed.jsonl"
    rows = [{"id": "one", "text": "Police said the road is open."}, {"id": "two", "text": "Critics say it is unsafe."}]
    feed.write_text(json.dumps(rows[0]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert cli.invoke(["analyze", feed, "--out", out]).exit_code == 0
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = cli.invoke(["analyze", feed, "--out", out, "--resume"])
    assert result.exit_code == 0
    _, scorecards = cli.read_csv(out / "scorecard.csv")
    assert [row["article_id"] for row in scorecards] == ["one", "two"]
    _, sentences = cli.read_csv(out / "sentences.csv")
    assert [row["article_id"] for row in sentences] == ["one", "two"]


def test_resume_with_parquet_tables(cli, tmp_path):
    feed = tmp_path / "feed.jsonl"
    rows = [{"id": "one", "text": "Police said the road is open."}, {"id": "two", "text": "Critics say it is unsafe."}]
    feed.write_text(json.dumps(rows[0]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert cli.invoke(["analyze", feed, "--out", out, "--output-format", "parquet", "--no-reports"]).exit_code == 0
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert cli.invoke(["analyze", feed, "--out", out, "--output-format", "parquet", "--resume", "--no-reports"]).exit_code == 0
    assert list(pd.read_parquet(out / "scorecard.parquet")["article_id"]) == ["one", "two"]
