"""Run every rule's own examples: sentences it must fire on, and sentences it must not.

A rule "fires" on a sentence when an attribution found there names it (as the rule that
decided the label or as the cue); a rule that sets no label itself (one that stops a match,
or describes an anonymous source: its reason, vantage, rank) fires when it matches at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from .matcher import HitIndex
from .loader import load_rules

MATCH_ONLY_TYPES = {"not_a_source", "anonymity_request", "reason_formulaic", "reason_substantive", "vantage", "rank"}


@dataclass
class CheckReport:
    files: int = 0
    rules: int = 0
    examples: int = 0
    failures: list[str] = field(default_factory=list)


def fired_rules(nlp, text: str) -> set[str]:
    doc = nlp(text)
    data = doc._.sourcing
    fired = {a.rule_id for a in data.attributions} | {a.cue_rule_id for a in data.attributions}
    attributor = nlp.get_pipe("sourcing_attributor")
    for hit in HitIndex(attributor.matcher(doc)).hits:
        rule_id = hit.rule_id.split("#", 1)[0]
        if hit.type in MATCH_ONLY_TYPES:
            fired.add(rule_id)
    return fired


def check_rules(dirs: Iterable[Path], model: Optional[str] = None, nlp=None) -> CheckReport:
    from ..nlp.pipeline import build_pipeline

    dirs = [Path(d) for d in dirs]
    ruleset = load_rules(dirs)  # validates first, so a bad file is reported before the model loads
    nlp = nlp or build_pipeline(model, dirs)
    report = CheckReport(files=len(ruleset.files), rules=len(ruleset.rules))
    for loaded in ruleset.rules:
        examples = loaded.rule.examples
        for text in examples.match:
            report.examples += 1
            if loaded.id not in fired_rules(nlp, text):
                report.failures.append(f"{Path(loaded.path).name}: {loaded.id}: should match: {text}")
        for text in examples.no_match:
            report.examples += 1
            if loaded.id in fired_rules(nlp, text):
                report.failures.append(f"{Path(loaded.path).name}: {loaded.id}: should not match: {text}")
    return report
