"""Bad and odd input: one bad file or line never stops the others, never shows a traceback.

Unit tests of analyzer.ingest.read_inputs need no model; the CLI runs put every bad input
of the issue into one invocation (exit 1) and every odd-but-valid input into another (exit 0).
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from analyzer.errors import InputError
from analyzer.io.ingest import Article, read_inputs

GOOD_A = "Police said a man was arrested near the station. The road stayed closed overnight."
GOOD_B = "The finance minister said the vote will wait a week."
GOOD_LINE_1 = {"id": "feed-good-1", "text": "The mayor said the road will reopen on Monday."}
GOOD_LINE_4 = {"id": "feed-good-4", "text": "A report by the city auditor found the costs doubled.", "outlet": "Daily Planet"}

# name -> (bytes, part of the message)
BAD_TEXT_FILES = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"  \n\t\r\n   \n", "empty"),
    "binary.txt": (b"Police\x00\x01\x02said\x00\xff\xfe", "binary"),
    "latin1.txt": (b"caf\xe9 said the plan works.", "UTF-8"),
}

JSONL_LINES = [
    json.dumps(GOOD_LINE_1),                       # 1: good
    '{"id": "broken", "text": "unterminated',      # 2: not JSON
    json.dumps({"id": "no-text", "body": "The mayor said so."}),  # 3: no "text"
    json.dumps(GOOD_LINE_4),                       # 4: good
]


def write_feed(path: Path) -> Path:
    path.write_text("\n".join(JSONL_LINES) + "\n", encoding="utf-8")
    return path


# --- read_inputs, no model ------------------------------------------------------------------

@pytest.mark.parametrize("name", list(BAD_TEXT_FILES))
def test_read_inputs_bad_text_file(tmp_path, name):
    data, message = BAD_TEXT_FILES[name]
    path = tmp_path / name
    path.write_bytes(data)
    items = list(read_inputs([str(path)], encoding="utf-8"))  # strict: other bytes are an error
    assert len(items) == 1
    error = items[0]
    assert isinstance(error, InputError)
    assert error.source == str(path)
    assert error.line is None
    assert message.lower() in error.message.lower()
    assert "\n" not in error.one_line()
    assert error.one_line().startswith(f"{path}: ")


def test_read_inputs_missing_path(tmp_path):
    path = tmp_path / "nowhere" / "story.txt"
    [error] = list(read_inputs([str(path)]))
    assert isinstance(error, InputError)
    assert error.source == str(path)
    assert error.line is None
    assert "no such file" in error.message


def test_read_inputs_good_text_file(tmp_path):
    path = tmp_path / "police-arrest.txt"
    path.write_text(GOOD_A, encoding="utf-8")
    [article] = list(read_inputs([str(path)]))
    assert isinstance(article, Article)
    assert article.id == "police-arrest"
    assert article.text == GOOD_A
    assert article.outlet is None
    assert article.origin == str(path)


def test_read_inputs_keeps_crlf_and_drops_bom(tmp_path):
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(b"Police said a man was arrested.\r\n\r\nThe road stayed closed.\r\n")
    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeffThe mayor said the road will reopen.".encode("utf-8"))
    first, second = list(read_inputs([str(crlf), str(bom)]))
    assert first.text == "Police said a man was arrested.\r\n\r\nThe road stayed closed.\r\n"
    assert second.text == "The mayor said the road will reopen."


@pytest.mark.parametrize("line, message", [
    ("{not json", "not valid JSON"),
    ('["a list", "not an object"]', "JSON object"),
    ('{"id": "x", "body": "no text here"}', "text"),
    ('{"id": "x", "text": 42}', "text"),
    ('{"id": "x", "text": "   "}', "empty"),
])
def test_read_inputs_bad_jsonl_line(tmp_path, line, message):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(GOOD_LINE_1) + "\n" + line + "\n", encoding="utf-8")
    good, error = list(read_inputs([str(path)]))
    assert isinstance(good, Article) and good.id == "feed-good-1" and good.line == 1
    assert isinstance(error, InputError)
    assert error.source == str(path)
    assert error.line == 2
    assert message.lower() in error.message.lower()
    assert error.one_line().startswith(f"{path}:2: ")


def test_read_inputs_jsonl_bad_bytes_on_one_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'{"id": "a", "text": "caf\xe9 said so."}\n' + json.dumps(GOOD_LINE_1).encode() + b"\n")
    error, good = list(read_inputs([str(path)], encoding="utf-8"))
    assert isinstance(error, InputError) and error.line == 1 and "UTF-8" in error.message
    assert isinstance(good, Article) and good.id == "feed-good-1" and good.line == 2


def test_read_inputs_jsonl_fields(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text(json.dumps(GOOD_LINE_4) + "\n\n" + json.dumps({"text": GOOD_B}) + "\n", encoding="utf-8")
    first, second = list(read_inputs([str(path)]))  # the blank line 2 is skipped
    assert (first.id, first.text, first.outlet, first.line) == ("feed-good-4", GOOD_LINE_4["text"], "Daily Planet", 1)
    assert (second.id, second.outlet, second.line) == ("wire-3", None, 3)  # no id: file stem and line


def test_read_inputs_yields_everything_in_input_order(tmp_path):
    good_a = tmp_path / "good-a.txt"
    good_a.write_text(GOOD_A, encoding="utf-8")
    good_b = tmp_path / "good-b.md"
    good_b.write_text(GOOD_B, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    feed = write_feed(tmp_path / "feed.jsonl")
    missing = tmp_path / "missing.txt"
    stdin = io.BytesIO("Officials said the port will stay shut.".encode("utf-8"))
    items = list(read_inputs([str(good_a), str(empty), str(feed), str(missing), "-", str(good_b)], stdin=stdin))
    summary = [(type(i).__name__, i.id if isinstance(i, Article) else (i.source, i.line)) for i in items]
    assert summary == [
        ("Article", "good-a"),
        ("InputError", (str(empty), None)),
        ("Article", "feed-good-1"),
        ("InputError", (str(feed), 2)),
        ("InputError", (str(feed), 3)),
        ("Article", "feed-good-4"),
        ("InputError", (str(missing), None)),
        ("Article", "stdin"),
        ("Article", "good-b"),
    ]


@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"\x00\x01binary", "binary"),
    (b"caf\xe9", "UTF-8"),
])
def test_read_inputs_bad_stdin(data, message):
    [error] = list(read_inputs(["-"], stdin=io.BytesIO(data), encoding="utf-8"))
    assert isinstance(error, InputError)
    assert error.source == "<stdin>"
    assert message.lower() in error.message.lower()


def test_read_inputs_folder_without_articles(tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    [error] = list(read_inputs([str(tmp_path)]))
    assert isinstance(error, InputError) and error.source == str(tmp_path)


def test_read_inputs_folder_skips_other_files(tmp_path):
    (tmp_path / "b.txt").write_text(GOOD_A, encoding="utf-8")
    (tmp_path / "a.md").write_text(GOOD_B, encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\x00")
    assert [i.id for i in read_inputs([str(tmp_path)])] == ["a", "b"]


# --- the CLI with every bad input at once: exit 1, the good ones still written ---------------

@pytest.fixture(scope="module")
def bad_run(cli, tmp_path_factory):
    base = tmp_path_factory.mktemp("bad_run")
    good_a = base / "good-a.txt"
    good_a.write_text(GOOD_A, encoding="utf-8")
    good_b = base / "good-b.txt"
    good_b.write_text(GOOD_B, encoding="utf-8")
    paths = {}
    for name in ("empty.txt", "binary.txt", "latin1.txt"):
        paths[name] = base / name
        paths[name].write_bytes(BAD_TEXT_FILES[name][0])
    feed = write_feed(base / "feed.jsonl")
    missing = base / "missing.txt"
    out = base / "out"
    result = cli.invoke(["analyze", good_a, paths["empty.txt"], paths["binary.txt"], feed, paths["latin1.txt"],
                         missing, good_b, "--out", out, "--encoding", "utf-8"])
    expected_errors = {
        "empty-file": f"error: {paths['empty.txt']}: ",
        "binary-file": f"error: {paths['binary.txt']}: ",
        "not-utf8": f"error: {paths['latin1.txt']}: ",
        "jsonl-not-json": f"error: {feed}:2: ",
        "jsonl-no-text": f"error: {feed}:3: ",
        "missing-path": f"error: {missing}: ",
    }
    texts = {"good-a": GOOD_A, "good-b": GOOD_B, "feed-good-1": GOOD_LINE_1["text"], "feed-good-4": GOOD_LINE_4["text"]}
    return SimpleNamespace(result=result, out=out, expected_errors=expected_errors, texts=texts)


def test_bad_inputs_exit_1_without_traceback(cli, bad_run):
    cli.assert_no_traceback(bad_run.result)
    assert bad_run.result.exit_code == 1, bad_run.result.stderr


@pytest.mark.parametrize("case", ["empty-file", "binary-file", "not-utf8", "jsonl-not-json", "jsonl-no-text",
                                  "missing-path"])
def test_each_bad_input_gets_one_error_line(cli, bad_run, case):
    prefix = bad_run.expected_errors[case]
    lines = [line for line in cli.error_lines(bad_run.result) if line.startswith(prefix)]
    assert len(lines) == 1, (prefix, bad_run.result.stderr)
    assert len(lines[0]) > len(prefix)  # says what is wrong


def test_only_the_bad_inputs_are_errors(cli, bad_run):
    assert len(cli.error_lines(bad_run.result)) == len(bad_run.expected_errors), bad_run.result.stderr
    assert "Traceback" not in bad_run.result.stdout


def test_good_inputs_are_still_written(cli, bad_run):
    _, cards = cli.read_csv(bad_run.out / "scorecard.csv")
    assert [c["article_id"] for c in cards] == ["good-a", "feed-good-1", "feed-good-4", "good-b"]
    _, rows = cli.read_csv(bad_run.out / "sentences.csv")
    assert {r["article_id"] for r in rows} == set(bad_run.texts)
    for row in rows:
        assert bad_run.texts[row["article_id"]][int(row["start_char"]):int(row["end_char"])] == row["text"]
    labels = {(r["article_id"], r["text"]): r["labels"] for r in rows}
    assert labels[("good-a", "Police said a man was arrested near the station.")] == "named-official"
    assert labels[("feed-good-4", GOOD_LINE_4["text"])] == "document"
    _, attributions = cli.read_csv(bad_run.out / "attributions.csv")
    assert {a["article_id"] for a in attributions} <= set(bad_run.texts)


def test_error_names_the_file_exactly(cli, tmp_path):
    odd = tmp_path / "notes:fire:.txt"
    odd.write_bytes(b"")
    good = tmp_path / "good-a.txt"
    good.write_text(GOOD_A, encoding="utf-8")
    result = cli.invoke(["analyze", odd, good, "--out", tmp_path / "out"])
    cli.assert_no_traceback(result)
    assert result.exit_code == 1
    assert any(line.startswith(f"error: {odd}: ") for line in cli.error_lines(result)), result.stderr


# --- odd but valid input: analysed, exit 0 --------------------------------------------------

LONG_WORDS = "officials said the harbour plan would cost more and residents warned that the council".split()
ODD_ARTICLES = {
    "unmatched-quote": 'He said "this never closes.\nThe fire spread quickly.\n',
    "long-sentence": " ".join(LONG_WORDS[i % len(LONG_WORDS)] for i in range(3000)),
    "punctuation-only": "... --- !!!\n\n  ?!  \n",
    "crlf": "Ferry Service Resumes\r\n\r\nPolice said a man was arrested near the quay.\r\n"
            "The road stayed closed overnight.\r\n",
}


@pytest.fixture(scope="module")
def odd_run(cli, tmp_path_factory):
    base = tmp_path_factory.mktemp("odd_run")
    paths = []
    for name, text in ODD_ARTICLES.items():
        path = base / f"{name}.txt"
        path.write_bytes(text.encode("utf-8"))  # bytes: keep the \r\n as written
        paths.append(path)
    out = base / "out"
    result = cli.invoke(["analyze", *paths, "--out", out])
    return SimpleNamespace(result=result, out=out)


def test_odd_inputs_exit_0_without_errors(cli, odd_run):
    cli.assert_no_traceback(odd_run.result)
    assert odd_run.result.exit_code == 0, odd_run.result.stderr
    assert cli.error_lines(odd_run.result) == []


def test_odd_inputs_each_get_a_scorecard(cli, odd_run):
    _, cards = cli.read_csv(odd_run.out / "scorecard.csv")
    assert [c["article_id"] for c in cards] == list(ODD_ARTICLES)
    for card in cards:
        assert 0 <= int(card["score"]) <= 100


@pytest.mark.parametrize("name", list(ODD_ARTICLES))
def test_odd_input_offsets_index_the_original_text(cli, odd_run, name):
    _, rows = cli.read_csv(odd_run.out / "sentences.csv")
    mine = [r for r in rows if r["article_id"] == name]
    assert mine, name
    text = ODD_ARTICLES[name]
    for row in mine:
        assert text[int(row["start_char"]):int(row["end_char"])] == row["text"], row
        assert "\r" not in row["text"] and "\n" not in row["text"]


def test_unmatched_quote_keeps_both_lines(cli, odd_run):
    _, rows = cli.read_csv(odd_run.out / "sentences.csv")
    texts = [r["text"] for r in rows if r["article_id"] == "unmatched-quote"]
    assert texts == ['He said "this never closes.', "The fire spread quickly."]


def test_crlf_sentences_and_labels(cli, odd_run):
    _, rows = cli.read_csv(odd_run.out / "sentences.csv")
    mine = [(r["text"], r["is_heading"], r["labels"]) for r in rows if r["article_id"] == "crlf"]
    assert mine == [
        ("Ferry Service Resumes", "True", ""),
        ("Police said a man was arrested near the quay.", "False", "named-official"),
        ("The road stayed closed overnight.", "False", ""),
    ]


def test_punctuation_only_is_analysed_as_unattributed(cli, odd_run):
    # Decision recorded: text with no words is not an input error; it is analysed, and its
    # "sentences" carry no labels.
    _, rows = cli.read_csv(odd_run.out / "sentences.csv")
    mine = [r for r in rows if r["article_id"] == "punctuation-only"]
    assert all(r["labels"] == "" for r in mine)
    _, cards = cli.read_csv(odd_run.out / "scorecard.csv")
    [card] = [c for c in cards if c["article_id"] == "punctuation-only"]
    assert int(card["unattributed_count"]) == int(card["sentences"]) == len(mine)


# --- the same odd texts through the library (shared Analyzer) -------------------------------

@pytest.mark.parametrize("text", [
    *ODD_ARTICLES.values(),
    '"',
    "\u201cAn opening curly quote that never closes, the mayor said.",
    "\u200b",
    "Police said\ta man was arrested.\u2028The road stayed closed.",
    "A diplomat told Reuters that talks stalled." * 40,
], ids=[*ODD_ARTICLES, "lone-quote", "curly-unclosed", "zero-width-space", "tab-and-line-separator", "no-spaces"])
def test_analyzer_survives_odd_text(analyzer, text):
    result = analyzer.analyze_text(text)
    for sentence in result.sentences:
        assert text[sentence.start_char:sentence.end_char] == sentence.text
    for attribution in result.attributions:
        assert 0 <= attribution.start_char <= attribution.end_char <= len(text)
        assert attribution.rule_id
    assert 0 <= result.scorecard.total <= 100


def test_analyzer_passes_input_errors_through_in_order(analyzer):
    items = [
        Article("one", GOOD_A),
        InputError("bad.txt", "empty file, no text to analyse"),
        Article("two", GOOD_B),
    ]
    results = list(analyzer.analyze(items))
    assert [r.source if isinstance(r, InputError) else r.article.id for r in results] == ["one", "bad.txt", "two"]
    assert results[1] is items[1]


def test_windows_1252_and_latin1_are_detected_by_default(tmp_path):
    cp1252 = tmp_path / "cp1252.txt"
    cp1252.write_bytes("The café’s owner said it “works”.".encode("cp1252"))
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Le caf\xe9 a dit non.".encode("latin-1"))
    first, second = list(read_inputs([str(cp1252), str(latin1)]))
    assert isinstance(first, Article) and first.text == "The café’s owner said it “works”."
    assert isinstance(second, Article) and second.text == "Le café a dit non."
