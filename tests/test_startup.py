"""Start-up stays fast (issue 15), checked without timing anything: the commands import only
what they use, the rule files parse the same with libyaml, the compiled-rules cache gives the
matchers the rules would give and is never stale, and --jobs hands out its last articles in
small batches."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from spacy.attrs import NORM, ORTH

from analyzer.rules import cache, loader
from analyzer.rules.compiled import cached_rule_matcher, patterns_key
from analyzer.rules.loader import default_rules_dir, load_rules, rule_files
from analyzer.rules.matcher import RuleMatcher
from analyzer.run.parallel import TAIL_BATCH, tapered_batches

ROOT = Path(__file__).resolve().parents[1]
# Modules no command of the CLI needs at start-up (pandas, textacy and scikit-learn cost a
# second between them: shared/PERFORMANCE.md).
NEVER_AT_START = ("pandas", "pyarrow", "textacy", "sklearn", "dask", "distributed", "trafilatura", "fastapi",
                  "uvicorn", "playwright", "pypdf")
# What `sourcing --help` must not import either: it prints the commands and nothing else.
NOT_FOR_HELP = NEVER_AT_START + ("spacy", "thinc", "numpy", "yaml", "pydantic", "jinja2")


def _modules_after(args: list[str], tmp_path: Path) -> set[str]:
    """The top-level modules imported by `sourcing ARGS` in a fresh interpreter."""
    code = ("import sys, json\n"
            f"sys.argv = ['sourcing'] + {args!r}\n"
            "from analyzer.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "sys.__stdout__.write('\\nMODULES ' + json.dumps(sorted({m.split('.')[0] for m in sys.modules})))\n")
    env = dict(os.environ, SOURCING_CACHE_DIR=str(tmp_path / "cache"))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.rsplit("MODULES ", 1)[1]))


def test_help_imports_no_heavy_module(tmp_path):
    imported = _modules_after(["--help"], tmp_path)
    assert not imported & set(NOT_FOR_HELP), sorted(imported & set(NOT_FOR_HELP))


def test_analyze_imports_only_what_it_uses(tmp_path):
    out = tmp_path / "out"
    imported = _modules_after(["analyze", str(ROOT / "samples" / "seed-drones.txt"), "--out", str(out)], tmp_path)
    assert (out / "sentences.csv").exists() and (out / "report.html").exists()
    assert "spacy" in imported
    assert not imported & set(NEVER_AT_START), sorted(imported & set(NEVER_AT_START))


def test_libyaml_parses_the_rule_files_as_the_python_loader_does():
    assert yaml.__with_libyaml__, "libyaml is missing: the rule files parse 8x slower (pip install pyyaml with libyaml)"
    for path in rule_files([default_rules_dir()]):
        text = path.read_text(encoding="utf-8")
        fast = yaml.load(text, Loader=yaml.CSafeLoader)
        assert fast == yaml.load(text, Loader=yaml.SafeLoader), path.name
        assert json.dumps(fast, sort_keys=True) == json.dumps(yaml.safe_load(text), sort_keys=True), path.name


# -- the cache of parsed and compiled rules -------------------------------------------------

TEXTS = ["A senior official, who asked not to be named, told Reuters that the talks had stalled.",
         "The New York Times and the F.B.I. said the W.H.O. report was flawed, according to Sen. Warren.",
         "Mayor Karen Bass said the plan would add officers, the Associated Press reported on Monday."]


@pytest.fixture(scope="module")
def nlp(analyzer):
    return analyzer.nlp


@pytest.fixture
def cache_in(tmp_path, monkeypatch):
    """The cache in a folder of the test's own."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(folder))
    return folder


def _hits(matcher: RuleMatcher, docs) -> list:
    return [(matcher(doc), [matcher.details(sent) for sent in doc.sents]) for doc in docs]


def _entries(folder: Path, kind: str) -> list[Path]:
    return sorted(folder.glob(f"{kind}-*.json"))


def test_the_cached_rules_match_as_the_compiled_ones(nlp, cache_in, monkeypatch):
    ruleset = load_rules()
    docs = list(nlp.pipe(TEXTS))
    fresh = RuleMatcher(nlp, ruleset)
    first = cached_rule_matcher(nlp, ruleset)
    assert len(_entries(cache_in, "matcher")) == 1
    monkeypatch.setattr(RuleMatcher, "_compile", lambda *_: pytest.fail("compiled again: the cache was not used"))
    second = cached_rule_matcher(nlp, ruleset)
    assert _hits(second, docs) == _hits(first, docs) == _hits(fresh, docs)
    assert any(hits for hits, _ in _hits(fresh, docs))
    assert second.outlet_entries == fresh.outlet_entries and second.strengths == fresh.strengths


