"""Store: the embedded SQLite database. The only package that knows SQL.

WAL mode, schema version in ``PRAGMA user_version``, migrations in code. A :class:`Store` is
one class made of the parts of the database it reads and writes, a module each:

- ``connection``: opening the file, its pragmas, transactions, stoppable queries, errors;
- ``schema``: the named migrations, applied in order when a store is opened;
- ``documents``: documents saved a batch per transaction, and loaded back;
- ``dedup_rows``: signatures, links, paragraph copies and duplicate groups (the dedup logic
  itself is ``storyline.dedup``'s);
- ``search``: full-text search of documents and sentences;
- ``timeline``: the aggregates and candidate lines the timeline reads;
- ``exclusions``: the lines an editor excluded from the timeline.

Every name other modules use is importable from ``storyline.store``.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Callable, Optional

from .connection import BUSY_TIMEOUT_MS, PROGRESS_STEPS, Interrupted, StoreError, StoreVersion, describe
from .documents import DocumentRows, document_rows
from .exclusions import EXCLUDED, LineNotFound
from .schema import _MIGRATIONS, MIGRATIONS, SCHEMA_VERSION, Schema
from .search import MARK_CLOSE, MARK_OPEN, MAX_QUERY_TERMS, QueryError, Search, check_query, query_terms
from .timeline import TimelineReads


class Store(Schema, Search, TimelineReads):
    """A storyline database file. Use as a context manager or call ``close()``."""

    def __init__(self, path: str | Path = "storyline.db", readonly: bool = False):
        super().__init__(path, readonly)
        try:
            self._migrate()
        except sqlite3.Error as exc:
            self.db.close()
            raise StoreError(describe(self.path, exc)) from exc

    def stoppable(self, stop: Optional[Callable[[], Optional[str]]] = None, seconds: Optional[float] = None,
                  steps: Optional[int] = None) -> AbstractContextManager[None]:
        # PROGRESS_STEPS is looked up here, in the package, when the block starts: setting
        # ``storyline.store.PROGRESS_STEPS`` (tests make every step count) takes effect
        return super().stoppable(stop, seconds, steps or PROGRESS_STEPS)


__all__ = [
    "BUSY_TIMEOUT_MS", "DocumentRows", "EXCLUDED", "Interrupted", "LineNotFound", "MARK_CLOSE", "MARK_OPEN", "MAX_QUERY_TERMS", "MIGRATIONS", "PROGRESS_STEPS",
    "QueryError", "SCHEMA_VERSION", "Store", "StoreError", "StoreVersion", "_MIGRATIONS", "check_query", "describe",
    "document_rows", "query_terms",
]
