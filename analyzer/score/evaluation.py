"""Score the analyzer's sentence labels against a gold file: pure functions, plain data.

A gold file is JSONL, one article per line:
``{"id", "outlet" (own publisher or null), "text", "sentences": [{"start", "end", "text",
"labels": [...], "heading": bool}]}``, with ``start``/``end`` character offsets into ``text``.
A sentence may carry ``"attributed": true/false`` instead of ``labels``: it is then scored as
binary detection (does the sentence get any label at all).

A gold sentence's predicted labels are the union of the labels of the predicted sentences
that lie mostly inside it: predicted (s, e) counts when e > s and
min(e, g_end) - max(s, g_start) >= 0.5 * (e - s). Gold headings are not scored by label;
they count for ``headings`` (how many are predicted as headings). Scored sentences also fill
a confusion table of gold label against predicted label (confusion.py defines its cells).

Only ``run_analyzer`` loads spaCy (and only when called).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from ..errors import InputError
from ..labels import CORE_LABELS, LABELS
from ..records import Attribution
from .article_files import ArticleFileError, article_fields, read_article_file
from .confusion import ConfusionTable

MISS_ATTRIBUTION_FIELDS = ("label", "source", "resolved_source", "cue", "rule_id", "cue_rule_id", "step")


class GoldFileError(ArticleFileError):
    """A gold file that cannot be read; names the file and, where there is one, the line."""

    kind = "gold"


@dataclass(frozen=True)
class GoldSentence:
    start: int
    end: int
    text: str
    labels: Optional[frozenset] = None     # labelled gold
    attributed: Optional[bool] = None      # binary gold (then labels is None)
    heading: bool = False

    @property
    def is_binary(self) -> bool:
        return self.attributed is not None


@dataclass
class GoldArticle:
    id: str
    text: str
    outlet: Optional[str]
    sentences: list[GoldSentence]
    line: Optional[int] = None
    origin: str = ""   # the gold file


@dataclass(frozen=True)
class PredictedSentence:
    """One sentence as the analyzer labelled it, with what explains the labels."""
    start: int
    end: int
    labels: frozenset = frozenset()
    is_heading: bool = False
    rule_ids: tuple[str, ...] = ()
    attributions: tuple[Attribution, ...] = ()


@dataclass
class LabelScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.p, self.r
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    def as_dict(self) -> dict:
        return {"p": self.p, "r": self.r, "f1": self.f1, "support": self.support,
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Miss:
    """A gold sentence the analyzer got wrong, with the rules and attributions behind its labels."""
    article_id: str
    start: int
    end: int
    text: str
    gold: list[str]          # labels; for binary gold ["attributed"] or []
    predicted: list[str]
    rule_ids: list[str]
    attributions: list[Attribution]
    binary: bool = False

    def as_dict(self) -> dict:
        """The miss for `sourcing evaluate --json --errors`: each attribution by its label, source,
        cue and rules."""
        out = {name: getattr(self, name) for name in ("article_id", "start", "end", "text")}
        out.update(gold=list(self.gold), predicted=list(self.predicted), rule_ids=list(self.rule_ids))
        out["attributions"] = [{name: getattr(a, name) for name in MISS_ATTRIBUTION_FIELDS} for a in self.attributions]
        out["binary"] = self.binary
        return out


@dataclass
class Evaluation:
    labels: dict[str, LabelScore] = field(default_factory=lambda: {label: LabelScore() for label in LABELS})
    sentences: int = 0             # labelled, non-heading gold sentences
    exact_matches: int = 0
    headings: int = 0
    headings_ok: int = 0
    binary: LabelScore = field(default_factory=LabelScore)
    binary_sentences: int = 0
    articles: int = 0
    misses: list[Miss] = field(default_factory=list)
    confusion: ConfusionTable = field(default_factory=ConfusionTable)

    @staticmethod
    def _micro(scores: Iterable[LabelScore]) -> float:
        scores = list(scores)
        tp = sum(s.tp for s in scores)
        fp = sum(s.fp for s in scores)
        fn = sum(s.fn for s in scores)
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    @property
    def core_micro_f1(self) -> float:
        return self._micro(self.labels[label] for label in CORE_LABELS)

    @property
    def all_micro_f1(self) -> float:
        return self._micro(self.labels.values())

    @property
    def exact(self) -> float:
        return self.exact_matches / self.sentences if self.sentences else 0.0

    @property
    def has_labels(self) -> bool:
        return self.sentences > 0 or self.headings > 0

    @property
    def has_binary(self) -> bool:
        return self.binary_sentences > 0

    def as_dict(self, misses: bool = False) -> dict:
        out = {
            "articles": self.articles,
            "labels": {label: score.as_dict() for label, score in self.labels.items()},
            "core_micro_f1": self.core_micro_f1,
            "all_micro_f1": self.all_micro_f1,
            "exact": self.exact,
            "sentences": self.sentences,
            "headings": {"ok": self.headings_ok, "total": self.headings},
            "attributed": {**self.binary.as_dict(), "sentences": self.binary_sentences} if self.has_binary else None,
            "confusion": self.confusion.as_dict(),
        }
        if misses:
            out["misses"] = [m.as_dict() for m in self.misses]
        return out


# --- reading a gold file -------------------------------------------------------------------

def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _parse_sentence(raw, number: int, text: str, fail) -> GoldSentence:
    where = f"sentence {number}"
    if not isinstance(raw, dict):
        fail(f"{where}: expected an object with \"start\", \"end\" and \"labels\" or \"attributed\"")
    for key in ("start", "end"):
        if key not in raw:
            fail(f"{where}: missing \"{key}\"")
        if not _is_int(raw[key]):
            fail(f"{where}: \"{key}\" must be a whole number (a character offset into \"text\")")
    start, end = raw["start"], raw["end"]
    if not 0 <= start <= end <= len(text):
        fail(f"{where}: offsets {start}-{end} lie outside the text (0-{len(text)})")
    sentence_text = raw.get("text")
    if sentence_text is None:
        sentence_text = text[start:end]
    elif not isinstance(sentence_text, str):
        fail(f"{where}: \"text\" must be a string")
    elif sentence_text != text[start:end]:
        fail(f"{where}: \"text\" is not text[{start}:{end}] ({text[start:end][:40]!r}...); check the offsets")
    heading = raw.get("heading", False)
    if heading is None:
        heading = False
    if not isinstance(heading, bool):
        fail(f"{where}: \"heading\" must be true or false")
    if "attributed" in raw:
        if not isinstance(raw["attributed"], bool):
            fail(f"{where}: \"attributed\" must be true or false")
        return GoldSentence(start, end, sentence_text, None, raw["attributed"], heading)
    if "labels" not in raw:
        fail(f"{where}: missing \"labels\" (or \"attributed\" for a binary gold file)")
    labels = raw["labels"]
    if not isinstance(labels, list) or not all(isinstance(label, str) for label in labels):
        fail(f"{where}: \"labels\" must be a list of label names ([] = unattributed)")
    unknown = [label for label in labels if label not in LABELS]
    if unknown:
        fail(f"{where}: unknown label {unknown[0]!r} (labels: {', '.join(LABELS)})")
    return GoldSentence(start, end, sentence_text, frozenset(labels), None, heading)


def parse_gold_line(line: str, path: str, number: int) -> GoldArticle:
    def fail(message: str):
        raise GoldFileError(path, message, number)

    article_id, text, outlet, record = article_fields(line, fail, "sentences")
    if not isinstance(record["sentences"], list):
        fail("\"sentences\" must be a list")
    sentences = [_parse_sentence(raw, i, text, fail) for i, raw in enumerate(record["sentences"], start=1)]
    return GoldArticle(article_id, text, outlet, sentences, number, path)


def load_gold(path: str | Path) -> list[GoldArticle]:
    """Every article of a gold JSONL file; the first problem raises GoldFileError."""
    return read_article_file(path, parse_gold_line, GoldFileError)


# --- predictions ---------------------------------------------------------------------------

def predictions_from_result(result) -> list[PredictedSentence]:
    """An ArticleResult's sentences as PredictedSentence, each with its attributions."""
    by_sentence: dict[int, list[Attribution]] = {}
    for a in result.attributions:
        by_sentence.setdefault(a.sentence_index, []).append(a)
    return [
        PredictedSentence(start=s.start_char, end=s.end_char, labels=frozenset(s.labels), is_heading=s.is_heading,
                          rule_ids=tuple(s.rule_ids), attributions=tuple(by_sentence.get(s.index, ())))
        for s in result.sentences
    ]


