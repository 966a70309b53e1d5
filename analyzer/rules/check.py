"""Run every rule's own examples, and find terms listed twice.

A rule "fires" on a sentence when an attribution found there names it (as the rule that
decided the label or as the cue); a rule that sets no label itself (one that stops a match,
or describes an anonymous source: its reason, vantage, rank) fires when it matches at all.

An example asserts labels as well as firing. A plain `match` sentence must fire the rule, and
every attribution there that names the rule must carry the rule's label (its `label:`, else
its kind's default, schema.DEFAULT_LABELS). An example written `{text: ..., labels: [...]}`
must get exactly those labels; lexicon rules, which never fire, are checked only that way.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from .loader import LoadedRule, RuleSet, load_rules
from .matcher import HitIndex
from .schema import Example, LabelledExample, expected_label

MATCH_ONLY_TYPES = {"not_a_source", "anonymity_request", "reason_formulaic", "reason_substantive", "vantage", "rank"}
# Kinds whose rules never fire: their examples are checked by their labels only.
UNMATCHED_KINDS = {"lexicon"}
# Word lists are separate lists read by separate code: the same word in two of them is no clash.
NO_CROSS_RULE_CHECK = {"lexicon"}


@dataclass
class CheckReport:
    files: int = 0
    rules: int = 0
    examples: int = 0
    failures: list[str] = field(default_factory=list)  # examples that fail
    duplicates: list[str] = field(default_factory=list)  # terms listed twice

    @property
    def ok(self) -> bool:
        return not self.failures and not self.duplicates


@dataclass(frozen=True)
class ExampleRun:
    """What the pipeline made of one example's own sentences (not its context)."""

    labels: tuple[str, ...]  # sorted; the labels of every attribution there
    fired: frozenset[str]  # the rules that fired there
    credited: dict[str, frozenset[str]]  # rule id -> labels of the attributions that name it


# --- running an example ------------------------------------------------------------------

def run_example(nlp, text: str, context: Optional[str] = None) -> ExampleRun:
    # The context comes as the paragraph before, as an article would have it.
    full = f"{context}\n\n{text}" if context else text
    start = len(full) - len(text)
    doc = nlp(full)
    data = doc._.sourcing
    own = {s.index for s in data.sentences if s.end_char > start and not s.is_heading}
    attributions = [a for a in data.attributions if a.sentence_index in own]
    credited: dict[str, set[str]] = defaultdict(set)
    for a in attributions:
        for rule_id in (a.rule_id, a.cue_rule_id):
            if rule_id:
                credited[rule_id.split("#", 1)[0]].add(a.label)
    fired = set(credited) | _match_only_hits(nlp, doc, start)
    return ExampleRun(tuple(sorted({a.label for a in attributions})), frozenset(fired),
                      {rule_id: frozenset(labels) for rule_id, labels in credited.items()})


def _match_only_hits(nlp, doc, start_char: int) -> set[str]:
    attributor = nlp.get_pipe("sourcing_attributor")
    return {hit.rule_id.split("#", 1)[0] for hit in HitIndex(attributor.matcher(doc)).hits
            if hit.type in MATCH_ONLY_TYPES and doc[hit.start].idx >= start_char}


def fired_rules(nlp, text: str) -> set[str]:
    return set(run_example(nlp, text).fired)


# --- judging an example ------------------------------------------------------------------

def _names(labels: Iterable[str]) -> str:
    return "[" + ", ".join(sorted(labels)) + "]"


def judge_example(loaded: LoadedRule, part: str, example: Example, run: ExampleRun) -> Optional[str]:
    """Why the example fails, or None when it passes. `part` is "match" or "no_match"."""
    text = example.text if isinstance(example, LabelledExample) else example
    where = f"{Path(loaded.path).name}: {loaded.id}"
    if loaded.kind not in UNMATCHED_KINDS:
        fired = loaded.id in run.fired
        if part == "match" and not fired:
            return f"{where}: should match: {text}"
        if part == "no_match" and fired:
            return f"{where}: should not match: {text}"
    if isinstance(example, LabelledExample):
        if run.labels != tuple(sorted(example.labels)):
            return f"{where}: example labelled {_names(run.labels)}, expected {_names(example.labels)}: {text}"
        return None
    expected = expected_label(loaded.kind, loaded.type, loaded.rule)
    wrong = run.credited.get(loaded.id, frozenset()) - {expected}
    if part == "match" and expected is not None and wrong:
        return f"{where}: example labelled {', '.join(sorted(wrong))}, expected {expected}: {text}"
    return None


# --- terms listed twice ------------------------------------------------------------------

def _term_keys(loaded: LoadedRule) -> list[str]:
    # As the matcher reads them: a single word matches in any case, a phrase with capitals
    # only as written ("WHO" is not "who"); a word list is read lower-cased.
    rule = loaded.rule
    words = [t.strip() for t in rule.terms]
    keys = [w.lower() if " " not in w or loaded.kind == "lexicon" else w for w in words]
    keys += [p.strip() for p in rule.phrases]
    keys += [form.strip() for entry in rule.entries for form in entry.surface_forms]
    return keys


def duplicate_terms(ruleset: RuleSet) -> list[str]:
    """A term listed twice in one rule, or in two rules of the same kind and type."""
    problems: list[str] = []
    owner: dict[tuple[str, str, str], LoadedRule] = {}
    for loaded in ruleset.rules:
        where = f"{Path(loaded.path).name}: {loaded.id}"
        seen: set[str] = set()
        for key in _term_keys(loaded):
            if key in seen:
                problems.append(f'{where}: term "{key}" listed twice')
                continue
            seen.add(key)
            if loaded.kind in NO_CROSS_RULE_CHECK:
                continue
            first = owner.setdefault((loaded.kind, loaded.type, key), loaded)
            if first is not loaded:
                problems.append(f'{where}: term "{key}" also in {first.id} ({Path(first.path).name}), '
                                f"a rule of the same kind and type ({loaded.kind}, {loaded.type})")
    return problems


# --- the whole check ---------------------------------------------------------------------

def _examples(loaded: LoadedRule) -> list[tuple[str, Example]]:
    examples = loaded.rule.examples
    return [("match", e) for e in examples.match_items] + [("no_match", e) for e in examples.no_match_items]


def check_rules(dirs: Iterable[Path], model: Optional[str] = None, nlp=None) -> CheckReport:
    from ..nlp.pipeline import build_pipeline

    dirs = [Path(d) for d in dirs]
    ruleset = load_rules(dirs)  # validates first, so a bad file is reported before the model loads
    report = CheckReport(files=len(ruleset.files), rules=len(ruleset.rules), duplicates=duplicate_terms(ruleset))
    nlp = nlp or build_pipeline(model, dirs)
    runs: dict[tuple[str, Optional[str]], ExampleRun] = {}  # rules share example sentences
    for loaded in ruleset.rules:
        for part, example in _examples(loaded):
            report.examples += 1
            key = (example.text, example.context) if isinstance(example, LabelledExample) else (example, None)
            if key not in runs:
                runs[key] = run_example(nlp, *key)
            failure = judge_example(loaded, part, example, runs[key])
            if failure is not None:
                report.failures.append(failure)
    return report
