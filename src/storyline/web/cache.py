"""Values shared by the requests that ask for them at the same time: the web app's timeline cache.

A timeline reads every matching document; readers asking for the same one at once share one
computation, and only a few different ones are made at once (each holds a lot of memory).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from concurrent.futures import Future
from typing import Callable


class SharedCache:
    """Values kept by key (the least recently used dropped past ``size``), each computed once however
    many requests ask for it at the same time, and at most ``concurrent`` computed at once."""

    def __init__(self, size: int, concurrent: int):
        self.size = size
        self.lock = threading.Lock()
        self.values: OrderedDict[object, object] = OrderedDict()
        self.pending: dict[object, Future[object]] = {}
        self.slots = threading.BoundedSemaphore(concurrent)
        self.computed = 0  # how many values were computed (not shared or kept)

    def get(self, key: object, compute: Callable[[], object]) -> object:
        with self.lock:
            if key in self.values:
                self.values.move_to_end(key)
                return self.values[key]
            future = self.pending.get(key)
            owner = future is None
            if future is None:
                future = self.pending[key] = Future()
        if not owner:
            return future.result()  # the same value, computed by the request that asked first
        try:
            with self.slots:
                value = compute()
        except BaseException as exc:
            with self.lock:
                del self.pending[key]
            future.set_exception(exc)
            raise
        with self.lock:
            self.computed += 1
            self.values[key] = value
            while len(self.values) > self.size:
                self.values.popitem(last=False)
            del self.pending[key]
        future.set_result(value)
        return value
