"""The SQLite connection of a store: opening it, its pragmas, transactions, and what goes wrong.

Every other part of the store reads and writes through :class:`Connection`: one write
transaction at a time (``BEGIN IMMEDIATE``), each counted as a change of the store
(``generation``) so that what was derived from it before is known to be stale; queries that can
be told to stop (``stoppable``); and SQLite's errors said in words a user can act on.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import time
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, TypeVar

from ..errors import StorylineError

BUSY_TIMEOUT_MS = 30_000  # how long a writer waits for another writer's transaction
PROGRESS_STEPS = 20_000  # SQLite steps between two looks at whether a stoppable query should stop

_C = TypeVar("_C", bound="Connection")


class StoreError(StorylineError, RuntimeError):
    """A store that cannot be opened, read or written, or a query it cannot run (``describe`` says why)."""


class Interrupted(StoreError):
    """A query stopped before its end: its reader left, or it ran past its time."""


# SQLite's primary result codes (the low byte of an error's extended code) that a user can act on.
_CORRUPT, _NOTADB, _READONLY, _CANTOPEN, _FULL, _IOERR, _BUSY, _LOCKED = 11, 26, 8, 14, 13, 10, 5, 6


def _primary_code(exc: BaseException) -> Optional[int]:
    """The SQLite result code of ``exc`` (Python 3.11 gives it on every ``sqlite3.Error``), or None."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def describe(path: Path, exc: BaseException) -> str:
    """What an SQLite error means for the store at ``path``, in words a user can act on: told
    apart by SQLite's result code, or by its message for an error that carries none."""
    text = str(exc)
    code = _primary_code(exc)
    if code in (_CORRUPT, _NOTADB) or (code is None and ("malformed" in text or "file is not a database" in text)):
        return (f"{path} is damaged or not a storyline database ({text}); build it again into a new file, "
                "or restore a copy")
    if code == _READONLY or (code is None and ("readonly" in text or "read-only" in text)):
        return (f"{path} cannot be written ({text}): the file or its folder is read-only, and a storyline store "
                "needs to write beside it (its -wal and -shm files)")
    if code == _CANTOPEN or (code is None and "unable to open" in text):
        folder = path.parent if str(path.parent) else Path(".")
        why = ("the folder does not exist" if not folder.is_dir() else
               "the folder cannot be written (a storyline store keeps -wal and -shm files beside it)")
        return f"{path} cannot be opened ({text}): {why}"
    if code in (_FULL, _IOERR) or (code is None and ("disk is full" in text or "disk I/O" in text)):
        return f"{path}: the disk failed or is full ({text})"
    if code in (_BUSY, _LOCKED) or (code is None and ("locked" in text or "busy" in text)):
        return f"{path} is busy: another program holds it ({text}); try again when it is done"
    return f"{path}: {text}"


