"""Run the pipeline over articles: one ArticleResult (typed records and a scorecard) per article."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable, Iterator, Optional, Union

from ..errors import InputError
from ..attribution.outlets import dateline_wire
from ..records import Attribution, DocAnalysis, Sentence
from ..io.ingest import Article
from ..score.scorecard import EXPERT_WORDS, Scorecard, build_scorecard
from ..score.who_is_quoted import SourceEntry, who_is_quoted


@dataclass
class ArticleResult:
    """One analysed article: its sentences and attributions as the component found them (the
    article id stays out of the records; report/tables.py adds it to each row) and its scorecard."""

    article: Article
    sentences: list[Sentence]
    attributions: list[Attribution]
    scorecard: Scorecard

    @cached_property
    def sources(self) -> list[SourceEntry]:
        """Who is quoted: the article's distinct sources, the one list every writer reads
        (sources.csv, the terminal table, report.md, report.html). Cached: the writers of
        one result would otherwise each build it again."""
        return who_is_quoted(self.sentences, self.attributions)


# Longer articles are parsed in paragraph chunks: the parser's memory grows with the text, and
# spaCy refuses texts over nlp.max_length. Back-references do not cross a chunk boundary.
CHUNK_CHARS = 50_000


def paragraph_chunks(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) offsets of chunks of at most about `limit` characters, cut at line breaks,
    else after a full stop, else at a space."""
    if len(text) <= limit:
        return [(0, len(text))]
    chunks, start = [], 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            cut = text.rfind("\n", start + limit // 2, end)
            if cut == -1:
                cut = text.rfind(". ", start + limit // 2, end)
                cut = cut + 1 if cut != -1 else text.rfind(" ", start + limit // 2, end)
            end = cut + 1 if cut > start else end
        chunks.append((start, end))
        start = end
    return chunks


def merge_chunks(parts: list[tuple[int, DocAnalysis]]) -> DocAnalysis:
    """One article's analysis from those of its chunks: offsets and sentence numbers shifted."""
    if len(parts) == 1 and parts[0][0] == 0:
        return parts[0][1]
    merged = DocAnalysis()
    paragraph_base = 0
    for offset, data in parts:
        base = len(merged.sentences)
        merged.sentences.extend(s.shifted(offset, base, paragraph_base) for s in data.sentences)
        merged.attributions.extend(a.shifted(offset, base) for a in data.attributions)
        paragraph_base = (merged.sentences[-1].paragraph + 1) if merged.sentences else paragraph_base
    return merged


def result_from_data(data: DocAnalysis, article: Article, rules_version: str = "",
                     expert_words: Optional[frozenset[str]] = None) -> ArticleResult:
    card = build_scorecard(article.id, data.sentences, data.attributions, rules_version, expert_words)
    return ArticleResult(article, list(data.sentences), list(data.attributions), card)


class Analyzer:
    """Loads the pipeline once; analyses articles in batches through nlp.pipe."""

    def __init__(self, model: Optional[str] = None, rules_dirs: Iterable = (), batch_size: int = 16):
        from ..nlp.pipeline import build_pipeline

        self.nlp = build_pipeline(model, rules_dirs)
        attributor = self.nlp.get_pipe("sourcing_attributor")
        self.rules_version = attributor.ruleset.version
        self.expert_words = attributor.ruleset.terms(EXPERT_WORDS)
        self.batch_size = batch_size
        # The last parse is kept until the next call's first: freed between calls, its memory
        # goes back to the system and the next batch pays to take it again (5% of the speed of
        # callers that come batch by batch: the --jobs workers, the Dask partitions).
        self._last_doc = None

    def analyze_text(self, text: str, outlet: Optional[str] = None, article_id: str = "text") -> ArticleResult:
        return next(self.analyze([Article(article_id, text, outlet)]))

    def analyze(self, items: Iterable[Union[Article, InputError]]) -> Iterator[Union[ArticleResult, InputError]]:
        """Results in input order; input errors pass through in their place.

        One nlp.pipe streams over the whole input. Restarting it per batch let the last
        parse of every batch be freed and its memory handed back, and each batch then paid
        to allocate it again: 5% of the throughput. When a parse fails, the articles fed
        but not returned are parsed one by one, so only the bad one is lost, and a new
        stream carries on with the rest.
        """
        feed = _Feed(iter(items))
        collected: list[tuple[int, DocAnalysis]] = []
        while not feed.done:
            units = feed.units()
            try:
                docs = ((self._make_doc(unit), unit) for unit in units)
                for doc, unit in self.nlp.pipe(docs, as_tuples=True, batch_size=self.batch_size):
                    self._last_doc = doc
                    feed.fed.popleft()
                    collected.append((unit.start, doc._.sourcing))
                    if unit.last:
                        yield from self._finish(unit, collected)
                        collected = []
            except Exception:  # noqa: BLE001 - the article that broke the stream is found below
                units.close()
                if not feed.fed:
                    raise  # no parse failed: the pipeline itself is broken
                collected = yield from self._one_by_one(feed.fed, collected)
        yield from feed.trailing
        if feed.error is not None:
            raise feed.error

    def _make_doc(self, unit: "_Unit"):
        """The unit's text as a Doc that knows the article's own publisher (doc._.sourcing_publishers):
        its outlet, and for a later chunk of a long article the dateline credit of its opening."""
        doc = self.nlp.make_doc(unit.article.text[unit.start:unit.end])
        publishers = (unit.article.outlet,) + ((dateline_wire(unit.article.text),) if unit.start else ())
        doc._.sourcing_publishers = tuple(p for p in publishers if p)
        return doc

    def _one_by_one(self, fed: deque, collected: list) -> Iterator[Union[ArticleResult, InputError]]:
        failed: Optional[Article] = None
        while fed:
            unit = fed.popleft()
            if unit.article is not failed:
                try:
                    collected.append((unit.start, self.nlp(self._make_doc(unit))._.sourcing))
                except Exception as exc:  # noqa: BLE001 - one article's failure must not lose the others
                    failed = unit.article
                    yield from unit.errors_before
                    yield _analysis_error(unit.article, exc)
                    collected = []
                    continue
            if unit.last and unit.article is not failed:
                yield from self._finish(unit, collected)
            if unit.last:
                collected = []
        return collected

    def _finish(self, unit: "_Unit", collected: list) -> Iterator[Union[ArticleResult, InputError]]:
        yield from unit.errors_before
        try:
            yield result_from_data(merge_chunks(collected), unit.article, self.rules_version, self.expert_words)
        except Exception as exc:  # noqa: BLE001 - one article's failure must not lose the others
            yield _analysis_error(unit.article, exc)


class _Feed:
    """Articles from the input as (text, unit) pairs for nlp.pipe. Every chunk of an article
    is queued in `fed` when the article is read, so a failed stream knows what is left to
    parse; an error of the input itself is kept and raised after the work already read."""

    def __init__(self, source: Iterator):
        self.source = source
        self.fed: deque[_Unit] = deque()
        self.trailing: list[InputError] = []
        self.error: Optional[BaseException] = None
        self.done = False

    def units(self) -> Iterator["_Unit"]:
        errors: list[InputError] = []
        while True:
            try:
                item = next(self.source)
            except StopIteration:
                break
            except Exception as exc:  # noqa: BLE001 - raised by analyze once the rest is out
                self.error = exc
                break
            if isinstance(item, InputError):
                errors.append(item)
                continue
            chunks = paragraph_chunks(item.text, CHUNK_CHARS)
            units = [_Unit(item, start, end, number == len(chunks) - 1, errors if number == 0 else [])
                     for number, (start, end) in enumerate(chunks)]
            errors = []
            self.fed.extend(units)
            yield from units
        self.trailing.extend(errors)
        self.done = True


@dataclass
class _Unit:
    """One chunk of one article on its way through nlp.pipe."""

    article: Article
    start: int
    end: int
    last: bool  # the article's last chunk: its result can be built
    errors_before: list  # input errors read just before this article, yielded in their place


def _analysis_error(article: Article, exc: Exception) -> InputError:
    return InputError(article.origin or article.id, f"analysis failed: {exc.__class__.__name__}: {exc}",
                      line=article.line, article_id=article.id)
