"""A Dask cluster as users run one, on this machine only: a `dask scheduler` process and one
`dask worker` process per worker, started from the CLI that ships with distributed. Used by
`sourcing bench --engine dask` and the cluster test; a real cluster is started by its owner.

The scheduler listens on a free port of 127.0.0.1 and writes its address to a scheduler file,
which the workers read, so no port is guessed. Every process gets its own session, so killing
one worker kills its nanny and the worker process under it together.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

HOST = "127.0.0.1"
START_TIMEOUT_S = 60.0


def dask_cli() -> Optional[str]:
    """The `dask` command of this Python's environment (else one on PATH), or None."""
    beside = Path(sys.executable).parent / "dask"
    return str(beside) if beside.exists() else shutil.which("dask")


@dataclass
class CliCluster:
    address: str
    scheduler: subprocess.Popen
    workers: list[subprocess.Popen] = field(default_factory=list)
    log_dir: Path = Path(".")

    def kill_worker(self, index: int) -> None:
        """SIGKILL one worker (its nanny and worker process): a machine that goes away."""
        _kill(self.workers[index])

    def close(self) -> None:
        for process in [*self.workers, self.scheduler]:
            _kill(process)


def _kill(process: subprocess.Popen) -> None:
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    process.wait()


def _start(args: list[str], log: Path) -> subprocess.Popen:
    with log.open("wb") as stream:
        return subprocess.Popen(args, stdout=stream, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True)


def _scheduler_address(scheduler_file: Path, scheduler: subprocess.Popen, deadline: float) -> str:
    while time.monotonic() < deadline:
        if scheduler.poll() is not None:
            raise RuntimeError(f"`dask scheduler` exited with code {scheduler.returncode}")
        try:
            return json.loads(scheduler_file.read_text(encoding="utf-8"))["address"]
        except (OSError, ValueError, KeyError):
            time.sleep(0.1)
    raise RuntimeError(f"`dask scheduler` wrote no address in {START_TIMEOUT_S:.0f} s")


@contextmanager
def cli_cluster(workers: int = 2, threads: int = 1, log_dir: Optional[Path] = None,
                extra_worker_args: tuple[str, ...] = ()) -> Iterator[CliCluster]:
    """Start `dask scheduler` and `workers` `dask worker` processes (`threads` threads each) on
    127.0.0.1, wait until every worker has joined, and stop them all on the way out."""
    from dask.distributed import Client

    dask = dask_cli()
    if dask is None:
        raise RuntimeError("no `dask` command: install dask[distributed]")
    logs = Path(log_dir or tempfile.mkdtemp(prefix="sourcing-dask-"))
    logs.mkdir(parents=True, exist_ok=True)
    scheduler_file = logs / "scheduler.json"
    scheduler_file.unlink(missing_ok=True)
    deadline = time.monotonic() + START_TIMEOUT_S
    scheduler = _start([dask, "scheduler", "--host", HOST, "--port", "0", "--no-dashboard",
                        "--scheduler-file", str(scheduler_file)], logs / "scheduler.log")
    cluster = CliCluster("", scheduler, log_dir=logs)
    try:
        cluster.address = _scheduler_address(scheduler_file, scheduler, deadline)
        for number in range(workers):
            cluster.workers.append(_start([dask, "worker", cluster.address, "--host", HOST, "--nthreads", str(threads),
                                           "--no-dashboard", "--name", f"worker-{number}", *extra_worker_args],
                                          logs / f"worker-{number}.log"))
        with Client(cluster.address, timeout=START_TIMEOUT_S) as client:
            client.wait_for_workers(workers, timeout=max(1.0, deadline - time.monotonic()))
        yield cluster
    finally:
        cluster.close()