def run_analyzer(gold: list[GoldArticle], analyzer=None, model: Optional[str] = None,
                 rules_dirs: Iterable = ()) -> tuple[dict[str, list[PredictedSentence]], list]:
    """Analyse every gold article in-process. Returns (predictions by article id, failures),
    where failures are the InputErrors of articles the analyzer could not analyse."""
    from ..run.local import Analyzer
    from ..io.ingest import Article

    if analyzer is None:
        analyzer = Analyzer(model=model, rules_dirs=list(rules_dirs))
    predictions: dict[str, list[PredictedSentence]] = {}
    failures = []
    items = [Article(g.id, g.text, g.outlet, origin=g.origin, line=g.line) for g in gold]
    for result in analyzer.analyze(items):
        if isinstance(result, InputError):
            failures.append(result)
            continue
        predictions[result.article.id] = predictions_from_result(result)
    return predictions, failures


# --- scoring -------------------------------------------------------------------------------

def inside(predicted: PredictedSentence, gold: GoldSentence) -> bool:
    """A predicted sentence counts for a gold sentence when it lies mostly (half or more) inside it."""
    s, e = predicted.start, predicted.end
    return e > s and min(e, gold.end) - max(s, gold.start) >= 0.5 * (e - s)


def score(gold: list[GoldArticle], predictions: dict[str, list[PredictedSentence]]) -> Evaluation:
    """Compare gold sentences with predicted ones (an article with no predictions predicts nothing)."""
    result = Evaluation(articles=len(gold))
    for article in gold:
        predicted = predictions.get(article.id, [])
        for g in article.sentences:
            matched = [p for p in predicted if inside(p, g)]
            got = frozenset().union(*(p.labels for p in matched))
            is_heading = any(p.is_heading for p in matched)

            def miss(want: list[str], got_list: list[str], binary: bool) -> Miss:
                return Miss(article.id, g.start, g.end, g.text, want, got_list,
                            list(dict.fromkeys(r for p in matched for r in p.rule_ids)),
                            [a for p in matched for a in p.attributions], binary)

            if g.is_binary:
                result.binary_sentences += 1
                hit = bool(got)
                result.binary.tp += hit and g.attributed
                result.binary.fp += hit and not g.attributed
                result.binary.fn += (not hit) and g.attributed
                if hit != g.attributed:
                    result.misses.append(miss(["attributed"] if g.attributed else [], sorted(got), True))
                continue
            if g.heading:
                result.headings += 1
                result.headings_ok += is_heading
                continue
            want = g.labels
            got = got & frozenset(LABELS)
            result.sentences += 1
            result.exact_matches += got == want
            result.confusion.add(want, got)
            if got != want:
                result.misses.append(miss(sorted(want), sorted(got), False))
            for label in LABELS:
                score_ = result.labels[label]
                score_.tp += (label in got) and (label in want)
                score_.fp += (label in got) and (label not in want)
                score_.fn += (label not in got) and (label in want)
    return result


def evaluate_gold(gold: list[GoldArticle], analyzer=None, model: Optional[str] = None,
                  rules_dirs: Iterable = ()) -> tuple[Evaluation, list, list[GoldArticle]]:
    """Run the analyzer on gold articles and score it: (Evaluation, analysis failures, the
    articles scored). Articles the analyzer failed on are left out of the scores."""
    predictions, failures = run_analyzer(gold, analyzer, model, rules_dirs)
    failed = {f.article_id for f in failures}
    scored = [g for g in gold if g.id not in failed]
    return score(scored, predictions), failures, scored


def evaluate_file(path: str | Path, analyzer=None, model: Optional[str] = None,
                  rules_dirs: Iterable = ()) -> tuple[Evaluation, list]:
    """Load a gold file, run the analyzer on it and score it: (Evaluation, analysis failures)."""
    evaluation, failures, _ = evaluate_gold(load_gold(path), analyzer, model, rules_dirs)
    return evaluation, failures
