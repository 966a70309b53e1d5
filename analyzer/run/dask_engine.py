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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from ..io.articles import JSONL_SUFFIXES, TEXT_SUFFIXES

ARTICLES_PER_PARTITION = 64
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


def _analyzer(model: Optional[str], rules_dirs: tuple[str, ...]):
    key = (model, rules_dirs)
    if key not in _ANALYZERS:
        from .local import Analyzer

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
    """Concatenate the partitions' CSV files in order, one header each; atomic rename at the end."""
    from ..report.csv_files import FILES

    written = []
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
        final = out_dir / name
        os.replace(temp, final)
        written.append(final)
    return written


def run_dask(inputs: list[str], out_dir: Path, outlet: Optional[str] = None, model: Optional[str] = None,
             rules_dirs: Iterable = (), scheduler: Optional[str] = None, workers: int = 2,
             per_partition: int = ARTICLES_PER_PARTITION) -> DaskSummary:
    from dask.distributed import Client, LocalCluster

    from ..nlp.pipeline import check_model
    from ..rules.loader import load_rules

    rules = tuple(str(Path(d).resolve()) for d in rules_dirs)
    load_rules(rules)  # a bad rule file fails here, once, not on every worker
    check_model(model)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    parts_dir = out_dir / ".partitions"
    shutil.rmtree(parts_dir, ignore_errors=True)
    parts_dir.mkdir()
    partitions, errors = plan_partitions(inputs, per_partition)
    summary = DaskSummary(errors=[e.one_line() for e in errors], partitions=len(partitions))
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        futures = client.map(analyze_partition, partitions, parts_dir=str(parts_dir), outlet=outlet, model=model,
                             rules_dirs=rules, pure=False)
        results = sorted(client.gather(futures), key=lambda r: r["number"])
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    for result in results:
        summary.articles += result["articles"]
        summary.errors.extend(result["errors"])
    join_partitions(parts_dir, out_dir, [p.number for p in partitions])
    shutil.rmtree(parts_dir, ignore_errors=True)
    return summary
