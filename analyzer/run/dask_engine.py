"""`--engine dask`: the same analysis on a Dask cluster, for news archives.

The client only cuts the input into partitions (file paths and byte ranges with their first
line number); workers read their own partition, analyse it with a model loaded once per
worker (cached in this importable module, never pickled into the graph), and write their
partition's CSV files through the same CsvWriter (report/tables.py: one CSV edge). The client
then joins the partition files, in input order, into the same sentences.csv, attributions.csv
and scorecard.csv as the local engine: a header line (which holds no line break) is dropped
from every part but the first, and the rest is copied byte for byte.
"""

from __future__ import annotations

import os
import shutil
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from ..io.articles import JSONL_SUFFIXES, TEXT_SUFFIXES

ARTICLES_PER_PARTITION = 64
# A small input is cut finer, so that each worker has this many partitions and none idles at the end.
PARTITIONS_PER_WORKER = 4
MIN_PER_PARTITION = 4
NO_WORKER_TIMEOUT_S = 60.0  # a nanny restarts a dead worker in seconds; a minute with none means the cluster is gone
POLL_S = 1.0
_ANALYZERS: dict[tuple, object] = {}  # one Analyzer per worker process and configuration


@dataclass(frozen=True)
class Partition:
    number: int
    path: str
    start: int = 0            # byte range of a JSONL slice; a text file is read whole
    end: Optional[int] = None
    first_line: int = 1
    files: tuple[str, ...] = ()  # several small text files in one partition


@dataclass
class DaskSummary:
    articles: int = 0
    errors: list = field(default_factory=list)
    partitions: int = 0


def plan_partitions(inputs: Iterable[str], per_partition: int = ARTICLES_PER_PARTITION) -> tuple[list[Partition], list]:
    """Cut the inputs into partitions without reading the articles: JSONL files by line count
    (one fast pass over the bytes), text files in groups. Missing inputs come back as errors."""
    from ..errors import InputError

    partitions: list[Partition] = []
    errors: list = []
    texts: list[str] = []

    def flush_texts():
        while texts:
            group, texts[:] = texts[:per_partition], texts[per_partition:]
            partitions.append(Partition(len(partitions), group[0], files=tuple(group)))

    for name in inputs:
        path = Path(name)
        if path.is_dir():
            members = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES)
        elif path.exists():
            members = [path]
        else:
            errors.append(InputError(name, "no such file or folder"))
            continue
        for member in members:
            if member.suffix.lower() in JSONL_SUFFIXES:
                flush_texts()
                partitions.extend(_jsonl_partitions(member, per_partition, len(partitions)))
            else:
                texts.append(str(member))
    flush_texts()
    return partitions, errors


