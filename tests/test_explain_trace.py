"""`sourcing explain ARTICLE --sentence N`: the decision trace of one sentence (issue 12, part 4).

The trace (analyzer/attribution/trace.py) is checked on short invented articles through the
plain function `trace_sentence`, then once end to end through the CLI. The off path: with no
collector active, nothing is recorded and the labels are the same as with one.
"""

from __future__ import annotations

import pytest

from analyzer.attribution.decisions import DECISION_TABLE
from analyzer.attribution.trace import DECIDED, PASSED, PhraseDecision, active_trace, collecting
from analyzer.cli.exits import EXIT_INPUT_ERRORS
from analyzer.cli.explain import trace_sentence
from analyzer.errors import InputError
from analyzer.io.articles import Article
from analyzer.run import local

OFFICIAL = "Pentagon spokesman John Kirby said the drills would continue."
NO_CUE = "The exercises involve four destroyers and a supply ship."
PART = "One of the officials said the schedule could change."
ARTICLE = ("Navy drills resume\n\n"
           f"{OFFICIAL}\n"
           f"{NO_CUE}\n"
           "\"We are not looking for a fight. We want the sea lanes open,\" Kirby said.\n"
           f"{PART}\n")
STEP_ORDER = [step.step_id for step in DECISION_TABLE]


def index_of(analyzer, article: Article, sentence_text: str) -> int:
    """The sentence's number as sentences.csv gives it (headings are found by another team's code)."""
    result = next(analyzer.analyze([article]))
    return next(s.index for s in result.sentences if s.text == sentence_text)


def explain(analyzer, text: str, sentence_text: str, outlet=None):
    article = Article("drills", text, outlet)
    explanation = trace_sentence(analyzer, article, index_of(analyzer, article, sentence_text))
    assert not isinstance(explanation, InputError), explanation
    assert explanation.sentence.text == sentence_text
    return explanation


def decisions_on(explanation, phrase: str, cue_type: str = "speech_verb") -> list[PhraseDecision]:
    """The decisions on the phrase under the sentence's cues of one type (an evidence-verb cue on
    "said" decides the subject too, and adds it only when it is evidence)."""
    return [d for cue in explanation.trace.cues if cue.type == cue_type for d in cue.decisions if d.text == phrase]


def assert_tried_in_table_order(decision: PhraseDecision) -> None:
    """The steps before the decider all passed, in the table's order, and none after it was asked."""
    decider = decision.decider
    assert decider is not None and decider.outcome == DECIDED
    assert [t.step_id for t in decision.tried] == STEP_ORDER[:STEP_ORDER.index(decider.step_id) + 1]
    assert all(t.outcome == PASSED for t in decision.tried[:-1])


def test_a_named_official_is_traced_from_cue_to_label(analyzer):
    explanation = explain(analyzer, ARTICLE, OFFICIAL)
    assert explanation.sentence.labels == ("named-official",)
    speech = [cue for cue in explanation.trace.cues if cue.type == "speech_verb"]
    assert [(cue.words, bool(cue.rule_id), cue.skipped) for cue in speech] == [("said", True, "")]
    [decision] = decisions_on(explanation, "Pentagon spokesman John Kirby")
    assert ARTICLE[decision.start_char:decision.end_char] == "Pentagon spokesman John Kirby"
    assert decision.label == "named-official"
    assert decision.passed, "at least one step tried and passed before the one that decided"
    assert_tried_in_table_order(decision)
    [added] = [a for cue in speech for a in cue.attributions]
    [final] = explanation.attributions
    assert (added.label, added.source, added.rule_id) == (final.label, final.source, final.rule_id)
    assert final.rule_id == decision.rule_id


def test_a_sentence_with_no_cue_says_so(analyzer):
    explanation = explain(analyzer, ARTICLE, NO_CUE)
    assert explanation.trace.cues == ()
    assert explanation.sentence.labels == ()
    assert explanation.attributions == () and explanation.carried == ()


def test_a_part_of_a_group_shows_the_group_decided_first(analyzer):
    explanation = explain(analyzer, ARTICLE, PART)
    [outer] = decisions_on(explanation, "One")
    assert outer.decider.step_id == "decide.part_of_group" and outer.label == "anonymous"
    [inner] = outer.inner
    assert inner.text == "the officials" and inner.label == "anonymous"
    assert_tried_in_table_order(inner)
    assert outer.step == f"decide.part_of_group > {inner.step}"


