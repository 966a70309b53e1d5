"""`sourcing rules check DIR` and `sourcing rules list`: test rule folders, and list every id
an output's rule_id / cue_rule_id can hold (a rule, or a documented decision step)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Annotated, List, Optional

import typer

from .exits import usage_errors

rules_app = typer.Typer(help="Inspect and test rule files.", no_args_is_help=True)


@rules_app.command("check")
def check_command(
    dirs: Annotated[List[Path], typer.Argument(help="Rule folders to check (the packaged rules are included).")],
    model: Annotated[str, typer.Option("--model", help="spaCy pipeline to run the examples with.")] = None,
) -> None:
    """Validate rule files, flag terms listed twice, and run each rule's examples: 'match' sentences
    must fire the rule with its label, 'no_match' must not fire it, and {text, labels} examples
    must get exactly those labels."""
    from ..rules.check import check_rules

    with usage_errors():
        report = check_rules(dirs, model)
    for problem in report.duplicates + report.failures:
        typer.echo(f"FAIL {problem}")
    typer.echo(f"{report.rules} rules in {report.files} files; {report.examples} examples, "
               f"{report.examples - len(report.failures)} passed, {len(report.failures)} failed; "
               f"{len(report.duplicates)} duplicate terms")
    if not report.ok:
        raise typer.Exit(1)


@dataclass(frozen=True)
class IdEntry:
    """One id an output can name: a rule of a rule file, or a decision step of the code."""

    id: str
    source: str  # "rule" | "decision-step"
    kind: str
    type: str
    file_or_module: str
    why: str


def id_entries(dirs: List[Path]) -> list[IdEntry]:
    """Every rule (packaged rules plus `dirs`) and every registered decision step, sorted by id within each group."""
    from ..rules.loader import load_rules

    return entries_of(load_rules(dirs))


def entries_of(ruleset) -> list[IdEntry]:
    """The rules of a loaded rule set and every registered decision step, sorted by id within each group."""
    from ..rules.refs import DECISION_STEPS, import_declaring_modules

    import_declaring_modules()  # the decision modules register their steps when imported
    rules = [IdEntry(r.id, "rule", r.kind, r.type, Path(r.path).name, r.rule.why.strip()) for r in ruleset.rules]
    steps = [IdEntry(s.id, "decision-step", "", "", s.module, s.why.strip()) for s in DECISION_STEPS.values()]
    return sorted(rules, key=lambda e: e.id) + sorted(steps, key=lambda e: e.id)


def _plain_lines(entries: list[IdEntry]) -> list[str]:
    """id, kind/type (or "decision step"), file or module, why: aligned columns, one line per id."""
    rows = [(e.id, f"{e.kind}/{e.type}" if e.source == "rule" else "decision step", e.file_or_module,
             " ".join(e.why.split())) for e in entries]
    widths = [max((len(row[column]) for row in rows), default=0) for column in range(3)]
    return ["  ".join(value.ljust(width) for value, width in zip(row[:3], widths)) + "  " + row[3] for row in rows]


@rules_app.command("list")
def list_command(
    dirs: Annotated[Optional[List[Path]], typer.Argument(help="Extra rule folders (added to the packaged rules).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list of {id, source, kind, type, file_or_module, why}.")] = False,
) -> None:
    """List every id an output's rule_id or cue_rule_id can name: each rule with its kind, type,
    file and why, then each decision step of the code with its module and why."""
    with usage_errors():
        entries = id_entries(dirs or [])
    if as_json:
        typer.echo(json.dumps([asdict(e) for e in entries], indent=2, ensure_ascii=False))
        return
    for line in _plain_lines(entries):  # one line per id, so the list greps like any other
        typer.echo(line)
