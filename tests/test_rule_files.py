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
from analyzer.rules.check import check_rules, duplicate_terms
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
    assert report.duplicates == [], "terms listed twice:\n" + "\n".join(report.duplicates)


def test_packaged_rules_list_each_term_once():
    """Checked without the model, so a duplicate shows up even where the examples are not run."""
    problems = duplicate_terms(load_rules())
    assert problems == [], "terms listed twice:\n" + "\n".join(problems)


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


# --- (d) terms listed twice ----------------------------------------------------------------

DUPLICATES = """\
kind: cue
rules:
  - id: test.verbs_a
    type: speech_verb
    why: A cue rule that lists one verb twice, once in capitals.
    terms: [blurt, murmur, Blurt]
  - id: test.verbs_b
    type: speech_verb
    why: A cue rule of the same type that lists a verb of the first rule again.
    terms: [murmur, whisper]
  - id: test.evidence
    type: evidence_verb
    why: A rule of another type may list the same verb; it plays another part.
    terms: [whisper]
  - id: test.phrases
    type: source_phrase
    why: Phrases are compared as written, so a capitalised one is another phrase.
    phrases: [by way of, By Way Of, by way of]
"""


def test_duplicate_terms_are_flagged_with_their_rules(tmp_path):
    folder = write_folder(tmp_path / "rules", {"dups.yml": DUPLICATES})
    ruleset = load_rules([folder], include_default=False, check_required=False)
    assert duplicate_terms(ruleset) == [
        'dups.yml: test.verbs_a: term "blurt" listed twice',
        'dups.yml: test.verbs_b: term "murmur" also in test.verbs_a (dups.yml), a rule of the same kind and type (cue, speech_verb)',
        'dups.yml: test.phrases: term "by way of" listed twice',
    ]


def test_rules_check_fails_on_duplicate_terms(cli, tmp_path, analyzer, monkeypatch):
    """`sourcing rules check` prints each duplicate as a FAIL line and exits 1."""
    import analyzer.nlp.pipeline as pipeline

    monkeypatch.setattr(pipeline, "build_pipeline", lambda *args, **kwargs: analyzer.nlp)  # the session's model
    folder = write_folder(tmp_path / "rules", {"dups.yml": DUPLICATES.replace("test.", "cue.test_")})
    result = cli.invoke(["rules", "check", folder])
    cli.assert_no_traceback(result)
    assert result.exit_code == 1, result.output
    assert 'FAIL dups.yml: cue.test_verbs_a: term "blurt" listed twice' in result.stdout
    assert "3 duplicate terms" in result.stdout


# --- (e) examples assert labels ------------------------------------------------------------

def override(name: str, old: str, new: str) -> tuple[str, str]:
    """A copy of the packaged file `name` with one piece of text replaced."""
    text = (default_rules_dir() / name).read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} not once in {name}"
    return name, text.replace(old, new)


def failures_in(report, name: str) -> list[str]:
    """The failures of one file's examples (the other files are checked by (b))."""
    return [failure for failure in report.failures if failure.startswith(f"{name}: ")]


LABEL_CASES = {
    # A plain example: every attribution naming the rule must carry the rule's label.
    "rule label differs": (
        override("imagery.yml", "    why: Commercial satellite operators;", "    label: document\n    why: Commercial satellite operators;"),
        "imagery.yml: imagery.providers: example labelled satellite-imagery, expected document: New Maxar images show the damage."),
    # A {text, labels} example: the sentence's labels must be exactly these.
    "sentence labels differ": (
        override("imagery.yml", 'match: ["Satellite photos taken on Saturday show a large new hangar.", "Satellite measurements show that the sea warmed by 4C."]',
                 'match: [{text: "Satellite photos taken on Saturday show a large new hangar.", labels: [document]}]'),
        "imagery.yml: imagery.satellite_terms: example labelled [satellite-imagery], expected [document]: "
        "Satellite photos taken on Saturday show a large new hangar."),
    "no labels expected": (
        override("imagery.yml", 'match: ["Satellite photos taken on Saturday show a large new hangar.", "Satellite measurements show that the sea warmed by 4C."]',
                 'match: [{text: "Satellite photos taken on Saturday show a large new hangar.", labels: []}]'),
        "imagery.yml: imagery.satellite_terms: example labelled [satellite-imagery], expected []: "
        "Satellite photos taken on Saturday show a large new hangar."),
    "lexicon example": (
        override("lexicons.yml", "          labels: [named-official]", "          labels: [anonymous]"),
        "lexicons.yml: lex.statement_nouns: example labelled [named-official], expected [anonymous]: "
        "The statement added that both men were released on bail."),
}