def test_a_quoted_sentence_shows_the_label_it_carries_and_from_where(analyzer):
    quoted = "\"We are not looking for a fight."
    explanation = explain(analyzer, ARTICLE, quoted)
    credit = index_of(analyzer, Article("drills", ARTICLE), "We want the sea lanes open,\" Kirby said.")
    assert [(c.attribution.label, c.from_sentence) for c in explanation.carried] == [("named-official", credit)]
    assert explanation.carried[0].attribution.quote_type == "continuation"


def test_the_articles_own_outlet_is_shown_as_left_out(analyzer):
    text = "Port news\n\nThe harbour plant will close in March, officials told Reuters on Tuesday.\n"
    explanation = explain(analyzer, text, "The harbour plant will close in March, officials told Reuters on Tuesday.",
                          outlet="Reuters")
    assert [(o.attribution.source, o.reason) for o in explanation.trace.left_out] == [
        ("Reuters", "the article's own outlet")]
    assert "secondary-outlet" not in explanation.sentence.labels


def test_a_sentence_of_a_later_chunk_is_numbered_and_placed_as_in_the_csv(analyzer, monkeypatch):
    filler = "The bridge opened in 1932 and carries four lanes of traffic over the river.\n" * 6
    text = filler + OFFICIAL + "\n" + filler
    monkeypatch.setattr(local, "CHUNK_CHARS", 300)
    assert len(local.paragraph_chunks(text, local.CHUNK_CHARS)) > 2
    explanation = explain(analyzer, text, OFFICIAL)
    assert explanation.trace.index == explanation.sentence.index > 0
    [decision] = decisions_on(explanation, "Pentagon spokesman John Kirby")
    assert text[decision.start_char:decision.end_char] == "Pentagon spokesman John Kirby"
    added = [a for cue in explanation.trace.cues for a in cue.attributions]
    assert added and all(a.sentence_index == explanation.sentence.index for a in added)


def test_a_sentence_out_of_range_is_an_input_error_naming_the_range(analyzer):
    article = Article("drills", ARTICLE, origin="drills.txt")
    count = len(next(analyzer.analyze([article])).sentences)
    for index in (count, -1):
        error = trace_sentence(analyzer, article, index)
        assert isinstance(error, InputError)
        assert error.one_line() == f"drills.txt: no sentence {index}: article drills has sentences 0 to {count - 1}"


def test_with_no_collector_active_nothing_is_recorded_and_the_labels_are_the_same(analyzer):
    with collecting() as collector:
        traced = analyzer.analyze_text(ARTICLE)
    assert collector.docs, "the collector records while active"
    recorded = {text: dict(sentences) for text, sentences in collector.docs.items()}
    assert active_trace() is None
    untraced = analyzer.analyze_text(ARTICLE)
    assert {text: dict(sentences) for text, sentences in collector.docs.items()} == recorded
    assert untraced.sentences == traced.sentences and untraced.attributions == traced.attributions


@pytest.fixture(scope="module")
def cli_run(cli, analyzer, tmp_path_factory):
    """One run of `sourcing explain --sentence N` over an article that has sentence N and one that has not."""
    folder = tmp_path_factory.mktemp("explain")
    (folder / "drills.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "short.txt").write_text("Police said the road was closed.\n", encoding="utf-8")
    number = index_of(analyzer, Article("drills", ARTICLE), OFFICIAL)
    assert number > 0, "short.txt has one sentence: N must be out of its range"
    return number, cli(["explain", folder / "drills.txt", folder / "short.txt", "--sentence", number])


def test_cli_prints_the_trace_and_rejects_a_sentence_out_of_range(cli, cli_run):
    number, result = cli_run
    cli.assert_no_traceback(result)
    out = " ".join(result.stdout.split())
    assert f"drills: sentence {number}" in out
    assert OFFICIAL in out
    assert "labels: named-official" in out
    assert 'speech_verb "said"' in out
    assert 'source phrase "Pentagon spokesman John Kirby"' in out
    assert "tried and passed" in out and "decided by decide." in out and "-> named-official" in out
    assert result.exit_code == EXIT_INPUT_ERRORS
    [error] = cli.error_lines(result)
    assert error.startswith("error: ") and error.endswith(f"short.txt: no sentence {number}: "
                                                          "article short has sentences 0 to 0")


def test_cli_help_says_how_sentences_are_numbered(cli):
    result = cli(["explain", "--help"])
    help_text = " ".join(result.stdout.replace("│", " ").split())  # rich draws the options in a box
    assert "--sentence" in help_text and "sentence_index of sentences.csv" in help_text
    assert "counted from 0" in help_text
