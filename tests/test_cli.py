"""The command-line contract of `sourcing analyze`, run in-process through CliRunner.

Each CLI invocation builds its own Analyzer (~1-2 s), so the runs live in module fixtures
and several tests read the same run.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from analyzer import LABELS

DIPLOMAT = "A diplomat told Reuters that talks stalled."

STORY = (
    "Harbour Fire Damages Warehouse\n"
    "\n"
    "Mayor Jane Doe said the bridge will reopen on Friday.\n"
    "Officials who asked not to be named said the wiring was old. " + DIPLOMAT + "\n"
    "A report by the city auditor found the costs doubled. Satellite images show the damage to the roof.\n"
    "The warehouse had stood empty for years.\n"
)

FEED = [
    {"id": "geneva-reuters", "outlet": "Reuters",
     "text": "Talks Stall in Geneva\n\n" + DIPLOMAT + " The minister said nothing."},
    {"id": "geneva-plain", "text": DIPLOMAT + " The minister said nothing."},
    {"id": "budget", "text": "The council approved the budget on Tuesday. Its treasurer, Ann Lee, said the vote was close."},
]

SHORT = "Police said a man was arrested near the station. The road stayed closed overnight."


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def main_run(cli, tmp_path_factory):
    """`sourcing analyze harbour-fire.txt feed.jsonl --out out`."""
    base = tmp_path_factory.mktemp("main_run")
    story = base / "harbour-fire.txt"
    story.write_text(STORY, encoding="utf-8")
    feed = write_jsonl(base / "feed.jsonl", FEED)
    out = base / "out"
    result = cli.invoke(["analyze", story, feed, "--out", out])
    texts = {"harbour-fire": STORY, **{r["id"]: r["text"] for r in FEED}}
    return SimpleNamespace(result=result, out=out, texts=texts)


@pytest.fixture(scope="module")
def sentences(cli, main_run):
    return cli.read_csv(main_run.out / "sentences.csv")


@pytest.fixture(scope="module")
def attributions(cli, main_run):
    return cli.read_csv(main_run.out / "attributions.csv")


@pytest.fixture(scope="module")
def scorecard(cli, main_run):
    return cli.read_csv(main_run.out / "scorecard.csv")


def labels_of(rows: list[dict], article_id: str, text: str) -> str:
    found = [r["labels"] for r in rows if r["article_id"] == article_id and r["text"] == text]
    assert len(found) == 1, f"no single row for {article_id!r} {text!r}"
    return found[0]


# --- --out: the three CSV files -------------------------------------------------------------

def test_analyze_with_out_exits_0_without_errors(cli, main_run):
    cli.assert_no_traceback(main_run.result)
    assert main_run.result.exit_code == 0, main_run.result.stderr
    assert cli.error_lines(main_run.result) == []


@pytest.mark.parametrize("name", ["sentences.csv", "attributions.csv", "scorecard.csv", "sources.csv"])
def test_out_writes_utf8_csv_with_header(cli, main_run, name):
    path = main_run.out / name
    assert path.is_file()
    header, rows = cli.read_csv(path)  # decodes strictly as UTF-8
    assert header and header[0] == "article_id"
    assert rows, f"{name} has a header but no rows"
    assert not list(main_run.out.glob("*.partial")), "temporary files left behind"


def test_sentences_csv_starts_with_contract_columns(cli, sentences):
    header, _ = sentences
    assert header[:len(cli.SENTENCE_PREFIX)] == cli.SENTENCE_PREFIX


def test_sentence_text_is_the_article_slice(main_run, sentences):
    _, rows = sentences
    assert rows
    for row in rows:
        article = main_run.texts[row["article_id"]]
        start, end = int(row["start_char"]), int(row["end_char"])
        assert 0 <= start < end <= len(article)
        assert article[start:end] == row["text"], row


def test_sentence_indexes_count_up_per_article(sentences):
    _, rows = sentences
    by_article: dict[str, list[int]] = {}
    for row in rows:
        by_article.setdefault(row["article_id"], []).append(int(row["sentence_index"]))
    for article_id, indexes in by_article.items():
        assert indexes == list(range(len(indexes))), article_id


def test_labels_are_sorted_known_and_semicolon_joined(sentences):
    _, rows = sentences
    for row in rows:
        if not row["labels"]:
            continue
        parts = row["labels"].split(";")
        assert parts == sorted(set(parts)), row
        assert set(parts) <= set(LABELS), row


def test_article_ids_are_file_stem_and_jsonl_id(sentences):
    _, rows = sentences
    assert {r["article_id"] for r in rows} == {"harbour-fire", "geneva-reuters", "geneva-plain", "budget"}


@pytest.mark.parametrize("article_id, text, labels", [
    ("harbour-fire", "Mayor Jane Doe said the bridge will reopen on Friday.", "named-official"),
    ("harbour-fire", "Officials who asked not to be named said the wiring was old.", "anonymous"),
    ("harbour-fire", DIPLOMAT, "anonymous;secondary-outlet"),
    ("harbour-fire", "A report by the city auditor found the costs doubled.", "document"),
    ("harbour-fire", "Satellite images show the damage to the roof.", "satellite-imagery"),
    ("harbour-fire", "The warehouse had stood empty for years.", ""),
    ("harbour-fire", "Harbour Fire Damages Warehouse", ""),  # a heading carries no labels
    ("budget", "The council approved the budget on Tuesday.", ""),
])
def test_sentence_labels(sentences, article_id, text, labels):
    _, rows = sentences
    assert labels_of(rows, article_id, text) == labels


def test_heading_is_flagged(sentences):
    _, rows = sentences
    heading = [r for r in rows if r["text"] == "Harbour Fire Damages Warehouse"]
    assert [r["is_heading"] for r in heading] == ["True"]


def test_attributions_csv_columns_and_rule_ids(cli, attributions, sentences):
    header, rows = attributions
    assert header[:len(cli.ATTRIBUTION_PREFIX)] == cli.ATTRIBUTION_PREFIX
    assert rows
    sentence_keys = {(r["article_id"], r["sentence_index"]) for r in sentences[1]}
    for row in rows:
        assert row["rule_id"].strip(), row
        assert row["label"] in LABELS, row
        assert (row["article_id"], row["sentence_index"]) in sentence_keys, row


def test_attribution_spans_lie_in_the_article(main_run, attributions):
    for row in attributions[1]:
        article = main_run.texts[row["article_id"]]
        start, end = int(row["start_char"]), int(row["end_char"])
        assert 0 <= start < end <= len(article), row


def test_every_sentence_label_has_an_attribution(attributions, sentences):
    by_sentence: dict[tuple, set] = {}
    for row in attributions[1]:
        by_sentence.setdefault((row["article_id"], row["sentence_index"]), set()).add(row["label"])
    for row in sentences[1]:
        labels = set(filter(None, row["labels"].split(";")))
        assert labels == by_sentence.get((row["article_id"], row["sentence_index"]), set()), row


def test_scorecard_one_row_per_article_with_all_columns(scorecard):
    header, rows = scorecard
    assert sorted(r["article_id"] for r in rows) == sorted(["harbour-fire", "geneva-reuters", "geneva-plain", "budget"])
    expected = {"sentences", "unattributed_count", "unattributed_share", "distinct_named_sources",
                "distinct_outlets", "score"}
    for label in LABELS:
        expected |= {f"{label}_count", f"{label}_share"}
    assert expected <= set(header), expected - set(header)


def test_scorecard_values_agree_with_sentences(scorecard, sentences):
    for card in scorecard[1]:
        body = [s for s in sentences[1] if s["article_id"] == card["article_id"] and s["is_heading"] != "True"]
        assert int(card["sentences"]) == len(body)
        assert 0 <= int(card["score"]) <= 100
        for label in LABELS:
            count = sum(1 for s in body if label in s["labels"].split(";"))
            assert int(card[f"{label}_count"]) == count, (card["article_id"], label)
            assert 0.0 <= float(card[f"{label}_share"]) <= 1.0
        unattributed = sum(1 for s in body if not s["labels"])
        assert int(card["unattributed_count"]) == unattributed
        assert float(card["unattributed_share"]) == pytest.approx(unattributed / len(body), abs=1e-3)


# --- the article's own outlet ---------------------------------------------------------------

def test_jsonl_outlet_field_drops_own_outlet(sentences, scorecard):
    _, rows = sentences
    assert "secondary-outlet" not in labels_of(rows, "geneva-reuters", DIPLOMAT).split(";")
    assert "secondary-outlet" in labels_of(rows, "geneva-plain", DIPLOMAT).split(";")
    cards = {c["article_id"]: c for c in scorecard[1]}
    assert cards["geneva-reuters"]["distinct_outlets"] == "0"
    assert cards["geneva-plain"]["distinct_outlets"] == "1"


def test_outlet_option_for_txt_input(cli, tmp_path):
    story = tmp_path / "harbour-fire.txt"
    story.write_text(STORY, encoding="utf-8")
    out = tmp_path / "out"
    result = cli.invoke(["analyze", story, "--outlet", "Reuters", "--out", out])
    cli.assert_no_traceback(result)
    assert result.exit_code == 0, result.stderr
    _, rows = cli.read_csv(out / "sentences.csv")
    assert labels_of(rows, "harbour-fire", DIPLOMAT) == "anonymous"  # was anonymous;secondary-outlet
    assert labels_of(rows, "harbour-fire", "Mayor Jane Doe said the bridge will reopen on Friday.") == "named-official"


# --- other kinds of input -------------------------------------------------------------------

def test_directory_input_reads_its_txt_and_md_files(cli, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "police.txt").write_text(SHORT, encoding="utf-8")
    (folder / "budget.md").write_text("# Budget Vote Delayed\n\nThe finance minister said the vote will wait a week.\n",
                                      encoding="utf-8")
    (folder / "notes.csv").write_text("not,an,article\n", encoding="utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    out = tmp_path / "out"
    result = cli.invoke(["analyze", folder, "--out", out])
    cli.assert_no_traceback(result)
    assert result.exit_code == 0, result.stderr
    _, cards = cli.read_csv(out / "scorecard.csv")
    assert sorted(c["article_id"] for c in cards) == ["budget", "police"]
    _, rows = cli.read_csv(out / "sentences.csv")
    assert labels_of(rows, "police", "Police said a man was arrested near the station.") == "named-official"
    assert labels_of(rows, "budget", "The finance minister said the vote will wait a week.") == "named-official"


def test_stdin_with_csv_format_prints_sentences_csv(cli):
    result = cli.invoke(["analyze", "-", "--format", "csv"], input=SHORT)
    cli.assert_no_traceback(result)
    assert result.exit_code == 0, result.stderr
    header, rows = cli.parse_csv(result.stdout)
    assert header[:len(cli.SENTENCE_PREFIX)] == cli.SENTENCE_PREFIX
    assert [r["text"] for r in rows] == ["Police said a man was arrested near the station.",
                                         "The road stayed closed overnight."]
    assert {r["article_id"] for r in rows} == {"stdin"}
    assert [r["labels"] for r in rows] == ["named-official", ""]
    for row in rows:
        assert SHORT[int(row["start_char"]):int(row["end_char"])] == row["text"]


def test_json_format_prints_a_list_of_articles(cli, tmp_path):
    story = tmp_path / "harbour-fire.txt"
    story.write_text(STORY, encoding="utf-8")
    result = cli.invoke(["analyze", story, "--format", "json"])
    cli.assert_no_traceback(result)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, list) and len(data) == 1
    article = data[0]
    assert {"id", "scorecard", "sentences", "attributions"} <= set(article)
    assert article["id"] == "harbour-fire"
    assert article["scorecard"]["sentences"] == 6
    texts = [s["text"] for s in article["sentences"]]
    assert "Satellite images show the damage to the roof." in texts
    for s in article["sentences"]:
        assert STORY[s["start_char"]:s["end_char"]] == s["text"]
    assert all(a["rule_id"] for a in article["attributions"])


def test_default_output_is_a_readable_table(cli, tmp_path):
    story = tmp_path / "police.txt"
    story.write_text(SHORT, encoding="utf-8")
    result = cli.invoke(["analyze", story])
    cli.assert_no_traceback(result)
    assert result.exit_code == 0, result.stderr
    assert "Police said a man was arrested near the station." in result.stdout
    assert "The road stayed closed overnight." in result.stdout
    assert "named-official" in result.stdout
    assert "police" in result.stdout  # the article id heads its table
    assert not list(tmp_path.glob("*.csv")), "no files without --out"


# --- usage errors: exit 2 -------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    pytest.param(["analyze", "story.txt", "--no-such-option"], id="unknown-option"),
    pytest.param(["analyze"], id="no-inputs"),
])
def test_usage_error_exits_2(cli, args):
    result = cli.invoke(args)
    cli.assert_no_traceback(result)
    assert result.exit_code == 2


BROKEN_RULES = {
    "missing-why": (
        "kind: cue\n"
        "version: 1\n"
        "rules:\n"
        "  - id: cue.test_said\n"
        "    type: speech_verb\n"
        "    terms: [say, tell]\n",
        "cue.test_said", "why"),
    "unknown-token-attribute": (
        "kind: cue\n"
        "version: 1\n"
        "rules:\n"
        "  - id: cue.test_according\n"
        "    why: A test rule whose pattern uses a token attribute spaCy does not have.\n"
        "    type: source_phrase\n"
        "    patterns:\n"
        "      - [{LOWERCASE: according}, {LOWER: to}]\n",
        "cue.test_according", "patterns"),
}


@pytest.mark.parametrize("case", list(BROKEN_RULES))
def test_broken_rule_file_exits_2_with_one_line_error(cli, tmp_path, case):
    text, rule_id, field = BROKEN_RULES[case]
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "cues.yml").write_text(text, encoding="utf-8")
    story = tmp_path / "police.txt"
    story.write_text(SHORT, encoding="utf-8")
    result = cli.invoke(["analyze", story, "--rules", rules, "--out", tmp_path / "out"])
    cli.assert_no_traceback(result)
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    line = lines[0]
    assert line.startswith("error: ")
    assert "cues.yml" in line
    assert rule_id in line
    assert field in line
    assert not (tmp_path / "out" / "sentences.csv").exists()


def test_table_prints_article_ids_literally(cli, tmp_path):
    feed = write_jsonl(tmp_path / "feed.jsonl", [
        {"id": "[draft] harbour", "text": SHORT},
        {"id": "wire/[/update]", "text": SHORT},
    ])
    result = cli.invoke(["analyze", feed])
    cli.assert_no_traceback(result)
    assert result.exit_code == 0, result.stderr
    assert "[draft] harbour" in result.stdout
    assert "wire/[/update]" in result.stdout
