"""`sourcing evaluate`: the confusion table, the --json keys, and `--baseline textacy`.

The tiny gold file (invented sentences) has a heading and six scored sentences. The analyzer
gets four exactly right; two gold labels are set on purpose so that the confusion table has
cells off the diagonal:
  RECORDS  gold {document, named-official}, the analyzer finds document only -> (DOC, DOC), (OFF, none)
  RESIDENTS gold {} (deliberately), the analyzer finds anonymous            -> (none, ANON)
The textacy baseline finds two quotations: Maria Lopez (PERSON -> named-other, right) and
"he" (a pronoun -> anonymous, where gold says named-official: the governor).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analyzer.score.baseline import check_baseline, predicted_sentences, quotations_in, UnknownBaselineError
from analyzer.score.confusion import AXIS, NONE, ConfusionTable, cells
from analyzer.score.evaluation import GoldArticle, GoldSentence, PredictedSentence, load_gold, score

HEADING = "River Bridge To Reopen"
QUOTE = "'We will rebuild the bridge,' said Maria Lopez, a local engineer."
CREWS = "Work crews arrived on Tuesday morning."
GOVERNOR = "Governor Tom Reed said the state would pay for the repairs."
RECORDS = "The repairs will cost four million dollars, according to city records."
DETOUR = "\u201cThe detour adds twenty minutes to every trip,\u201d he said."
RESIDENTS = "Residents said the noise kept them awake at night."
TEXT = f"{HEADING}\n\n{QUOTE} {CREWS} {GOVERNOR} {RECORDS}\n\n{DETOUR} {RESIDENTS}"

GOLD_LABELS = [(HEADING, None), (QUOTE, ["named-other"]), (CREWS, []), (GOVERNOR, ["named-official"]),
               (RECORDS, ["document", "named-official"]), (DETOUR, ["named-official"]), (RESIDENTS, [])]


def gold_record() -> dict:
    sentences = []
    for sentence, labels in GOLD_LABELS:
        start = TEXT.index(sentence)
        sentences.append({"start": start, "end": start + len(sentence), "text": sentence,
                          "labels": labels or [], "heading": labels is None})
    return {"id": "bridge", "outlet": None, "text": TEXT, "sentences": sentences}


@pytest.fixture(scope="module")
def gold_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("gold") / "bridge.jsonl"
    path.write_text(json.dumps(gold_record()) + "\n", encoding="utf-8")
    return path


def table(**cells_by_code) -> dict:
    """An all-zero confusion table as a dict, with the given cells set: OFF_DOC=1, none_ANON=2."""
    codes = {"OFF": "named-official", "ANON": "anonymous", "SAT": "satellite-imagery", "OUTLET": "secondary-outlet",
             "OTHER": "named-other", "DOC": "document", "none": NONE}
    counts = {row: {column: 0 for column in AXIS} for row in AXIS}
    for key, n in cells_by_code.items():
        row, column = key.split("_")
        counts[codes[row]][codes[column]] = n
    return counts


# --- the confusion table: pure functions, no parser -------------------------------------------

@pytest.mark.parametrize("gold, predicted, expected", [
    ({"anonymous"}, {"anonymous"}, [("anonymous", "anonymous")]),
    (set(), set(), [(NONE, NONE)]),
    ({"document"}, set(), [("document", NONE)]),
    (set(), {"anonymous"}, [(NONE, "anonymous")]),
    ({"document"}, {"satellite-imagery"}, [("document", "satellite-imagery")]),
    ({"anonymous", "secondary-outlet"}, {"anonymous", "named-other"},
     [("anonymous", "anonymous"), ("secondary-outlet", "named-other")]),
    # a missed label meets every wrong one; with nothing missed, the wrong ones go to row none
    ({"named-official"}, {"anonymous", "document"}, [("named-official", "anonymous"), ("named-official", "document")]),
    ({"named-official"}, {"named-official", "document"}, [("named-official", "named-official"), (NONE, "document")]),
    ({"named-official", "document"}, {"document"}, [("document", "document"), ("named-official", NONE)]),
])
def test_cells_of_one_sentence(gold, predicted, expected):
    assert cells(frozenset(gold), frozenset(predicted)) == expected


def test_confusion_table_counts_and_plain_data():
    confusion = ConfusionTable()
    confusion.add(frozenset({"document"}), frozenset({"satellite-imagery"}))
    confusion.add(frozenset({"document"}), frozenset({"satellite-imagery"}))
    confusion.add(frozenset(), frozenset())
    assert confusion.as_dict() == table(DOC_SAT=2, none_none=1)
    assert confusion.total == 3
    assert json.loads(json.dumps(confusion.as_dict())) == confusion.as_dict()


def test_score_fills_the_confusion_table_from_scored_sentences_only(gold_file):
    def at(sentence: str, labels=(), heading=False) -> PredictedSentence:
        start = TEXT.index(sentence)
        return PredictedSentence(start, start + len(sentence), frozenset(labels), heading)

    # What the analyzer predicts (test_cli_text_output checks it does).
    predictions = {"bridge": [at(HEADING, heading=True), at(QUOTE, ["named-other"]), at(CREWS),
                              at(GOVERNOR, ["named-official"]), at(RECORDS, ["document"]),
                              at(DETOUR, ["named-official"]), at(RESIDENTS, ["anonymous"])]}
    result = score(load_gold(gold_file), predictions)
    assert result.confusion.as_dict() == table(OFF_OFF=2, OFF_none=1, OTHER_OTHER=1, DOC_DOC=1,
                                               none_ANON=1, none_none=1)
    assert result.as_dict()["confusion"] == result.confusion.as_dict()


def test_binary_gold_leaves_the_confusion_table_empty():
    gold = [GoldArticle("b", "Ann said A.", None, [GoldSentence(0, 11, "Ann said A.", None, True)])]
    result = score(gold, {"b": [PredictedSentence(0, 11, frozenset({"named-other"}))]})
    assert result.confusion.total == 0


# --- the textacy baseline ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def nlp():
    from analyzer.nlp.pipeline import load_model

    return load_model()


@pytest.mark.parametrize("text, expected", [
    (QUOTE, [{"named-other"}]),                                                    # PERSON
    ("\"Sales fell sharply in the spring,\" Microsoft said.", [{"named-other"}]),    # ORG
    ("'Traffic will be diverted for a month,' France said.", [{"named-official"}]),  # GPE
    ("\"The old pillars were never inspected,\" the engineer said.", [{"anonymous"}]),  # common noun
    (DETOUR, [{"anonymous"}]),                                                     # pronoun
    ("Governor Tom Reed said the state would pay for the repairs.", [set()]),      # no quotation marks
    ("She read \"War And Peace\" last summer.", [set()]),                          # a title, not a quotation
    (f"{QUOTE} {CREWS}", [{"named-other"}, set()]),                                # only the quoting sentence
])
def test_baseline_labels_the_sentences_a_quotation_spans(nlp, text, expected):
    doc = nlp(text)
    quotations, refused = quotations_in(doc)
    assert [set(s.labels) for s in predicted_sentences(doc, quotations)] == expected
    assert refused == 0


def test_baseline_tries_paragraph_by_paragraph_when_textacy_refuses_the_article(nlp):
    text = f"{QUOTE}\n\nThe town\u2019 bridge closed in May."   # a lone \u2019: an odd number of marks
    doc = nlp(text)
    quotations, refused = quotations_in(doc)
    assert [(q.speaker, q.label) for q in quotations] == [("Maria Lopez", "named-other")]
    assert refused == 1
    assert [set(s.labels) for s in predicted_sentences(doc, quotations)] == [{"named-other"}, set()]


def test_baseline_names_are_checked():
    assert check_baseline("textacy") == "textacy"
    with pytest.raises(UnknownBaselineError, match="unknown baseline 'spacy' \\(known: textacy\\)"):
        check_baseline("spacy")


def test_textacy_is_not_imported_at_start_up():
    script = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from analyzer.cli import app\n"
        "import analyzer.score.baseline, analyzer.cli.evaluate\n"
        "for args in (['--help'], ['evaluate', '--help']):\n"
        "    assert CliRunner().invoke(app, args).exit_code == 0, args\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textacy'))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


# --- the CLI ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def text_run(cli, gold_file):
    return cli(["evaluate", gold_file, "--errors", "--baseline", "textacy"])


@pytest.fixture(scope="module")
def json_run(cli, gold_file):
    return cli(["evaluate", gold_file, "--json", "--baseline", "textacy"])


def test_cli_text_output(cli, text_run):
    cli.assert_no_traceback(text_run)
    assert text_run.exit_code == 0, text_run.stderr
    lines = text_run.stdout.splitlines()
    assert lines[5].startswith("document           P=1.00 R=1.00 F1=1.00 n=1")
    top = lines.index("confusion (rows: gold label, columns: predicted label; . = 0)")
    assert top == 6   # right after the per-label lines
    assert lines[top + 1:top + 9] == [
        "gold\\pred     OFF   ANON    SAT OUTLET  OTHER    DOC   none",
        "OFF             2      .      .      .      .      .      1",
        "ANON            .      .      .      .      .      .      .",
        "SAT             .      .      .      .      .      .      .",
        "OUTLET          .      .      .      .      .      .      .",
        "OTHER           .      .      .      .      1      .      .",
        "DOC             .      .      .      .      .      1      .",
        "none            .      1      .      .      .      .      1",
    ]
    # --errors: both misses follow the table, each with the rules that decided it
    misses = [i for i, line in enumerate(lines) if line.startswith("  x bridge")]
    assert len(misses) == 2 and misses[0] > top + 8
    assert "Residents said the noise" in lines[misses[1]]
    assert "gold: (unattributed)    predicted: anonymous" in lines[misses[1] + 1]
    assert lines[misses[1] + 2].strip().startswith("rules: anon.")
    assert "decided by " in lines[misses[1] + 3]
    summary = next(i for i, line in enumerate(lines) if line.startswith("core micro-F1="))
    assert lines[summary].startswith("core micro-F1=0.667 all-label micro-F1=0.800 exact=0.667 sentences=6 headings=1/1")


def test_cli_baseline_beside_the_analyzer(text_run):
    lines = text_run.stdout.splitlines()
    top = next(i for i, line in enumerate(lines) if line.startswith("baseline: textacy "))
    assert "(2 quotations, 0 paragraphs refused)" in lines[top]
    assert lines[top + 1:] == [
        "F1                  analyzer   textacy",
        "named-official          0.80      0.00",
        "anonymous               0.00      0.00",
        "satellite-imagery       0.00      0.00",
        "secondary-outlet        0.00      0.00",
        "named-other             1.00      1.00",
        "document                1.00      0.00",
        "core micro-F1          0.667     0.000",
        "all-label micro-F1     0.800     0.286",
        "exact                  0.667     0.500",
    ]


def test_cli_json_keys(json_run):
    assert json_run.exit_code == 0, json_run.stderr
    figures = json.loads(json_run.stdout)
    assert {"labels", "confusion", "core_micro_f1", "exact", "analyze_s", "baseline"} <= set(figures)
    assert figures["confusion"] == table(OFF_OFF=2, OFF_none=1, OTHER_OTHER=1, DOC_DOC=1, none_ANON=1, none_none=1)
    baseline = figures["baseline"]
    assert (baseline["name"], baseline["tool"].split()[0], baseline["quotations"]) == ("textacy", "textacy", 2)
    assert baseline["labels"]["named-other"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "support": 1, "tp": 1, "fp": 0, "fn": 0}
    assert (baseline["labels"]["anonymous"]["fp"], baseline["exact"], baseline["sentences"]) == (1, 0.5, 6)
    assert baseline["confusion"] == table(OTHER_OTHER=1, OFF_ANON=1, OFF_none=2, DOC_none=1, none_none=2)
    assert "baseline_s" in baseline and "misses" not in baseline


def test_cli_unknown_baseline_is_one_line_exit_2(cli, gold_file):
    result = cli(["evaluate", gold_file, "--baseline", "spacy"])
    cli.assert_no_traceback(result)
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: unknown baseline 'spacy' (known: textacy)"
    assert result.stdout == ""
