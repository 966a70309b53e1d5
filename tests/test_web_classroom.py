"""The classroom's routes over HTTP (issue 14): each page, each file a class exchanges, and each
mistake answered with a message (never a traceback); plus the corrections as plain records:
what a label set by hand does to the attributions, the scorecard and the gold line."""

from __future__ import annotations

import base64
import html
import json
import re
from pathlib import Path

import httpx
import pytest

from analyzer.records import Attribution, Sentence
from analyzer.score.corrections import CORRECTED_RULE, apply_corrections, gold_id, gold_record
from analyzer.score.evaluation import load_gold
from analyzer.score.scorecard import build_scorecard
from analyzer.web.app import create_app
from analyzer.web.settings import ServerSettings

from webserver import running

ROOT = Path(__file__).resolve().parents[1]
SEED = (ROOT / "samples" / "seed-drones.txt").read_text(encoding="utf-8")
SHORT = "A US official told CNN that the talks had stalled. The road stayed closed overnight."
INJECTED = "The mayor said <script>document.title='PWNED'</script> nothing. Police said <b>so</b>."
SETTINGS = ServerSettings(max_body_bytes=2_000_000, max_text_chars=20_000)
NO_FILE = {"file": ("", b"", "application/octet-stream")}


@pytest.fixture(scope="module")
def server(analyzer):
    with running(create_app(SETTINGS, analyzer)) as base:
        yield base


def post(base: str, path: str, data=None, files=None) -> httpx.Response:
    return httpx.post(base + path, data=data or {}, files=files if files is not None else NO_FILE, timeout=120)


def hidden(html: str, name: str) -> str:
    return re.search(rf'name="{name}" value="([^"]*)"', html).group(1)


def error_of(response: httpx.Response) -> str:
    match = re.search(r'<p class="error" role="alert" id="error">(.*?)</p>', response.text, re.S)
    return html.unescape(match.group(1)) if match else ""


def downloads(html: str) -> dict[str, bytes]:
    return {name: base64.b64decode(data) for data, name in
            re.findall(r'href="data:[^;"]+;base64,([A-Za-z0-9+/=]+)" download="([^"]+)"', html)}


def checked_labels(html: str) -> list[tuple[str, str]]:
    return re.findall(r'name="(labels-\d+)" value="([^"]+)" checked', html)


# -- pages --------------------------------------------------------------------------------------

def test_the_classroom_page_and_a_reload_of_a_result(server):
    response = httpx.get(server + "/classroom")
    assert response.status_code == 200
    assert "script-src" not in response.headers["content-security-policy"]  # still no script at all
    for action in ("/classroom/exercise", "/classroom/correct", "/classroom/present", "/classroom/compare"):
        assert f'"{action}"' in response.text
    again = httpx.get(server + "/classroom/exercise/check", follow_redirects=False)
    assert again.status_code == 303 and again.headers["location"] == "/classroom"


def test_a_result_page_offers_the_classroom(server):
    page = post(server, "/analyze", {"text": SHORT})
    assert 'class="classroom-actions"' in page.text
    assert json.loads(base64.urlsafe_b64decode(hidden(page.text, "article")))["text"] == SHORT


def test_compare_two_articles(server):
    response = post(server, "/classroom/compare", {"text_a": SEED, "outlet_a": "CNN", "text_b": SHORT},
                    {"file_a": ("", b""), "file_b": ("", b"")})
    assert response.status_code == 200, error_of(response)
    assert response.text.count('<tr class="differ">') + response.text.count('<tr class="">') >= 10
    assert 'id="a-s-0"' in response.text and 'id="b-s-0"' in response.text
    assert "Where the checks differ" in response.text and 'class="differ-check"' in response.text


def test_compare_names_the_side_of_a_mistake(server):
    response = post(server, "/classroom/compare", {"text_a": SEED}, {"file_a": ("", b""), "file_b": ("", b"")})
    assert response.status_code == 400
    assert error_of(response).startswith("Article B: Nothing to analyse")
    assert SEED[:40] in response.text  # what was typed stays in the form
    batch = post(server, "/classroom/compare", {"text_b": SHORT},
                 {"file_a": ("a.csv", b"id,text\n1,One sentence here.\n2,Another one.\n"), "file_b": ("", b"")})
    assert batch.status_code == 400 and "Article A:" in error_of(batch) and "one article at a time" in error_of(batch)


