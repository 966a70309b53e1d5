"""Process-wide settings under which the model computes the same numbers in less time.

Both were found by profiling the model here (2 vCPU AMD EPYC, spaCy 3.8, en_core_web_sm):

- Matrix products. thinc multiplies through BLIS by default; on this machine BLIS took 67 ms
  for a product the size of a batch's convolution (11,000 x 288 by 288 x 288) where numpy's
  own OpenBLAS, on one thread, took 20 ms. The two tok2vec networks (the shared one and the
  recogniser's own) are mostly such products: 2.9 s -> 1.7 s for the shared one on 100
  articles. The tags, parse and entities came out identical on 72,000 tokens (and the labels
  on every gold file): a product summed in another order could in principle flip a tie, so
  tests/test_pipeline_lean.py compares the annotation with the model as shipped.
  OpenBLAS is held to one thread: a process is one worker (`--jobs` gives the parallelism),
  and two threads each in two workers would fight for two cores.
- Freed memory. A batch's arrays are tens of megabytes; glibc handed them back to the system
  after each batch, and the kernel zeroed fresh pages for the next one (a tenth of the
  recogniser's time in `perf`). The thresholds below keep them in the process. The Dask
  workers set the same two values (run/dask_engine.py) against the nanny's.
"""

from __future__ import annotations

import ctypes
import sys
from contextlib import contextmanager, nullcontext
from typing import ContextManager, Iterator

# glibc mallopt parameters (malloc.h) and the values kept: the largest mmap threshold glibc
# accepts, and room for two batches' arrays before freed memory goes back to the system.
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
MMAP_THRESHOLD = 32 * 1024 * 1024
TRIM_THRESHOLD = 64 * 1024 * 1024


def keep_freed_memory() -> None:
    """Let glibc keep a batch's freed arrays for the next batch (Linux with glibc only)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:  # not glibc (musl): nothing to set
        return
    libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)
    libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD)


def numpy_blas_ops() -> ContextManager:
    """A context in which a model loaded multiplies through numpy's BLAS on one thread; the
    model keeps those operations after the context. Without threadpoolctl (which pins the
    thread count) thinc's BLIS stays: OpenBLAS would start a thread per core."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return nullcontext()
    threadpool_limits(limits=1, user_api="blas")  # for the whole process, for as long as it runs
    return _numpy_ops()


@contextmanager
def _numpy_ops() -> Iterator[None]:
    from thinc.api import use_ops

    with use_ops("numpy", use_blis=False):
        yield
