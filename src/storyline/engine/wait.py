"""How an engine waits for a chunk's results while its build may be told to stop (Ctrl-C)."""

from __future__ import annotations

from typing import Callable, Optional, TypeVar

POLL_SECONDS = 0.2  # how often an engine's wait for a chunk looks whether the build was told to stop

T = TypeVar("T")


def waited(step: Callable[[Optional[float]], T], stop: Optional[Callable[[], None]]) -> T:
    """``step(timeout)`` (a wait that raises TimeoutError when ``timeout`` seconds pass first),
    calling ``stop`` before it and every ``POLL_SECONDS`` while it waits: ``stop`` raises when the
    build is to stop, and results may come faster than the polls. Without ``stop``, one wait with
    no timeout."""
    while stop is not None:
        stop()
        try:
            return step(POLL_SECONDS)
        except TimeoutError:  # concurrent.futures' and Dask's alike, since Python 3.11
            continue
    return step(None)


__all__ = ["POLL_SECONDS", "waited"]
