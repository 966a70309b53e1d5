"""Patterns of plain words go to the PhraseMatcher; they must find what the Matcher finds."""

from __future__ import annotations

import pytest
from spacy.matcher import Matcher

from analyzer.matching import RuleMatcher, expand_to_phrases


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


def test_expanded_patterns_find_what_the_matcher_finds(analyzer):
    nlp = analyzer.nlp
    attributor = nlp.get_pipe("sourcing_attributor")
    only_patterns = {r.id for r in attributor.ruleset.rules if r.rule.patterns and not r.rule.terms and not r.rule.phrases}
    reference = Matcher(nlp.vocab)
    for rule in attributor.ruleset.rules:
        if rule.id in only_patterns:
            reference.add(rule.id, rule.rule.patterns)
    text = ("A senior official, speaking on condition of anonymity because he was not authorized to discuss the talks, "
            "said that, according to a memo obtained by Reuters, Iran reportedly declined to comment. It is widely "
            "believed that people familiar with the matter, who attended the meeting, asked not to be named.")
    doc = nlp(text)
    found = {(nlp.vocab.strings[m], s, e) for m, s, e in reference(doc)}
    assert found
    assert found == {(h.rule_id, h.start, h.end) for h in RuleMatcher(nlp, attributor.ruleset)(doc) if h.rule_id in only_patterns}
