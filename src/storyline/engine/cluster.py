"""The ``dask`` engine: chunks run as tasks on a ``dask.distributed`` cluster; each task writes its
results to a Parquet shard (``storyline.engine.shards``) that the build's one writer loads, in the
chunks' order.

With a scheduler's address it joins that cluster; without one it starts a ``LocalCluster`` of
single-threaded worker processes. Shards live in a folder every worker and the writer can reach
(shared storage on a cluster of machines), named by their chunk's key: a task whose worker dies
is run again by the scheduler (its shard is written anew), and a build that was interrupted finds
the shards of the chunks it had run and loads them instead of running them again. The folder is
emptied when every chunk of a build has been loaded, of the shards of chunks an interrupted build
had stored too.
"""

from __future__ import annotations

import collections
import logging
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

from ..errors import EngineError
from . import shards
from .wait import waited

AHEAD = 3  # tasks in flight per worker
# Chunks run by one task. Each task costs the build's own process (the client, and the scheduler of
# a LocalCluster) a few milliseconds of CPU whatever its size: its messages and its states on both
# sides. A task of four chunks pays that once for 64 documents, while the chunks, and so the shards,
# the batches and a resumed build's chunks, stay those of ``engine_chunk``.
CHUNKS_PER_TASK = 4
# The LocalCluster a build starts: worker processes that may start processes of their own (the HTML
# cleaner's budget), without the statistical profiler that samples every thread's stack each 10 ms;
# and its periodic housekeeping slowed down, which otherwise costs the build's own process (the
# scheduler's and the nannies' event loop) about 33 ms of CPU per second with one worker and 44 with
# two, while idle: the event loop's blocked-loop check every 20 ms (a diagnostic), the system
# monitor every 500 ms (for a dashboard the build does not start), the nannies' memory check every
# 100 ms, and work stealing, which has little to balance among single-threaded workers fed a few
# chunks each in order.
# And glibc's allocator left as it is: Dask sets MALLOC_TRIM_THRESHOLD_ for its workers so that they
# give freed memory back at once, which also fixes glibc's mmap threshold, and the names stage's
# allocations then cost a worker about a fifth more CPU (190 → 226 ms a document, one process).
# Dask keeps its last messages on every stream for debugging (the "low-level log", 1,000 a stream):
# each a task's pickled chunks, some 350 KB, so that the build's own process (the client's stream,
# and a LocalCluster scheduler's stream to each worker) grew by about 10 KB a document to a few
# hundred MB per stream. A few are kept instead, in every process the build starts or connects from.
LOG_CONFIG = {"distributed.admin.low-level-log-length": 16}
LOCAL_WORKER_CONFIG = {**LOG_CONFIG, "distributed.worker.daemon": False, "distributed.worker.profile.enabled": False,
                       "distributed.admin.tick.interval": "1000ms",
                       "distributed.admin.system-monitor.interval": "5000ms",
                       "distributed.worker.memory.monitor-interval": "500ms",
                       "distributed.scheduler.work-stealing": False,
                       "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
                       "distributed.worker.preload": ["storyline.engine.dask_worker"]}  # Ctrl-C is the build's


def run_chunks(fn: Callable[[list], list], chunks: list[list], paths: list[str]) -> None:
    """A task: ``fn`` over each of its chunks, each chunk's results written as its shard (a task run
    again after its worker died does not redo the chunks whose shards its first run wrote)."""
    for chunk, path in zip(chunks, paths):
        if not Path(path).exists():
            shards.write(Path(path), fn(chunk))


def _done(future: Any, stop: Optional[Callable[[], None]] = None) -> None:
    """Wait for a task, raising what made it fail. Its value (nothing: the results are in its
    shards) is not fetched, which would cost a round trip between the client, the scheduler and
    the worker for every task. ``stop`` is called every ``POLL_SECONDS`` of the wait (it raises
    when the build is to stop: Ctrl-C may have stopped the cluster's workers too)."""
    from distributed import wait

    waited(lambda seconds: wait(future, timeout=seconds), stop)
    if future.status != "finished":  # raises what the task raised (or waits for a lost task's rerun)
        waited(lambda seconds: future.result(timeout=seconds), stop)


