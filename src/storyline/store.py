"""Store: the embedded SQLite database. The only module that knows SQL.

WAL mode, schema version in ``PRAGMA user_version``, migrations in code. Documents are
saved in batches, one transaction each, so a build killed at any moment leaves either a
whole batch or nothing of it. Raw content is kept (compressed) so derived rows can be
recomputed when the pipeline version changes, without the original files.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator, Optional

import numpy as np

from .dedup import Signature
from .model import (Document, DuplicateGroup, RawDocument, Removed, Sentence,
                    TimeMention)

SCHEMA_VERSION = 2

_MIGRATIONS = {
    1: """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        path TEXT NOT NULL,
        kind TEXT NOT NULL,
        url TEXT, title TEXT, published TEXT, published_time TEXT,
        byline TEXT, dateline TEXT, source TEXT,
        contributors TEXT NOT NULL DEFAULT '[]',
        text TEXT NOT NULL,
        removed TEXT NOT NULL DEFAULT '[]',
        encoding TEXT,
        pipeline TEXT NOT NULL,
        added TEXT NOT NULL
    );
    CREATE TABLE raw (
        document TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        given TEXT NOT NULL DEFAULT '{}',
        content BLOB NOT NULL
    );
    CREATE TABLE paths (
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        PRIMARY KEY (document, path)
    );
    CREATE TABLE sentences (
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        paragraph INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (document, idx)
    );
    CREATE TABLE mentions (
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        sentence INTEGER,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        text TEXT NOT NULL, type TEXT NOT NULL, value TEXT, granularity TEXT,
        mod TEXT, anchor TEXT
    );
    CREATE INDEX mentions_document ON mentions(document);
    CREATE TABLE signatures (
        document TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        text_hash TEXT NOT NULL,
        shingles INTEGER NOT NULL,
        hashvalues BLOB NOT NULL
    );
    CREATE TABLE groups (
        document TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        grp TEXT NOT NULL,
        relation TEXT NOT NULL,
        similarity REAL NOT NULL,
        reason TEXT NOT NULL
    );
    CREATE INDEX groups_grp ON groups(grp);
    CREATE TABLE errors (
        path TEXT PRIMARY KEY,
        reason TEXT NOT NULL,
        at TEXT NOT NULL
    );
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, tokenize='porter unicode61');
    """,
    # Sentence-level search: an external-content index over ``sentences``, kept in step by
    # triggers (a list: trigger bodies hold semicolons).
    2: [
        "CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='rowid',"
        " tokenize='porter unicode61')",
        "INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild')",
        "CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN"
        " INSERT INTO sentences_fts(rowid, text) VALUES (new.rowid, new.text); END",
        "CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN"
        " INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.rowid, old.text); END",
        "CREATE TRIGGER sentences_fts_update AFTER UPDATE ON sentences BEGIN"
        " INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.rowid, old.text);"
        " INSERT INTO sentences_fts(rowid, text) VALUES (new.rowid, new.text); END",
    ],
}

# Search snippets come back from SQLite with these around each match; they are split off
# into offsets (``storyline.highlight``) and the text is escaped wherever it is shown.
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"


class StoreError(RuntimeError):
    pass


class QueryError(StoreError):
    """A full-text query SQLite's FTS5 cannot run (syntax error, unknown column...)."""


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class Store:
    """A storyline database file. Use as a context manager or call ``close()``."""

    def __init__(self, path: str | Path = "storyline.db", readonly: bool = False):
        self.path = Path(path)
        if readonly and not self.path.exists():
            raise StoreError(f"no storyline database at {self.path} (run 'storyline build' first)")
        try:
            self.db = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a storyline database ({exc})") from exc
        self._migrate()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- schema ---------------------------------------------------------------------------
    def _migrate(self) -> None:
        try:
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a storyline database ({exc})") from exc
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path} was written by a newer storyline (schema {version} > {SCHEMA_VERSION})")
        if version == 0 and self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise StoreError(f"{self.path} is an SQLite file but not a storyline database")
        for target in range(version + 1, SCHEMA_VERSION + 1):
            with self.transaction():
                self._apply(_MIGRATIONS[target])
                self.db.execute(f"PRAGMA user_version = {target}")

    def _apply(self, script) -> None:
        for statement in (script if isinstance(script, list) else script.split(";")):
            if statement.strip():
                self.db.execute(statement)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")

    # -- writing --------------------------------------------------------------------------
    def known(self, document_id: str) -> Optional[str]:
        """The pipeline version a stored document was derived with, or None if not stored."""
        row = self.db.execute("SELECT pipeline FROM documents WHERE id = ?", (document_id,)).fetchone()
        return row[0] if row else None

    def add_path(self, document_id: str, path: str) -> bool:
        """Record another place a stored document was seen; True if it was new."""
        with self.transaction():
            cur = self.db.execute("INSERT OR IGNORE INTO paths(document, path) VALUES (?, ?)", (document_id, path))
        return cur.rowcount > 0

    def save(self, batch: Iterable[tuple[RawDocument, Document, Signature]], pipeline: str) -> int:
        """Store a batch of documents in one transaction (replacing older derivations)."""
        n = 0
        with self.transaction():
            for raw, doc, sig in batch:
                self._delete(doc.id)
                self.db.execute(
                    "INSERT INTO documents(id, path, kind, url, title, published, published_time, byline,"
                    " dateline, source, contributors, text, removed, encoding, pipeline, added)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (doc.id, doc.path, doc.kind, doc.url, doc.title,
                     doc.published.isoformat() if doc.published else None, doc.published_time,
                     doc.byline, doc.dateline, doc.source, json.dumps(doc.contributors), doc.text,
                     json.dumps([{"text": r.text, "reason": r.reason} for r in doc.removed], ensure_ascii=False),
                     doc.encoding, pipeline, _now()))
                rowid = self.db.execute("SELECT rowid FROM documents WHERE id = ?", (doc.id,)).fetchone()[0]
                self.db.execute("INSERT INTO documents_fts(rowid, title, text) VALUES (?,?,?)",
                                (rowid, doc.title or "", doc.text))
                self.db.execute("INSERT INTO raw(document, kind, given, content) VALUES (?,?,?,?)",
                                (doc.id, raw.kind, json.dumps(raw.given, ensure_ascii=False),
                                 zlib.compress(raw.content.encode("utf-8"))))
                for path in dict.fromkeys([doc.path, *doc.paths]):
                    self.db.execute("INSERT OR IGNORE INTO paths(document, path) VALUES (?,?)", (doc.id, path))
                self.db.executemany(
                    'INSERT INTO sentences(document, idx, start, "end", paragraph, text) VALUES (?,?,?,?,?,?)',
                    [(doc.id, s.index, s.start, s.end, s.paragraph, s.text) for s in doc.sentences])
                self.db.executemany(
                    'INSERT INTO mentions(document, sentence, start, "end", text, type, value, granularity, mod, anchor)'
                    " VALUES (?,?,?,?,?,?,?,?,?,?)",
                    [(doc.id, m.sentence, m.start, m.end, m.text, m.type, m.value, m.granularity, m.mod, m.anchor)
                     for m in doc.mentions])
                self.db.execute("INSERT INTO signatures(document, text_hash, shingles, hashvalues) VALUES (?,?,?,?)",
                                (doc.id, sig.text_hash, sig.shingles, sig.hashvalues.astype("<u4").tobytes()))
                for path in dict.fromkeys([doc.path, *doc.paths]):
                    self.db.execute("DELETE FROM errors WHERE path = ?", (path,))
                n += 1
            self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('groups_stale', '1')")
        return n

    def _delete(self, document_id: str) -> None:
        row = self.db.execute("SELECT rowid FROM documents WHERE id = ?", (document_id,)).fetchone()
        if row:
            self.db.execute("DELETE FROM documents_fts WHERE rowid = ?", (row[0],))
            self.db.execute("DELETE FROM mentions WHERE document = ?", (document_id,))
            self.db.execute("DELETE FROM sentences WHERE document = ?", (document_id,))
            self.db.execute("DELETE FROM signatures WHERE document = ?", (document_id,))
            self.db.execute("DELETE FROM raw WHERE document = ?", (document_id,))
            self.db.execute("DELETE FROM groups WHERE document = ?", (document_id,))
            self.db.execute("DELETE FROM documents WHERE id = ?", (document_id,))

    def record_error(self, path: str, reason: str) -> None:
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO errors(path, reason, at) VALUES (?,?,?)", (path, reason, _now()))

    def save_groups(self, groups: Iterable[DuplicateGroup]) -> None:
        """Replace all group assignments at once (groups are recomputed over the whole store)."""
        with self.transaction():
            self.db.execute("DELETE FROM meta WHERE key = 'groups_stale'")
            self.db.execute("DELETE FROM groups")
            for g in groups:
                self.db.executemany(
                    "INSERT INTO groups(document, grp, relation, similarity, reason) VALUES (?,?,?,?,?)",
                    [(m.document, g.id, m.relation, m.similarity, m.reason) for m in g.members])

    # -- reading --------------------------------------------------------------------------
    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM documents").fetchone()[0]

    def stale(self, pipeline: str) -> list[tuple[RawDocument, list[str]]]:
        """Documents derived by another pipeline version, as raw documents to redo."""
        rows = self.db.execute(
            "SELECT d.id, d.path, r.kind, r.given, r.content, d.encoding FROM documents d JOIN raw r ON r.document = d.id"
            " WHERE d.pipeline != ?", (pipeline,)).fetchall()
        out = []
        for doc_id, path, kind, given, content, encoding in rows:
            raw = RawDocument(id=doc_id, path=path, kind=kind, content=zlib.decompress(content).decode("utf-8"),
                              encoding=encoding or "utf-8", given=json.loads(given))
            out.append((raw, self.paths(doc_id)))
        return out

    def paths(self, document_id: str) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT path FROM paths WHERE document = ? ORDER BY rowid", (document_id,))]

    def signatures(self) -> list[Signature]:
        rows = self.db.execute(
            "SELECT s.document, s.text_hash, s.shingles, s.hashvalues, d.published"
            " FROM signatures s JOIN documents d ON d.id = s.document")
        return [Signature(doc, h, n, np.frombuffer(blob, dtype="<u4").astype(np.uint32),
                          dt.date.fromisoformat(pub) if pub else None)
                for doc, h, n, blob, pub in rows]

    def groups(self) -> list[DuplicateGroup]:
        from .model import GroupMember
        out: dict[str, DuplicateGroup] = {}
        for doc, grp, rel, sim, reason in self.db.execute(
                "SELECT document, grp, relation, similarity, reason FROM groups ORDER BY grp, relation != 'representative', document"):
            g = out.setdefault(grp, DuplicateGroup(id=grp, representative=doc))
            if rel == "representative":
                g.representative = doc
            g.members.append(GroupMember(doc, rel, sim, reason))
        return list(out.values())

    def groups_stale(self) -> bool:
        """True when documents were stored after the groups were last computed."""
        return self.db.execute("SELECT 1 FROM meta WHERE key = 'groups_stale'").fetchone() is not None

    def errors(self) -> list[tuple[str, str]]:
        return list(self.db.execute("SELECT path, reason FROM errors ORDER BY path"))

    def search(self, query: str) -> list[str]:
        """Ids of documents matching an FTS5 query, best first (bm25)."""
        rows = self._match("SELECT d.id FROM documents_fts f JOIN documents d ON d.rowid = f.rowid"
                           " WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts)", (query,), query)
        return [r[0] for r in rows]

    def _match(self, sql: str, params: tuple, query: str) -> list:
        try:
            return self.db.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
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

        Title and snippet hold ``MARK_OPEN``/``MARK_CLOSE`` around each match.
        """
        return self._match(
            "SELECT d.id, bm25(documents_fts, 3.0, 1.0) AS score, highlight(documents_fts, 0, ?, ?),"
            " snippet(documents_fts, 1, ?, ?, '…', ?)"
            " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
            " WHERE documents_fts MATCH ? ORDER BY score, d.id LIMIT ? OFFSET ?",
            (MARK_OPEN, MARK_CLOSE, MARK_OPEN, MARK_CLOSE, snippet_tokens, query, limit, offset), query)

    def search_sentences(self, query: str, documents: Iterable[str]) -> list[tuple[str, int, float, str]]:
        """``(document, sentence index, bm25 score, text)`` of matching sentences of these
        documents, best first; the text holds ``MARK_OPEN``/``MARK_CLOSE`` around each match."""
        documents = list(documents)
        if not documents:
            return []
        marks = ",".join("?" * len(documents))
        return self._match(
            "SELECT s.document, s.idx, bm25(sentences_fts) AS score, highlight(sentences_fts, 0, ?, ?)"
            " FROM sentences_fts JOIN sentences s ON s.rowid = sentences_fts.rowid"
            f" WHERE sentences_fts MATCH ? AND s.document IN ({marks}) ORDER BY score, s.document, s.idx",
            (MARK_OPEN, MARK_CLOSE, query, *documents), query)

    def documents(self, ids: Optional[Iterable[str]] = None, with_sentences: bool = True) -> list[Document]:
        """Load documents (all, or the given ids) as model objects, in a stable order."""
        sql = ("SELECT id, path, kind, url, title, published, published_time, byline, dateline, source,"
               " contributors, text, removed, encoding FROM documents")
        params: tuple = ()
        if ids is not None:
            ids = list(ids)
            if not ids:
                return []
            self.db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted(id TEXT PRIMARY KEY)")
            self.db.execute("DELETE FROM wanted")
            self.db.executemany("INSERT OR IGNORE INTO wanted(id) VALUES (?)", [(i,) for i in ids])
            sql += " WHERE id IN (SELECT id FROM wanted)"
        sql += " ORDER BY published IS NULL, published, path"
        docs = []
        groups = {doc: (grp, rel) for doc, grp, rel in self.db.execute("SELECT document, grp, relation FROM groups")}
        for row in self.db.execute(sql, params).fetchall():
            (doc_id, path, kind, url, title, published, published_time, byline, dateline, source,
             contributors, text, removed, encoding) = row
            grp, rel = groups.get(doc_id, (None, None))
            doc = Document(
                id=doc_id, path=path, kind=kind, text=text, paths=self.paths(doc_id), url=url, title=title,
                published=dt.date.fromisoformat(published) if published else None,
                published_time=published_time, byline=byline, dateline=dateline, source=source,
                contributors=json.loads(contributors),
                removed=[Removed(r["text"], r["reason"]) for r in json.loads(removed)],
                encoding=encoding or "utf-8", group=grp, relation=rel)
            if with_sentences:
                doc.sentences = [Sentence(doc_id, i, s, e, t, p) for i, s, e, p, t in self.db.execute(
                    'SELECT idx, start, "end", paragraph, text FROM sentences WHERE document = ? ORDER BY idx', (doc_id,))]
                doc.mentions = [TimeMention(s, e, t, ty, v, g, m, a, doc_id, sent) for sent, s, e, t, ty, v, g, m, a in
                                self.db.execute('SELECT sentence, start, "end", text, type, value, granularity, mod, anchor'
                                                ' FROM mentions WHERE document = ? ORDER BY start', (doc_id,))]
            docs.append(doc)
        return docs
