"""The typed records that flow from the spaCy component to the writers.

The component writes a `DocAnalysis` (sentences and attributions, offsets into the doc's
text) to `Doc._.sourcing`; the run stage shifts chunk offsets and attaches the article; the
writers turn the records into CSV, JSONL or Parquet rows at the one edge (report/tables.py).
Only plain values inside (str, int, bool, tuples): docs and results pickle cheaply for the
`--jobs` workers and Dask.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Optional

from .labels import UNATTRIBUTED


@dataclass(frozen=True)
class AnonymousDetails:
    """What fact-checkers weigh in an anonymous attribution (AP, Reuters, NPR guidance)."""

    anonymity_reason_given: bool = False
    anonymity_reason: str = "none"        # substantive | formulaic | none
    anonymity_reason_text: str = ""
    anonymity_requested: bool = False      # "on condition of anonymity", "asked not to be named"
    vantage: str = "none"                  # attended | document | direct_knowledge | briefed | familiar | none
    vantage_strength: int = 0              # 5 strongest .. 1 weakest, 0 none stated
    specificity: int = 0                   # 0 "sources"/"reportedly" .. 3 with agency or rank
    source_count: str = ""                 # stated number of sources: "1", "2", "several", or "" unknown
    anonymous_kind: str = "group"          # individual | group | hedge: attribution/anonymity.py anonymous_kind


@dataclass(frozen=True)
class Attribution:
    """One source a sentence rests on: who (source), how it was said (cue), and the rule or
    decision step that gave the label (rule_id) and the cue rule (cue_rule_id)."""

    sentence_index: int
    label: str
    source: str
    resolved_source: str
    cue: str
    quote_type: str                        # direct | partial | indirect | continuation
    start_char: int
    end_char: int
    rule_id: str
    cue_rule_id: str
    outlet: Optional[str] = None           # canonical outlet name of a secondary-outlet source
    speaker: bool = True                   # False for the outlet a source spoke to: quotations carry only speakers
    source_key: Optional[str] = None       # who it is, for counting distinct sources
    anonymous: Optional[AnonymousDetails] = None
    step: Optional[str] = None             # the decision step(s) that gave the label (a trace, not a CSV column)

    def shifted(self, chars: int, sentences: int) -> "Attribution":
        """The same attribution with offsets moved (an article parsed in chunks)."""
        return replace(self, sentence_index=self.sentence_index + sentences, start_char=self.start_char + chars,
                       end_char=self.end_char + chars)


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article, with offsets into its text, and what it rests on."""

    index: int
    start_char: int
    end_char: int
    is_heading: bool
    text: str
    paragraph: int = 0
    labels: tuple[str, ...] = ()           # sorted; empty = unattributed
    sources: tuple[str, ...] = ()          # resolved source names, in order, without repeats
    rule_ids: tuple[str, ...] = ()         # the rules behind the labels, in order, without repeats

    def shifted(self, chars: int, sentences: int, paragraphs: int) -> "Sentence":
        return replace(self, index=self.index + sentences, start_char=self.start_char + chars,
                       end_char=self.end_char + chars, paragraph=self.paragraph + paragraphs)


@dataclass
class DocAnalysis:
    """What the component found in one doc: every sentence and the attributions that stand
    (headings and the article's own outlet already left out)."""

    sentences: list[Sentence] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)


# -- the scorecard of an article (built by analyzer/score/scorecard.py) ---------------------

@dataclass
class Check:
    id: str
    dimension: str
    title: str
    status: str            # pass (all its points) | partial | fail (none) | n/a (nothing to judge: see score/checks.py)
    points: float
    max_points: float
    evidence: list[int]    # sentences that earn the points (a named source for N1, a document for V1)
    explanation: str
    against: list[int] = field(default_factory=list)  # sentences that cost points (an unnamed source for N1)
    why: str = ""          # why the practice matters, one line for students


@dataclass
class Flag:
    id: str
    title: str
    raised: bool
    evidence: list[int]
    explanation: str


@dataclass
class Scorecard:
    article_id: str
    sentences: int
    headings: int
    counts: dict[str, int]
    coverage: float
    checks: list[Check] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    dimensions: dict[str, float] = field(default_factory=dict)
    total: float = 0.0
    confidence: str = "normal"
    confidence_reason: str = ""
    distinct_named_sources: int = 0
    distinct_outlets: int = 0
    rules_version: str = ""

    @property
    def score(self) -> int:
        """The total as the reports print it: a whole number from 0 to 100."""
        return int(round(self.total))

    def share(self, label: str) -> float:
        """The share of the scored sentences with `label` (or "unattributed"), to four places."""
        return round(self.counts[label] / self.sentences, 4) if self.sentences else 0.0

    @property
    def attributed(self) -> int:
        """Scored sentences with at least one label."""
        return self.sentences - self.counts.get(UNATTRIBUTED.name, 0)