def test_an_exercise_then_its_check(server):
    page = post(server, "/classroom/exercise", {"text": SHORT})
    assert page.status_code == 200
    assert "<mark" not in page.text, "labels are hidden until Check"
    assert page.text.count('type="radio" name="answer-0"') == 7  # six labels and none
    checked = post(server, "/classroom/exercise/check", {"article": hidden(page.text, "article"),
                                                         "sentences": hidden(page.text, "sentences"),
                                                         "answer-0": "anonymous", "answer-1": ""})
    assert checked.status_code == 200, error_of(checked)
    assert "gave the same labels to <strong>1 of 2</strong>" in checked.text
    # "A US official told CNN": the analyzer says anonymous and secondary-outlet, the student anonymous
    assert re.search(r'<tr data-label="anonymous">.*?<td>0</td><td>0</td><td>1</td><td>100%</td>', checked.text)
    assert re.search(r'<tr data-label="secondary-outlet">.*?<td>0</td><td>1</td><td>0</td><td>0%</td>', checked.text)
    differences = re.search(r'<ol class="differences">(.*?)</ol>', checked.text, re.S).group(1)
    assert "US official" in differences and "rule <code>" in differences
    assert re.search(r"</code>: [A-Z]", differences), "the rule's why is shown"
    key = downloads(checked.text)["pasted-text-answer-key.jsonl"]
    assert [s["labels"] for s in json.loads(key)["sentences"]] == [["anonymous"], []]


def test_an_exercise_file_with_its_key(server, tmp_path):
    record = {"id": "talks", "outlet": None, "text": SHORT, "title": "Talks",
              "sentences": [{"start": 0, "end": 50, "labels": ["named-official"]}, {"start": 51, "end": len(SHORT), "labels": []}]}
    page = post(server, "/classroom/exercise", files={"file": ("talks.jsonl", json.dumps(record).encode())})
    assert page.status_code == 200, error_of(page)
    files = downloads(page.text)
    assert json.loads(files["talks-exercise.jsonl"])["sentences"] == []  # the article alone, for students
    assert json.loads(files["talks-answer-key.jsonl"])["sentences"][0]["labels"] == ["named-official"]
    checked = post(server, "/classroom/exercise/check", {"article": hidden(page.text, "article"),
                                                         "sentences": hidden(page.text, "sentences"), "answer-0": "named-official"})
    assert "the teacher&rsquo;s key: <strong>2 of 2</strong>" in checked.text
    (tmp_path / "exercise.jsonl").write_bytes(files["talks-exercise.jsonl"])
    assert load_gold(tmp_path / "exercise.jsonl")[0].text == SHORT  # `sourcing evaluate` reads it


@pytest.mark.parametrize("name, data, status, message", [
    ("bad.jsonl", b'{"id": "x", "text": "Hi.", "sentences": [', 422, "bad.jsonl:1: not valid JSON"),
    ("two.jsonl", b'{"id": "a", "text": "A.", "sentences": []}\n{"id": "b", "text": "B.", "sentences": []}\n', 400,
     "holds one article"),
    ("label.jsonl", b'{"id": "a", "text": "A b.", "sentences": [{"start": 0, "end": 4, "labels": ["rumour"]}]}', 422,
     "Cannot open label.jsonl: sentence 1: unknown label 'rumour'"),
    ("long.jsonl", json.dumps({"id": "a", "text": "word " * 5000, "sentences": []}).encode(), 413, "20,000 characters"),
])
def test_a_bad_exercise_file_gets_a_message(server, name, data, status, message):
    response = post(server, "/classroom/exercise", files={"file": (name, data)})
    assert response.status_code == status
    assert message in error_of(response) and "Traceback" not in response.text


@pytest.mark.parametrize("fields, status, message", [
    ({"article": "%%%not-base64"}, 400, "damaged"),
    ({"article": base64.urlsafe_b64encode(b'{"id": "a"}').decode()}, 422, 'missing "text"'),
    ({"sentences": "2", "answer-0": "rumour"}, 400, "'rumour' is not a label"),
    ({"sentences": "7"}, 409, "analysed differently"),
])
def test_a_damaged_or_changed_check_gets_a_message(server, fields, status, message):
    token = hidden(post(server, "/classroom/exercise", {"text": SHORT}).text, "article")
    response = post(server, "/classroom/exercise/check", {"article": token, **fields})
    assert response.status_code == status
    assert message in error_of(response) and "Traceback" not in response.text