class StoreVersion:
    """The store's content version (its ``generation``, which every write bumps), read through one
    connection kept open: cheap enough to read on every request, and the store's files are not
    created and removed again by each reader."""

    def __init__(self, db: Path):
        self.db = db
        self.lock = threading.Lock()
        self.connection: Optional[sqlite3.Connection] = None

    def current(self) -> int:
        with self.lock:
            try:
                if self.connection is None:
                    self.connection = sqlite3.connect(str(self.db), check_same_thread=False, isolation_level=None)
                row = self.connection.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
            except sqlite3.Error as exc:
                if self.connection is not None:
                    self.connection.close()
                    self.connection = None
                raise StoreError(f"{self.db}: {exc}") from exc
            return int(row[0]) if row else 0

    def close(self) -> None:
        with self.lock:
            if self.connection is not None:
                self.connection.close()
                self.connection = None


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class Connection:
    """An open storyline database file (WAL mode) and its transactions."""

    _stopped: Optional[str] = None  # why the running stoppable query was told to stop

    def __init__(self, path: str | Path = "storyline.db", readonly: bool = False):
        self.path = Path(path)
        if readonly and not self.path.exists():
            raise StoreError(f"no storyline database at {self.path} (run 'storyline build' first)")
        try:
            self.db = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            # a build's batches dirty pages all over the indexes: keep them in memory and write
            # them back in larger checkpoints (the WAL still commits each batch atomically)
            self.db.execute("PRAGMA cache_size = -65536")
            self.db.execute("PRAGMA wal_autocheckpoint = 16384")
        except sqlite3.Error as exc:
            raise StoreError(describe(self.path, exc)) from exc

    def close(self) -> None:
        self.db.close()

    def __enter__(self: _C) -> _C:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.close()
        if isinstance(exc, sqlite3.OperationalError) and ("interrupted" in str(exc) or self._stopped):
            raise Interrupted(f"{self.path}: the work was stopped ({self._stopped or 'interrupted'})") from exc
        if isinstance(exc, sqlite3.Error) and not isinstance(exc, sqlite3.InterfaceError):
            # whatever the store fails at (a damaged page, a read-only file) is said as a store error
            raise StoreError(describe(self.path, exc)) from exc

    def _rolled_back(self) -> None:
        """Forget what is kept in memory of rows a rolled-back transaction wrote (nothing here)."""

    @contextmanager
    def transaction(self, changes: bool = True) -> Iterator[sqlite3.Connection]:
        """One write transaction; unless ``changes`` is false it counts as a change of the store
        (``generation``), which makes what was cached from the store before it stale."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
            if changes:
                self.db.execute("INSERT INTO meta(key, value) VALUES ('generation', '1') ON CONFLICT(key)"
                                " DO UPDATE SET value = CAST(value AS INTEGER) + 1")
        except BaseException:
            self.db.execute("ROLLBACK")
            self._rolled_back()
            raise
        else:
            self.db.execute("COMMIT")

    def generation(self) -> int:
        """How many changes the store has seen: what was derived from it at another generation is stale."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    def cached(self, name: str) -> Optional[str]:
        """A value derived from the store and kept in it (``cache``), if the store has not changed since."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", ("cache:" + name,)).fetchone()
        if row is None:
            return None
        generation, _, value = row[0].partition("\n")
        return value if generation == str(self.generation()) else None

    def cache(self, name: str, generation: int, value: str) -> bool:
        """Keep a value derived from the store at ``generation``; nothing is kept (False) when the
        store changed meanwhile or cannot be written."""
        self.db.execute("PRAGMA busy_timeout = 200")  # a reader does not wait for a running build
        try:
            with self.transaction(changes=False):
                if self.generation() != generation:
                    return False
                self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                                ("cache:" + name, f"{generation}\n{value}"))
            return True
        except sqlite3.OperationalError:  # a read-only file, a busy store: the value is only not kept
            return False
        finally:
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def _temp(self, name: str, columns: str, rows: Iterable[tuple]) -> None:
        """Fill a temporary table (created when first used) with ``rows``: how a query is given a list.

        The rows go in as one transaction (a savepoint, nested in one already open), not each row
        as its own: a timeline's few thousand cited documents took a tenth of a second so."""
        self.db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name}({columns})")
        self.db.execute("SAVEPOINT temp_rows")
        try:
            self.db.execute(f"DELETE FROM {name}")
            self.db.executemany(f"INSERT INTO {name} VALUES ({','.join('?' * len(columns.split(',')))})", rows)
        except BaseException:
            self.db.execute("ROLLBACK TO temp_rows")
            self.db.execute("RELEASE temp_rows")
            raise
        self.db.execute("RELEASE temp_rows")

    def stoppable(self, stop: Optional[Callable[[], Optional[str]]] = None, seconds: Optional[float] = None,
                  steps: Optional[int] = None) -> AbstractContextManager[None]:
        """Queries inside stop (raising :class:`Interrupted`) as soon as ``stop()`` returns a reason
        (its reader left, the server is shutting down) or after ``seconds``; whether to stop is
        looked at every ``steps`` SQLite steps (default ``PROGRESS_STEPS``)."""
        return self._stopping(stop, seconds, steps or PROGRESS_STEPS)

    @contextmanager
    def _stopping(self, stop: Optional[Callable[[], Optional[str]]], seconds: Optional[float],
                  steps: int) -> Iterator[None]:
        if stop is None and seconds is None:
            yield
            return
        deadline = None if seconds is None else time.monotonic() + seconds
        self._stopped = None

        def check() -> int:
            reason = stop() if stop else None
            if reason is None and deadline is not None and time.monotonic() > deadline:
                reason = f"it took longer than {seconds:g} s"
            if reason:
                self._stopped = reason
                return 1
            return 0

        self.db.set_progress_handler(check, steps)
        try:
            yield
        finally:
            self.db.set_progress_handler(None, 0)