def balanced_size(partitions: list[Partition], workers: int, per_partition: int) -> int:
    """Articles per partition so that each worker gets PARTITIONS_PER_WORKER of them: with four
    64-article partitions of a 200-article input on two workers, one worker ran two and the other
    one and a bit, and the run took as long as the busier one (1.4x --jobs 1 instead of ~1.8x).
    Counting the articles of a small input costs one more pass over its bytes."""
    if len(partitions) >= workers * PARTITIONS_PER_WORKER:
        return per_partition
    articles = sum(len(p.files) if p.files else _lines_in(p) for p in partitions)
    return max(MIN_PER_PARTITION, min(per_partition, -(-articles // (workers * PARTITIONS_PER_WORKER))))


def _lines_in(partition: Partition) -> int:
    with open(partition.path, "rb") as stream:
        stream.seek(partition.start)
        data = stream.read((partition.end or 0) - partition.start) if partition.end is not None else stream.read()
    return data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)


def _jsonl_partitions(path: Path, per_partition: int, first_number: int) -> list[Partition]:
    out, start, line, lines_in_part, offset = [], 0, 1, 0, 0
    first_line = 1
    with path.open("rb") as stream:
        for raw in stream:
            offset += len(raw)
            lines_in_part += 1
            line += 1
            if lines_in_part == per_partition:
                out.append(Partition(first_number + len(out), str(path), start, offset, first_line))
                start, first_line, lines_in_part = offset, line, 0
    if lines_in_part:
        out.append(Partition(first_number + len(out), str(path), start, offset, first_line))
    return out


def _undo_nanny_malloc_trim() -> None:
    """Dask's nanny starts each worker with MALLOC_TRIM_THRESHOLD_=65536 (to hand freed memory
    back to the system). Setting it also pins glibc's mmap threshold at 128 KiB, so every array
    spaCy allocates above that is mapped and unmapped again: on 2 workers a partition of 64
    articles took 13 s under a nanny and 9 s without (README: Speed and scale). The thresholds
    that keep a batch's arrays in the process are set in one place (nlp/runtime.py); memory
    stays bounded, as the model is loaded once."""
    from ..nlp.runtime import keep_freed_memory

    keep_freed_memory()


def _analyzer(model: Optional[str], rules_dirs: tuple[str, ...]):
    key = (model, rules_dirs)
    if key not in _ANALYZERS:
        from .local import Analyzer

        if not _ANALYZERS:  # the first model in this worker process
            _undo_nanny_malloc_trim()
        _ANALYZERS[key] = Analyzer(model=model, rules_dirs=list(rules_dirs))
    return _ANALYZERS[key]


def _read_partition(partition: Partition):
    from ..io.ingest import read_file, read_jsonl

    if partition.files:
        for name in partition.files:
            yield from read_file(Path(name))
        return
    with open(partition.path, "rb") as stream:
        stream.seek(partition.start)
        data = stream.read(partition.end - partition.start)
    yield from read_jsonl(data.splitlines(keepends=True), partition.path, first_line=partition.first_line)


def analyze_partition(partition: Partition, parts_dir: str, outlet: Optional[str], model: Optional[str],
                      rules_dirs: tuple[str, ...]) -> dict:
    """Runs on a worker: read, analyse and write one partition; return counts and errors."""
    from ..errors import InputError
    from ..io.ingest import with_outlet
    from ..report.csv_files import CsvWriter

    analyzer = _analyzer(model, rules_dirs)
    writer = CsvWriter(Path(parts_dir) / f"part-{partition.number:06d}")
    articles, errors = 0, []
    for result in analyzer.analyze(with_outlet(_read_partition(partition), outlet)):
        if isinstance(result, InputError):
            errors.append(result.one_line())
            continue
        writer.write(result)
        articles += 1
    writer.close()
    return {"number": partition.number, "articles": articles, "errors": errors}



def join_partitions(parts_dir: Path, out_dir: Path, numbers: list[int]) -> list[Path]:
    """Concatenate the partitions' CSV files in order, one header each. Every table is written
    under a temporary name first and all are renamed only then, so a failure on the way
    (a full disk) leaves the earlier tables, never a mix of old and new."""
    from ..report.csv_files import FILES

    temps = []
    for name in FILES.values():
        temp = out_dir / f".{name}.partial"
        header_written = False
        with temp.open("wb") as target:
            for number in numbers:
                part = parts_dir / f"part-{number:06d}" / name
                if not part.exists():
                    continue
                with part.open("rb") as source:
                    header = source.readline()
                    if not header_written:
                        target.write(header)
                        header_written = True
                    shutil.copyfileobj(source, target)
        temps.append((temp, out_dir / name))
    for temp, final in temps:
        os.replace(temp, final)
    return [final for _, final in temps]


def _where(partition: Partition) -> str:
    if partition.files:
        more = f" and {len(partition.files) - 1} more file(s)" if len(partition.files) > 1 else ""
        return f"{partition.files[0]}{more}"
    return f"{partition.path} from line {partition.first_line}"


def _check_worker(parts_dir: str, model: Optional[str], rules_dirs: tuple[str, ...]) -> str:
    """Runs on every worker before the partitions: can it see the output folder, and load the
    model (then cached for the run)? An empty string means ready."""
    if not os.path.isdir(parts_dir):
        return f"cannot see the output folder {parts_dir}: put --out on a file system every worker mounts at the same path"
    _analyzer(model, rules_dirs)
    return ""


def _workers_ready(client, parts_dir: Path, model: Optional[str], rules: tuple[str, ...]) -> None:
    from ..errors import ClusterError

    try:
        answers = client.run(_check_worker, str(parts_dir), model, rules)
    except Exception as exc:  # raised on a worker: the package or the model is missing there
        raise ClusterError(f"a Dask worker cannot run the analyzer: {_one_line(exc)} "
                           "(every worker needs this package and the model installed)") from None
    for worker, problem in sorted(answers.items()):
        if problem:
            raise ClusterError(f"Dask worker {worker} {problem}")


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


def _wait_with_workers(client, futures: list, no_worker_timeout: float) -> None:
    """Wait until every future is done, or stop when the cluster has had no worker for
    `no_worker_timeout` seconds (Dask itself would wait for a worker for ever)."""
    from dask.distributed import wait

    from ..errors import ClusterError

    workerless_since = None
    while True:
        try:
            wait(futures, timeout=POLL_S)
            return
        except TimeoutError:
            pass
        if client.nthreads():
            workerless_since = None
            continue
        workerless_since = workerless_since or time.monotonic()
        if time.monotonic() - workerless_since > no_worker_timeout:
            done = sum(f.status == "finished" for f in futures)
            raise ClusterError(f"the Dask cluster has had no worker for {no_worker_timeout:.0f} s "
                               f"({done} of {len(futures)} partitions done); no table written")


def _gather(client, futures: list, partitions: list[Partition], no_worker_timeout: float) -> list[dict]:
    """Wait for every partition. A worker that dies has its partitions run again on the others
    (Dask does that); a cluster with no worker for `no_worker_timeout` seconds, or a partition
    that killed every worker it ran on, stops the run with a ClusterError."""
    from dask.distributed import KilledWorker
    from distributed.utils import CancelledError

    from ..errors import ClusterError

    try:
        _wait_with_workers(client, futures, no_worker_timeout)
    except (OSError, CancelledError) as exc:  # the scheduler went away: the futures are lost
        why = f" ({_one_line(exc)})" if isinstance(exc, OSError) else ""
        raise ClusterError(f"lost the Dask scheduler mid-run{why}; no table written") from None
    for future, partition in zip(futures, partitions):
        if future.status == "finished":
            continue
        if future.status != "error":
            raise ClusterError(f"partition {partition.number} ({_where(partition)}) was {future.status} "
                               "by the Dask scheduler; no table written")
        exc = future.exception()
        if isinstance(exc, KilledWorker):
            raise ClusterError(f"partition {partition.number} ({_where(partition)}) killed every Dask worker that ran it "
                               "(out of memory?); no table written")
        raise ClusterError(f"partition {partition.number} ({_where(partition)}) failed on a Dask worker: "
                           f"{_one_line(exc)}; no table written")
    return [future.result() for future in futures]


@contextmanager
def _quiet_dask_logs() -> Iterator[None]:
    """Dask logs a lost scheduler or a dead worker with a traceback on stderr; the run reports
    what matters itself, in one line (ClusterError), so Dask's handlers are muted meanwhile."""
    import logging

    import distributed  # noqa: F401  (sets up Dask's log handlers)

    handlers = [h for name in ("distributed", "distributed.client") for h in logging.getLogger(name).handlers]
    levels = [h.level for h in handlers]
    for handler in handlers:
        handler.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for handler, level in zip(handlers, levels):
            handler.setLevel(level)


def _run_partitions(partitions: list[Partition], parts_dir: Path, outlet: Optional[str], model: Optional[str],
                    rules: tuple[str, ...], scheduler: Optional[str], workers: int, no_worker_timeout: float) -> list[dict]:
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        _workers_ready(client, parts_dir, model, rules)
        futures = client.map(analyze_partition, partitions, parts_dir=str(parts_dir), outlet=outlet, model=model,
                             rules_dirs=rules, pure=False)
        return _gather(client, futures, partitions, no_worker_timeout)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_dask(inputs: list[str], out_dir: Path, outlet: Optional[str] = None, model: Optional[str] = None,
             rules_dirs: Iterable = (), scheduler: Optional[str] = None, workers: int = 2,
             per_partition: int = ARTICLES_PER_PARTITION, no_worker_timeout: Optional[float] = None) -> DaskSummary:
    from ..nlp.pipeline import check_model
    from ..rules.loader import load_rules

    rules = tuple(str(Path(d).resolve()) for d in rules_dirs)
    load_rules(rules)  # a bad rule file fails here, once, not on every worker
    check_model(model)
    out_dir = Path(out_dir).resolve()  # workers see the same path, not the client's working folder
    out_dir.mkdir(parents=True, exist_ok=True)
    parts_dir = out_dir / ".partitions"
    shutil.rmtree(parts_dir, ignore_errors=True)
    parts_dir.mkdir()
    partitions, errors = plan_partitions(inputs, per_partition)
    smaller = balanced_size(partitions, workers, per_partition)
    if smaller < per_partition:  # a small input: more, smaller partitions keep every worker busy to the end
        partitions, errors = plan_partitions(inputs, smaller)
    summary = DaskSummary(errors=[e.one_line() for e in errors], partitions=len(partitions))
    try:
        with _quiet_dask_logs():
            results = _run_partitions(partitions, parts_dir, outlet, model, rules, scheduler, workers,
                                      no_worker_timeout or NO_WORKER_TIMEOUT_S)
    except BaseException:
        shutil.rmtree(parts_dir, ignore_errors=True)  # the earlier tables stay as they were
        raise
    for result in results:
        summary.articles += result["articles"]
        summary.errors.extend(result["errors"])
    join_partitions(parts_dir, out_dir, [p.number for p in partitions])
    shutil.rmtree(parts_dir, ignore_errors=True)
    return summary
