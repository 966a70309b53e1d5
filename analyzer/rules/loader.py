"""Load rules/*.yml into a validated RuleSet.

The packaged files come first; a user's `--rules DIR` adds files, and a file of the same
name replaces the packaged one, so a user can override one kind without copying the rest.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import yaml
from pydantic import ValidationError

from ..errors import RuleFileError
from ..resources import packaged_folder
from .schema import RULE_TYPES, Rule, RuleFile


@dataclass
class LoadedRule:
    kind: str
    type: str
    rule: Rule
    path: str

    @property
    def id(self) -> str:
        return self.rule.id


@dataclass
class RuleSet:
    rules: list[LoadedRule] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    version: str = ""

    def by_id(self) -> dict[str, LoadedRule]:
        return {r.id: r for r in self.rules}

    def of(self, kind: str, *types: str) -> list[LoadedRule]:
        return [r for r in self.rules if r.kind == kind and (not types or r.type in types)]


def default_rules_dir() -> Path:
    """The installed package `analyzer.default_rules`, else the checkout's rules/ folder."""
    return packaged_folder("analyzer.default_rules", "*.yml", "rules")


def _field_path(loc: Iterable, data: dict) -> tuple[str | None, str]:
    """Turn a pydantic location like ('rules', 3, 'patterns') into (rule id, 'patterns')."""
    loc = list(loc)
    rule_id = None
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
        try:
            rule_id = str(data["rules"][loc[1]].get("id") or f"#{loc[1] + 1}")
        except (KeyError, IndexError, AttributeError, TypeError):
            rule_id = f"#{loc[1] + 1}"
        loc = loc[2:]
    return rule_id, " -> ".join(str(part) for part in loc) or "(file)"


def load_rule_file(path: Path) -> list[LoadedRule]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(path, f"cannot read: {exc}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise RuleFileError(path, f"not valid YAML{where}") from None
    if not isinstance(data, dict):
        raise RuleFileError(path, "expected a mapping with 'kind' and 'rules'")
    try:
        parsed = RuleFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        rule_id, field_name = _field_path(first["loc"], data)
        raise RuleFileError(path, first["msg"], rule_id=rule_id, field=field_name) from None
    allowed = RULE_TYPES[parsed.kind]
    loaded = []
    for rule in parsed.rules:
        rule_type = rule.type or allowed[0]
        if rule_type not in allowed:
            raise RuleFileError(path, f"type {rule_type!r} is not one of {', '.join(allowed)}", rule.id, "type")
        if parsed.kind == "outlet" and not rule.entries:
            raise RuleFileError(path, "an outlet rule needs entries", rule.id, "entries")
        if parsed.kind != "outlet" and not (rule.terms or rule.phrases or rule.patterns):
            raise RuleFileError(path, "a rule needs terms, phrases or patterns", rule.id, "terms")
        _check_patterns(path, rule)
        loaded.append(LoadedRule(parsed.kind, rule_type, rule, str(path)))
    return loaded


def _check_patterns(path: Path, rule: Rule) -> None:
    # spaCy validates Matcher patterns with its own pydantic schema; run it here so a bad
    # pattern fails when the file loads, naming the file and the rule, not deep in a run.
    if not rule.patterns:
        return
    from spacy.schemas import validate_token_pattern

    for number, pattern in enumerate(rule.patterns):
        problems = validate_token_pattern(pattern)
        if problems:
            raise RuleFileError(path, problems[0], rule.id, f"patterns -> {number}")


def rule_files(dirs: Iterable[Path]) -> list[Path]:
    chosen: dict[str, Path] = {}
    for directory in dirs:
        directory = Path(directory)
        if not directory.is_dir():
            raise RuleFileError(directory, "not a folder of rule files")
        for path in sorted(directory.glob("*.yml")) + sorted(directory.glob("*.yaml")):
            chosen[path.name] = path
    return [chosen[name] for name in sorted(chosen)]


def load_rules(extra_dirs: Iterable[Path] = (), *, include_default: bool = True) -> RuleSet:
    dirs = ([default_rules_dir()] if include_default else []) + [Path(d) for d in extra_dirs]
    ruleset = RuleSet()
    seen: dict[str, str] = {}
    digest = hashlib.sha256()
    for path in rule_files(dirs):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
        for loaded in load_rule_file(path):
            if loaded.id in seen:
                raise RuleFileError(path, f"id already used in {seen[loaded.id]}", loaded.id, "id")
            seen[loaded.id] = path.name
            ruleset.rules.append(loaded)
        ruleset.files.append(str(path))
    ruleset.version = digest.hexdigest()[:12]
    return ruleset
