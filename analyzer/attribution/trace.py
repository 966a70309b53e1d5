"""The decision trace behind `sourcing explain --sentence N`: what the component tried, sentence by sentence.

Off unless a collector is active (`collecting()`): the component and `decide()` ask
`active_trace()` and do nothing more when it is None, so `sourcing analyze` pays one ContextVar
lookup per doc, sentence and phrase and an `is None` test per cue and decision step (about
0.04% of the analysis time, measured on a short article). A ContextVar rather than a module
global, so a trace taken in one thread (or task) never collects another's work; nlp.pipe runs
the component lazily in the caller's thread, so the analysis must be consumed inside the
`with collecting()` block.

The collector is filled in the order the component works (doc, sentence, cue hit, source
phrase, decision step) and keeps frozen records: for each sentence the cues found, the phrases
each cue led to with the steps tried on them, the attributions each cue added, and those the
component left out at the end. Offsets are into the parsed doc; a long article is parsed in
chunks (run/local.py), and `SentenceTrace.shifted` moves a chunk's trace to the article's offsets.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from typing import Iterator, Optional

from spacy.tokens import Span

from ..records import Attribution, Sentence
from ..rules.matcher import Hit
from .context import Source

# What a decision step answered (decisions/verdict.py): None, a labelled Source, or NOT_A_SOURCE.
PASSED = "passed"          # None: the step does not apply; the next step is asked
DECIDED = "decided"        # a labelled source
NO_SOURCE = "no source"    # NOT_A_SOURCE: the phrase is no source, and no later step is asked
CONTINUATION = "continuation"  # the quote_type of a label carried over from a quotation's speaker


@dataclass(frozen=True)
class StepTry:
    """One decision step asked about a phrase, and its answer (PASSED, DECIDED or NO_SOURCE)."""

    step_id: str
    outcome: str


@dataclass(frozen=True)
class PhraseDecision:
    """The decision table's work on one source phrase: the steps in the order tried, the answer."""

    text: str                        # the phrase's own words, as the steps saw them
    start_char: int
    end_char: int
    tried: tuple[StepTry, ...]
    label: Optional[str] = None      # None: no source
    rule_id: Optional[str] = None    # the rule, or the step's own id when no rule's words matched
    step: Optional[str] = None       # the steps that gave the label, outermost first (Attribution.step)
    source: str = ""                 # the source's words when wider than the phrase ("Kirby" with his title)
    inner: tuple["PhraseDecision", ...] = ()  # phrases a step decided first: "the officials" of "one of them"

    @property
    def passed(self) -> tuple[str, ...]:
        return tuple(t.step_id for t in self.tried if t.outcome == PASSED)

    @property
    def decider(self) -> Optional[StepTry]:
        """The step that answered; None when every step passed."""
        return self.tried[-1] if self.tried and self.tried[-1].outcome != PASSED else None

    def shifted(self, chars: int) -> "PhraseDecision":
        return replace(self, start_char=self.start_char + chars, end_char=self.end_char + chars,
                       inner=tuple(d.shifted(chars) for d in self.inner))


@dataclass(frozen=True)
class CueTrace:
    """A cue hit of the sentence (or a hedge), the phrases its handler had decided, and what it added."""

    type: str                        # the cue rule's type (speech_verb, source_phrase, ...) or "hedge"
    rule_id: str
    words: str
    start_char: int
    end_char: int
    skipped: str = ""                # why no handler ran: the cue is inside a quotation, say
    decisions: tuple[PhraseDecision, ...] = ()
    attributions: tuple[Attribution, ...] = ()

    def shifted(self, chars: int, sentences: int) -> "CueTrace":
        return replace(self, start_char=self.start_char + chars, end_char=self.end_char + chars,
                       decisions=tuple(d.shifted(chars) for d in self.decisions),
                       attributions=tuple(a.shifted(chars, sentences) for a in self.attributions))


@dataclass(frozen=True)
class LeftOut:
    """An attribution found but left out at the end (component._final), and why."""

    attribution: Attribution
    reason: str


@dataclass(frozen=True)
class SentenceTrace:
    """Everything the component tried for one sentence."""

    index: int
    cues: tuple[CueTrace, ...] = ()
    left_out: tuple[LeftOut, ...] = ()

    def shifted(self, chars: int, sentences: int) -> "SentenceTrace":
        """The trace at the article's offsets and sentence numbers (a chunk of a long article)."""
        return replace(self, index=self.index + sentences, cues=tuple(c.shifted(chars, sentences) for c in self.cues),
                       left_out=tuple(LeftOut(o.attribution.shifted(chars, sentences), o.reason) for o in self.left_out))


@dataclass
class _OpenCue:
    trace: CueTrace
    found_before: int                # how many attributions the sentence had when this cue's handler ran
    decisions: list[PhraseDecision] = field(default_factory=list)


@dataclass
class _OpenPhrase:
    text: str
    start_char: int
    end_char: int
    tried: list[StepTry] = field(default_factory=list)
    inner: list[PhraseDecision] = field(default_factory=list)


