"""`sourcing serve` under load, bounded: the real command on 127.0.0.1, 50 analyses of the sample
article sent 10 at a time (twice: memory is compared between the rounds). Every answer must be right (the sample's own score), the server's
memory must stay flat, and it must still answer /healthz during and after the load. The figures
go to tests/artifacts/serve-load.txt (docs/serve.md quotes them)."""

from __future__ import annotations

import asyncio
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psutil
import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
SEED = (ROOT / "samples" / "seed-drones.txt").read_text(encoding="utf-8")
REQUESTS, AT_ONCE = 50, 10
# The first round grows the server's memory once (threads, the parser's buffers at 10 queued
# requests); a second round of the same load must then leave it where it was.
MAX_GROWTH_MB = 15


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def served():
    port = free_port()
    command = [sys.executable, "-m", "analyzer.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            try:
                if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.3)
        else:
            pytest.fail(f"sourcing serve did not start: {process.stderr.read()[-2000:] if process.poll() is not None else 'timeout'}")
        yield base, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def rss_mb(pid: int) -> float:
    return psutil.Process(pid).memory_info().rss / 1e6


async def load(base: str, expected_score: int) -> dict:
    slots = asyncio.Semaphore(AT_ONCE)
    times: list[float] = []
    health: list[float] = []
    done = asyncio.Event()

    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        async def one() -> bool:
            async with slots:
                started = time.perf_counter()
                response = await client.post("/api/analyze", json={"text": SEED})
                times.append(time.perf_counter() - started)
                return response.status_code == 200 and response.json()["scorecard"]["score"] == expected_score

        async def watch_health() -> None:
            while not done.is_set():
                started = time.perf_counter()
                assert (await client.get("/healthz")).status_code == 200
                health.append(time.perf_counter() - started)
                await asyncio.sleep(0.5)

        watcher = asyncio.create_task(watch_health())
        started = time.perf_counter()
        answers = await asyncio.gather(*(one() for _ in range(REQUESTS)))
        wall = time.perf_counter() - started
        done.set()
        await watcher
    return {"correct": sum(answers), "wall": wall, "times": sorted(times), "health": health}


def test_fifty_requests_ten_at_a_time(served):
    base, process = served
    warm = httpx.post(base + "/api/analyze", json={"text": SEED}, timeout=120)
    assert warm.status_code == 200
    expected = warm.json()["scorecard"]["score"]
    single = []
    for _ in range(5):  # a warm server, one request at a time: the sample's response time
        started = time.perf_counter()
        assert httpx.post(base + "/analyze", data={"text": SEED}, timeout=120).status_code == 200
        single.append(time.perf_counter() - started)
    memory_start = rss_mb(process.pid)
    first = asyncio.run(load(base, expected))
    memory_before = rss_mb(process.pid)
    figures = asyncio.run(load(base, expected))
    memory_after = rss_mb(process.pid)
    assert first["correct"] == REQUESTS
    assert httpx.get(base + "/healthz", timeout=5).status_code == 200
    assert figures["correct"] == REQUESTS
    assert figures["health"] and max(figures["health"]) < 2.0, "the server stopped answering /healthz under load"
    assert memory_after - memory_before < MAX_GROWTH_MB, (memory_before, memory_after)
    times = figures["times"]
    report = [
        f"warm page response for samples/seed-drones.txt (POST /analyze, 5 in a row): median {statistics.median(single):.3f} s",
        f"load: {REQUESTS} POST /api/analyze of the sample, {AT_ONCE} at a time, 1 worker: {figures['correct']}/{REQUESTS} correct",
        f"  wall {figures['wall']:.1f} s, {REQUESTS / figures['wall']:.1f} requests/s; latency median {statistics.median(times):.2f} s, "
        f"p90 {times[int(0.9 * len(times)) - 1]:.2f} s, max {times[-1]:.2f} s",
        f"  /healthz during the load: {len(figures['health'])} checks, max {max(figures['health']) * 1000:.0f} ms",
        f"  server memory (RSS): {memory_start:.0f} MB warm, {memory_before:.0f} MB after a first round of the same load, "
        f"{memory_after:.0f} MB after this one",
    ]
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "serve-load.txt").write_text("\n".join(report) + "\n", encoding="utf-8")
    print("\n".join(report))
