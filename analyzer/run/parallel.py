"""`--jobs N`: analyse on N worker processes.

Where processes can fork, the pipeline is built once, here, and the workers are forked after
it: they share its memory (the model's weights, the compiled rules) copy-on-write and start at
once, instead of each loading the model. Elsewhere (spawn) each worker builds its own.

Workers receive articles and send back ArticleResults (plain records and a scorecard), never
Docs: a parsed Doc costs hundreds of kB to pickle (shared/PERFORMANCE.md). Batches are
submitted a few at a time, so the input streams through and memory stays flat however long the
input is; the last articles go out in small batches, so that no worker sits idle at the end
while another works through a full batch.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections import deque
from itertools import islice
from typing import Iterable, Iterator, Optional, Union

from .local import Analyzer, ArticleResult
from ..errors import InputError
from ..io.ingest import Article

Item = Union[Article, InputError]
# The workers' pipeline: set in this process before the workers fork, or by each spawned
# worker's initializer.
_WORKER_ANALYZER: Optional[Analyzer] = None
# The size of the batches the last articles go out in (see tapered_batches).
TAIL_BATCH = 2


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


def tapered_batches(items: Iterable[Item], size: int, tail: int) -> Iterator[list[Item]]:
    """Batches of `size` items, but the last `tail` or more in batches of TAIL_BATCH.

    With equal batches, the worker that takes the last one keeps the others waiting until it
    is done: half a batch of idle time per run on average (4% of a 200-article run on two
    workers). Reading `tail` items ahead tells when the input is about to end.
    """
    iterator = iter(items)
    ahead = list(islice(iterator, size + tail))
    while len(ahead) == size + tail:  # more may follow: a full batch
        yield ahead[:size]
        ahead = ahead[size:] + list(islice(iterator, size))
    yield from batched(ahead, TAIL_BATCH)


class ParallelAnalyzer:
    """Same interface as Analyzer.analyze, on `jobs` processes; results keep input order."""

    def __init__(self, jobs: int, model: Optional[str] = None, rules_dirs: Iterable = (), batch_size: int = 8):
        rules_dirs = [str(d) for d in rules_dirs]
        self.jobs = jobs
        self.batch_size = batch_size
        if "fork" in multiprocessing.get_all_start_methods():
            self.pool = _forked_pool(jobs, Analyzer(model=model, rules_dirs=rules_dirs, batch_size=batch_size))
        else:
            self.pool = _spawned_pool(jobs, model, rules_dirs, batch_size)

    def analyze(self, items: Iterable[Item]) -> Iterator[Union[ArticleResult, InputError]]:
        # Bounded by articles, not batches: the small batches at the end all go out at once.
        limit = 2 * self.jobs * self.batch_size
        in_flight: deque = deque()
        queued = 0
        try:
            for batch in tapered_batches(items, self.batch_size, self.jobs * self.batch_size):
                in_flight.append((self.pool.apply_async(_analyze_batch, (batch,)), len(batch)))
                queued += len(batch)
                while queued >= limit:
                    result, size = in_flight.popleft()
                    queued -= size
                    yield from result.get()
            while in_flight:
                yield from in_flight.popleft()[0].get()
        finally:
            self.close()

    def close(self) -> None:
        global _WORKER_ANALYZER
        self.pool.close()
        self.pool.join()
        _WORKER_ANALYZER = None  # this process's copy, kept only for the workers to fork from


def _forked_pool(jobs: int, analyzer: Analyzer):
    """Workers forked from this process once `analyzer` is built: they inherit it."""
    global _WORKER_ANALYZER
    _WORKER_ANALYZER = analyzer
    # Objects in the permanent generation are never visited by the collector, so a collection in
    # a worker does not write to (and so copy) the pages they share with this process.
    gc.freeze()
    try:
        return multiprocessing.get_context("fork").Pool(processes=jobs)
    finally:
        gc.unfreeze()


def _spawned_pool(jobs: int, model: Optional[str], rules_dirs: list[str], batch_size: int):
    from ..nlp.pipeline import check_model
    from ..rules.loader import load_rules

    # Fail here, once, with the usual error: a worker that cannot start would be restarted forever.
    load_rules(rules_dirs)
    check_model(model)
    return multiprocessing.get_context("spawn").Pool(
        processes=jobs, initializer=_start_worker, initargs=(model, rules_dirs, batch_size))
