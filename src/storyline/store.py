"""Store: the embedded SQLite database. The only module that knows SQL.

WAL mode, schema version in ``PRAGMA user_version``, migrations in code. Documents are
saved in batches, one transaction each, so a build killed at any moment leaves either a
whole batch or nothing of it. Raw content is kept (compressed) so derived rows can be
recomputed when the pipeline version changes, without the original files.

The dedup index lives here too, so that a build compares new documents with everything
stored without recomputing it: each document's signature (MinHash sketch and paragraph keys,
one row), the occurrences of paragraphs found more than once, and the links found between
documents. Saving a batch finds the batch's candidates in an in-memory index of LSH band keys
and paragraph keys (8 bytes a posting, rebuilt from the stored sketches when a build first
adds documents; SQLite B-trees keyed by random hashes slow down well before a million
documents), judges them and stores the links in the same transaction; groups are then updated
for the documents whose links changed (``update_groups``), loading only those components.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import sqlite3
import time
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

import numpy as np

from . import dedup
from .dedup import Link, Signature
from .errors import StorylineError
from .model import (Document, DuplicateGroup, GroupMember, ParagraphCopy, RawDocument, Removed, Sentence,
                    SentenceFeatures, SharedParagraph, TimeMention)
from .unionfind import UnionFind

SCHEMA_VERSION = 5
BUSY_TIMEOUT_MS = 30_000  # how long a writer waits for another writer's transaction

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
    # 3: the persistent dedup index; the signatures are recomputed from the stored clean text
    # and the groups rebuilt (``_reindex_all``), so older dedup tables are dropped first
    3: """
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
    """,
    # 4: what the timeline needs, computed at build time: each sentence's event date, kind,
    # refusal, prior and content words (``features``), and per document and date how it
    # supports that date (``date_support``); computed for stored documents by the migration
    4: """
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
    """,
    # 5: the undated documents, which the timeline's undated section reads, found without a scan
    5: """
    CREATE INDEX IF NOT EXISTS documents_undated ON documents(id) WHERE published IS NULL;
    """,
}

# Search snippets come back from SQLite with these around each match; they are split off
# into offsets (``storyline.highlight``) and the text is escaped wherever it is shown.
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"


class StoreError(StorylineError, RuntimeError):
    """A store that cannot be opened, read or written, or a query it cannot run (``describe`` says why)."""


def describe(path: Path, exc: BaseException) -> str:
    """What an SQLite error means for the store at ``path``, in words a user can act on."""
    text = str(exc)
    if "malformed" in text or "file is not a database" in text:
        return (f"{path} is damaged or not a storyline database ({text}); build it again into a new file, "
                "or restore a copy")
    if "readonly" in text or "read-only" in text:
        return (f"{path} cannot be written ({text}): the file or its folder is read-only, and a storyline store "
                "needs to write beside it (its -wal and -shm files)")
    if "unable to open" in text:
        folder = path.parent if str(path.parent) else Path(".")
        why = ("the folder does not exist" if not folder.is_dir() else
               "the folder cannot be written (a storyline store keeps -wal and -shm files beside it)")
        return f"{path} cannot be opened ({text}): {why}"
    if "disk is full" in text or "disk I/O" in text:
        return f"{path}: the disk failed or is full ({text})"
    if "locked" in text or "busy" in text:
        return f"{path} is busy: another program holds it ({text}); try again when it is done"
    return f"{path}: {text}"


class QueryError(StoreError):
    """A full-text query SQLite's FTS5 cannot run (syntax error, unknown column, too many terms...)."""


class Interrupted(StoreError):
    """A query stopped before its end: its reader left, or it ran past its time."""


PROGRESS_STEPS = 20_000  # SQLite steps between two looks at whether a stoppable query should stop
MAX_QUERY_TERMS = 32  # words of a full-text query: ranking and snippets grow with their number
_QUERY_WORD = re.compile(r'[^\s()"]+')
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}


def query_terms(query: str) -> int:
    """How many words a full-text query asks for (every word of a phrase counts; operators do not)."""
    return sum(1 for w in _QUERY_WORD.findall(query) if w not in _OPERATORS and w.strip("*:^+-,"))


def check_query(query: str) -> None:
    """Raise QueryError for a query with more than MAX_QUERY_TERMS words."""
    n = query_terms(query)
    if n > MAX_QUERY_TERMS:
        raise QueryError(f"the search query has {n} words; the limit is {MAX_QUERY_TERMS}. "
                         "Use fewer words (a phrase in quotes counts each of its words).")


