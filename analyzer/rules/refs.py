"""Every rule id the code names, in one registry, checked when the rules load.

Two kinds of id can appear in an output's `rule_id` / `cue_rule_id`:
- a rule in rules/*.yml: code that needs one names it through `rule_ref("anon.hedge")`, so a
  `--rules` folder that renames or drops it fails at load time with one clear line instead of
  silently changing a label or a scorecard check;
- a documented decision step (`decide.*`, `ref.*`): registered with `@decision_step(id, why)`
  where the step is defined, so `sourcing rules list` can print it with its module and `why`.
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass
from typing import Callable, Iterable

from ..errors import RuleFileError


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

# The modules whose import fills the two registries (each imports the modules it uses: the
# component imports every decision module). Imported before a check, so the registries are
# complete whichever entry point loaded the rules; tests/test_rule_ids.py fails when a module
# that declares ids is not reached from here.
DECLARING_MODULES = ("analyzer.attribution.component", "analyzer.score.scorecard")


def _caller_module(depth: int = 2) -> str:
    # The frame's globals name its module; inspect.stack() would read every frame's source
    # lines, and these run at import time, some fifty times.
    frame = sys._getframe(depth)
    return frame.f_globals.get("__name__") or frame.f_code.co_filename


def rule_ref(rule_id: str) -> str:
    """Name a rule that must exist in the rule files; returns the id itself."""
    REQUIRED_RULES.setdefault(rule_id, RuleRef(rule_id, _caller_module()))
    return rule_id


def _register_step(step_id_: str, why: str, module: str) -> None:
    known = DECISION_STEPS.get(step_id_)
    if known is not None and known.why != why:
        raise ValueError(f"decision step {step_id_} declared twice with different reasons ({known.module}, {module})")
    DECISION_STEPS.setdefault(step_id_, DecisionStep(step_id_, why, module))


def step_id(step_id_: str, why: str) -> str:
    """Declare a decision step's id (an id that no rule file defines) with its reason."""
    _register_step(step_id_, why, _caller_module())
    return step_id_


def decision_step(step_id_: str, why: str) -> Callable:
    """Decorator: register the function as the decision step `step_id_`."""
    def register(function: Callable) -> Callable:
        _register_step(step_id_, why, function.__module__)
        function.step_id = step_id_
        return function
    return register


def missing_rules(defined: Iterable[str]) -> list[RuleRef]:
    """The rules the code needs that the loaded rule files do not define."""
    have = set(defined)
    return [ref for rule_id, ref in sorted(REQUIRED_RULES.items()) if rule_id not in have]


def import_declaring_modules() -> None:
    """Import the modules that declare rule refs and decision steps.

    Done lazily, at check time, never at import: the component imports the loader, so an
    import here at module level would be a cycle. A module still being imported (the check
    runs from inside its import) is already in sys.modules and is not imported again.
    """
    for name in DECLARING_MODULES:
        importlib.import_module(name)


class MissingRuleError(RuleFileError):
    """A rule the code needs that no loaded rule file defines: one line naming the rule and the code."""

    def __init__(self, path: str, rule_id: str, message: str):
        super().__init__(path, message, rule_id)

    def __reduce__(self):
        return (self.__class__, (self.path, self.rule_id, self.message))

    def one_line(self) -> str:
        return f"{self.path}: rule {self.rule_id} {self.message}"


def check_required(defined: Iterable[str], where: str = "rules") -> None:
    """Raise MissingRuleError (one line) when a rule the code needs is not among `defined`."""
    import_declaring_modules()
    missing = missing_rules(defined)
    if not missing:
        return
    first = missing[0]
    message = (f"is needed by {first.module} but no rule file defines it "
               "(renamed or removed in --rules DIR?)")
    if len(missing) > 1:
        message += "; also missing: " + ", ".join(ref.id for ref in missing[1:])
    raise MissingRuleError(where, first.id, message)
