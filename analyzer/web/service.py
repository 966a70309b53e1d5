"""This worker's pipeline, and the one way the web server runs work off the event loop.

The model is loaded once per worker process, when the application starts. Analyses run on one
thread of their own, one at a time per process: the parser uses the CPU the whole time, so a
second thread would only slow both, and the event loop stays free to answer /healthz and to
read the next request while an article is parsed. Always the same thread, not any thread of a
pool: each new thread that allocates gets a malloc arena of its own, and the server's memory
grew by some 20 MB per 50 requests as the analyses moved from thread to thread (flat on one).
Reading a submission (a fetch of up to a minute, a PDF) runs in threads of its own, so a slow
web page never holds up the analyses.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from functools import cached_property, partial
from typing import Callable, TypeVar, Union

import anyio
import anyio.to_thread

from ..errors import InputError
from ..io.articles import Article
from ..records import DocAnalysis
from ..run.local import Analyzer, ArticleResult, result_from_data
from ..score.corrections import CORRECTED_RULE, Corrected
from .inputs import Prepared, Submission, SubmissionError, prepare
from .settings import ServerSettings

T = TypeVar("T")
READERS = 8  # submissions read (fetched, extracted) at the same time


class AnalysisService:
    """Made inside the running event loop (the app's lifespan): anyio's limiters belong to it."""

    def __init__(self, settings: ServerSettings, analyzer: Analyzer):
        self.settings = settings
        self.analyzer = analyzer
        self.analysis_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sourcing-analysis")
        self.reader_slots = anyio.CapacityLimiter(READERS)

    @classmethod
    def load(cls, settings: ServerSettings) -> "AnalysisService":
        return cls(settings, Analyzer(model=settings.model, rules_dirs=list(settings.rules)))

    async def prepare(self, submission: Submission) -> Prepared:
        return await anyio.to_thread.run_sync(prepare, submission, self.settings, limiter=self.reader_slots)

    async def run(self, function: Callable[..., T], *args) -> T:
        """`function(*args)` on the analysis thread, after the analyses queued before it."""
        return await asyncio.get_running_loop().run_in_executor(self.analysis_thread, partial(function, *args))

    def close(self) -> None:
        self.analysis_thread.shutdown(wait=False, cancel_futures=True)

    def analyze_item(self, article: Article) -> Union[ArticleResult, InputError]:
        """One article's result, or the InputError the pipeline raised on it (blocking: use run())."""
        return next(self.analyzer.analyze([article]))

    @cached_property
    def rule_whys(self) -> dict[str, str]:
        """Why each rule and decision step exists (the `why` of `sourcing rules list`), by id."""
        from ..cli.rules import entries_of

        whys = {e.id: " ".join(e.why.split()) for e in entries_of(self.analyzer.nlp.get_pipe("sourcing_attributor").ruleset)}
        whys[CORRECTED_RULE] = "A person set this label by hand, correcting the analyzer."
        return whys

    def rescored(self, result: ArticleResult, corrected: Corrected) -> ArticleResult:
        """The article with corrected labels, scored by the same scorecard as any analysis."""
        return result_from_data(DocAnalysis(corrected.sentences, corrected.attributions), result.article,
                                self.analyzer.rules_version, self.analyzer.expert_words)

    def analyze_one(self, article: Article) -> ArticleResult:
        result = self.analyze_item(article)
        if isinstance(result, InputError):
            raise SubmissionError(f"The analysis failed on this article: {result.message}", 422)
        return result