def test_correct_a_label_and_the_score_is_recomputed(server, analyzer, tmp_path):
    page = post(server, "/classroom/correct", {"text": SEED})
    before = int(re.search(r'class="score-after">(\d+)', page.text).group(1))
    fields = [(name, value) for name, value in checked_labels(page.text) if name != "labels-1"]  # sentence 1: none
    fields += [("article", hidden(page.text, "article")), ("sentences", hidden(page.text, "sentences"))]
    again = httpx.post(server + "/classroom/correct", data=dict(), content=httpx.QueryParams(fields).__str__(),
                       headers={"content-type": "application/x-www-form-urlencoded"}, timeout=120)
    assert again.status_code == 200, error_of(again)
    after = int(re.search(r'class="score-after">(\d+)', again.text).group(1))
    assert f"the analyzer alone: {before}" in again.text and 'class="fix corrected"' in again.text
    # the page's score is the project's own scorecard of the corrected records
    result = analyzer.analyze_text(SEED, article_id="pasted-text")
    corrected = apply_corrections(result.sentences, result.attributions, {1: []})
    assert after == build_scorecard("x", corrected.sentences, corrected.attributions, result.scorecard.rules_version,
                                    analyzer.expert_words).score
    gold_name, gold = next((n, d) for n, d in downloads(again.text).items() if n.endswith("-gold.jsonl"))
    (tmp_path / gold_name).write_bytes(gold)
    [article] = load_gold(tmp_path / gold_name)
    assert [sorted(s.labels) for s in article.sentences if s.start == result.sentences[1].start_char] == [[]]
    # the downloaded corrections, opened again, bring the corrections back
    reopened = post(server, "/classroom/correct", files={"file": (gold_name, gold)})
    assert int(re.search(r'class="score-after">(\d+)', reopened.text).group(1)) == after
    assert 'class="fix corrected"' in reopened.text


def test_present_the_corrected_article(server):
    page = post(server, "/classroom/correct", {"text": SEED})
    fields = [(n, v) for n, v in checked_labels(page.text) if n != "labels-1"]
    fields += [("article", hidden(page.text, "article")), ("sentences", hidden(page.text, "sentences"))]
    shown = httpx.post(server + "/classroom/present", content=str(httpx.QueryParams(fields)),
                       headers={"content-type": "application/x-www-form-urlencoded"}, timeout=120)
    assert shown.status_code == 200, error_of(shown)
    assert shown.text.count('class="slide') >= 6 and "1 sentence corrected by hand" in shown.text
    assert 'class="site"' not in shown.text  # the projector shows the lesson, not the site's menu


@pytest.mark.parametrize("path", ["/classroom/exercise", "/classroom/correct", "/classroom/present"])
def test_an_injected_script_stays_text(server, path):
    response = post(server, path, {"text": INJECTED})
    assert response.status_code == 200
    assert "<script>document" not in response.text and "&lt;script&gt;document.title" in response.text
    assert "<b>so</b>" not in response.text


# -- the corrections as records -------------------------------------------------------------------

def _records():
    text = "Officials said it rained. The road closed. Reuters reported it."
    sentences = [Sentence(0, 0, 25, False, text[0:25], 0, ("anonymous",)), Sentence(1, 26, 42, False, text[26:42], 0),
                 Sentence(2, 43, len(text), False, text[43:], 0, ("secondary-outlet",))]
    attributions = [Attribution(0, "anonymous", "Officials", "Officials", "said", "indirect", 0, 9, "anon.descriptor", "cue.say_verbs"),
                    Attribution(2, "secondary-outlet", "Reuters", "Reuters", "reported", "indirect", 43, 50, "outlet.wires",
                                "cue.say_verbs", outlet="Reuters")]
    return text, sentences, attributions


def test_a_correction_relabels_adds_and_removes():
    text, sentences, attributions = _records()
    corrected = apply_corrections(sentences, attributions, {0: ["named-official"], 1: ["document"], 2: []})
    assert [s.labels for s in corrected.sentences] == [("named-official",), ("document",), ()]
    relabelled, added = corrected.attributions
    assert (relabelled.label, relabelled.source, relabelled.rule_id) == ("named-official", "Officials", CORRECTED_RULE)
    assert (added.sentence_index, added.label, added.source) == (1, "document", "")
    assert sorted(corrected.corrections) == [0, 1, 2]
    assert corrected.corrections[2].analyzer == ("secondary-outlet",)
    unchanged = apply_corrections(sentences, attributions, {0: ["anonymous"], 1: []})
    assert unchanged.corrections == {} and unchanged.attributions == attributions


def test_the_gold_line_of_a_correction(tmp_path):
    text, sentences, attributions = _records()
    corrected = apply_corrections(sentences, attributions, {1: ["document"]})
    record = gold_record("pasted-text", text, None, corrected.sentences, sorted(corrected.corrections))
    assert record["id"] == gold_id("pasted-text", text) != "pasted-text"
    assert [s.get("corrected", False) for s in record["sentences"]] == [False, True, False]
    (tmp_path / "gold.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    [article] = load_gold(tmp_path / "gold.jsonl")
    assert [sorted(s.labels) for s in article.sentences] == [["anonymous"], ["document"], ["secondary-outlet"]]
    assert gold_id("my-story", text) == "my-story"
