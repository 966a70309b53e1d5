"""The sourcing scorecard: how clearly an article shows where its claims come from.

Five dimensions of 20 points each, after the IMVAIN checklist taught in news-literacy
classes (Independent, Multiple, Verify, Authoritative/informed, Named). The checks, what
each measures and why it matters, are in score/checks.py; the facts they read in
score/facts.py. This module runs them, adds up the points, raises the flags and states the
confidence. Pure functions: the Sentence and Attribution records (analyzer/records.py) in, a
Scorecard out; report/tables.py flattens it into the scorecard.csv row.
It scores transparency of sourcing, not truth.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from ..labels import LABELS, UNATTRIBUTED
from ..records import Attribution, Check, Flag, Scorecard, Sentence  # noqa: F401  (Scorecard re-exported)
from ..rules.refs import rule_ref
from .checks import CHECKS, CheckSpec
from .facts import Facts, is_counted, sentences_of, sentences_text

DIMENSIONS = {
    "N": "Named",
    "A": "Authoritative/informed",
    "M": "Multiple",
    "V": "Verify",
    "I": "Independent",
}
POINTS_PER_DIMENSION = 20
EXPERT_WORDS = rule_ref("lex.expert_words")       # words that make a named source an outside expert (I1)


@lru_cache(maxsize=8)
def _pattern(words: frozenset[str]) -> "re.Pattern[str]":
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    return re.compile(rf"\b({alternatives})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _packaged_expert_words() -> frozenset[str]:
    from ..rules.loader import default_rules_dir, load_rule_file

    return next(frozenset(t.lower() for t in r.rule.terms) for r in load_rule_file(default_rules_dir() / "lexicons.yml")
                if r.id == EXPERT_WORDS)


def expert_pattern(words: Optional[Iterable[str]] = None) -> "re.Pattern[str]":
    """The expert words as one case-blind pattern of whole words; the packaged list when none are given."""
    return _pattern(frozenset(words) if words is not None else _packaged_expert_words())


def run_check(spec: CheckSpec, f: Facts) -> Check:
    """One check on one article: its points are its share of spec.points."""
    outcome = spec.measure(f)
    if not outcome.applies:
        status = "n/a"
    else:
        status = "pass" if outcome.fraction >= 0.999 else ("fail" if outcome.fraction <= 0.001 else "partial")
    return Check(spec.id, spec.dimension, spec.title, status, round(spec.points * outcome.fraction, 2), spec.points,
                 sorted(set(outcome.evidence)), outcome.explanation, sorted(set(outcome.against)), spec.why)


def _flags(f: Facts, sentences: Sequence[Sentence]) -> list[Flag]:
    first_text = min((f.paragraph_of[s.index] for s in f.scored), default=0)
    first_paragraph = [s.index for s in sentences if f.paragraph_of.get(s.index, 0) == first_text or s.is_heading]
    early_anonymous = [r for r in f.rows("anonymous") if r.sentence_index in first_paragraph]
    plural_sources = [r for r in f.rows("anonymous")
                      if re.search(r"\bsources\b", r.source or "", re.IGNORECASE) and not is_counted(r)]
    relayed_anonymous = [i for i in f.with_label("secondary-outlet") if "anonymous" in f.labels[i]]
    return [
        Flag("F1", "Anonymous source in the headline or first paragraph", bool(early_anonymous), sentences_of(early_anonymous),
             sentences_text(len(sentences_of(early_anonymous)))),
        Flag("F2", "\"Sources\" in the plural with no number", bool(plural_sources), sentences_of(plural_sources),
             sentences_text(len(sentences_of(plural_sources)))),
        Flag("F3", "Another outlet relaying anonymous sources", bool(relayed_anonymous), sorted(relayed_anonymous),
             sentences_text(len(relayed_anonymous))),
    ]


def build_scorecard(article_id: str, sentences: Sequence[Sentence], attributions: Sequence[Attribution],
                    rules_version: str = "", expert_words: Optional[Iterable[str]] = None) -> Scorecard:
    """The scorecard of one article. `expert_words`: the word list lex.expert_words of the rule
    set in use (the Analyzer passes its own); without it, the packaged list."""
    f = Facts.of(sentences, attributions, expert_pattern(expert_words))
    total = len(f.scored)
    counts = {label: len(f.with_label(label)) for label in LABELS}
    counts[UNATTRIBUTED.name] = total - len(f.attributed)
    card = Scorecard(article_id, total, len(sentences) - total, counts,
                     round(len(f.attributed) / total, 4) if total else 0.0, rules_version=rules_version)
    card.checks = [run_check(spec, f) for spec in CHECKS]
    for dimension in DIMENSIONS:
        card.dimensions[dimension] = round(sum(c.points for c in card.checks if c.dimension == dimension), 1)
    card.total = round(sum(card.dimensions.values()), 1)
    card.flags = _flags(f, sentences)
    card.distinct_named_sources = len(f.named_sources)
    card.distinct_outlets = len({(r.outlet or r.resolved_source or "").strip().lower()
                                 for r in f.rows("secondary-outlet")})
    card.confidence, card.confidence_reason = _confidence(total, len(f.attributed))
    return card


def _confidence(total: int, attributed: int) -> tuple[str, str]:
    if total < 5:
        return "low", f"only {sentences_text(total)}"
    if attributed < 2 or attributed / total < 0.1:
        return "low", "the rules found almost no attributions"
    return "normal", ""
