"""Patterns are compiled for speed (plain words to the PhraseMatcher, a short first-token list
split into one pattern per word); they must find what the rule file's patterns find."""

from __future__ import annotations

import pytest
from spacy.matcher import Matcher

from analyzer.rules.matcher import RuleMatcher, expand_to_phrases, split_first_choice


@pytest.mark.parametrize("pattern, expected", [
    ([{"LOWER": "according"}, {"LOWER": "to"}], [["according", "to"]]),
    ([{"LOWER": {"IN": ["a", "b"]}}, {"LOWER": "c", "OP": "?"}], [["a", "c"], ["b", "c"], ["a"], ["b"]]),
    ([{"LEMMA": "say"}], None),
    ([{"LOWER": "x", "OP": "*"}], None),
    ([{"LOWER": {"NOT_IN": ["x"]}}], None),
    ([{"LOWER": "in", "IS_SENT_START": True}], None),
])
def test_expand_to_phrases(pattern, expected):
    assert expand_to_phrases(pattern) == expected


@pytest.mark.parametrize("pattern, expected", [
    ([{"LEMMA": {"IN": ["decline", "refuse"]}}, {"LOWER": "to"}],
     [[{"LEMMA": "decline"}, {"LOWER": "to"}], [{"LEMMA": "refuse"}, {"LOWER": "to"}]]),
    ([{"LOWER": {"IN": ["in", "in"]}, "IS_SENT_START": True}], [[{"LOWER": "in", "IS_SENT_START": True}]]),
    ([{"ENT_TYPE": {"IN": ["PERSON", "ORG"]}}], [[{"ENT_TYPE": "PERSON"}], [{"ENT_TYPE": "ORG"}]]),
    ([{"LOWER": {"IN": ["a", "b"]}, "OP": "?"}, {"LOWER": "c"}], [[{"LOWER": {"IN": ["a", "b"]}, "OP": "?"}, {"LOWER": "c"}]]),
    ([{"LOWER": "a", "OP": "*"}, {"LOWER": "c"}], [[{"LOWER": "a", "OP": "*"}, {"LOWER": "c"}]]),
    ([{"LOWER": {"IN": list("abcdef")}}], [[{"LOWER": {"IN": list("abcdef")}}]]),  # a long list stays one predicate
    ([{"LOWER": {"NOT_IN": ["a"]}}], [[{"LOWER": {"NOT_IN": ["a"]}}]]),
    ([{"LOWER": {"IN": ["a"]}, "LEMMA": {"IN": ["b"]}}], [[{"LOWER": {"IN": ["a"]}, "LEMMA": {"IN": ["b"]}}]]),
])
def test_split_first_choice(pattern, expected):
    assert split_first_choice(pattern) == expected


def test_compiled_patterns_find_what_the_rule_patterns_find(analyzer):
    nlp = analyzer.nlp
    attributor = nlp.get_pipe("sourcing_attributor")
    only_patterns = {r.id for r in attributor.ruleset.rules if r.rule.patterns and not r.rule.terms and not r.rule.phrases}
    reference = Matcher(nlp.vocab)
    for rule in attributor.ruleset.rules:
        if rule.id in only_patterns:
            reference.add(rule.id, rule.rule.patterns)
    texts = [("A senior official, speaking on condition of anonymity because he was not authorized to discuss the talks, "
              "said that, according to a memo obtained by Reuters, Iran reportedly declined to comment. It is widely "
              "believed that people familiar with the matter, who attended the meeting, asked not to be named.")]
    for rule in attributor.ruleset.rules:  # every example sentence, those that must not match too
        texts += rule.rule.examples.match + rule.rule.examples.no_match
    compiled = RuleMatcher(nlp, attributor.ruleset)
    total = 0
    for doc in nlp.pipe(texts):
        found = {(nlp.vocab.strings[m], s, e) for m, s, e in reference(doc)}
        total += len(found)
        assert found == {(h.rule_id, h.start, h.end) for h in compiled(doc) if h.rule_id in only_patterns}, doc.text
    assert total > 100
