"""Loaded by each worker of the LocalCluster a build starts (a Dask preload): Ctrl-C is the
build's to handle. A terminal's Ctrl-C reaches every process of the build; the build stops at a
clean point and closes its cluster, so its workers ignore it (else each dies mid-task, printing
its traceback)."""

from __future__ import annotations

import signal
import threading
from typing import Any


def dask_setup(worker: Any) -> None:
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)