class TraceCollector:
    """Collects the traces of the docs parsed while it is active, by doc text (each chunk of a
    long article is a doc; a chunk parsed again after a failed batch replaces its first trace)."""

    def __init__(self) -> None:
        self.docs: dict[str, dict[int, SentenceTrace]] = {}
        self._sentences: dict[int, SentenceTrace] = {}
        self._index: Optional[int] = None
        self._cues: list[_OpenCue] = []
        self._phrases: list[_OpenPhrase] = []

    def sentence(self, doc_text: str, index: int) -> Optional[SentenceTrace]:
        """The trace of sentence `index` of the doc with this text, at the doc's offsets."""
        return self.docs.get(doc_text, {}).get(index)

    # -- called by the component ---------------------------------------------------------
    def begin_doc(self, text: str) -> None:
        self._sentences = self.docs[text] = {}
        self._index, self._cues, self._phrases = None, [], []

    def begin_sentence(self, index: int) -> None:
        self._index, self._cues, self._phrases = index, [], []

    def cue_hit(self, hit: Hit, words: Span, skipped: str, found_before: int) -> None:
        """A cue hit (or hedge) of the open sentence; `found_before`: the sentence's attributions so far."""
        trace = CueTrace(hit.type, hit.rule_id, words.text, words.start_char, words.end_char, skipped)
        self._cues.append(_OpenCue(trace, found_before))

    def end_sentence(self, found: list[Attribution]) -> None:
        """Close the sentence: each cue keeps the attributions added while it was the last one open."""
        if self._index is None:
            return
        ends = [c.found_before for c in self._cues[1:]] + [len(found)]
        cues = tuple(replace(c.trace, decisions=tuple(c.decisions), attributions=tuple(found[c.found_before:end]))
                     for c, end in zip(self._cues, ends))
        self._sentences[self._index] = SentenceTrace(self._index, cues)
        self._index, self._cues, self._phrases = None, [], []

    def left_out(self, attribution: Attribution, reason: str) -> None:
        index = attribution.sentence_index
        known = self._sentences.get(index, SentenceTrace(index))
        self._sentences[index] = replace(known, left_out=known.left_out + (LeftOut(attribution, reason),))

    # -- called by decide() --------------------------------------------------------------
    def begin_phrase(self, text: str, start_char: int, end_char: int) -> None:
        self._phrases.append(_OpenPhrase(text, start_char, end_char))

    def step_answered(self, step_id: str, verdict: object) -> None:
        if not self._phrases:
            return
        outcome = PASSED if verdict is None else DECIDED if isinstance(verdict, Source) else NO_SOURCE
        self._phrases[-1].tried.append(StepTry(step_id, outcome))

    def end_phrase(self, answer: Optional[Source]) -> None:
        """Close the innermost phrase: it belongs to the phrase that asked about it, else to the open cue."""
        if not self._phrases:
            return
        open_ = self._phrases.pop()
        decision = PhraseDecision(open_.text, open_.start_char, open_.end_char, tuple(open_.tried), inner=tuple(open_.inner))
        if answer is not None:
            decision = replace(decision, label=answer.label, rule_id=answer.rule_id, step=answer.step,
                               source=answer.text if answer.text != open_.text else "")
        if self._phrases:
            self._phrases[-1].inner.append(decision)
        elif self._cues:
            self._cues[-1].decisions.append(decision)


@dataclass(frozen=True)
class Carried:
    """A label the sentence carries from a quotation's speaker (quotations.py), and where it came from."""

    attribution: Attribution
    from_sentence: Optional[int]     # the sentence that names the speaker


@dataclass(frozen=True)
class SentenceExplanation:
    """One sentence of an analysed article with its trace: what `sourcing explain --sentence` prints."""

    article_id: str
    sentence: Sentence
    sentences: int                   # how many the article has: they are numbered 0 to sentences - 1
    attributions: tuple[Attribution, ...]   # the final ones, as in attributions.csv
    trace: SentenceTrace
    carried: tuple[Carried, ...] = ()


def explain_sentence(article_id: str, article_text: str, chunks: list[tuple[int, int]], sentences: list[Sentence],
                     attributions: list[Attribution], collector: TraceCollector, index: int) -> SentenceExplanation:
    """Sentence `index` (as numbered in sentences.csv) with the trace the collector took of it.
    `chunks` are the (start, end) offsets the article was parsed in: each chunk's sentences are
    numbered after those of the chunks before it (run/local.py merge_chunks)."""
    sentence = next(s for s in sentences if s.index == index)
    start, end = next(((s, e) for s, e in chunks if s <= sentence.start_char < e), (0, len(article_text)))
    base = sum(1 for s in sentences if s.start_char < start)
    local = collector.sentence(article_text[start:end], index - base)
    trace = local.shifted(start, base) if local is not None else SentenceTrace(index)
    own = tuple(a for a in attributions if a.sentence_index == index)
    carried = tuple(Carried(a, next((s.index for s in sentences if s.start_char <= a.start_char < s.end_char), None))
                    for a in own if a.quote_type == CONTINUATION)
    return SentenceExplanation(article_id, sentence, len(sentences), own, trace, carried)


_ACTIVE: ContextVar[Optional[TraceCollector]] = ContextVar("sourcing_trace", default=None)


def active_trace() -> Optional[TraceCollector]:
    """The collector of `sourcing explain --sentence`, or None (always, for `sourcing analyze`)."""
    return _ACTIVE.get()


@contextmanager
def collecting() -> Iterator[TraceCollector]:
    """Collect a trace of every doc parsed inside the block."""
    collector = TraceCollector()
    token = _ACTIVE.set(collector)
    try:
        yield collector
    finally:
        _ACTIVE.reset(token)
