"""--jobs and --engine dask give the same CSV files as the local engine, row for row."""

from __future__ import annotations

import json

import pytest

from analyzer.run.analysis import run_analysis

ARTICLES = [
    {"id": "one", "text": "Police said a man was arrested on Monday. Critics say the arrest was rushed, AFP reported."},
    {"id": "two", "text": "Mayor Karen Bass said the plan would add officers.\nThe budget takes effect on July 1.", "outlet": "Reuters"},
    {"id": "three", "text": "A senior official, who asked not to be named, told Reuters that talks had stalled."},
    {"id": "four", "text": "Satellite images released on Tuesday show new craters. The claims could not be verified."},
    {"id": "five", "text": "According to a Treasury Department fact sheet, five firms supplied engines."},
    {"id": "six\rlines", "text": "Police said the road\rwas closed.\u2028Officials said it would reopen.\x85"},
]


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("engines")
    path = folder / "batch.jsonl"
    with path.open("w", encoding="utf-8") as stream:
        for row in ARTICLES:
            stream.write(json.dumps(row) + "\n")
        stream.write("this line is not json\n")
    local = folder / "local"
    summary = run_analysis([str(path)], out=local)
    assert summary.articles == len(ARTICLES) and len(summary.errors) == 1
    return path, local


def _same_files(left, right):
    for name in ("sentences.csv", "attributions.csv", "scorecard.csv", "sources.csv"):
        assert (left / name).read_bytes() == (right / name).read_bytes(), name


def test_two_jobs_equal_one(batch, tmp_path):
    path, local = batch
    summary = run_analysis([str(path)], out=tmp_path / "jobs2", jobs=2)
    assert summary.articles == len(ARTICLES) and len(summary.errors) == 1
    _same_files(local, tmp_path / "jobs2")


def test_dask_local_cluster_equals_local_engine(batch, tmp_path):
    pytest.importorskip("dask.distributed")
    from analyzer.run.dask_engine import run_dask

    path, local = batch
    summary = run_dask([str(path)], tmp_path / "dask", workers=2, per_partition=2)
    assert summary.partitions == 4
    assert summary.articles == len(ARTICLES)
    assert summary.errors == [f"{path}:7: not valid JSON (Expecting value)"]
    _same_files(local, tmp_path / "dask")
    assert not (tmp_path / "dask" / ".partitions").exists()


def test_partitions_carry_their_first_line(tmp_path):
    from analyzer.run.dask_engine import plan_partitions

    path = tmp_path / "lines.jsonl"
    path.write_text("".join(json.dumps({"id": str(n), "text": "x"}) + "\n" for n in range(7)), encoding="utf-8")
    partitions, errors = plan_partitions([str(path), str(tmp_path / "missing.jsonl")], per_partition=3)
    assert [(p.first_line, p.end - p.start > 0) for p in partitions] == [(1, True), (4, True), (7, True)]
    assert partitions[-1].end == path.stat().st_size
    assert [e.one_line() for e in errors] == [f"{tmp_path / 'missing.jsonl'}: no such file or folder"]


def test_a_small_input_is_cut_so_every_worker_has_several_partitions(tmp_path):
    from analyzer.run.dask_engine import balanced_size, plan_partitions

    path = tmp_path / "lines.jsonl"
    path.write_text("".join(json.dumps({"id": str(n), "text": "x"}) + "\n" for n in range(200)), encoding="utf-8")
    partitions, _ = plan_partitions([str(path)], per_partition=64)
    assert len(partitions) == 4  # 64, 64, 64, 8: one worker of two would run twice as long as the other
    size = balanced_size(partitions, workers=2, per_partition=64)
    assert size == 25 and len(plan_partitions([str(path)], per_partition=size)[0]) == 8
    big = plan_partitions([str(path)], per_partition=10)[0]
    assert balanced_size(big, workers=2, per_partition=10) == 10  # enough partitions already
