"""`sourcing bench`: how fast is the analyzer next to spaCy's own parse, measured in one run.

The corpus is built from the project's own text (the sample article and the rule files'
example sentences), shuffled into article-length texts, so the benchmark runs anywhere.
Every figure is measured in the same run on the same machine, and reported as ratios.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "seed-drones.txt"
ROUNDS = 2


@dataclass
class BenchReport:
    articles: int
    words: int
    figures: dict = field(default_factory=dict)

    def lines(self) -> list[str]:
        f = self.figures
        out = [f"corpus: {self.articles} articles, {self.words} words (a tenth of it for the memory check)"]
        out.append(f"model load: {f['model_load_s']:.2f} s; `sourcing --help`: {f['help_s']:.2f} s; "
                   f"one article end to end (process start, model load, CSV; median of 3 fresh processes, "
                   f"the first {f['one_article_first_s']:.2f} s): {f['one_article_s']:.2f} s")
        out.append(f"spaCy alone (the model as shipped, nlp.pipe, best of {ROUNDS}): {f['spacy_wps']:,.0f} words/s")
        if f.get("parse_wps"):
            out.append(f"the analyzer's parse alone (its lean pipeline without the attribution, nlp.pipe, best of {ROUNDS}): "
                       f"{f['parse_wps']:,.0f} words/s = {f['parse_wps'] / f['spacy_wps']:.2f} of spaCy's throughput")
        out.append(f"sourcing analyze --jobs 1 (CSV out, best of {ROUNDS}): {f['jobs1_wps']:,.0f} words/s = "
                   f"{f['jobs1_wps'] / f['spacy_wps']:.2f} of spaCy's throughput")
        if f.get("jobs2_wps"):
            out.append(f"sourcing analyze --jobs 2: {f['jobs2_wps']:,.0f} words/s = {f['jobs2_wps'] / f['jobs1_wps']:.2f}x --jobs 1")
        if f.get("dask_wps"):
            out.append(f"sourcing analyze --engine dask on a {f['dask_workers']}-worker cluster (dask scheduler + dask worker "
                       f"--nthreads 1 on 127.0.0.1, workers warm, best of {ROUNDS}): {f['dask_wps']:,.0f} words/s = "
                       f"{f['dask_wps'] / f['jobs1_wps']:.2f}x --jobs 1")
        out.append(f"peak memory: {f['rss_small_mb']:.0f} MB for a tenth of the corpus, {f['rss_1x_mb']:.0f} MB for all of it "
                   f"(ten times the input: x{f['rss_1x_mb'] / f['rss_small_mb']:.2f} the memory)")
        return out


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?\"”])\s+", text) if len(s.split()) >= 4]


def source_sentences() -> list[str]:
    from ..rules.loader import load_rules

    pool = _sentences(SAMPLE.read_text(encoding="utf-8"))
    for loaded in load_rules().rules:
        pool.extend(loaded.rule.examples.match)
        pool.extend(loaded.rule.examples.no_match)
    return [s for s in dict.fromkeys(pool) if len(s.split()) >= 4]


def build_corpus(articles: int = 500, words_per_article: int = 600, seed: int = 0) -> list[dict]:
    rng = random.Random(seed)
    pool = source_sentences()
    corpus = []
    for number in range(articles):
        sentences, count = [], 0
        while count < words_per_article:
            sentence = rng.choice(pool)
            sentences.append(sentence)
            count += len(sentence.split())
        paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
        corpus.append({"id": f"bench-{number:05d}", "text": "\n\n".join(paragraphs)})
    return corpus


def _write_jsonl(rows: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8") as stream:
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")


def _run_child(args: list[str]) -> tuple[float, float]:
    """Seconds and peak resident memory (MB) of one child process."""
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise RuntimeError(f"benchmark step failed: {' '.join(args)}")
    return elapsed, usage.ru_maxrss / 1024


@contextmanager
def _bench_cluster(engine: str, workers: int, work: Path) -> Iterator[Optional[str]]:
    """With engine "dask": a cluster as users run one (the dask CLI, on 127.0.0.1); its address."""
    if engine != "dask":
        yield None
        return
    from .dask_cluster import cli_cluster

    with cli_cluster(workers=workers, threads=1, log_dir=work / "dask-logs") as cluster:
        yield cluster.address


def _start_up_times(sourcing: list[str], work: Path) -> dict:
    """`--help` (best of three) and one article from a fresh process (the median of three: the
    first run after a pause also waits for the disk to hand over the model files, which says
    more about the disk than about the start-up; it is reported beside it)."""
    help_s = min(_run_child(sourcing + ["--help"])[0] for _ in range(3))
    one = [_run_child(sourcing + ["analyze", str(SAMPLE), "--out", str(work / "one")])[0] for _ in range(3)]
    return {"help_s": help_s, "one_article_s": sorted(one)[1], "one_article_first_s": one[0]}


def run_bench(articles: int = 500, jobs: int = 2, work_dir: Optional[Path] = None, engine: str = "local") -> BenchReport:
    work = Path(work_dir or tempfile.mkdtemp(prefix="sourcing-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = build_corpus(articles)
    words = sum(len(row["text"].split()) for row in corpus)
    corpus_path, small_path = work / "corpus.jsonl", work / "corpus-tenth.jsonl"
    _write_jsonl(corpus, corpus_path)
    _write_jsonl(corpus[: max(1, articles // 10)], small_path)
    report = BenchReport(articles, words)
    f = report.figures
    sourcing = [sys.executable, "-m", "analyzer.cli"]

    f.update(_start_up_times(sourcing, work))
    seconds_file, load_s = work / "spacy-seconds.txt", []

    def spacy_alone(pipeline: str = "full") -> float:
        # In a fresh process like the analyzer's own runs, so both sides start alike.
        seconds_file.unlink(missing_ok=True)
        _run_child([sys.executable, "-m", "analyzer.run.bench", str(corpus_path), str(seconds_file), pipeline])
        figures = json.loads(seconds_file.read_text(encoding="utf-8"))
        if pipeline == "full":
            load_s.append(figures["load_s"])
        return figures["pipe_s"]

    # End to end in child processes: the same command a user runs, model load excluded by
    # subtracting a run on a one-article file (the same process start and load).
    empty = work / "one-article.jsonl"
    _write_jsonl(corpus[:1], empty)
    base, _ = _run_child(sourcing + ["analyze", str(empty), "--out", str(work / "base"), "--no-reports"])
    one_words = len(corpus[0]["text"].split())
    csv_only = ["--no-reports"]  # the tables only: the benchmark measures analysis with CSV output
    # Each side of a ratio runs in every round, interleaved, and keeps its best time: one run
    # drifts by several percent on a shared machine.
    spacy_s, parse_s, jobs1_s, dask_s, f["rss_1x_mb"] = [], [], [], [], 0.0
    with _bench_cluster(engine, max(jobs, 2), work) as scheduler:
        on_cluster = sourcing + ["analyze", "--engine", "dask", "--scheduler", scheduler or ""] + csv_only
        if scheduler:  # the first run loads the model in every worker; a cluster's workers live on
            _run_child(on_cluster + [str(empty), "--out", str(work / "dask-warm")])
            base_d, _ = _run_child(on_cluster + [str(empty), "--out", str(work / "dask-base")])
        for attempt in range(ROUNDS):
            spacy_s.append(spacy_alone())
            parse_s.append(spacy_alone("lean"))
            elapsed, rss = _run_child(sourcing + ["analyze", str(corpus_path), "--out", str(work / f"jobs1-{attempt}")] + csv_only)
            jobs1_s.append(elapsed - base)
            f["rss_1x_mb"] = max(f["rss_1x_mb"], rss)
            if scheduler:
                dask_s.append(_run_child(on_cluster + [str(corpus_path), "--out", str(work / f"dask-{attempt}")])[0] - base_d)
    f["spacy_wps"], f["parse_wps"] = words / min(spacy_s), words / min(parse_s)
    f["model_load_s"] = min(load_s)
    f["jobs1_wps"] = (words - one_words) / max(min(jobs1_s), 1e-6)
    if dask_s:
        f["dask_wps"], f["dask_workers"] = (words - one_words) / max(min(dask_s), 1e-6), max(jobs, 2)
    if jobs > 1:
        base_j, _ = _run_child(sourcing + ["analyze", str(empty), "--out", str(work / "base-j"), "--jobs", str(jobs)] + csv_only)
        elapsed, _ = _run_child(sourcing + ["analyze", str(corpus_path), "--out", str(work / "jobs2"), "--jobs", str(jobs)] + csv_only)
        f["jobs2_wps"] = (words - one_words) / max(elapsed - base_j, 1e-6)
    _, f["rss_small_mb"] = _run_child(sourcing + ["analyze", str(small_path), "--out", str(work / "tenth")] + csv_only)
    return report


def time_spacy_alone(corpus_path: Path, batch_size: int = 16, pipeline: str = "full") -> dict:
    """Seconds to load the pipeline and to run spaCy's own components over the corpus with
    nlp.pipe (the analyzer's components switched off). With pipeline "full" the benchmark's
    reference: the model's components and settings exactly as shipped (SOURCING_PIPELINE=full);
    with "lean" the analyzer's own parse, to tell its speed from the attribution's cost."""
    start = time.perf_counter()
    from ..nlp.pipeline import PIPELINE_ENV
    from .local import Analyzer

    os.environ[PIPELINE_ENV] = pipeline

    nlp = Analyzer(batch_size=batch_size).nlp
    load_s = time.perf_counter() - start
    texts = [json.loads(line)["text"] for line in corpus_path.read_text(encoding="utf-8").splitlines()]
    ours = [name for name in ("sourcing_lines", "sourcing_attributor") if name in nlp.pipe_names]
    with nlp.select_pipes(disable=ours):
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass
        pipe_s = time.perf_counter() - start
    return {"load_s": load_s, "pipe_s": pipe_s}


if __name__ == "__main__":  # the benchmark's child process for spaCy alone: CORPUS OUT [full|lean]
    figures = time_spacy_alone(Path(sys.argv[1]), pipeline=sys.argv[3] if len(sys.argv) > 3 else "full")
    Path(sys.argv[2]).write_text(json.dumps(figures), encoding="utf-8")