class DaskEngine:
    """Chunks as tasks on the cluster at ``scheduler`` (None: a LocalCluster of ``workers``
    processes), results through shards under ``folder``."""

    def __init__(self, scheduler: Optional[str], workers: int, folder: Path, connect_seconds: float = 30.0,
                 stop: Optional[Callable[[], None]] = None):
        self.scheduler, self.workers, self.folder = scheduler, max(1, workers), folder
        self.stop = stop  # raises when the build is to stop (Ctrl-C): looked at while waiting
        self.connect_seconds = connect_seconds
        self.client: Any = None
        self.cluster: Any = None

    def _connect(self) -> Any:
        if self.client is None:
            import dask
            from distributed import Client, LocalCluster

            try:
                if self.scheduler:
                    with dask.config.set(LOG_CONFIG):  # this client's messages (a cluster's scheduler has its own)
                        self.client = Client(self.scheduler, timeout=self.connect_seconds)
                    self.workers = max(1, sum(w.get("nthreads", 1) for w in
                                              self.client.scheduler_info()["workers"].values()))
                else:
                    with dask.config.set(LOCAL_WORKER_CONFIG):
                        # no dashboard; the scheduler's HTTP server (health, metrics) on a free port, so
                        # that a build beside another cluster (another build, a notebook's) is not warned
                        # that 8787 is taken
                        self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                                    dashboard_address=None, scheduler_kwargs={"dashboard_address": ":0"},
                                                    silence_logs=logging.WARNING)
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
        pending: collections.deque = collections.deque()  # (chunk, its shard, its task's future or None)
        group: list[tuple[list, Path]] = []  # chunks for the next task

        def submit() -> None:
            future = self._connect().submit(run_chunks, fn, [c for c, _ in group], [str(p) for _, p in group],
                                            pure=False, retries=1)
            pending.extend((chunk, path, future) for chunk, path in group)
            group.clear()

        for chunk in chunks:
            path = self.folder / f"{key(chunk)}.parquet"
            if path.exists():  # run by an interrupted build
                if group:
                    submit()
                pending.append((chunk, path, None))
            else:
                group.append((chunk, path))
                if len(group) == CHUNKS_PER_TASK:
                    submit()
            while len(pending) >= self.workers * AHEAD * CHUNKS_PER_TASK:
                yield self._result(fn, pending.popleft(), lost)
        if group:
            submit()
        while pending:
            yield self._result(fn, pending.popleft(), lost)
        # every result is with the writer: the folder is emptied of this build's shards, of those
        # of an interrupted build whose chunks were stored before it stopped (not asked for again)
        # and of the temporary files of tasks that died while writing
        for path in [*self.folder.glob("*.parquet"), *self.folder.glob(".*.tmp")]:
            path.unlink(missing_ok=True)

    def _result(self, fn: Callable[[list], list], item: tuple, lost: Callable[[list, str], list]) -> list:
        chunk, path, future = item
        if future is not None:
            try:
                _done(future, self.stop)
            except Exception:  # failed twice: the task raised, or its worker died
                if not path.exists():  # not one of the chunks its task wrote before it failed
                    # alone now, so that a chunk that kills its worker loses only its own documents
                    alone = self._connect().submit(run_chunks, fn, [chunk], [str(path)], pure=False, retries=1)
                    try:
                        _done(alone, self.stop)
                    except Exception as exc:
                        return lost(chunk, f"its task failed on the cluster ({type(exc).__name__}: {exc})")
        return shards.read(path)


__all__ = ["CHUNKS_PER_TASK", "DaskEngine", "run_chunks"]
