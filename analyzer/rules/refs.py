"""Every rule id the code names, in one registry, checked when the rules load.

Two kinds of id can appear in an output's `rule_id` / `cue_rule_id`:
- a rule in rules/*.yml: code that needs one names it through `rule_ref("anon.hedge")`, so a
  `--rules` folder that renames or drops it fails at load time with one clear line instead of
  silently changing a label or a scorecard check;
- a documented decision step (`decide.*`, `ref.*`): registered with `@decision_step(id, why)`
  where the step is defined, so `sourcing rules list` can print it with its module and `why`.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Callable, Iterable


@dataclass(frozen=True)
class DecisionStep:
    id: str
    why: str
    module: str


@dataclass(frozen=True)
class RuleRef:
    id: str
    module: str


DECISION_STEPS: dict[str, DecisionStep] = {}
REQUIRED_RULES: dict[str, RuleRef] = {}


def _caller_module(depth: int = 2) -> str:
    frame = inspect.stack()[depth]
    module = inspect.getmodule(frame[0])
    return module.__name__ if module is not None else frame.filename


def rule_ref(rule_id: str) -> str:
    """Name a rule that must exist in the rule files; returns the id itself."""
    REQUIRED_RULES.setdefault(rule_id, RuleRef(rule_id, _caller_module()))
    return rule_id


def step_id(step_id_: str, why: str) -> str:
    """Declare a decision step's id (an id that no rule file defines) with its reason."""
    if step_id_ in DECISION_STEPS and DECISION_STEPS[step_id_].why != why:
        raise ValueError(f"decision step {step_id_} declared twice with different reasons")
    DECISION_STEPS.setdefault(step_id_, DecisionStep(step_id_, why, _caller_module()))
    return step_id_


def decision_step(step_id_: str, why: str) -> Callable:
    """Decorator: register the function as the decision step `step_id_`."""
    def register(function: Callable) -> Callable:
        DECISION_STEPS.setdefault(step_id_, DecisionStep(step_id_, why, function.__module__))
        function.step_id = step_id_
        return function
    return register


def missing_rules(defined: Iterable[str]) -> list[RuleRef]:
    """The rules the code needs that the loaded rule files do not define."""
    have = set(defined)
    return [ref for rule_id, ref in sorted(REQUIRED_RULES.items()) if rule_id not in have]
