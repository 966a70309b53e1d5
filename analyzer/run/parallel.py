"""`--jobs N`: analyse on N worker processes, each loading the model once.

Workers receive articles and send back ArticleResults (plain records and a scorecard), never
Docs: a parsed Doc costs hundreds of kB to pickle (shared/PERFORMANCE.md). Batches are submitted a few at a time, so
the input streams through and memory stays flat however long the input is.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from itertools import islice
from typing import Iterable, Iterator, Optional, Union

from .local import Analyzer, ArticleResult
from ..errors import InputError
from ..io.ingest import Article

Item = Union[Article, InputError]
_WORKER_ANALYZER: Optional[Analyzer] = None


def _start_worker(model: Optional[str], rules_dirs: list[str], batch_size: int) -> None:
    global _WORKER_ANALYZER
    _WORKER_ANALYZER = Analyzer(model=model, rules_dirs=rules_dirs, batch_size=batch_size)


def _analyze_batch(batch: list[Item]) -> list[Union[ArticleResult, InputError]]:
    assert _WORKER_ANALYZER is not None, "worker started without its analyzer"
    return list(_WORKER_ANALYZER.analyze(batch))


def batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class ParallelAnalyzer:
    """Same interface as Analyzer.analyze, on `jobs` processes; results keep input order."""

    def __init__(self, jobs: int, model: Optional[str] = None, rules_dirs: Iterable = (), batch_size: int = 8):
        from ..nlp.pipeline import check_model
        from ..rules.loader import load_rules

        rules_dirs = list(rules_dirs)
        # Fail here, once, with the usual error: a worker that cannot start would be restarted forever.
        load_rules(rules_dirs)
        check_model(model)
        self.jobs = jobs
        self.batch_size = batch_size
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        self.pool = multiprocessing.get_context(method).Pool(
            processes=jobs, initializer=_start_worker, initargs=(model, [str(d) for d in rules_dirs], batch_size))

    def analyze(self, items: Iterable[Item]) -> Iterator[Union[ArticleResult, InputError]]:
        in_flight: deque = deque()
        try:
            for batch in batched(items, self.batch_size):
                in_flight.append(self.pool.apply_async(_analyze_batch, (batch,)))
                if len(in_flight) >= 2 * self.jobs:
                    yield from in_flight.popleft().get()
            while in_flight:
                yield from in_flight.popleft().get()
        finally:
            self.close()

    def close(self) -> None:
        self.pool.close()
        self.pool.join()
