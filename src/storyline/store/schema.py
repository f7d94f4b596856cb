"""The store's schema: named migrations, applied in order, the version in ``PRAGMA user_version``.

A store written by any earlier storyline is brought up to date when it is opened: each step runs
in its own transaction and sets the version it reaches, so a store left half-way is taken up
where it stopped, and two processes opening one new store do not apply a step twice. A step is
SQL (a script, or a list of statements where statements hold semicolons) or a function of the
store and the version the store had when opened, for what SQL cannot compute (signatures and
timeline features of documents stored before their tables existed).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Callable, Union

from .. import dedup
from .connection import StoreError, describe
from .documents import Documents
from .entities import ENTITY_TABLES, STATEMENTS_TABLE

_DEDUP_INDEX = """
    DROP TABLE IF EXISTS signatures;
    DROP TABLE IF EXISTS paragraph_copies;
    DROP TABLE IF EXISTS links;
    DROP TABLE IF EXISTS dedup_dirty;
    CREATE TABLE signatures (
        num INTEGER PRIMARY KEY,
        document TEXT NOT NULL UNIQUE,
        text_hash BLOB NOT NULL,
        shingles INTEGER NOT NULL,
        words INTEGER NOT NULL,
        published TEXT,
        hashvalues BLOB NOT NULL,
        paragraphs BLOB NOT NULL
    );
    CREATE INDEX signatures_text_hash ON signatures(text_hash);
    CREATE TABLE paragraph_copies (
        key INTEGER NOT NULL,
        num INTEGER NOT NULL,
        idx INTEGER NOT NULL,
        PRIMARY KEY (key, num, idx)
    ) WITHOUT ROWID;
    CREATE TABLE links (
        a INTEGER NOT NULL,
        b INTEGER NOT NULL,
        relation TEXT NOT NULL,
        jaccard REAL NOT NULL,
        containment REAL NOT NULL,
        shared INTEGER NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (a, b)
    ) WITHOUT ROWID;
    CREATE INDEX links_b ON links(b);
    CREATE TABLE dedup_dirty (num INTEGER PRIMARY KEY);
    DELETE FROM groups;
    """

_TIMELINE_FEATURES = """
    DROP TABLE IF EXISTS features;
    DROP TABLE IF EXISTS date_support;
    CREATE TABLE features (
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        date TEXT, granularity TEXT,
        named INTEGER NOT NULL, kind TEXT NOT NULL, reason TEXT NOT NULL, refused TEXT,
        prior REAL NOT NULL, rank REAL NOT NULL, words TEXT NOT NULL, chronology INTEGER NOT NULL,
        PRIMARY KEY (document, idx)
    ) WITHOUT ROWID;
    CREATE INDEX features_date ON features(date, rank DESC) WHERE refused IS NULL AND date IS NOT NULL;
    CREATE TABLE date_support (
        date TEXT NOT NULL,
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        granularity TEXT NOT NULL,
        named INTEGER NOT NULL, delta INTEGER, fallback INTEGER, next_day INTEGER, chronology INTEGER NOT NULL,
        PRIMARY KEY (date, document)
    ) WITHOUT ROWID;
    CREATE INDEX date_support_document ON date_support(document);
    CREATE INDEX IF NOT EXISTS paragraph_copies_num ON paragraph_copies(num);
    """


def _dedup_index(store: "Schema", opened_at: int) -> None:
    """Step 3, the persistent dedup index: the signatures are recomputed from the stored clean text
    and the groups rebuilt (``_reindex_all``), so older dedup tables are dropped first."""
    store._apply(_DEDUP_INDEX)
    have = {row[1] for row in store.db.execute("PRAGMA table_info(groups)")}
    for column, kind in (("containment", "REAL NOT NULL DEFAULT 1.0"),
                         ("shared_paragraphs", "INTEGER NOT NULL DEFAULT 0"), ("linked_to", "TEXT")):
        if column not in have:
            store.db.execute(f"ALTER TABLE groups ADD COLUMN {column} {kind}")
    if opened_at >= 1:
        store._reindex_all()


def _timeline_features(store: "Schema", opened_at: int) -> None:
    """Step 4, what the timeline needs, computed at build time: each sentence's event date, kind,
    refusal, prior and content words (``features``), and per document and date how it supports
    that date (``date_support``); computed for stored documents by the migration."""
    store._apply(_TIMELINE_FEATURES)
    if opened_at >= 1:
        store._refeature_all()


def _entity_tables(store: "Schema", opened_at: int) -> None:
    """The entity tables, and the language column of documents (a step that may meet them made)."""
    store._apply(ENTITY_TABLES)
    if not any(row[1] == "language" for row in store.db.execute("PRAGMA table_info(documents)")):
        store.db.execute("ALTER TABLE documents ADD COLUMN language TEXT")


Step = Union[str, list[str], Callable[["Schema", int], None]]

# The schema's history, oldest first: step n (from 1) brings a store to version n.
MIGRATIONS: list[tuple[str, Step]] = [
    ("documents, raw content, sentences, mentions, signatures, groups, errors, document search", """
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
    """),
    # sentence-level search was an external-content FTS5 index over ``sentences`` kept in step by
    # triggers; the step is empty since version 11 took the index out again (an older store would
    # build it only to drop it)
    ("sentence search", []),
    ("persistent dedup index", _dedup_index),
    ("timeline features", _timeline_features),
    # the undated documents, which the timeline's undated section reads, found without a scan
    ("undated documents index", """
    CREATE INDEX IF NOT EXISTS documents_undated ON documents(id) WHERE published IS NULL;
    """),
    # names, their mentions per sentence, quotes and speakers; which documents the layer has read;
    # the language of each document
    ("entities, quotes, document language", _entity_tables),
    # the candidate sentences reporting a statement, written by the entity layer (whose new version
    # reads stored documents again)
    ("statements", STATEMENTS_TABLE),
    # document search reading its text from ``documents`` (an external-content index) instead of
    # keeping a second copy of every title and text: the same matches, ranks and snippets, a store
    # about a seventh smaller; the index is made again from the documents
    ("document search over the documents table", [
        "DROP TABLE documents_fts",
        "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid',"
        " tokenize='porter unicode61')",
        "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')",
    ]),
    # the sentence features kept in the order they are stored (a rowid table, found by document
    # through its own index) instead of clustered by document id: a build's new rows are appended
    # rather than written into the middle of the table at each document's random id, which in a
    # store larger than the memory cost a read and a rewrite of pages per document
    ("sentence features in the order stored", [
        "CREATE TABLE features_stored (document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
        " idx INTEGER NOT NULL, date TEXT, granularity TEXT, named INTEGER NOT NULL, kind TEXT NOT NULL,"
        " reason TEXT NOT NULL, refused TEXT, prior REAL NOT NULL, rank REAL NOT NULL, words TEXT NOT NULL,"
        " chronology INTEGER NOT NULL, UNIQUE (document, idx))",
        "INSERT INTO features_stored(document, idx, date, granularity, named, kind, reason, refused, prior, rank,"
        " words, chronology) SELECT document, idx, date, granularity, named, kind, reason, refused, prior, rank,"
        " words, chronology FROM features",
        "DROP TABLE features",
        "ALTER TABLE features_stored RENAME TO features",
        "CREATE INDEX features_date ON features(date, rank DESC) WHERE refused IS NULL AND date IS NOT NULL",
    ]),
    # the lines an editor excluded from the timeline, by document and sentence text (``exclusions``)
    ("editors' exclusions", """
    CREATE TABLE IF NOT EXISTS exclusions (
        document TEXT NOT NULL,
        text TEXT NOT NULL,
        reason TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,
        PRIMARY KEY (document, text)
    ) WITHOUT ROWID;
    """),
    # sentence search finds the matches of a page's documents in memory (``Search.search_sentences``):
    # an index of every sentence cost the one writer a third of its time and the store a tenth of its size
    ("no stored sentence index", [
        "DROP TRIGGER IF EXISTS sentences_fts_insert",
        "DROP TRIGGER IF EXISTS sentences_fts_delete",
        "DROP TRIGGER IF EXISTS sentences_fts_update",
        "DROP TABLE IF EXISTS sentences_fts",
    ]),
]
SCHEMA_VERSION = len(MIGRATIONS)
_MIGRATIONS = {number: step for number, (_, step) in enumerate(MIGRATIONS, 1)}  # by version, as they were kept


class Schema(Documents):
    """Bringing a store's schema up to date (which writes documents' dedup rows and features)."""

    def _schema(self) -> tuple[int, int]:
        """(schema version, number of schema objects), read in one snapshot of the file."""
        self.db.execute("BEGIN")
        try:
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            objects = self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            self.db.execute("COMMIT")
        return version, objects

    def _migrate(self) -> None:
        try:
            version, objects = self._schema()
        except sqlite3.DatabaseError as exc:
            raise StoreError(describe(self.path, exc)) from exc
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path} was written by a newer storyline (schema {version} > {SCHEMA_VERSION})")
        if version == 0 and objects:
            raise StoreError(f"{self.path} is an SQLite file but not a storyline database")
        for target in range(version + 1, SCHEMA_VERSION + 1):
            with self.transaction():
                # another process opening the same new store may have brought it this far meanwhile
                if self.db.execute("PRAGMA user_version").fetchone()[0] >= target:
                    continue
                _, step = MIGRATIONS[target - 1]
                if callable(step):
                    step(self, version)
                else:
                    self._apply(step)
                self.db.execute(f"PRAGMA user_version = {target}")
        if version and version < SCHEMA_VERSION:
            self.update_groups()

    def _reindex_all(self, batch: int = 1000) -> None:
        """Signatures of every stored document from its clean text (migration to schema 3)."""
        last = ""
        while True:
            rows = self.db.execute("SELECT id, text, published FROM documents WHERE id > ? ORDER BY id LIMIT ?",
                                   (last, batch)).fetchall()
            if not rows:
                break
            self._index(dedup.signatures([(i, t, dt.date.fromisoformat(p) if p else None) for i, t, p in rows]))
            last = rows[-1][0]

    def _refeature_all(self, batch: int = 500) -> None:
        """Timeline features of every stored document from its stored sentences and dates (schema 4)."""
        from ..chronology.features import sentence_features

        ids = [r[0] for r in self.db.execute("SELECT id FROM documents ORDER BY id")]
        for i in range(0, len(ids), batch):
            for doc in self.documents(ids[i:i + batch], with_sentences=True):
                doc.features = sentence_features(doc, doc.repeated_paragraphs)
                self._save_features(doc)

    def _apply(self, script) -> None:
        for statement in (script if isinstance(script, list) else script.split(";")):
            if statement.strip():
                self.db.execute(statement)

