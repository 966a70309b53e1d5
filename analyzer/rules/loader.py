"""Load rules/*.yml into a validated RuleSet.

The packaged files come first; a user's `--rules DIR` adds files, and a file of the same
name replaces the packaged one, so a user can override one kind without copying the rest.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import yaml
from pydantic import ValidationError

from ..errors import RuleFileError
from ..resources import packaged_folder
from . import cache
from .refs import check_required as check_required_rules
from .schema import EXAMPLE_FORMS, LEXICON_FIELDS, RULE_TYPES, Rule, RuleFile

# libyaml's loader builds the same data as the pure-Python SafeLoader (same resolver, same
# safe constructors) about 8x faster: the rule files' parsing was most of the start-up.
# tests/test_startup.py checks the two agree on the packaged files.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
PARSED_FORMAT = 1  # of the parsed files kept in the cache


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
    version: str = ""  # the first 12 digits of digest, in outputs
    digest: str = ""  # sha256 of the rule files' names and contents

    def by_id(self) -> dict[str, LoadedRule]:
        return {r.id: r for r in self.rules}

    def of(self, kind: str, *types: str) -> list[LoadedRule]:
        return [r for r in self.rules if r.kind == kind and (not types or r.type in types)]

    def terms(self, rule_id: str) -> frozenset[str]:
        """The lower-cased terms of one rule (a lexicon's word list, say)."""
        for loaded in self.rules:
            if loaded.id == rule_id:
                return frozenset(term.strip().lower() for term in loaded.rule.terms)
        where = ", ".join(Path(f).name for f in self.files) or "no rule files"
        raise RuleFileError("rules", f"no rule file defines it (loaded: {where})", rule_id)


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
    loc = [part for part in loc if part not in EXAMPLE_FORMS]
    return rule_id, " -> ".join(str(part) for part in loc) or "(file)"


def load_rule_file(path: Path) -> list[LoadedRule]:
    return rules_of(path, parse_rule_file(path))


def parse_rule_file(path: Path):
    """The file's YAML as plain data (not yet validated)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(path, f"cannot read: {exc}") from None
    try:
        return yaml.load(text, Loader=YAML_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise RuleFileError(path, f"not valid YAML{where}") from None


def rules_of(path: Path, data) -> list[LoadedRule]:
    """The validated rules of one file's parsed YAML."""
    if not isinstance(data, dict):
        raise RuleFileError(path, "expected a mapping with 'kind' and 'rules'")
    try:
        parsed = RuleFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        rule_id, field_name = _field_path(first["loc"], data)
        raise RuleFileError(path, first["msg"], rule_id=rule_id, field=field_name) from None
    return [LoadedRule(parsed.kind, _checked_type(path, parsed.kind, rule), rule, str(path)) for rule in parsed.rules]


def _checked_type(path: Path, kind: str, rule: Rule) -> str:
    """Check what validation per field cannot (it depends on the file's kind); the rule's type."""
    allowed = RULE_TYPES[kind]
    rule_type = rule.type or allowed[0]
    if rule_type not in allowed:
        raise RuleFileError(path, f"type {rule_type!r} is not one of {', '.join(allowed)}", rule.id, "type")
    if kind == "outlet" and not rule.entries:
        raise RuleFileError(path, "an outlet rule needs entries", rule.id, "entries")
    if kind == "lexicon":
        _check_lexicon(path, rule)
    elif kind != "outlet" and not (rule.terms or rule.phrases or rule.patterns):
        raise RuleFileError(path, "a rule needs terms, phrases or patterns", rule.id, "terms")
    _check_patterns(path, rule)
    return rule_type


def _check_lexicon(path: Path, rule: Rule) -> None:
    # A word list is read by the code, never matched: matcher fields would be silently
    # ignored, and a plain example could only claim that the list "fires", which it never does.
    extra = sorted(rule.model_fields_set - LEXICON_FIELDS)
    if extra:
        raise RuleFileError(path, "a lexicon rule is a plain word list (id, why, terms, examples)", rule.id, extra[0])
    if not rule.terms:
        raise RuleFileError(path, "a lexicon rule needs terms", rule.id, "terms")
    for part in ("match", "no_match"):
        for number, example in enumerate(getattr(rule.examples, f"{part}_items")):
            if isinstance(example, str):
                raise RuleFileError(path, "a lexicon rule's examples assert labels: {text: ..., labels: [...]}",
                                    rule.id, f"examples -> {part} -> {number}")


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


def load_rules(extra_dirs: Iterable[Path] = (), *, include_default: bool = True,
               check_required: bool = True) -> RuleSet:
    """The packaged rules plus `extra_dirs`, validated; with `check_required`, every rule the
    code names (refs.rule_ref) must be among them, or loading fails with one line."""
    dirs = ([default_rules_dir()] if include_default else []) + [Path(d) for d in extra_dirs]
    paths = rule_files(dirs)
    parsed = _ParsedFiles(paths)
    ruleset = RuleSet()
    seen: dict[str, str] = {}
    for number, path in enumerate(paths):
        for loaded in rules_of(path, parsed.data(number)):
            if loaded.id in seen:
                raise RuleFileError(path, f"id already used in {seen[loaded.id]}", loaded.id, "id")
            seen[loaded.id] = path.name
            ruleset.rules.append(loaded)
        ruleset.files.append(str(path))
    parsed.keep()
    ruleset.digest = parsed.digest
    ruleset.version = ruleset.digest[:12]
    if check_required:
        check_required_rules(r.id for r in ruleset.rules)
    return ruleset


class _ParsedFiles:
    """The rule files' parsed YAML, read from the cache (cache.py) when these very files were
    parsed before: reading JSON takes a fortieth of the time of parsing the YAML again. The
    key is the files' names and contents (their digest, the rule set's version) and the YAML
    library; what it parsed to is kept only when JSON holds it exactly (YAML also has dates,
    sets and keys that are not strings)."""

    def __init__(self, paths: list[Path]):
        self.paths = paths
        digest = hashlib.sha256()
        try:
            for path in paths:
                digest.update(path.name.encode() + b"\0" + path.read_bytes())
            self.readable = True
        except OSError:  # raised by data() in its turn, after the files before it, as it always was
            self.readable = False
        self.digest = digest.hexdigest()
        about = f"{PARSED_FORMAT} {yaml.__version__} {YAML_LOADER.__name__} {self.digest}"
        self.key = hashlib.sha256(about.encode()).hexdigest()
        stored = cache.read("parsed", self.key) if self.readable else None
        self.stored = stored if isinstance(stored, list) and len(stored) == len(paths) else None
        self.parsed: list = []

    def data(self, number: int):
        if not self.readable:
            self.paths[number].read_bytes()
        data = self.stored[number] if self.stored is not None else parse_rule_file(self.paths[number])
        self.parsed.append(data)
        return data

    def keep(self) -> None:
        if self.stored is not None or not self.readable:
            return
        try:
            if json.loads(json.dumps(self.parsed)) != self.parsed:
                return
        except (TypeError, ValueError):
            return
        cache.write("parsed", self.key, self.parsed)
