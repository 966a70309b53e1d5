"""Rule ids are honest and checked (issue 10).

Every rule id the code writes names a rule of rules/*.yml or a documented decision step; a
rule the code needs that a `--rules` folder renames or drops stops the load with one line;
`sourcing rules list` prints every id with where it is defined and why.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from analyzer.errors import RuleFileError
from analyzer.rules import refs
from analyzer.rules.loader import default_rules_dir, load_rule_file, load_rules, rule_files
from analyzer.rules.refs import DECISION_STEPS, REQUIRED_RULES, DecisionStep, RuleRef, import_declaring_modules

PACKAGE = Path(__file__).resolve().parents[1] / "analyzer"
# A quoted string shaped like a rule id of one of the families the code writes. ("doc." is left
# out: "doc.spans", "doc.ents" are spaCy attributes; the document rules are "document.*".)
RULE_ID_LITERAL = re.compile(
    r"""["']((?:anon|official|other|outlet|cue|imagery|document|ref|decide|lex|named_other)\.[a-z0-9_]+)["']""")
DECLARATION = re.compile(r"\b(?:rule_ref|step_id|decision_step)\(")


def packaged_ids() -> set[str]:
    return {loaded.id for path in rule_files([default_rules_dir()]) for loaded in load_rule_file(path)}


def source_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def rule_id_literals() -> list[tuple[str, int, str]]:
    """(file, line, id) of every quoted rule-id-shaped string in the package's code."""
    found = []
    for path in source_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for match in RULE_ID_LITERAL.finditer(line):
                found.append((str(path.relative_to(PACKAGE.parent)), number, match.group(1)))
    return found


# --- every id the code names is defined -------------------------------------------------------

def test_code_names_only_defined_rule_ids():
    """Each rule id in code is a packaged rule or a registered decision step; and a rule the
    code names is declared with rule_ref, or a --rules folder could rename it unnoticed."""
    import_declaring_modules()
    rule_ids = packaged_ids()
    unknown, undeclared = [], []
    for path, line, rule_id in rule_id_literals():
        if rule_id not in rule_ids and rule_id not in DECISION_STEPS:
            unknown.append(f"{path}:{line}: {rule_id}")
        elif rule_id in rule_ids and rule_id not in REQUIRED_RULES:
            undeclared.append(f"{path}:{line}: {rule_id}")
    problems = []
    if unknown:
        problems.append("rule ids named in code that no rule file or decision step defines "
                        "(add the rule, or declare the step with refs.step_id/decision_step):\n" + "\n".join(unknown))
    if undeclared:
        problems.append("rules named in code without refs.rule_ref (the load-time check cannot "
                        "protect them):\n" + "\n".join(undeclared))
    assert problems == [], "\n".join(problems)


def test_the_literal_scan_finds_rule_ids():
    """The scan above must see the ids it is meant to police (a broken regex would pass it)."""
    assert rule_id_literals(), "no rule-id literal found in analyzer/: the pattern no longer matches the code"


def test_rules_the_code_needs_are_packaged():
    import_declaring_modules()
    missing = refs.missing_rules(packaged_ids())
    assert missing == [], "\n".join(f"{ref.id} (needed by {ref.module})" for ref in missing)


def test_decision_steps_explain_themselves_and_are_no_rule():
    import_declaring_modules()
    rule_ids = packaged_ids()
    clashes = sorted(step for step in DECISION_STEPS if step in rule_ids)
    assert clashes == [], f"decision steps with the id of a rule: {clashes}"
    short = sorted(step.id for step in DECISION_STEPS.values() if len(step.why.strip()) < 20)
    assert short == [], f"decision steps without a real why: {short}"


def test_every_declaring_module_is_imported_before_a_check():
    """A module that calls rule_ref/step_id/decision_step must be reached from
    refs.DECLARING_MODULES, or the load-time check and `rules list` miss its ids."""
    import_declaring_modules()
    declaring = [module_name(path) for path in source_files()
                 if path.name != "refs.py" and DECLARATION.search(path.read_text(encoding="utf-8"))]
    unreached = [name for name in declaring if name not in sys.modules]
    assert unreached == [], f"add to refs.DECLARING_MODULES (or import from one): {unreached}"


# --- a rule the code needs, missing at load time ----------------------------------------------

HEDGE_LINE = ("rules: rule anon.hedge is needed by analyzer.score.scorecard but no rule file defines it "
              "(renamed or removed in --rules DIR?)")


@pytest.fixture
def hedge_renamed(tmp_path, monkeypatch) -> Path:
    """A --rules folder whose anonymous.yml calls anon.hedge something else; the scorecard's
    need for anon.hedge declared as the scorecard declares it (whether or not it does yet)."""
    monkeypatch.setitem(REQUIRED_RULES, "anon.hedge", RuleRef("anon.hedge", "analyzer.score.scorecard"))
    folder = tmp_path / "rules"
    folder.mkdir()
    text = (default_rules_dir() / "anonymous.yml").read_text(encoding="utf-8")
    assert text.count("id: anon.hedge\n") == 1
    (folder / "anonymous.yml").write_text(text.replace("id: anon.hedge\n", "id: anon.vague_hedge\n"), encoding="utf-8")
    return folder


def test_missing_required_rule_fails_at_load_with_one_line(hedge_renamed):
    with pytest.raises(RuleFileError) as caught:
        load_rules([hedge_renamed])
    assert str(caught.value) == HEDGE_LINE
    assert caught.value.rule_id == "anon.hedge"


def test_required_rules_can_be_left_unchecked(hedge_renamed):
    """A tool that loads a partial folder on purpose (a test, a linter) can skip the check."""
    ruleset = load_rules([hedge_renamed], check_required=False)
    assert "anon.vague_hedge" in ruleset.by_id()


def test_missing_required_rule_stops_analyze_with_exit_2(cli, tmp_path, hedge_renamed):
    story = tmp_path / "x.txt"
    story.write_text("Police said a man had been arrested.\n", encoding="utf-8")
    result = cli.invoke(["analyze", story, "--rules", hedge_renamed, "--out", tmp_path / "out"])
    cli.assert_no_traceback(result)
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines == [f"error: {HEDGE_LINE}"], result.stderr


def test_missing_rule_error_survives_pickling():
    """Worker processes send errors back pickled: the line must stay the same."""
    import pickle

    error = refs.MissingRuleError("rules", "anon.hedge", "is needed by x but no rule file defines it")
    again = pickle.loads(pickle.dumps(error))
    assert str(again) == str(error) == "rules: rule anon.hedge is needed by x but no rule file defines it"


# --- sourcing rules list ----------------------------------------------------------------------

TEST_STEP = DecisionStep("decide.test_step", "A decision step registered by the tests to be listed.", "tests.test_rule_ids")


@pytest.fixture
def listed(cli, monkeypatch, tmp_path):
    """`rules list` and `rules list --json` with one extra rule folder and one test decision step."""
    monkeypatch.setitem(DECISION_STEPS, TEST_STEP.id, TEST_STEP)
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "mine.yml").write_text(
        "kind: cue\nrules:\n  - id: cue.test_listed\n    type: speech_verb\n"
        "    why: A cue rule from an extra folder, to be listed.\n    terms: [blurt]\n", encoding="utf-8")
    plain = cli.invoke(["rules", "list", extra])
    as_json = cli.invoke(["rules", "list", "--json", extra])
    for result in (plain, as_json):
        cli.assert_no_traceback(result)
        assert result.exit_code == 0, result.output
    return plain.stdout, json.loads(as_json.stdout)