def test_the_parsed_rule_files_load_as_the_yaml_does(cache_in, monkeypatch):
    first = load_rules()
    assert len(_entries(cache_in, "parsed")) == 1
    monkeypatch.setattr(loader, "parse_rule_file", lambda path: pytest.fail(f"{path.name} parsed again"))
    second = load_rules()
    assert (second.version, second.digest, second.files) == (first.version, first.digest, first.files)
    assert [(r.kind, r.type, r.path, r.rule.model_dump()) for r in second.rules] == \
        [(r.kind, r.type, r.path, r.rule.model_dump()) for r in first.rules]


def test_yaml_that_json_cannot_hold_is_not_kept(tmp_path, cache_in):
    path = tmp_path / "dated.yml"
    path.write_text("kind: imagery\nwhen: 2024-01-01\nrules: []\n", encoding="utf-8")
    parsed = loader._ParsedFiles([path])
    assert parsed.data(0)["when"].year == 2024
    parsed.keep()
    assert not _entries(cache_in, "parsed")


def test_an_edited_rule_file_is_parsed_and_compiled_again(nlp, tmp_path, cache_in):
    rules = tmp_path / "rules"
    rules.mkdir()
    shutil.copy(default_rules_dir() / "outlets.yml", rules / "outlets.yml")
    before = load_rules([rules])
    cached_rule_matcher(nlp, before)
    edited = (rules / "outlets.yml").read_text(encoding="utf-8").replace("Reuters", "Routers")
    (rules / "outlets.yml").write_text(edited, encoding="utf-8")
    after = load_rules([rules])
    assert after.digest != before.digest
    matcher = cached_rule_matcher(nlp, after)
    assert len(_entries(cache_in, "parsed")) == len(_entries(cache_in, "matcher")) == 2
    doc = nlp("Routers reported the deal, and Reuters did not.")
    assert [doc[h.start:h.end].text for h in matcher(doc) if h.kind == "outlet"] == ["Routers"]


def test_the_key_changes_with_the_tokenizer(nlp):
    ruleset = load_rules()
    key = patterns_key(nlp, ruleset)
    assert patterns_key(nlp, ruleset) == key
    tokenizer = type(nlp.tokenizer)(nlp.vocab).from_bytes(nlp.tokenizer.to_bytes())  # a copy to change
    other = SimpleNamespace(lang=nlp.lang, tokenizer=tokenizer)
    assert patterns_key(other, ruleset) == key
    tokenizer.add_special_case("Supt.", [{ORTH: "Supt", NORM: "superintendent"}, {ORTH: "."}])
    assert patterns_key(other, ruleset) != key


def test_a_damaged_or_unwritable_cache_is_passed_over(nlp, tmp_path, cache_in, monkeypatch):
    ruleset = load_rules()
    doc = nlp(TEXTS[1])
    expected = RuleMatcher(nlp, ruleset)(doc)
    cached_rule_matcher(nlp, ruleset)
    (stored,) = _entries(cache_in, "matcher")
    for damage in ("{not json", json.dumps({"key": "another", "data": {}}),
                   stored.read_text(encoding="utf-8").replace('"phrases_exact"', '"no_such_matcher"')):
        stored.write_text(damage, encoding="utf-8")
        assert cached_rule_matcher(nlp, ruleset)(doc) == expected
    (parsed,) = _entries(cache_in, "parsed")
    parsed.write_text(json.dumps({"key": "another", "data": []}), encoding="utf-8")
    assert load_rules().digest == ruleset.digest
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocked / "cache"))
    assert cached_rule_matcher(nlp, load_rules())(doc) == expected
    monkeypatch.setenv(cache.CACHE_ENV, "")
    assert cache.cache_dir() is None
    assert cached_rule_matcher(nlp, load_rules())(doc) == expected


def test_old_entries_are_pruned(cache_in):
    cache_in.mkdir()
    for number in range(cache.KEEP_FILES + 3):
        old = cache_in / f"matcher-old{number}.json"
        old.write_text("{}", encoding="utf-8")
        os.utime(old, (number, number))
    cache.write("matcher", "new", {"adds": [], "outlet_entries": {}})
    kept = [path.name for path in _entries(cache_in, "matcher")]
    assert len(kept) == cache.KEEP_FILES and "matcher-old0.json" not in kept and "matcher-new.json" in kept
    assert cache.read("matcher", "new") == {"adds": [], "outlet_entries": {}}
    assert cache.read("matcher", "other") is None


# -- --jobs ------------------------------------------------------------------------------------

@pytest.mark.parametrize("count", [0, 1, 7, 23, 24, 25, 100, 101])
def test_tapered_batches_keep_every_item_in_order(count):
    batches = list(tapered_batches(range(count), 8, 16))
    assert [item for batch in batches for item in batch] == list(range(count))
    assert all(batch for batch in batches)
    full = [batch for batch in batches if len(batch) == 8]
    assert batches[:len(full)] == full  # full batches first, then the small ones
    assert all(len(batch) <= TAIL_BATCH for batch in batches[len(full):])
    assert sum(len(batch) for batch in batches[len(full):]) >= min(count, 16)
