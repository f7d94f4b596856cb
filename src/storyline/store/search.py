"""Full-text search over the store: documents (title and text) and their sentences, with SQLite FTS5.

Kept apart because a query comes from a user: it is checked before it runs (a bounded number of
words), its syntax errors are said as :class:`QueryError`, and a search can be stopped when its
reader leaves (``Connection.stoppable``). Matches come back marked with ``MARK_OPEN`` and
``MARK_CLOSE``, which ``storyline.highlight`` turns into offsets.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Iterable, Optional

from .connection import Connection, Interrupted, StoreError

# Search snippets come back from SQLite with these around each match; they are split off
# into offsets (``storyline.highlight``) and the text is escaped wherever it is shown.
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"

SEARCH_TOKENIZER = "porter unicode61"  # the document index's (schema), for the sentences searched in memory
MAX_QUERY_TERMS = 32  # words of a full-text query: ranking and snippets grow with their number
_QUERY_WORD = re.compile(r'[^\s()"]+')
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}


class QueryError(StoreError):
    """A full-text query SQLite's FTS5 cannot run (syntax error, unknown column, too many terms...)."""


def query_terms(query: str) -> int:
    """How many words a full-text query asks for (every word of a phrase counts; operators do not)."""
    return sum(1 for w in _QUERY_WORD.findall(query) if w not in _OPERATORS and w.strip("*:^+-,"))


def check_query(query: str) -> None:
    """Raise QueryError for a query with more than MAX_QUERY_TERMS words."""
    n = query_terms(query)
    if n > MAX_QUERY_TERMS:
        raise QueryError(f"the search query has {n} words; the limit is {MAX_QUERY_TERMS}. "
                         "Use fewer words (a phrase in quotes counts each of its words).")


class Search(Connection):
    """Full-text queries of a store."""

    def search(self, query: str) -> list[str]:
        """Ids of documents matching an FTS5 query, best first (bm25)."""
        rows = self._match("SELECT d.id FROM documents_fts f JOIN documents d ON d.rowid = f.rowid"
                           " WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts)", (query,), query)
        return [r[0] for r in rows]

    def _match(self, sql: str, params: tuple, query: str, db: Optional[sqlite3.Connection] = None) -> list:
        """``sql`` run for a user's ``query`` on the store (or on ``db``), its failures said as
        :class:`QueryError`, :class:`Interrupted` or :class:`StoreError`."""
        check_query(query)
        try:
            return (db or self.db).execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc) or self._stopped:
                raise Interrupted(f"the search {query!r} was stopped: {self._stopped or 'interrupted'}") from exc
            if any(word in str(exc) for word in ("locked", "busy", "disk", "no such table", "readonly")):
                raise StoreError(f"{self.path}: {exc}") from exc
            raise QueryError(f"invalid search query {query!r}: {exc}") from exc
        except UnicodeEncodeError as exc:
            raise QueryError(f"invalid search query: {exc.reason}") from exc

    def search_count(self, query: str) -> int:
        return self._match("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", (query,), query)[0][0]

    def search_documents(self, query: str, limit: int = 20, offset: int = 0,
                         snippet_tokens: int = 40) -> list[tuple[str, float, str, str]]:
        """``(id, bm25 score, title, snippet)`` of matching documents, best first (titles weigh 3x).

        Title and snippet hold ``MARK_OPEN``/``MARK_CLOSE`` around each match. Only the
        documents of the page asked for get their title marked and a snippet made.
        """
        # FTS5 ranks every match itself and hands the rows over best first (ORDER BY rank), so the
        # title and snippet functions run only for the rows of the page, never for every match
        return self._match(
            "SELECT d.id, f.rank, coalesce(highlight(documents_fts, 0, ?, ?), ''),"
            " snippet(documents_fts, 1, ?, ?, '…', ?)"
            " FROM documents_fts f JOIN documents d ON d.rowid = f.rowid"
            " WHERE documents_fts MATCH ? AND f.rank MATCH 'bm25(3.0, 1.0)' ORDER BY f.rank LIMIT ? OFFSET ?",
            (MARK_OPEN, MARK_CLOSE, MARK_OPEN, MARK_CLOSE, snippet_tokens, query, limit, offset), query)

    def search_sentences(self, query: str, documents: Iterable[str]) -> list[tuple[str, int, float, str]]:
        """``(document, sentence index, bm25 score, text)`` of matching sentences of these
        documents, best first; the text holds ``MARK_OPEN``/``MARK_CLOSE`` around each match.

        The store keeps no index of every sentence (it cost the one writer a third of its time
        and the store a tenth of its size): the sentences of these documents, a page of search
        hits, are indexed in memory for the query, with the tokenizer of the document index. So
        bm25 weighs a word by its rarity among these sentences, not among all the store's."""
        documents = list(dict.fromkeys(documents))
        if not documents:
            return []
        marks = ",".join("?" * len(documents))
        rows = self._match(f"SELECT document, idx, text FROM sentences WHERE document IN ({marks})",
                           tuple(documents), query)
        memory = sqlite3.connect(":memory:")
        try:
            memory.execute(f"CREATE VIRTUAL TABLE page USING fts5(text, tokenize={SEARCH_TOKENIZER!r})")
            memory.executemany("INSERT INTO page(rowid, text) VALUES (?, ?)",
                               ((i, text) for i, (_, _, text) in enumerate(rows)))
            found = self._match("SELECT rowid, bm25(page), highlight(page, 0, ?, ?) FROM page WHERE page MATCH ?",
                                (MARK_OPEN, MARK_CLOSE, query), query, memory)
        finally:
            memory.close()
        out = [(rows[i][0], rows[i][1], score, marked) for i, score, marked in found]
        out.sort(key=lambda hit: (hit[2], hit[0], hit[1]))
        return out
