"""Run the pipeline over articles and turn each parsed article into plain result rows."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional, Union

from .errors import InputError
from .ingest import Article
from .scorecard import Scorecard, build_scorecard, scorecard_row

SENTENCE_COLUMNS = ["article_id", "sentence_index", "start_char", "end_char", "is_heading", "text", "labels", "sources",
                    "rule_ids", "paragraph"]
ATTRIBUTION_COLUMNS = ["article_id", "sentence_index", "label", "source", "resolved_source", "cue", "quote_type",
                       "start_char", "end_char", "rule_id", "cue_rule_id", "outlet", "source_key",
                       "anonymity_reason_given", "anonymity_reason", "anonymity_reason_text", "anonymity_requested",
                       "vantage", "vantage_strength", "specificity", "source_count"]
ANONYMOUS_COLUMNS = ATTRIBUTION_COLUMNS[ATTRIBUTION_COLUMNS.index("anonymity_reason_given"):]


@dataclass
class ArticleResult:
    article: Article
    sentences: list[dict] = field(default_factory=list)
    attributions: list[dict] = field(default_factory=list)
    scorecard: dict = field(default_factory=dict)
    card: Optional[Scorecard] = None


def normalise_outlet(name: str) -> str:
    name = re.sub(r"[^\w\s]", " ", name.lower())
    name = re.sub(r"^\s*the\s+", "", name)
    return " ".join(name.split())


class OutletIndex:
    """Surface form -> canonical outlet name, to recognise an article's own publisher."""

    def __init__(self, outlet_entries: dict):
        self.forms: dict[str, str] = {}
        for _, entry in outlet_entries.values():
            for form in entry.surface_forms:
                self.forms.setdefault(normalise_outlet(form), entry.canonical)

    def canonical(self, name: Optional[str]) -> Optional[str]:
        if not name:
            return None
        return self.forms.get(normalise_outlet(name), name)


def result_from_doc(doc, article: Article, outlets: OutletIndex, rules_version: str = "") -> ArticleResult:
    data = doc._.sourcing
    own = {o for o in (outlets.canonical(article.outlet), outlets.canonical(data.get("dateline_outlet"))) if o}
    own_normalised = {normalise_outlet(o) for o in own}
    kept = []
    for a in data["attributions"]:
        if a["label"] == "secondary-outlet" and a.get("outlet") and normalise_outlet(a["outlet"]) in own_normalised:
            continue  # "told Reuters" in a Reuters article is the article's own reporting
        kept.append(a)
    by_sentence: dict[int, list[dict]] = {}
    for a in kept:
        by_sentence.setdefault(a["sentence_index"], []).append(a)
    sentences = []
    for s in data["sentences"]:
        found = [] if s["is_heading"] else by_sentence.get(s["index"], [])
        labels = sorted({a["label"] for a in found})
        sentences.append({
            "article_id": article.id, "sentence_index": s["index"], "start_char": s["start_char"],
            "end_char": s["end_char"], "is_heading": s["is_heading"], "text": s["text"],
            "labels": ";".join(labels),
            "sources": "; ".join(dict.fromkeys(a["resolved_source"] or a["source"] for a in found)),
            "rule_ids": ";".join(dict.fromkeys(a["rule_id"] for a in found)),
            "paragraph": s.get("paragraph", 0),
        })
    headings = {s["index"] for s in data["sentences"] if s["is_heading"]}
    attributions = []
    for a in kept:
        if a["sentence_index"] in headings:
            continue
        row = {"article_id": article.id, **{k: a.get(k) for k in ATTRIBUTION_COLUMNS if k not in ("article_id",)}}
        details = a.get("anonymous") or {}
        for column in ANONYMOUS_COLUMNS:
            row[column] = details.get(column, "")
        attributions.append(row)
    card = build_scorecard(article.id, sentences, attributions, rules_version)
    return ArticleResult(article, sentences, attributions, scorecard_row(card), card)


class Analyzer:
    """Loads the pipeline once; analyses articles in batches through nlp.pipe."""

    def __init__(self, model: Optional[str] = None, rules_dirs: Iterable = (), batch_size: int = 16):
        from .pipeline import build_pipeline

        self.nlp = build_pipeline(model, rules_dirs)
        attributor = self.nlp.get_pipe("sourcing_attributor")
        self.rules_version = attributor.ruleset.version
        self.outlets = OutletIndex(attributor.matcher.outlet_entries)
        self.batch_size = batch_size

    def analyze_text(self, text: str, outlet: Optional[str] = None, article_id: str = "text") -> ArticleResult:
        return next(self.analyze([Article(article_id, text, outlet)]))

    def analyze(self, items: Iterable[Union[Article, InputError]]) -> Iterator[Union[ArticleResult, InputError]]:
        """Results in input order; input errors pass through in their place."""
        pending: list[Union[Article, InputError]] = []
        for item in items:
            pending.append(item)
            if len(pending) >= self.batch_size:
                yield from self._run(pending)
                pending = []
        if pending:
            yield from self._run(pending)

    def _run(self, batch: list[Union[Article, InputError]]) -> Iterator[Union[ArticleResult, InputError]]:
        articles = [item for item in batch if isinstance(item, Article)]
        try:
            docs: Optional[list] = list(self.nlp.pipe((a.text for a in articles), batch_size=self.batch_size))
        except Exception:  # noqa: BLE001 - retried one by one below, so only the bad article is lost
            docs = None
        position = 0
        for item in batch:
            if isinstance(item, InputError):
                yield item
                continue
            try:
                doc = docs[position] if docs is not None else self.nlp(item.text)
                yield result_from_doc(doc, item, self.outlets, self.rules_version)
            except Exception as exc:  # noqa: BLE001 - one article's failure must not lose the others
                yield InputError(item.origin or item.id, f"analysis failed: {exc.__class__.__name__}: {exc}",
                                 line=item.line, article_id=item.id)
            position += 1
