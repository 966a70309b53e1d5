"""Labels set by hand (a teacher or a fact-checker correcting the analyzer), the records that
carry them into the scorecard, and the gold line they make.

Pure functions of the records: the sentences and attributions the analyzer found, and for
some sentences the labels a person gave them, in; the same records with those labels out, so
that score/scorecard.build_scorecard scores the corrected article exactly as it scores an
analysed one. What a correction changes, and what it cannot know:

- a label taken away takes the sentence's attributions with that label with it;
- a label given to a sentence where the analyzer found a source of another kind relabels that
  source (the analyzer saw who; it mistook the kind), with the rule `CORRECTED_RULE`;
- a label given where the analyzer found no source adds an attribution naming no one: the
  sentence counts as attributed, but no named person is counted for it (who it is, the
  correction does not say).

The gold line is the format `sourcing evaluate` reads (score/evaluation.py), so a desk's
corrections become its own test set.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import Mapping, Optional, Sequence

from ..labels import LABELS, in_label_order
from ..records import Attribution, Sentence

CORRECTED_RULE = "corrected.by_hand"   # the rule_id of an attribution a correction made or relabelled
GENERIC_IDS = ("pasted-text", "text")  # article ids that say nothing: a gold line gets one from its text


@dataclass(frozen=True)
class Correction:
    """One sentence whose labels a person changed: what the analyzer said, and what they set."""

    index: int
    analyzer: tuple[str, ...]
    corrected: tuple[str, ...]


@dataclass(frozen=True)
class Corrected:
    sentences: list[Sentence]
    attributions: list[Attribution]
    corrections: dict[int, Correction]


def corrections_of(sentences: Sequence[Sentence], wanted: Mapping[int, Sequence[str]]) -> dict[int, Correction]:
    """The sentences whose wanted labels differ from the analyzer's (headings and unknown
    indices are left out; unknown label names are dropped)."""
    out = {}
    for s in sentences:
        if s.is_heading or s.index not in wanted:
            continue
        labels = tuple(in_label_order(label for label in wanted[s.index] if label in LABELS))
        if set(labels) != set(s.labels):
            out[s.index] = Correction(s.index, tuple(in_label_order(s.labels)), labels)
    return out


def apply_corrections(sentences: Sequence[Sentence], attributions: Sequence[Attribution],
                      wanted: Mapping[int, Sequence[str]]) -> Corrected:
    """The records with the wanted labels (see the module's notes for what changes)."""
    corrections = corrections_of(sentences, wanted)
    by_index = {s.index: s for s in sentences}
    kept: list[Attribution] = []
    for a in attributions:
        correction = corrections.get(a.sentence_index)
        if correction is None or a.label in correction.corrected:
            kept.append(a)
    for index, correction in corrections.items():
        have = {a.label for a in kept if a.sentence_index == index}
        spare = [a for a in attributions if a.sentence_index == index and a.label not in correction.corrected]
        for label in (label for label in correction.corrected if label not in have):
            kept.append(_made_for(by_index[index], label, spare.pop(0) if spare else None))
    kept.sort(key=lambda a: (a.sentence_index, a.start_char))
    out_sentences = [_relabelled(s, corrections[s.index]) if s.index in corrections else s for s in sentences]
    return Corrected(out_sentences, kept, corrections)


def _made_for(sentence: Sentence, label: str, seen: Optional[Attribution]) -> Attribution:
    """An attribution with `label`: the source the analyzer saw, relabelled, else one naming no one."""
    if seen is not None:
        return replace(seen, label=label, rule_id=CORRECTED_RULE, anonymous=None,
                       outlet=seen.outlet if label == "secondary-outlet" else None, step=None)
    return Attribution(sentence.index, label, "", "", "", "indirect", sentence.start_char, sentence.start_char,
                       CORRECTED_RULE, "", speaker=True)


def _relabelled(sentence: Sentence, correction: Correction) -> Sentence:
    rules = tuple(dict.fromkeys(sentence.rule_ids + (CORRECTED_RULE,))) if correction.corrected else ()
    return replace(sentence, labels=tuple(sorted(correction.corrected)), rule_ids=rules,
                   sources=sentence.sources if correction.corrected else ())


def gold_id(article_id: str, text: str) -> str:
    """The id of an article in a gold file: its own, unless it is one that every pasted text
    shares; then one made from the text, so several files can be joined into one test set."""
    if article_id not in GENERIC_IDS:
        return article_id
    return "article-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def gold_record(article_id: str, text: str, outlet: Optional[str], sentences: Sequence[Sentence],
                corrected: Sequence[int] = (), title: Optional[str] = None) -> dict:
    """One line of a gold file (README "Gold format"): every sentence with its labels. A sentence
    a person corrected carries `"corrected": true` (evaluate ignores it; a reader sees it)."""
    record = {"id": gold_id(article_id, text), "outlet": outlet, "text": text, "sentences": []}
    if title:
        record["title"] = title
    for s in sentences:
        row = {"start": s.start_char, "end": s.end_char, "text": text[s.start_char:s.end_char],
               "labels": [] if s.is_heading else list(in_label_order(s.labels)), "heading": s.is_heading}
        if s.index in corrected:
            row["corrected"] = True
        record["sentences"].append(row)
    return record
