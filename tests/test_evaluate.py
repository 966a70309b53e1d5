"""`sourcing evaluate`: gold loading, the shared scoring measure, binary mode, the overlap rule,
and one end-to-end CLI run whose --errors output explains a miss by its rule ids.

The tiny gold file has two articles: a heading, four scored sentences, and one deliberate miss
(satellite images labelled `document` in gold, so the analyzer's satellite-imagery is a false
positive and document a false negative). Expected figures:
  exact 3/4; core micro-F1 = 2*3 / (2*3 + 1 + 0) = 6/7; all-label micro-F1 = 6 / (6 + 1 + 1) = 0.75;
  headings 1/1.
Confusion table (rows gold, columns predicted): (OFF, OFF) 1, (ANON, ANON) 1, (OUTLET, OUTLET) 1,
(DOC, SAT) 1 for the miss, (none, none) 1 for the unattributed road sentence.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analyzer.score.evaluation import (
    GoldArticle, GoldFileError, GoldSentence, PredictedSentence, inside, load_gold, run_analyzer, score,
)

HEADING = "Harbour Fire Damages Warehouse"
MAYOR = "Mayor Jane Doe said the bridge will reopen on Friday."
DIPLOMAT = "A diplomat told Reuters that talks stalled."
IMAGES = "Satellite images show the damage to the roof."
ROAD = "The road stayed closed overnight."

A1 = f"{HEADING}\n\n{MAYOR} {DIPLOMAT}\n"
A2 = f"{IMAGES} {ROAD}"


def span(text: str, sentence: str) -> tuple[int, int]:
    start = text.index(sentence)
    return start, start + len(sentence)


def gold_sentence(text: str, sentence: str, labels=(), heading=False) -> dict:
    start, end = span(text, sentence)
    return {"start": start, "end": end, "text": sentence, "labels": list(labels), "heading": heading}


GOLD = [
    {"id": "harbour", "outlet": None, "text": A1, "sentences": [
        gold_sentence(A1, HEADING, heading=True),
        gold_sentence(A1, MAYOR, ["named-official"]),
        gold_sentence(A1, DIPLOMAT, ["anonymous", "secondary-outlet"]),
    ]},
    {"id": "roof", "outlet": None, "text": A2, "sentences": [
        gold_sentence(A2, IMAGES, ["document"]),   # deliberate miss: the analyzer says satellite-imagery
        gold_sentence(A2, ROAD, []),
    ]},
]


def write_jsonl(path: Path, records: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def gold_file(tmp_path) -> Path:
    return write_jsonl(tmp_path / "gold.jsonl", GOLD)


def predicted(text: str, sentence: str, labels=(), heading=False, rule_ids=()) -> PredictedSentence:
    start, end = span(text, sentence)
    return PredictedSentence(start, end, frozenset(labels), heading, tuple(rule_ids))


HAND_MADE = {
    "harbour": [
        predicted(A1, HEADING, heading=True),
        predicted(A1, MAYOR, ["named-official"], rule_ids=["official.title"]),
        predicted(A1, DIPLOMAT, ["anonymous", "secondary-outlet"], rule_ids=["anon.descriptor", "outlet.wire_services"]),
    ],
    "roof": [
        predicted(A2, IMAGES, ["satellite-imagery"], rule_ids=["imagery.satellite_terms"]),
        predicted(A2, ROAD),
    ],
}


def check_expected_figures(result) -> None:
    assert (result.sentences, result.exact_matches, result.headings, result.headings_ok) == (4, 3, 1, 1)
    assert result.exact == 0.75
    assert result.core_micro_f1 == pytest.approx(6 / 7)
    assert result.all_micro_f1 == pytest.approx(0.75)
    counts = {label: (s.tp, s.fp, s.fn) for label, s in result.labels.items()}
    assert counts == {"named-official": (1, 0, 0), "anonymous": (1, 0, 0), "satellite-imagery": (0, 1, 0),
                      "secondary-outlet": (1, 0, 0), "named-other": (0, 0, 0), "document": (0, 0, 1)}
    assert (result.labels["named-official"].p, result.labels["named-official"].r) == (1.0, 1.0)
    assert (result.labels["satellite-imagery"].p, result.labels["satellite-imagery"].support) == (0.0, 0)
    assert (result.labels["document"].r, result.labels["document"].support) == (0.0, 1)
    [miss] = result.misses
    assert (miss.article_id, miss.text, miss.gold, miss.predicted) == ("roof", IMAGES, ["document"], ["satellite-imagery"])
    nonzero = {(row, column): n for row, columns in result.confusion.as_dict().items()
               for column, n in columns.items() if n}
    assert nonzero == {("named-official", "named-official"): 1, ("anonymous", "anonymous"): 1,
                       ("secondary-outlet", "secondary-outlet"): 1, ("document", "satellite-imagery"): 1,
                       ("none", "none"): 1}


def test_load_gold_reads_articles_and_sentences(gold_file):
    gold = load_gold(gold_file)
    assert [g.id for g in gold] == ["harbour", "roof"]
    assert gold[0].outlet is None and gold[0].line == 1
    assert [s.heading for s in gold[0].sentences] == [True, False, False]
    assert gold[0].sentences[2].labels == {"anonymous", "secondary-outlet"}


def test_score_hand_made_predictions_exact_numbers(gold_file):
    result = score(load_gold(gold_file), HAND_MADE)
    check_expected_figures(result)
    assert result.misses[0].rule_ids == ["imagery.satellite_terms"]
    assert result.has_labels and not result.has_binary


def test_a_heading_predicted_as_a_sentence_is_not_ok(gold_file):
    preds = dict(HAND_MADE, harbour=[predicted(A1, HEADING)] + HAND_MADE["harbour"][1:])
    result = score(load_gold(gold_file), preds)
    assert (result.headings_ok, result.headings) == (0, 1)


def test_overlap_rule():
    g = GoldSentence(10, 30, "x" * 20, frozenset())
    assert inside(PredictedSentence(10, 30), g)
    assert inside(PredictedSentence(12, 20), g)          # wholly inside
    assert inside(PredictedSentence(25, 35), g)          # exactly half inside counts
    assert not inside(PredictedSentence(26, 36), g)      # less than half inside
    assert inside(PredictedSentence(0, 30), g)           # 20 of its 30 characters inside
    assert not inside(PredictedSentence(0, 19), g)       # 9 of 19 inside: less than half
    assert not inside(PredictedSentence(20, 20), g)      # empty prediction never counts


def test_labels_are_the_union_of_the_predicted_sentences_mostly_inside():
    text = "Ann said A. Bob said B. Carl said C."
    gold = [GoldArticle("t", text, None, [GoldSentence(0, 23, text[:23], frozenset({"named-official", "named-other"}))])]
    preds = {"t": [
        PredictedSentence(0, 11, frozenset({"named-official"})),   # inside
        PredictedSentence(12, 23, frozenset({"named-other"})),     # inside
        PredictedSentence(20, 36, frozenset({"anonymous"})),       # 3 of 16 inside: ignored
    ]}
    result = score(gold, preds)
    assert result.exact_matches == 1 and not result.misses


def test_binary_gold_scores_any_label(tmp_path):
    text = "Ann said A. It rained. Bob said B. It snowed."
    sentences = ["Ann said A.", "It rained.", "Bob said B.", "It snowed."]
    flags = [True, False, True, False]
    record = {"id": "b", "outlet": None, "text": text,
              "sentences": [{"start": span(text, s)[0], "end": span(text, s)[1], "text": s, "attributed": f}
                            for s, f in zip(sentences, flags)]}
    gold = load_gold(write_jsonl(tmp_path / "binary.jsonl", [record]))
    preds = {"b": [predicted(text, "Ann said A.", ["named-other"]),      # TP
                   predicted(text, "It rained.", ["anonymous"]),        # FP
                   predicted(text, "Bob said B."),                      # FN
                   predicted(text, "It snowed.")]}                      # TN
    result = score(gold, preds)
    assert result.has_binary and not result.has_labels
    assert (result.binary.tp, result.binary.fp, result.binary.fn) == (1, 1, 1)
    assert (result.binary.p, result.binary.r, result.binary.f1, result.binary.support) == (0.5, 0.5, 0.5, 2)
    assert result.binary_sentences == 4
    assert [(m.text, m.gold, m.predicted, m.binary) for m in result.misses] == [
        ("It rained.", [], ["anonymous"], True), ("Bob said B.", ["attributed"], [], True)]


@pytest.mark.parametrize("lines, message", [
    ([GOLD[0], "not json"], "gold.jsonl:2: not valid JSON"),
    ([{"id": "x", "sentences": []}], "gold.jsonl:1: missing \"text\""),
    ([{"id": "x", "text": "Hi there.", "sentences": [{"start": 0, "end": 9}]}], "gold.jsonl:1: sentence 1: missing \"labels\""),
    ([{"id": "x", "text": "Hi there.", "sentences": [{"start": 0, "end": 99, "labels": []}]}], "gold.jsonl:1: sentence 1: offsets 0-99"),
    ([{"id": "x", "text": "Hi there.", "sentences": [{"start": 0, "end": 9, "labels": ["named_official"]}]}],
     "gold.jsonl:1: sentence 1: unknown label 'named_official'"),
    ([GOLD[0], GOLD[0]], "gold.jsonl:2: duplicate id 'harbour'"),
])
def test_bad_gold_file_names_file_and_line(tmp_path, lines, message):
    path = write_jsonl(tmp_path / "gold.jsonl", lines)
    with pytest.raises(GoldFileError) as info:
        load_gold(path)
    assert str(info.value).startswith(str(path.parent / message))


def test_analyzer_in_process_gives_the_expected_figures(gold_file, analyzer):
    predictions, failures = run_analyzer(load_gold(gold_file), analyzer=analyzer)
    assert not failures
    check_expected_figures(score(load_gold(gold_file), predictions))


def test_cli_evaluate_errors_show_why(cli, gold_file, analyzer):
    fired = list(analyzer.analyze_text(A2).sentences[0].rule_ids)
    result = cli(["evaluate", gold_file, "--errors"])
    cli.assert_no_traceback(result)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("named-official     P=1.00 R=1.00 F1=1.00 n=1")
    assert "document           P=0.00 R=0.00 F1=0.00 n=1" in lines
    assert lines[-1].startswith("core micro-F1=0.857 all-label micro-F1=0.750 exact=0.750 sentences=4 headings=1/1")
    miss = next(i for i, line in enumerate(lines) if line.startswith("  x roof"))
    table = lines.index("confusion (rows: gold label, columns: predicted label; . = 0)")
    assert table < miss and lines[table + 7].split() == ["DOC", ".", ".", "1", ".", ".", ".", "."]
    assert "Satellite images show the damage" in lines[miss]
    assert "gold: document" in lines[miss + 1] and "predicted: satellite-imagery" in lines[miss + 1]
    assert lines[miss + 2].strip() == "rules: " + ", ".join(fired)
    assert "source 'Satellite images'" in lines[miss + 3] and f"rule {fired[0]}" in lines[miss + 3]


def test_cli_bad_gold_file_is_one_line_exit_2(cli, tmp_path):
    bad = write_jsonl(tmp_path / "gold.jsonl", [GOLD[1], "{oops"])
    missing = tmp_path / "missing.jsonl"
    for path, expected in ((bad, f"error: {bad}:2: not valid JSON"), (missing, f"error: {missing}: no such file")):
        result = cli(["evaluate", path])
        cli.assert_no_traceback(result)
        assert result.exit_code == 2
        assert len(result.stderr.strip().splitlines()) == 1
        assert result.stderr.startswith(expected)
        assert result.stdout == ""
