"""The packaged rule files: every rule explains itself and carries its own examples, the
examples pass, and a broken rule folder fails to load with an error naming the file, the
rule and the field.

Loading and validating rules needs no model; only the examples check runs the pipeline,
through the session fixture `analyzer`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.errors import RuleFileError
from analyzer.rules.check import check_rules
from analyzer.rules.loader import default_rules_dir, load_rule_file, load_rules, rule_files

MIN_WHY = 20


def packaged_rules():
    """(file name, loaded rule) for every rule of every packaged rule file."""
    return [(path.name, loaded) for path in rule_files([default_rules_dir()]) for loaded in load_rule_file(path)]


# --- (a) every packaged rule has a reason and examples ---------------------------------------

def test_packaged_rule_files_exist():
    names = [path.name for path in rule_files([default_rules_dir()])]
    assert "outlets.yml" in names, names
    assert packaged_rules(), "no rules loaded from the packaged rule files"


def test_every_rule_has_a_why():
    short = [f"{name}: {loaded.id} ({len(loaded.rule.why.strip())} chars)"
             for name, loaded in packaged_rules() if len(loaded.rule.why.strip()) < MIN_WHY]
    assert short == [], f"rules whose why is under {MIN_WHY} characters:\n" + "\n".join(short)


def test_every_rule_has_match_and_no_match_examples():
    lacking = []
    for name, loaded in packaged_rules():
        missing = [part for part in ("match", "no_match") if not getattr(loaded.rule.examples, part)]
        if missing:
            lacking.append(f"{name}: {loaded.id} lacks {' and '.join(missing)}")
    assert lacking == [], "rules without examples:\n" + "\n".join(lacking)


# --- (b) the examples pass -----------------------------------------------------------------

def test_packaged_rule_examples_pass(analyzer):
    report = check_rules([default_rules_dir()], nlp=analyzer.nlp)
    assert report.rules == len(packaged_rules())
    assert report.examples > 0
    assert report.failures == [], f"{len(report.failures)} of {report.examples} examples fail:\n" + "\n".join(report.failures)


# --- (c) a bad rule folder names the file, the rule and the field ----------------------------

GOOD_CUE_RULE = """\
  - id: test.good_rule
    why: A well-formed rule that loads without complaint.
    terms: [say]
"""

# case -> ({file name: text}, file named, rule id named or None, field named or None, part of the message)
BAD_FOLDERS = {
    "yaml syntax error": (
        {"broken.yml": "kind: cue\nrules:\n  - id: test.broken\n    why: [unclosed, list\n    terms: [say]\n"},
        "broken.yml", None, None, "not valid YAML",
    ),
    "missing why": (
        {"nowhy.yml": "kind: cue\nrules:\n" + GOOD_CUE_RULE + "  - id: test.no_why\n    terms: [say]\n"},
        "nowhy.yml", "test.no_why", "why", "required",
    ),
    "unknown rule type": (
        {"badtype.yml": "kind: cue\nrules:\n  - id: test.bad_type\n    type: shout_verb\n"
                        "    why: A rule whose type the cue kind does not have.\n    terms: [shout]\n"},
        "badtype.yml", "test.bad_type", "type", "shout_verb",
    ),
    "unknown token attribute": (
        {"badpattern.yml": "kind: cue\nrules:\n" + GOOD_CUE_RULE +
                           "  - id: test.bad_pattern\n    why: A pattern with a misspelt token attribute.\n"
                           "    patterns:\n      - [{LOWER: per}]\n      - [{LOWERCASE: per}]\n"},
        "badpattern.yml", "test.bad_pattern", "patterns -> 1", "LOWERCASE",
    ),
    "duplicate id across files": (
        {"first.yml": "kind: cue\nrules:\n" + GOOD_CUE_RULE,
         "second.yml": "kind: cue\nrules:\n" + GOOD_CUE_RULE.replace("terms: [say]", "terms: [tell]")},
        "second.yml", "test.good_rule", "id", "first.yml",
    ),
}


def write_folder(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def assert_names_the_problem(error: RuleFileError, path: Path, rule_id, field, fragment) -> None:
    message = str(error)
    assert Path(error.path) == path, message
    assert str(path) in message
    assert error.rule_id == rule_id, message
    assert error.field == field, message
    if rule_id is not None:
        assert f"rule {rule_id}" in message
    if field is not None:
        assert f"field {field}" in message
    assert fragment.lower() in message.lower(), message


@pytest.mark.parametrize("case", list(BAD_FOLDERS))
def test_bad_rule_folder_is_rejected(tmp_path, case):
    files, named_file, rule_id, field, fragment = BAD_FOLDERS[case]
    folder = write_folder(tmp_path / "rules", files)
    with pytest.raises(RuleFileError) as caught:
        load_rules([folder], include_default=False)
    assert_names_the_problem(caught.value, folder / named_file, rule_id, field, fragment)


@pytest.mark.parametrize("case", list(BAD_FOLDERS))
def test_rules_check_rejects_bad_folder_before_running_examples(tmp_path, case):
    """`sourcing rules check DIR` adds DIR to the packaged rules; the same errors come out."""
    files, named_file, rule_id, field, fragment = BAD_FOLDERS[case]
    folder = write_folder(tmp_path / "rules", files)
    with pytest.raises(RuleFileError) as caught:
        check_rules([folder], nlp=object())  # never reaches the pipeline
    assert_names_the_problem(caught.value, folder / named_file, rule_id, field, fragment)
