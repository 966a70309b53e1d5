"""--engine dask on a cluster as users run one: `dask scheduler` and two `dask worker` processes
(the CLI that ships with distributed) on 127.0.0.1. The rows equal the local engine's; a worker
killed mid-run has its partitions run on the other; with every worker gone the run stops with
one line and exit code 3, and writes no table."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("dask.distributed", reason="dask[distributed] is not installed (pip install -e '.[test]')")

from analyzer.run import dask_engine  # noqa: E402
from analyzer.run.analysis import run_analysis  # noqa: E402
from analyzer.run.bench import build_corpus  # noqa: E402
from analyzer.run.dask_cluster import cli_cluster, dask_cli  # noqa: E402

TABLES = ("sentences.csv", "attributions.csv", "scorecard.csv", "sources.csv")
ARTICLES = [
    {"id": "one", "text": "Police said a man was arrested on Monday. Critics say the arrest was rushed, AFP reported."},
    {"id": "two", "text": "Mayor Karen Bass said the plan would add officers.\nThe budget takes effect on July 1.", "outlet": "Reuters"},
    {"id": "three", "text": "A senior official, who asked not to be named, told Reuters that talks had stalled."},
]


@pytest.fixture
def cluster(tmp_path):
    if dask_cli() is None:
        pytest.skip("no `dask` command (it ships with dask[distributed]: pip install -e '.[test]')")
    with cli_cluster(workers=2, threads=1, log_dir=tmp_path / "dask-logs") as running:
        yield running


def _write_jsonl(rows: list[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def _same_tables(left: Path, right: Path) -> None:
    for name in TABLES:
        assert (left / name).read_bytes() == (right / name).read_bytes(), name


def _as_soon_as(out: Path, pattern: str, action, timeout: float = 60.0) -> threading.Thread:
    """Run `action` as soon as a file or folder matching `pattern` appears in the run's partitions
    (`part-*`: a worker started a partition; `part-*/sentences.csv`: one finished)."""
    def watch():
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not list((out / ".partitions").glob(pattern)):
            time.sleep(0.02)
        action()

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


def test_cli_cluster_rows_equal_the_local_engine(cluster, tmp_path):
    path = _write_jsonl(ARTICLES, tmp_path / "batch.jsonl")
    run_analysis([str(path)], out=tmp_path / "local")
    done = subprocess.run([sys.executable, "-m", "analyzer.cli", "analyze", str(path), "--engine", "dask",
                           "--scheduler", cluster.address, "--out", str(tmp_path / "dask")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [f"wrote 3 article(s) to {tmp_path / 'dask'} from 1 partition(s)"]
    _same_tables(tmp_path / "local", tmp_path / "dask")
    assert not (tmp_path / "dask" / ".partitions").exists()


def test_a_worker_killed_mid_run_has_its_partitions_run_on_the_other(cluster, tmp_path):
    path = _write_jsonl(build_corpus(12, words_per_article=300), tmp_path / "corpus.jsonl")
    out = tmp_path / "dask"
    killer = _as_soon_as(out, "part-*/sentences.csv", lambda: cluster.kill_worker(0))
    summary = dask_engine.run_dask([str(path)], out, scheduler=cluster.address, per_partition=1)
    killer.join()
    assert cluster.workers[0].poll() is not None  # the worker really died during the run
    assert summary.articles == 12 and summary.errors == []
    run_analysis([str(path)], out=tmp_path / "local")
    _same_tables(tmp_path / "local", out)


def test_every_worker_killed_stops_the_run_with_one_line_and_no_table(cluster, tmp_path, cli, monkeypatch, capfd):
    monkeypatch.setattr(dask_engine, "NO_WORKER_TIMEOUT_S", 2.0)
    path = _write_jsonl(build_corpus(12, words_per_article=300), tmp_path / "corpus.jsonl")
    out = tmp_path / "dask"
    out.mkdir()
    (out / "scorecard.csv").write_text("an earlier run's table\n", encoding="utf-8")

    def kill_all():
        for index in range(len(cluster.workers)):
            cluster.kill_worker(index)

    killer = _as_soon_as(out, "part-*", kill_all)  # three partitions of 4 articles: killed while they run
    result = cli(["analyze", str(path), "--engine", "dask", "--scheduler", cluster.address, "--out", str(out)])
    killer.join()
    cli.assert_no_traceback(result)
    assert result.exit_code == 3
    assert len(result.stderr.splitlines()) == 1
    assert re.fullmatch(r"error: the Dask cluster has had no worker for 2 s \([0-2] of 3 partitions done\); "
                        r"no table written", result.stderr.splitlines()[0])
    assert "Traceback" not in capfd.readouterr().err  # Dask's own logs of the lost workers are muted
    assert sorted(p.name for p in out.iterdir()) == ["scorecard.csv"]  # no new table, no partial file, no partitions
    assert (out / "scorecard.csv").read_text(encoding="utf-8") == "an earlier run's table\n"
