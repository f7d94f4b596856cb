"""Where a build's per-document stages run: in this process, in a pool of local processes
(``local``, every core by default), or on a Dask cluster (``dask``).

A build reads documents in order, hands them to an engine in chunks and stores what comes back,
in the same order, through one writer (the store is one SQLite file). An engine only runs a
function over chunks and gives the results back in the order the chunks came: so every engine
stores the same documents, finds the same duplicates and makes the same timeline. What a chunk
becomes is the caller's function, wherever it runs.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Protocol

from ..config import BuildOptions

ENGINES = ("local", "dask")


class Engine(Protocol):
    """Runs ``fn`` over chunks, results in the chunks' order."""

    def map(self, fn: Callable[[list], list], chunks: Iterable[list],
            lost: Callable[[list, str], list], key: Callable[[list], str]) -> Iterator[list]:
        """``fn(chunk)`` for every chunk, in order. A chunk whose worker died twice gives
        ``lost(chunk, reason)`` instead; ``key(chunk)`` names a chunk's results (an engine
        that keeps them on disk finds them again by it when a build is resumed)."""
        ...

    def close(self) -> None:
        ...


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def in_main_thread() -> bool:
    """Worker processes are started only from a program's main thread (a web upload runs in a
    server's thread: forking there could copy a lock another thread holds)."""
    return threading.current_thread() is threading.main_thread()


def make(options: BuildOptions, db: Path, prepare: Optional[Callable[[], None]] = None,
         stop: Optional[Callable[[], None]] = None) -> Engine:
    """The engine ``options`` ask for (``options.engine``: ``local`` or ``dask``). ``prepare``
    loads what the work needs, for a local engine to call once before it forks its workers;
    ``stop`` is called while the engine waits for a chunk, and stops the wait by raising."""
    if options.engine == "local":
        from .local import LocalEngine

        workers = options.build_workers or cores()
        return LocalEngine(workers if in_main_thread() else 1, prepare, stop)
    if options.engine == "dask":
        from .cluster import DaskEngine

        shards = Path(options.shard_dir) if options.shard_dir else db.with_name(db.name + ".shards")
        return DaskEngine(options.scheduler, options.build_workers or cores(), shards, options.connect_seconds, stop)
    raise ValueError(f"unknown engine {options.engine!r} (choose one of: {', '.join(ENGINES)})")


__all__ = ["ENGINES", "Engine", "cores", "in_main_thread", "make"]