def _link_from_row(row: tuple, sigs: dict[int, Signature]) -> Link:
    a, b, relation, jaccard, containment, shared, reason = row
    return Link(sigs[a].document, sigs[b].document, relation, jaccard, containment, shared, reason)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class Store:
    """A storyline database file. Use as a context manager or call ``close()``."""

    def __init__(self, path: str | Path = "storyline.db", readonly: bool = False):
        self.path = Path(path)
        self._dedup: Optional[dedup.Index] = None
        self._indexed_upto = 0
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
        try:
            self._migrate()
        except sqlite3.Error as exc:
            self.db.close()
            raise StoreError(describe(self.path, exc)) from exc

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.close()
        if isinstance(exc, sqlite3.OperationalError) and ("interrupted" in str(exc) or self._stopped):
            raise Interrupted(f"{self.path}: the work was stopped ({self._stopped or 'interrupted'})") from exc
        if isinstance(exc, sqlite3.Error) and not isinstance(exc, sqlite3.InterfaceError):
            # whatever the store fails at (a damaged page, a read-only file) is said as a store error
            raise StoreError(describe(self.path, exc)) from exc

    # -- schema ---------------------------------------------------------------------------
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
                self._apply(_MIGRATIONS[target])
                if target == 3:
                    have = {row[1] for row in self.db.execute("PRAGMA table_info(groups)")}
                    for column, kind in (("containment", "REAL NOT NULL DEFAULT 1.0"),
                                         ("shared_paragraphs", "INTEGER NOT NULL DEFAULT 0"), ("linked_to", "TEXT")):
                        if column not in have:
                            self.db.execute(f"ALTER TABLE groups ADD COLUMN {column} {kind}")
                    if version >= 1:
                        self._reindex_all()
                if target == 4 and version >= 1:
                    self._refeature_all()
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
        from .chronology.features import sentence_features

        ids = [r[0] for r in self.db.execute("SELECT id FROM documents ORDER BY id")]
        for i in range(0, len(ids), batch):
            for doc in self.documents(ids[i:i + batch], with_sentences=True):
                doc.features = sentence_features(doc, doc.repeated_paragraphs)
                self._save_features(doc)

    def _save_features(self, doc: Document) -> None:
        from .chronology.features import candidate_rank, support_rows

        self.db.execute("DELETE FROM features WHERE document = ?", (doc.id,))
        self.db.execute("DELETE FROM date_support WHERE document = ?", (doc.id,))
        self.db.executemany(
            "INSERT INTO features(document, idx, date, granularity, named, kind, reason, refused, prior, rank, words,"
            " chronology) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [(doc.id, f.sentence, f.date, f.granularity, int(f.named), f.kind, f.reason, f.refused, f.prior,
              candidate_rank(f), f.words, int(f.chronology)) for f in doc.features])
        self.db.executemany(
            "INSERT INTO date_support(date, document, granularity, named, delta, fallback, next_day, chronology)"
            " VALUES (?,?,?,?,?,?,?,?)",
            [(r.date, doc.id, r.granularity, r.named, r.delta, r.fallback, r.next_day, r.chronology)
             for r in support_rows(doc, doc.features)])

    def _apply(self, script) -> None:
        for statement in (script if isinstance(script, list) else script.split(";")):
            if statement.strip():
                self.db.execute(statement)

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
            self._dedup = None  # it may hold postings of the rolled-back batch: rebuilt when next needed
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
        sigs: list[Signature] = []
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
                self._save_features(doc)
                for path in dict.fromkeys([doc.path, *doc.paths]):
                    self.db.execute("DELETE FROM errors WHERE path = ?", (path,))
                sigs.append(sig)
                n += 1
            self._index(sigs)
        return n

    def _delete(self, document_id: str) -> None:
        row = self.db.execute("SELECT rowid FROM documents WHERE id = ?", (document_id,)).fetchone()
        if row:
            self.db.execute("DELETE FROM documents_fts WHERE rowid = ?", (row[0],))
            self.db.execute("DELETE FROM mentions WHERE document = ?", (document_id,))
            self.db.execute("DELETE FROM features WHERE document = ?", (document_id,))
            self.db.execute("DELETE FROM date_support WHERE document = ?", (document_id,))
            self.db.execute("DELETE FROM sentences WHERE document = ?", (document_id,))
            self._unindex(document_id)
            self.db.execute("DELETE FROM raw WHERE document = ?", (document_id,))
            self.db.execute("DELETE FROM groups WHERE document = ?", (document_id,))
            self.db.execute("DELETE FROM documents WHERE id = ?", (document_id,))

    def recorded_error(self, path: str) -> Optional[str]:
        """The reason recorded for a path that could not be stored, or None."""
        row = self.db.execute("SELECT reason FROM errors WHERE path = ?", (path,)).fetchone()
        return row[0] if row else None

    def record_error(self, path: str, reason: str) -> None:
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO errors(path, reason, at) VALUES (?,?,?)", (path, reason, _now()))

    def save_groups(self, groups: Iterable[DuplicateGroup]) -> None:
        """Replace all group assignments at once (with groups computed elsewhere)."""
        with self.transaction():
            self.db.execute("DELETE FROM meta WHERE key = 'groups_stale'")
            self.db.execute("DELETE FROM dedup_dirty")
            self.db.execute("DELETE FROM groups")
            for g in groups:
                self._write_group(g)

    def _write_group(self, g: DuplicateGroup) -> None:
        self.db.executemany(
            "INSERT OR REPLACE INTO groups(document, grp, relation, similarity, reason, containment, shared_paragraphs,"
            " linked_to) VALUES (?,?,?,?,?,?,?,?)",
            [(m.document, g.id, m.relation, m.similarity, m.reason, m.containment, m.shared_paragraphs, m.linked_to)
             for m in g.members])

    # -- the dedup index ----------------------------------------------------------------------
    def _temp(self, name: str, columns: str, rows: Iterable[tuple]) -> None:
        self.db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name}({columns})")
        self.db.execute(f"DELETE FROM {name}")
        self.db.executemany(f"INSERT INTO {name} VALUES ({','.join('?' * len(columns.split(',')))})", rows)

    def add_signatures(self, sigs: Iterable[Signature]) -> list[Link]:
        """Index signatures (without documents rows) in one transaction; the links found."""
        with self.transaction():
            return self._index(list(sigs))

    def _memory_index(self) -> dedup.Index:
        """The in-memory candidate index, brought up to date with the stored signatures.

        Built from the stored sketches and paragraph keys the first time a store indexes new
        documents (band keys are recomputed from the sketch, no text is read), then kept up
        to date; rows another process added since are read in at the start of each batch.
        """
        if self._dedup is None:
            self._dedup = dedup.Index()
            self._indexed_upto = 0
        index = self._dedup
        while True:
            rows = self.db.execute(
                "SELECT s.num, s.shingles, s.words, s.hashvalues, s.paragraphs,"
                " (SELECT min(t.num) FROM signatures t WHERE t.text_hash = s.text_hash) = s.num"
                " FROM signatures s WHERE s.num > ? ORDER BY s.num LIMIT 50000", (self._indexed_upto,)).fetchall()
            if not rows:
                return index
            nums = np.array([r[0] for r in rows], np.int64)
            sigs = [Signature("", "", sh, np.frombuffer(hv, dtype="<u4"), None, words,
                              np.frombuffer(paras, dtype=dedup.PARAGRAPH_DTYPE))
                    for _, sh, words, hv, paras, _ in rows]
            canonical = np.array([bool(r[5]) and r[2] > 0 for r in rows], bool)
            index.add(nums[canonical], [x for x, c in zip(sigs, canonical) if c])
            self._indexed_upto = int(nums[-1])

    def _index(self, sigs: list[Signature]) -> list[Link]:
        """Store signatures, find their links to stored and to each other, mark groups to update.

        Runs inside the caller's transaction. Candidates: a stored document with the same
        normalized text, or, from the candidate index, the ``dedup.MAX_CANDIDATES`` documents
        sharing most LSH band keys and most paragraph keys; each is judged by
        ``dedup.compare``. A document identical to one already indexed is linked to it and adds
        nothing to the index. Paragraphs found again are recorded in ``paragraph_copies``.
        """
        if not sigs:
            return []
        db = self.db
        self._check(sigs)
        index = self._memory_index()
        first = db.execute("SELECT coalesce(max(num), 0) + 1 FROM signatures").fetchone()[0]
        num_of = np.arange(first, first + len(sigs), dtype=np.int64)
        db.executemany(
            "INSERT INTO signatures(num, document, text_hash, shingles, words, published, hashvalues, paragraphs)"
            " VALUES (?,?,?,?,?,?,?,?)",
            [(int(n), sig.document, bytes.fromhex(sig.text_hash), sig.shingles, sig.words,
              sig.published.isoformat() if sig.published else None,
              sig.hashvalues.astype("<u4").tobytes(), sig.paragraphs.tobytes()) for n, sig in zip(num_of, sigs)])
        self._indexed_upto = int(num_of[-1])
        by_num = dict(zip(num_of.tolist(), sigs))
        db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('groups_stale', '1')")
        db.executemany("INSERT OR IGNORE INTO dedup_dirty(num) VALUES (?)", [(n,) for n in by_num])
        # identical texts: link to the first document indexed with that text
        self._temp("_new", "num INTEGER, text_hash BLOB", [(n, bytes.fromhex(s.text_hash)) for n, s in by_num.items()])
        twin = dict(db.execute(
            "SELECT n.num, (SELECT min(s.num) FROM signatures s WHERE s.text_hash = n.text_hash) FROM _new n"))
        pairs: set[tuple[int, int]] = set()
        canonical = np.zeros(len(sigs), bool)
        for i, (num, sig) in enumerate(by_num.items()):
            if sig.words and twin[num] != num:
                pairs.add((twin[num], num))
            elif sig.words:
                canonical[i] = True
        chosen = [s for s, c in zip(sigs, canonical) if c]
        index.add(num_of[canonical], chosen)
        for a, b in index.candidates(num_of[canonical], chosen).tolist():
            pairs.add((min(a, b), max(a, b)))
        self._record_copies(index, num_of, sigs)
        if not pairs:
            return []
        missing = {n for pair in pairs for n in pair} - set(by_num)
        if missing:
            by_num.update(self._load_signatures(missing))
        links = []
        rows = []
        for a, b in sorted(pairs):
            if a not in by_num or b not in by_num:  # removed by another process since
                continue
            link = dedup.compare(by_num[a], by_num[b])
            if link is None:
                continue
            links.append(link)
            rows.append((a, b, link.relation, link.jaccard, link.containment, link.shared_paragraphs, link.reason))
        db.executemany("INSERT OR REPLACE INTO links(a, b, relation, jaccard, containment, shared, reason)"
                       " VALUES (?,?,?,?,?,?,?)", rows)
        db.executemany("INSERT OR IGNORE INTO dedup_dirty(num) VALUES (?)", [(n,) for r in rows for n in r[:2]])
        return links

    def _check(self, sigs: list[Signature]) -> None:
        """Refuse a batch with a malformed or already indexed signature, naming the document."""
        seen: set[str] = set()
        for sig in sigs:
            if (sig.hashvalues.shape != (dedup.NUM_PERM,) or sig.paragraphs.dtype != dedup.PARAGRAPH_DTYPE
                    or len(sig.text_hash) != 32):
                raise StoreError(f"signature of {sig.document!r} is malformed (not made by storyline.dedup.signature)")
            if sig.document in seen:
                raise StoreError(f"{sig.document!r} appears twice in one batch")
            seen.add(sig.document)
        self._temp("_ids", "id TEXT", [(d,) for d in seen])
        known = self.db.execute("SELECT s.document FROM _ids i CROSS JOIN signatures s ON s.document = i.id LIMIT 1").fetchone()
        if known:
            raise StoreError(f"{known[0]!r} is already indexed")

    def _record_copies(self, index: dedup.Index, nums: np.ndarray, sigs: list[Signature]) -> None:
        """Record every occurrence of a paragraph found more than once (across or inside documents).

        Only paragraphs seen again get rows, so the table grows with the wire copy in the
        store, not with its size. A key already recorded just gains the new occurrences; a key
        seen for the second time also records the earlier occurrences, found through the
        candidate index and checked on the full 64-bit key.
        """
        counts = np.fromiter((len(s.paragraphs) for s in sigs), np.int64, len(sigs))
        if not counts.sum():
            return
        db = self.db
        paras = np.frombuffer(b"".join(s.paragraphs.tobytes() for s in sigs), dtype=dedup.PARAGRAPH_DTYPE)
        owner = np.repeat(nums, counts)
        keys = paras["key"]
        uniq, key_counts = np.unique(keys, return_counts=True)
        copied = [uniq[key_counts > 1]]  # repeated inside one document, or within this batch
        # keys earlier documents may have (32-bit postings): recorded already, or to be checked
        probe_pos, others = index.paragraphs.hits(uniq)
        earlier = others < int(nums[0])
        if earlier.any():
            maybe = np.unique(uniq[probe_pos[earlier]])
            self._temp("_pkeys", "key INTEGER PRIMARY KEY", [(k,) for k in maybe.tolist()])
            recorded = [k for (k,) in db.execute(
                "SELECT p.key FROM _pkeys p WHERE EXISTS (SELECT 1 FROM paragraph_copies c WHERE c.key = p.key)")]
            copied.append(np.array(recorded, np.int64))
            todo = np.setdiff1d(maybe, np.array(recorded, np.int64))
            if len(todo):
                pos = np.isin(uniq[probe_pos], todo) & earlier
                probe: dict[int, set[int]] = {}
                for k, other in zip(uniq[probe_pos[pos]].tolist(), others[pos].tolist()):
                    probe.setdefault(other, set()).add(k)
                self._temp("_pnums", "num INTEGER PRIMARY KEY", [(n,) for n in probe])
                found_rows = []
                for num, blob in db.execute(
                        "SELECT s.num, s.paragraphs FROM _pnums p CROSS JOIN signatures s ON s.num = p.num"):
                    theirs = np.frombuffer(blob, dtype=dedup.PARAGRAPH_DTYPE)
                    hit = np.isin(theirs["key"], np.fromiter(probe[num], np.int64))
                    found_rows.extend(zip([num] * int(hit.sum()), theirs["index"][hit].tolist(), theirs["key"][hit].tolist()))
                if found_rows:
                    db.executemany("INSERT OR IGNORE INTO paragraph_copies(num, idx, key) VALUES (?,?,?)",
                                   sorted(found_rows, key=lambda r: r[2]))
                    copied.append(np.unique(np.array([r[2] for r in found_rows], np.int64)))
        mine = np.isin(keys, np.concatenate(copied))
        if mine.any():
            rows = np.column_stack([keys[mine], owner[mine], paras["index"][mine]])
            db.executemany("INSERT OR IGNORE INTO paragraph_copies(key, num, idx) VALUES (?,?,?)",
                           rows[np.argsort(rows[:, 0], kind="stable")].tolist())

    def _unindex(self, document_id: str) -> None:
        """Remove a document from the dedup index (its links' other ends get their groups redone)."""
        row = self.db.execute("SELECT num FROM signatures WHERE document = ?", (document_id,)).fetchone()
        if not row:
            return
        num = row[0]
        sig = self._load_signatures([num])[num]
        db = self.db
        db.executemany("INSERT OR IGNORE INTO dedup_dirty(num) VALUES (?)",
                       db.execute("SELECT b FROM links WHERE a = ? UNION SELECT a FROM links WHERE b = ?", (num, num)).fetchall())
        db.execute("DELETE FROM links WHERE a = ? OR b = ?", (num, num))
        db.executemany("DELETE FROM paragraph_copies WHERE key = ? AND num = ?",
                       [(k, num) for k in set(sig.paragraphs["key"].tolist())])
        db.execute("DELETE FROM signatures WHERE num = ?", (num,))
        db.execute("DELETE FROM dedup_dirty WHERE num = ?", (num,))
        db.execute("DELETE FROM groups WHERE document = ?", (document_id,))
        # a document with the same text that was linked to this one instead of indexed: index it now
        heir = db.execute("SELECT min(num) FROM signatures WHERE text_hash = ?", (bytes.fromhex(sig.text_hash),)).fetchone()[0]
        if heir is not None and self._dedup is not None and heir <= self._indexed_upto:
            self._dedup.add(np.array([heir]), [self._load_signatures([heir])[heir]])
        db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('groups_stale', '1')")

    def _load_signatures(self, nums: Iterable[int]) -> dict[int, Signature]:
        self._temp("_want", "num INTEGER", [(n,) for n in nums])
        out = {}
        for num, doc, th, sh, words, pub, hv, paras in self.db.execute(
                "SELECT s.num, s.document, s.text_hash, s.shingles, s.words, s.published, s.hashvalues, s.paragraphs"
                " FROM _want w CROSS JOIN signatures s ON s.num = w.num"):
            out[num] = Signature(doc, th.hex(), sh, np.frombuffer(hv, dtype="<u4").astype(np.uint32),
                                 dt.date.fromisoformat(pub) if pub else None, words,
                                 np.frombuffer(paras, dtype=dedup.PARAGRAPH_DTYPE).copy())
        return out

    def update_groups(self, per_load: int = 5000) -> int:
        """Recompute the groups of every document whose links changed; the number of groups written.

        The components of the link graph reachable from the changed documents are found with
        indexed queries and regrouped ``per_load`` groups at a time, so memory follows the
        changed part of the store, not its size.
        """
        db = self.db
        with self.transaction():
            dirty = [r[0] for r in db.execute("SELECT num FROM dedup_dirty")]
            sets: UnionFind[int] = UnionFind()
            seen = set(dirty)
            frontier = list(dirty)
            while frontier:
                self._temp("_front", "num INTEGER PRIMARY KEY", [(n,) for n in frontier])
                found = db.execute("SELECT l.a, l.b FROM _front f CROSS JOIN links l ON l.a = f.num UNION"
                                   " SELECT l.a, l.b FROM _front f CROSS JOIN links l ON l.b = f.num").fetchall()
                frontier = []
                for a, b in found:
                    sets.union(a, b)
                    for n in (a, b):
                        if n not in seen:
                            seen.add(n)
                            frontier.append(n)
            comps = {min(c): c for c in sets.sets()}  # by root (a set's smallest); documents with links only
            # forget the old groups of every document involved, then write the new ones
            self._temp("_involved", "num INTEGER PRIMARY KEY", [(n,) for n in seen])
            db.execute("DELETE FROM groups WHERE document IN (SELECT s.document FROM _involved i CROSS JOIN"
                       " signatures s ON s.num = i.num)")
            roots = sorted((r for r, c in comps.items() if len(c) > 1), key=lambda r: min(comps[r]))
            for start in range(0, len(roots), per_load):
                part = roots[start:start + per_load]
                nums = [n for r in part for n in comps[r]]
                sigs = self._load_signatures(nums)
                self._temp("_part", "num INTEGER PRIMARY KEY", [(n,) for n in nums])
                inside: dict[int, list[Link]] = {}
                for row in db.execute("SELECT l.a, l.b, l.relation, l.jaccard, l.containment, l.shared, l.reason"
                                      " FROM _part p CROSS JOIN links l ON l.a = p.num"):
                    inside.setdefault(sets.find(row[0]), []).append(_link_from_row(row, sigs))
                for r in part:
                    self._write_group(dedup.make_group([sigs[n] for n in sorted(comps[r])], inside.get(r, [])))
            db.execute("DELETE FROM dedup_dirty")
            db.execute("DELETE FROM meta WHERE key = 'groups_stale'")
        return len(roots)

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
        """Every stored signature (for checks and one-off recomputation; builds never load them all)."""
        nums = [r[0] for r in self.db.execute("SELECT num FROM signatures ORDER BY num")]
        sigs = self._load_signatures(nums)
        return [sigs[n] for n in nums]

    def groups(self) -> list[DuplicateGroup]:
        out: dict[str, DuplicateGroup] = {}
        for doc, grp, rel, sim, reason, cont, shared, linked in self.db.execute(
                "SELECT document, grp, relation, similarity, reason, containment, shared_paragraphs, linked_to"
                " FROM groups ORDER BY grp, relation != 'representative', document"):
            g = out.setdefault(grp, DuplicateGroup(id=grp, representative=doc))
            if rel == "representative":
                g.representative = doc
            g.members.append(GroupMember(doc, rel, sim, reason, cont, shared, linked))
        return list(out.values())

    def _occurrences(self, ids: Optional[list[str]] = None) -> list[dedup.ParagraphOccurrences]:
        """Paragraph keys found more than once, with every occurrence (only keys of ``ids`` if given)."""
        if ids is None:
            rows = self.db.execute(
                "SELECT p.key, s.document, p.idx FROM paragraph_copies p CROSS JOIN signatures s ON s.num = p.num"
                " ORDER BY p.key")
        else:
            self._temp("_docs", "id TEXT PRIMARY KEY", [(i,) for i in ids])
            # only paragraphs found more than once have copy rows: their keys, by document number
            self.db.execute("CREATE TEMP TABLE IF NOT EXISTS _keys(key INTEGER PRIMARY KEY)")
            self.db.execute("DELETE FROM _keys")
            self.db.execute("INSERT OR IGNORE INTO _keys SELECT p.key FROM _docs d CROSS JOIN signatures s"
                            " ON s.document = d.id CROSS JOIN paragraph_copies p ON p.num = s.num")
            rows = self.db.execute(
                "SELECT p.key, s.document, p.idx FROM _keys k CROSS JOIN paragraph_copies p ON p.key = k.key"
                " CROSS JOIN signatures s ON s.num = p.num ORDER BY p.key")
        found: dict[int, list[tuple[str, int]]] = {}
        for key, doc, idx in rows:
            found.setdefault(key, []).append((doc, idx))
        return [dedup.ParagraphOccurrences(k, sorted(v)) for k, v in found.items() if len(v) > 1]

    def _sources(self, docs: Iterable[str]) -> tuple[dict[str, Optional[dt.date]], dict[str, str]]:
        """Publication dates and source keys (duplicate group, else the document) of documents."""
        self._temp("_src", "id TEXT PRIMARY KEY", [(d,) for d in set(docs)])
        published, source = {}, {}
        for doc, pub, grp in self.db.execute(
                "SELECT s.document, s.published, g.grp FROM _src x CROSS JOIN signatures s ON s.document = x.id"
                " LEFT JOIN groups g ON g.document = s.document"):
            published[doc] = dt.date.fromisoformat(pub) if pub else None
            source[doc] = grp or doc
        return published, source

    def duplicate_paragraphs(self) -> list[SharedParagraph]:
        """Paragraphs found more than once (wire copy across documents, repeats inside one)."""
        occurrences = self._occurrences()
        published, source = self._sources(d for o in occurrences for d, _ in o.occurrences)
        texts = {doc: text for doc, text in self.db.execute(
            "SELECT d.id, d.text FROM _src x CROSS JOIN documents d ON d.id = x.id")}
        from .sentences import paragraphs as spans
        span_cache: dict[str, list[tuple[int, int]]] = {}
        out = []
        for occ in occurrences:
            items = sorted(occ.occurrences, key=lambda o: (published.get(o[0]) is None,
                                                           published.get(o[0]) or dt.date.min, o[0], o[1]))
            copies = []
            for doc, idx in items:
                if doc in texts and doc not in span_cache:
                    span_cache[doc] = spans(texts[doc])
                start, end = span_cache[doc][idx] if doc in span_cache and idx < len(span_cache[doc]) else (0, 0)
                copies.append(ParagraphCopy(doc, idx, start, end))
            first = copies[0]
            text = texts[first.document][first.start:first.end] if first.document in texts else ""
            out.append(SharedParagraph(key=f"{occ.key & 0xFFFFFFFFFFFFFFFF:016x}", text=text, occurrences=copies,
                                       documents=len({c.document for c in copies}),
                                       sources=len({source.get(c.document, c.document) for c in copies})))
        out.sort(key=lambda p: (-p.sources, -p.documents, p.key))
        return out

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
        check_query(query)
        try:
            return self.db.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc) or self._stopped:
                raise Interrupted(f"the search {query!r} was stopped: {self._stopped or 'interrupted'}") from exc
            if any(word in str(exc) for word in ("locked", "busy", "disk", "no such table", "readonly")):
                raise StoreError(f"{self.path}: {exc}") from exc
            raise QueryError(f"invalid search query {query!r}: {exc}") from exc
        except UnicodeEncodeError as exc:
            raise QueryError(f"invalid search query: {exc.reason}") from exc

    _stopped: Optional[str] = None

    @contextmanager
    def stoppable(self, stop: Optional[Callable[[], Optional[str]]] = None,
                  seconds: Optional[float] = None) -> Iterator[None]:
        """Queries inside stop (raising :class:`Interrupted`) as soon as ``stop()`` returns a reason
        (its reader left, the server is shutting down) or after ``seconds``."""
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

        self.db.set_progress_handler(check, PROGRESS_STEPS)
        try:
            yield
        finally:
            self.db.set_progress_handler(None, 0)

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
            "SELECT d.id, f.rank, highlight(documents_fts, 0, ?, ?), snippet(documents_fts, 1, ?, ?, '…', ?)"
            " FROM documents_fts f JOIN documents d ON d.rowid = f.rowid"
            " WHERE documents_fts MATCH ? AND f.rank MATCH 'bm25(3.0, 1.0)' ORDER BY f.rank LIMIT ? OFFSET ?",
            (MARK_OPEN, MARK_CLOSE, MARK_OPEN, MARK_CLOSE, snippet_tokens, query, limit, offset), query)

    def search_sentences(self, query: str, documents: Iterable[str]) -> list[tuple[str, int, float, str]]:
        """``(document, sentence index, bm25 score, text)`` of matching sentences of these
        documents, best first; the text holds ``MARK_OPEN``/``MARK_CLOSE`` around each match
        (marked only for these documents' sentences)."""
        documents = list(documents)
        if not documents:
            return []
        marks = ",".join("?" * len(documents))
        return self._match(
            "SELECT s.document, s.idx, bm25(sentences_fts) AS score, highlight(sentences_fts, 0, ?, ?)"
            " FROM sentences_fts JOIN sentences s ON s.rowid = sentences_fts.rowid"
            f" WHERE sentences_fts MATCH ? AND s.document IN ({marks}) ORDER BY score, s.document, s.idx",
            (MARK_OPEN, MARK_CLOSE, query, *documents), query)

    # -- what the timeline reads ---------------------------------------------------------------
    def set_scope(self, ids: Optional[Iterable[str]]) -> None:
        """Restrict the timeline queries below to these documents (None: every document)."""
        if ids is None:
            self.db.execute("DROP TABLE IF EXISTS temp._scope")
        else:
            self._temp("_scope", "id TEXT PRIMARY KEY", [(i,) for i in dict.fromkeys(ids)])

    def _scoped(self, column: str) -> str:
        has = self.db.execute("SELECT 1 FROM temp.sqlite_master WHERE name = '_scope'").fetchone()
        return f" JOIN temp._scope x ON x.id = {column}" if has else ""

    def date_support(self, weights: dict[str, float], start: Optional[str] = None, end: Optional[str] = None,
                     days_only: bool = False) -> list[tuple]:
        """Per date, how the (scoped) documents support it, a duplicate group once.

        Returns ``(date, granularity, named score, named sources, named sentences, fallback
        score, chronology sources, sources published there, sources, sources reporting it
        within the window)`` rows. A source's named
        score is its best document's count of sentences reporting the date, at
        ``weights['ahead']`` when the document appeared before the date (a preview); its
        fallback score the weight of its undated lead (``lead``) or body (``body``) sentences
        published that day, or
        ``next_day`` times that for a report published the day after. Dates with nothing but
        next-day material are left out. A source reports a date when it was published on it
        or names it within ``weights['window']`` days.
        """
        where, params = [], []
        if start is not None or end is not None:
            # a day inside the bounds, a month or year overlapping them (compared at its own length);
            # a season is left out, as it cannot be compared so
            where.append("(length(s.date) IN (4, 10) OR (length(s.date) = 7 AND substr(s.date, 6, 1) IN ('0', '1')))")
        if start is not None:
            where.append("s.date >= substr(?, 1, length(s.date))")
            params.append(start)
        if end is not None:
            where.append("s.date <= substr(?, 1, length(s.date))")
            params.append(end)
        if days_only:
            where.append("s.granularity = 'day'")
        w = weights
        sql = f"""
        WITH per_src AS (
            SELECT s.date AS date, MIN(s.granularity) AS granularity,
                   MAX(s.named * CASE WHEN s.delta < 0 THEN {w['ahead']} ELSE 1.0 END) AS nw,
                   MAX(s.named > 0) AS has_named, SUM(s.named) AS n,
                   MAX(MAX(CASE WHEN s.fallback IS NULL THEN 0 WHEN s.fallback <= 1 THEN {w['lead']} ELSE {w['body']} END,
                           CASE WHEN s.next_day IS NULL THEN 0 WHEN s.next_day <= 1 THEN {w['lead']} ELSE {w['body']} END
                           * {w['next_day']})) AS fb,
                   MAX(s.fallback IS NOT NULL OR s.named > 0) AS material,
                   MAX(s.chronology > 0) AS chrono, MAX(s.fallback IS NOT NULL OR IFNULL(s.delta = 0, 0)) AS here,
                   MAX(s.fallback IS NOT NULL OR (s.named > 0 AND IFNULL(s.delta BETWEEN 0 AND {int(w['window'])}, 0)))
                       AS reporting
            FROM date_support s{self._scoped("s.document")} LEFT JOIN groups g ON g.document = s.document
            {"WHERE " + " AND ".join(where) if where else ""}
            GROUP BY s.date, COALESCE(g.grp, s.document))
        SELECT date, MIN(granularity), SUM(nw), SUM(has_named), SUM(n), SUM(CASE WHEN has_named THEN 0 ELSE fb END),
               SUM(chrono), SUM(here), COUNT(*), SUM(reporting)
        FROM per_src GROUP BY date HAVING MAX(material) > 0"""
        return self.db.execute(sql, params).fetchall()

    _CANDIDATE_COLUMNS = ("f.document, f.idx, s.start, s.\"end\", s.paragraph, s.text, f.date, f.granularity, f.named,"
                          " f.kind, f.prior, f.words, f.chronology, d.published, COALESCE(g.grp, f.document), g.relation")

    def candidates(self, date: str, limit: int, kinds: tuple[str, ...] = ("report", "state"),
                   next_day: bool = False) -> list[tuple]:
        """The best candidate lines for ``date`` among the scoped documents, best prior first.

        With ``next_day``: instead the undated lead sentences of reports published the day
        after (``NEXT_DAY_LEAD``), which tell what happened on ``date`` without naming it.
        Rows: ``(document, sentence, start, end, paragraph, text, date, granularity, named,
        kind, prior, words, chronology, published, source, relation)``.
        """
        from .chronology.settings import NEXT_DAY_LEAD

        marks = ",".join("?" * len(kinds))
        if next_day:
            day = (dt.date.fromisoformat(date) + dt.timedelta(days=1)).isoformat()
            cond, params = (f"f.date = ? AND f.named = 0 AND f.idx <= {NEXT_DAY_LEAD}"
                            " AND (SELECT published FROM documents WHERE id = f.document) = ?"), [day, day]
        else:
            cond, params = "f.date = ?", [date]
        # the best rows come straight off the (date, rank) index; only they are joined
        sql = (f"SELECT {self._CANDIDATE_COLUMNS} FROM ("
               " SELECT f.document, f.idx, f.date, f.granularity, f.named, f.kind, f.prior, f.rank, f.words, f.chronology"
               f" FROM features f{self._scoped('f.document')}"
               f" WHERE {cond} AND f.refused IS NULL AND f.kind IN ({marks}) ORDER BY f.rank DESC LIMIT ?) f"
               " JOIN sentences s ON s.document = f.document AND s.idx = f.idx"
               " JOIN documents d ON d.id = f.document LEFT JOIN groups g ON g.document = f.document"
               " ORDER BY f.rank DESC, f.document, f.idx")
        return self.db.execute(sql, [*params, *kinds, limit]).fetchall()

    def undated_candidates(self, per_document: int) -> list[tuple]:
        """The first ``per_document`` lines of each scoped document without a publication date
        that name no date: ``(document, sentence, text, words, source, relation, path)``."""
        return self.db.execute(
            "SELECT document, idx, text, words, source, relation, path FROM ("
            " SELECT f.document, f.idx, s.text, f.words, COALESCE(g.grp, f.document) AS source, g.relation, d.path,"
            "  ROW_NUMBER() OVER (PARTITION BY f.document ORDER BY f.idx) AS k"
            f" FROM documents d{self._scoped('d.id')} CROSS JOIN features f ON f.document = d.id"
            " CROSS JOIN sentences s ON s.document = f.document AND s.idx = f.idx LEFT JOIN groups g ON g.document = d.id"
            " WHERE d.published IS NULL AND f.date IS NULL AND f.refused IS NULL)"
            " WHERE k <= ? ORDER BY path, document, idx", (per_document,)).fetchall()

    def _paragraph_origins(self, ids: list[str]) -> tuple[dict[str, dict[int, str]], dict[str, set[int]]]:
        """For these documents, the paragraphs another source published first (→ that source),
        and the paragraphs repeating an earlier one of the same document."""
        occurrences = self._occurrences(ids)
        published, source = self._sources(d for o in occurrences for d, _ in o.occurrences)
        return dedup.paragraph_origins(occurrences, published, source)

    def wire_origins(self, ids: Iterable[str]) -> dict[str, dict[int, str]]:
        """For these documents, the paragraphs another source published first → that source."""
        return self._paragraph_origins(list(ids))[0]

    def documents(self, ids: Optional[Iterable[str]] = None, with_sentences: bool = True, *,
                  limit: Optional[int] = None, offset: int = 0, with_annotations: bool = True) -> list[Document]:
        """Load documents (all, or the given ids) as model objects, in a stable order;
        ``limit``/``offset`` give one page of that order (default: all)."""
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
        sql += " ORDER BY published IS NULL, published, path, id"
        if limit is not None or offset:
            sql += " LIMIT ? OFFSET ?"
            params = (-1 if limit is None else max(0, int(limit)), max(0, int(offset)))
        docs = []
        if ids is not None:  # only the wanted documents' groups
            groups = {doc: (grp, rel) for doc, grp, rel in self.db.execute(
                "SELECT g.document, g.grp, g.relation FROM temp.wanted w JOIN groups g ON g.document = w.id")}
        else:
            groups = {doc: (grp, rel) for doc, grp, rel in self.db.execute("SELECT document, grp, relation FROM groups")}
        paths: Optional[dict[str, list[str]]] = None
        sentences: Optional[dict[str, list[Sentence]]] = None
        if ids is not None:  # the wanted documents' paths and sentences in one query each
            paths, sentences = {}, {}
            for doc_id, path in self.db.execute("SELECT p.document, p.path FROM temp.wanted w"
                                                " JOIN paths p ON p.document = w.id ORDER BY p.rowid"):
                paths.setdefault(doc_id, []).append(path)
            if with_sentences:
                rows = self.db.execute(
                    'SELECT s.document, s.idx, s.start, s."end", s.text, s.paragraph FROM temp.wanted w'
                    " CROSS JOIN sentences s ON s.document = w.id ORDER BY w.id, s.idx").fetchall()
                for doc_id, group in itertools.groupby(rows, key=lambda r: r[0]):
                    sentences[doc_id] = [Sentence(*r) for r in group]
        for row in self.db.execute(sql, params).fetchall():
            (doc_id, path, kind, url, title, published, published_time, byline, dateline, source,
             contributors, text, removed, encoding) = row
            grp, rel = groups.get(doc_id, (None, None))
            doc = Document(
                id=doc_id, path=path, kind=kind, text=text,
                paths=paths.get(doc_id, []) if paths is not None else self.paths(doc_id), url=url, title=title,
                published=dt.date.fromisoformat(published) if published else None,
                published_time=published_time, byline=byline, dateline=dateline, source=source,
                contributors=json.loads(contributors),
                removed=[Removed(r["text"], r["reason"]) for r in json.loads(removed)],
                encoding=encoding or "utf-8", group=grp, relation=rel)
            if with_sentences:
                doc.sentences = sentences.get(doc_id, []) if sentences is not None else [
                    Sentence(doc_id, i, s, e, t, p) for i, s, e, p, t in self.db.execute(
                        'SELECT idx, start, "end", paragraph, text FROM sentences WHERE document = ? ORDER BY idx',
                        (doc_id,))]
                if not with_annotations:  # sentences only: what citing a document needs
                    docs.append(doc)
                    continue
                doc.mentions = [TimeMention(s, e, t, ty, v, g, m, a, doc_id, sent) for sent, s, e, t, ty, v, g, m, a in
                                self.db.execute('SELECT sentence, start, "end", text, type, value, granularity, mod, anchor'
                                                ' FROM mentions WHERE document = ? ORDER BY start', (doc_id,))]
                doc.features = [SentenceFeatures(i, d, g, bool(n), k, r, x, p, w, bool(c))
                                for i, d, g, n, k, r, x, p, w, c in self.db.execute(
                                    "SELECT idx, date, granularity, named, kind, reason, refused, prior, words, chronology"
                                    " FROM features WHERE document = ? ORDER BY idx", (doc_id,))]
            docs.append(doc)
        if docs:
            copied, repeats = self._paragraph_origins([d.id for d in docs])
            for doc in docs:
                doc.paragraph_origins = copied.get(doc.id, {})
                doc.repeated_paragraphs = repeats.get(doc.id, set())
        return docs
