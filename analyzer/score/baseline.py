"""A baseline to score beside the analyzer: the tool a user would otherwise reach for.

`sourcing evaluate GOLD --baseline textacy` labels the gold articles with textacy's
``textacy.extract.triples.direct_quotations`` plus spaCy's named entities, and scores them
with the analyzer's own scoring (evaluation.score), so both sets of figures mean the same.

The mapping is deliberately simple:
- the text is parsed by the same spaCy pipeline the analyzer loads (pipeline.load_model, the
  same --model), without the analyzer's own components; its sentences are spaCy's, cut at
  line breaks as the analyzer's are (so a heading the parser runs into the next sentence is
  scored apart: the comparison is of labels, not of sentence splitting);
- for each direct quotation textacy finds, every sentence the quotation (marks included)
  overlaps gets one label, read from the speaker's head word (the subject of the cue verb):
  entity PERSON or ORG -> named-other; GPE or NORP -> named-official; otherwise a pronoun
  or a common noun -> anonymous ("he said", "the official said"); anything else (a proper
  noun spaCy did not tag, another entity type) -> no label. See ENTITY_LABELS and
  UNNAMED_SPEAKER_LABELS.
- a sentence without a quotation gets no label: textacy finds direct quotations only, so
  indirect speech ("she said that..."), documents, imagery and outlets are out of its reach.
- textacy refuses a text with an odd number of quotation marks (an apostrophe written as ’
  counts as one); the article is then tried paragraph by paragraph, and a paragraph it still
  refuses gets no labels (counted in ``paragraphs_refused``).

It cannot tell an official from anyone else by name (a "Mayor Jane Doe" is PERSON:
named-other), nor follow "he" back to a name; it is a floor to beat, not a rival design.
textacy is imported only here, and only when a baseline runs (it costs start-up time).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

from ..errors import UsageError
from .evaluation import Evaluation, GoldArticle, PredictedSentence, score

BASELINES: tuple[str, ...] = ("textacy",)

# The speaker's head word -> label: by its entity type when it has one, else by part of speech.
ENTITY_LABELS: dict[str, str] = {
    "PERSON": "named-other",
    "ORG": "named-other",
    "GPE": "named-official",
    "NORP": "named-official",
}
UNNAMED_SPEAKER_LABELS: dict[str, str] = {"PRON": "anonymous", "NOUN": "anonymous"}
PARAGRAPH = re.compile(r"[^\n]+")


class UnknownBaselineError(UsageError):
    """--baseline names a baseline there is none of."""

    def __init__(self, name: str):
        super().__init__(f"unknown baseline {name!r} (known: {', '.join(BASELINES)})")


def check_baseline(name: str) -> str:
    """The baseline's name if there is one of that name; else UnknownBaselineError."""
    if name not in BASELINES:
        raise UnknownBaselineError(name)
    return name


@dataclass(frozen=True)
class Quotation:
    """One direct quotation textacy found: character offsets of its content, marks included."""
    start: int
    end: int
    speaker: str
    label: Optional[str]


@dataclass
class BaselineEvaluation:
    name: str
    tool: str                 # "textacy 0.13.0"
    model: str                # the spaCy pipeline that parsed the text
    evaluation: Evaluation
    quotations: int = 0
    paragraphs_refused: int = 0

    def as_dict(self) -> dict:
        return {"name": self.name, "tool": self.tool, "model": self.model, "quotations": self.quotations,
                "paragraphs_refused": self.paragraphs_refused, **self.evaluation.as_dict()}


def speaker_label(speaker) -> Optional[str]:
    """The label a speaker (textacy's list of tokens) gives, read from its head word."""
    tokens = set(speaker)
    head = next((t for t in speaker if t.head not in tokens or t.head == t), speaker[0])
    if head.ent_type_:
        return ENTITY_LABELS.get(head.ent_type_)
    return UNNAMED_SPEAKER_LABELS.get(head.pos_)


def _found_in(doc, offset: int = 0) -> list[Quotation]:
    from textacy.extract.triples import direct_quotations

    return [Quotation(offset + t.content.start_char, offset + t.content.end_char,
                      " ".join(token.text for token in t.speaker), speaker_label(t.speaker))
            for t in direct_quotations(doc)]


def quotations_in(doc) -> tuple[list[Quotation], int]:
    """(direct quotations, paragraphs textacy refused) of a parsed article: whole, else by paragraph."""
    try:
        return _found_in(doc), 0
    except ValueError:  # an odd number of quotation marks in the article
        pass
    found: list[Quotation] = []
    refused = 0
    for match in PARAGRAPH.finditer(doc.text):
        part = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if part is None or not part.text.strip():
            continue
        try:
            found += _found_in(part.as_doc(), part.start_char)
        except ValueError:
            refused += 1
    return found, refused


def sentence_pieces(doc) -> list[tuple[int, int]]:
    """spaCy's sentences as (start, end) offsets, cut at line breaks (as the analyzer cuts its own,
    so a heading the parser runs into the next sentence is scored apart) and trimmed."""
    pieces = []
    for sent in doc.sents:
        for match in PARAGRAPH.finditer(sent.text):
            line = match.group()
            start = sent.start_char + match.start() + len(line) - len(line.lstrip())
            end = sent.start_char + match.start() + len(line.rstrip())
            if end > start:
                pieces.append((start, end))
    return pieces


def predicted_sentences(doc, quotations: Iterable[Quotation]) -> list[PredictedSentence]:
    """The article's sentences, each labelled by the quotations it overlaps."""
    quotations = list(quotations)
    return [PredictedSentence(start, end, frozenset(q.label for q in quotations
                                                    if q.label and q.start < end and start < q.end))
            for start, end in sentence_pieces(doc)]


def evaluate_baseline(name: str, gold: list[GoldArticle], model: Optional[str] = None,
                      nlp=None) -> BaselineEvaluation:
    """Label the gold articles with the named baseline and score it like the analyzer; `nlp`, a
    spaCy pipeline already loaded, else the one the analyzer would load for `model`."""
    import textacy

    from ..nlp.pipeline import load_model

    check_baseline(name)
    if nlp is None:
        nlp = load_model(model)
    predictions: dict[str, list[PredictedSentence]] = {}
    found = refused = 0
    for article, doc in zip(gold, nlp.pipe(g.text for g in gold)):
        quotations, article_refused = quotations_in(doc)
        predictions[article.id] = predicted_sentences(doc, quotations)
        found += len(quotations)
        refused += article_refused
    model_name = f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')} {nlp.meta.get('version', '')}".strip()
    return BaselineEvaluation(name, f"textacy {textacy.__version__}", model_name, score(gold, predictions),
                              found, refused)
