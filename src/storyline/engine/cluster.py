"""The ``dask`` engine: chunks run as tasks on a ``dask.distributed`` cluster; each task writes its
results to a Parquet shard (``storyline.engine.shards``) that the build's one writer loads, in the
chunks' order.

With a scheduler's address it joins that cluster; without one it starts a ``LocalCluster`` of
single-threaded worker processes. Shards live in a folder every worker and the writer can reach
(shared storage on a cluster of machines), named by their chunk's key: a task whose worker dies
is run again by the scheduler (its shard is written anew), and a build that was interrupted finds
the shards of the chunks it had run and loads them instead of running them again. The folder is
emptied when every shard of a build has been loaded.
"""

from __future__ import annotations

import collections
import logging
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

from ..errors import EngineError
from . import shards

AHEAD = 3  # chunks in flight per worker
# The LocalCluster a build starts: worker processes that may start processes of their own (the HTML
# cleaner's budget), without the statistical profiler that samples every thread's stack each 10 ms;
# and its periodic housekeeping slowed down, which otherwise costs the build's own process (the
# scheduler's and the nannies' event loop) about 33 ms of CPU per second with one worker and 44 with
# two, while idle: the event loop's blocked-loop check every 20 ms (a diagnostic), the system
# monitor every 500 ms (for a dashboard the build does not start), the nannies' memory check every
# 100 ms, and work stealing, which has little to balance among single-threaded workers fed a few
# chunks each in order.
LOCAL_WORKER_CONFIG = {"distributed.worker.daemon": False, "distributed.worker.profile.enabled": False,
                       "distributed.admin.tick.interval": "1000ms",
                       "distributed.admin.system-monitor.interval": "5000ms",
                       "distributed.worker.memory.monitor-interval": "500ms",
                       "distributed.scheduler.work-stealing": False}


def run_chunk(fn: Callable[[list], list], chunk: list, path: str) -> int:
    """A task: ``fn`` over one chunk, its results written as the shard ``path``; their number."""
    records = fn(chunk)
    shards.write(Path(path), records)
    return len(records)


class DaskEngine:
    """Chunks as tasks on the cluster at ``scheduler`` (None: a LocalCluster of ``workers``
    processes), results through shards under ``folder``."""

    def __init__(self, scheduler: Optional[str], workers: int, folder: Path, connect_seconds: float = 30.0):
        self.scheduler, self.workers, self.folder = scheduler, max(1, workers), folder
        self.connect_seconds = connect_seconds
        self.client: Any = None
        self.cluster: Any = None

    def _connect(self) -> Any:
        if self.client is None:
            import dask
            from distributed import Client, LocalCluster

            try:
                if self.scheduler:
                    self.client = Client(self.scheduler, timeout=self.connect_seconds)
                    self.workers = max(1, sum(w.get("nthreads", 1) for w in
                                              self.client.scheduler_info()["workers"].values()))
                else:
                    with dask.config.set(LOCAL_WORKER_CONFIG):
                        self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                                    dashboard_address=None, silence_logs=logging.WARNING)
                        self.client = Client(self.cluster)
            except (OSError, TimeoutError, ValueError) as exc:
                self.close()
                where = f"the Dask scheduler at {self.scheduler}" if self.scheduler else "a local Dask cluster"
                raise EngineError(f"cannot use {where} ({type(exc).__name__}: {exc})") from None
        return self.client

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None

    def map(self, fn: Callable[[list], list], chunks: Iterable[list],
            lost: Callable[[list, str], list], key: Callable[[list], str]) -> Iterator[list]:
        pending: collections.deque = collections.deque()
        loaded: list[Path] = []
        for chunk in chunks:
            path = self.folder / f"{key(chunk)}.parquet"
            future = None
            if not path.exists():
                future = self._connect().submit(run_chunk, fn, chunk, str(path), pure=False, retries=1)
            pending.append((chunk, path, future))
            while len(pending) >= self.workers * AHEAD:
                yield self._result(pending.popleft(), lost, loaded)
        while pending:
            yield self._result(pending.popleft(), lost, loaded)
        for path in loaded:  # every result is with the writer
            path.unlink(missing_ok=True)

    @staticmethod
    def _result(item: tuple, lost: Callable[[list, str], list], loaded: list[Path]) -> list:
        chunk, path, future = item
        if future is not None:
            try:
                future.result()
            except Exception as exc:  # failed twice: the task raised, or its worker died
                return lost(chunk, f"its task failed on the cluster ({type(exc).__name__}: {exc})")
        loaded.append(path)
        return shards.read(path)


__all__ = ["DaskEngine", "run_chunk"]