@pytest.mark.parametrize("case", list(LABEL_CASES))
def test_example_with_a_wrong_label_is_reported(tmp_path, analyzer, case):
    (name, text), failure = LABEL_CASES[case]
    folder = write_folder(tmp_path / "rules", {name: text})
    report = check_rules([folder], nlp=analyzer.nlp)  # same rules as the session's pipeline, other examples
    assert failures_in(report, name) == [failure]


def test_examples_that_assert_the_right_labels_pass(tmp_path, analyzer):
    name, text = override(
        "imagery.yml", 'no_match: ["The satellite launch was delayed.", "Images shared on social media appeared to show a sinkhole."]',
        'no_match: [{text: "The satellite launch was delayed.", labels: []},\n'
        '                 {text: "Satellite images obtained by CNN show an airstrip.", labels: [satellite-imagery, secondary-outlet]}]')
    folder = write_folder(tmp_path / "rules", {name: text})
    report = check_rules([folder], nlp=analyzer.nlp)
    # The second no_match example gets the right labels but fires the rule: a no_match must not fire.
    assert failures_in(report, name) == ["imagery.yml: imagery.satellite_terms: should not match: Satellite images obtained by CNN show an airstrip."]


def test_labelled_example_lists_each_label_once(tmp_path):
    folder = write_folder(tmp_path / "rules", {"twice.yml": (
        "kind: cue\nrules:\n" + GOOD_CUE_RULE +
        "    examples:\n      match: [{text: Police said so., labels: [named-official, named-official]}]\n")})
    with pytest.raises(RuleFileError) as caught:
        load_rules([folder], include_default=False, check_required=False)
    assert_names_the_problem(caught.value, folder / "twice.yml", "test.good_rule", "examples -> match -> 0 -> labels",
                             "a label listed twice")


# --- (f) lexicon rules: word lists read by id ----------------------------------------------

STATEMENT_NOUNS = {"statement", "release", "communique", "communiqué", "announcement", "remarks", "comments", "post",
                   "tweet", "readout", "ad", "advert", "advertisement", "commercial", "mailer", "flyer", "leaflet"}

LEXICON = """\
kind: lexicon
rules:
  - id: lex.test_words
    why: A word list of the tests, read by id and never matched.
    terms: [Alpha, beta]
    examples:
      match: [{text: Nothing here., labels: []}]
"""


def test_lexicon_rules_load_and_give_their_terms():
    ruleset = load_rules()
    loaded = ruleset.by_id()["lex.statement_nouns"]
    assert (loaded.kind, loaded.type, Path(loaded.path).name) == ("lexicon", "word_list", "lexicons.yml")
    assert ruleset.terms("lex.statement_nouns") == frozenset(STATEMENT_NOUNS)


def test_terms_lower_cased_and_missing_list_named(tmp_path):
    folder = write_folder(tmp_path / "rules", {"words.yml": LEXICON})
    ruleset = load_rules([folder], include_default=False, check_required=False)
    assert ruleset.terms("lex.test_words") == frozenset({"alpha", "beta"})
    with pytest.raises(RuleFileError) as caught:
        ruleset.terms("lex.no_such_list")
    assert caught.value.rule_id == "lex.no_such_list"
    assert "lex.no_such_list" in str(caught.value) and "\n" not in str(caught.value)


BAD_LEXICONS = {
    "matcher field": (LEXICON.replace("    terms: [Alpha, beta]\n", "    terms: [Alpha]\n    patterns:\n      - [{LOWER: alpha}]\n"),
                      "patterns", "plain word list"),
    "plain example": (LEXICON.replace("match: [{text: Nothing here., labels: []}]", "match: [Nothing here.]"),
                      "examples -> match -> 0", "assert labels"),
    "no terms": (LEXICON.replace("    terms: [Alpha, beta]\n", ""), "terms", "needs terms"),
}


@pytest.mark.parametrize("case", list(BAD_LEXICONS))
def test_bad_lexicon_rule_is_rejected(tmp_path, case):
    text, field, fragment = BAD_LEXICONS[case]
    folder = write_folder(tmp_path / "rules", {"words.yml": text})
    with pytest.raises(RuleFileError) as caught:
        load_rules([folder], include_default=False, check_required=False)
    assert_names_the_problem(caught.value, folder / "words.yml", "lex.test_words", field, fragment)


def test_lexicon_rules_are_not_matched(analyzer):
    matcher = analyzer.nlp.get_pipe("sourcing_attributor").matcher
    doc = analyzer.nlp("The statement said the release was a tweet.")
    assert not [hit for hit in matcher(doc) if hit.kind == "lexicon"]
    assert "lex.statement_nouns" not in matcher.phrases_lower and "lex.statement_nouns" not in matcher.terms_lemma
