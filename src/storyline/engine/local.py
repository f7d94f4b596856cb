"""The ``local`` engine: chunks run in a pool of processes on this machine, results in order.

``concurrent.futures`` keeps the pool; what it does not do, and this module does, is bound the
work read ahead (``Pool.imap`` would read the whole input into its queue: a million raw pages) and
give the results back in the chunks' order, restarting the pool once when a worker dies (a chunk
that kills a worker again is given up, its documents reported). Workers ignore Ctrl-C (the
build stops them and rolls back its batch) and stop when the build is killed.
"""

from __future__ import annotations

import collections
import ctypes
import ctypes.util
import itertools
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterable, Iterator, Optional

from .wait import waited

AHEAD = 3  # chunks in flight per worker
STOP_SECONDS = 5.0  # how long a stopped worker is waited for


def _worker_start(parent: int) -> None:
    """Ctrl-C is the build's to handle; a worker whose build was killed stops too (else it would
    wait on its queue for ever, holding the build's output open)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: Linux kills this process when its parent dies
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the call took effect
        os._exit(1)

    def watch() -> None:  # where prctl is not there
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


class LocalEngine:
    """``workers`` processes (forked, so they start with the stages loaded); with one worker,
    or for a build of one chunk, everything runs in this process."""

    def __init__(self, workers: int, prepare: Optional[Callable[[], None]] = None,
                 stop: Optional[Callable[[], None]] = None):
        self.workers = max(1, workers)
        self.prepare = prepare  # what every worker needs loaded: done once here, inherited at the fork
        self.stop = stop  # raises when the build is to stop (Ctrl-C): looked at while waiting
        self.pool: Optional[ProcessPoolExecutor] = None

    def _start(self) -> ProcessPoolExecutor:
        if self.pool is None:
            if self.prepare is not None:
                self.prepare()
            self.pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("fork"),
                                            initializer=_worker_start, initargs=(os.getpid(),))
        return self.pool

    def close(self) -> None:
        if self.pool is not None:
            procs = list(getattr(self.pool, "_processes", {}).values())
            for proc in procs:
                proc.terminate()  # a build stopped by Ctrl-C does not wait for its chunks
            for proc in procs:
                proc.join(STOP_SECONDS)
            # A worker stopped while it was sending a result leaves half a message in the pool's
            # result pipe, and the pool's thread waits for the rest for ever (shutdown then never
            # returns, nor does the program at exit). With every worker gone, the pool's own
            # writing end is the last one open: closed, the thread reads the end of the pipe and
            # finds the pool broken, as when a worker dies.
            writer = getattr(getattr(self.pool, "_result_queue", None), "_writer", None)
            if procs and writer is not None:
                writer.close()
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def map(self, fn: Callable[[list], list], chunks: Iterable[list],
            lost: Callable[[list, str], list], key: Callable[[list], str]) -> Iterator[list]:
        chunks = iter(chunks)
        if self.workers == 1:
            yield from map(fn, chunks)
            return
        first = list(itertools.islice(chunks, 2))
        if len(first) < 2:  # one chunk is not worth starting processes for
            yield from map(fn, first)
            return
        pending: collections.deque[tuple[list, Future]] = collections.deque()
        for chunk in itertools.chain(first, chunks):
            pending.append((chunk, self._start().submit(fn, chunk)))
            while len(pending) >= self.workers * AHEAD:
                yield self._result(fn, pending, lost)
        while pending:
            yield self._result(fn, pending, lost)

    def _result(self, fn: Callable[[list], list], pending: collections.deque, lost: Callable[[list, str], list]) -> list:
        chunk, future = pending[0]
        try:
            result = self._wait(future)
        except BrokenProcessPool:
            result = self._after_crash(fn, pending, lost)
        pending.popleft()
        return result

    def _wait(self, future: Future) -> list:
        return waited(lambda seconds: future.result(timeout=seconds), self.stop)

    def _after_crash(self, fn: Callable[[list], list], pending: collections.deque,
                     lost: Callable[[list, str], list]) -> list:
        """A worker died (killed, out of memory, a crash in a library): start a new pool, run the
        chunk again alone, then the chunks after it."""
        self.close()
        chunk = pending[0][0]
        retry = self._start().submit(fn, chunk)
        try:
            result = self._wait(retry)
        except BrokenProcessPool:
            self.close()
            result = lost(chunk, "a worker process stopped while processing it, twice")
        for i in range(1, len(pending)):
            pending[i] = (pending[i][0], self._start().submit(fn, pending[i][0]))
        return result


__all__ = ["LocalEngine"]