def test_rules_list_json_has_every_rule_and_step(listed):
    _, entries = listed
    assert all(set(e) == {"id", "source", "kind", "type", "file_or_module", "why"} for e in entries)
    by_id = {e["id"]: e for e in entries}
    assert set(by_id) >= packaged_ids() | {"cue.test_listed", TEST_STEP.id}
    assert len(by_id) == len(entries), "an id listed twice"
    hedge = by_id["anon.hedge"]
    assert (hedge["source"], hedge["kind"], hedge["type"], hedge["file_or_module"]) == (
        "rule", "anonymous_source", "hedge", "anonymous.yml")
    assert hedge["why"].startswith("Vague attributions")
    assert (by_id["lex.statement_nouns"]["kind"], by_id["lex.statement_nouns"]["type"]) == ("lexicon", "word_list")
    assert by_id["cue.test_listed"]["file_or_module"] == "mine.yml"
    step = by_id[TEST_STEP.id]
    assert (step["source"], step["file_or_module"], step["why"]) == ("decision-step", TEST_STEP.module, TEST_STEP.why)
    sources = [e["source"] for e in entries]
    assert sources == sorted(sources, key=lambda s: s != "rule"), "rules first, then decision steps"


def test_rules_list_plain_is_one_line_per_id_sorted_and_grouped(listed):
    plain, entries = listed
    lines = plain.splitlines()
    assert [line.split()[0] for line in lines] == [e["id"] for e in entries]
    rules = [line.split()[0] for line in lines if "decision step" not in line]
    assert rules == sorted(rules)
    hedge = next(line for line in lines if line.startswith("anon.hedge "))
    assert "anonymous_source/hedge" in hedge and "anonymous.yml" in hedge and "Vague attributions" in hedge
    step = next(line for line in lines if line.startswith(TEST_STEP.id))
    assert "decision step" in step and TEST_STEP.module in step and TEST_STEP.why in step
